//! Erasing an account: what identifies the person goes from every table that held it, in one
//! transaction; the row stays, emptied, so what the person wrote keeps a pseudonym.

use sqlx::AnyConnection;

use super::Db;
use super::audit::{self, Entry};
use super::tallies::{self, Scope};
use crate::domain::general_plan::Assembled;
use crate::domain::person::{ERASED_NAME, PersonId};
use crate::error::AppError;
use crate::server::auth::throttle::account_keys;
use crate::server::failure::Context;

/// Rows that belong to the person alone and go whole. Signups past and present go too, so the
/// person leaves the figures of every day.
const OWN_ROWS: [&str; 14] = [
    "signups",
    "past_signups",
    "roles",
    "sessions",
    "login_links",
    "meeting_attendance",
    "calendar_feeds",
    "notifications",
    "notification_settings",
    "notification_kinds",
    "notification_muted",
    "notification_digests",
    "unsubscribe_links",
    "board_presence",
];

/// Erases `person` (`now`, RFC 3339) and writes `entry` in the audit log. Their mail waiting or
/// kept in the outbox, the throttle counts kept under their address and the accessibility
/// reports they sent from it lose the address; the general plan names them as it names any
/// erased author, and its documents are built again on request.
pub async fn erase(db: &Db, person: &PersonId, now: &str, entry: &Entry) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    // The lock first: on SQLite a transaction that reads before it writes fails at once when
    // another connection wrote meanwhile.
    let scope = Scope::Person(&person.0);
    let before = tallies::begin(&mut tx, scope).await?;
    let email: Option<String> =
        sqlx::query_scalar("SELECT email FROM people WHERE id = $1 AND deleted_at IS NULL")
            .bind(&person.0)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(email) = email else {
        return Err(AppError::LoginRequired);
    };
    for table in OWN_ROWS {
        let sql = format!("DELETE FROM {table} WHERE person_id = $1");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(&person.0)
            .execute(&mut *tx)
            .await?;
    }
    tallies::finish(&mut tx, scope, before).await?;
    forget_address(&mut tx, &email).await?;
    rename_in_general_plans(&mut tx, person).await?;
    sqlx::query(
        "UPDATE people SET email = 'eliminato:' || id, first_name = $1, last_name = $2, \
         job_title = '', ente_code = NULL, password_hash = NULL, deleted_at = $3 WHERE id = $4",
    )
    .bind(ERASED_NAME[0])
    .bind(ERASED_NAME[1])
    .bind(now)
    .bind(&person.0)
    .execute(&mut *tx)
    .await?;
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes `email` from the outbox, the throttle and the accessibility reports.
async fn forget_address(conn: &mut AnyConnection, email: &str) -> Result<(), AppError> {
    sqlx::query("DELETE FROM outbox WHERE recipient = $1")
        .bind(email)
        .execute(&mut *conn)
        .await?;
    for key in account_keys(email) {
        sqlx::query("DELETE FROM throttle WHERE key = $1")
            .bind(key)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("UPDATE accessibility_reports SET name = '', email = '' WHERE LOWER(email) = $1")
        .bind(email)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Names the person's annotations quoted in saved general plans as erased, and drops the
/// documents built from those versions.
async fn rename_in_general_plans(
    conn: &mut AnyConnection,
    person: &PersonId,
) -> Result<(), AppError> {
    let theirs: Vec<String> =
        sqlx::query_scalar("SELECT id FROM board_annotations WHERE author_id = $1")
            .bind(&person.0)
            .fetch_all(&mut *conn)
            .await?;
    if theirs.is_empty() {
        return Ok(());
    }
    let versions: Vec<(i64, i64, String)> =
        sqlx::query_as("SELECT year, number, assembled FROM general_plan_versions")
            .fetch_all(&mut *conn)
            .await?;
    let erased = ERASED_NAME.join(" ");
    for (year, number, json) in versions {
        let Ok(mut assembled) = serde_json::from_str::<Assembled>(&json) else {
            tracing::error!(year, number, "general plan version unreadable: not renamed");
            continue;
        };
        let quoted = assembled
            .sources
            .iter_mut()
            .filter(|s| theirs.contains(&s.id));
        let mut renamed = false;
        for source in quoted {
            source.author.clone_from(&erased);
            renamed = true;
        }
        if !renamed {
            continue;
        }
        let json = serde_json::to_string(&assembled).context("writing a renamed general plan")?;
        sqlx::query(
            "UPDATE general_plan_versions SET assembled = $1 WHERE year = $2 AND number = $3",
        )
        .bind(json)
        .bind(year)
        .bind(number)
        .execute(&mut *conn)
        .await?;
        sqlx::query("DELETE FROM general_plan_documents WHERE year = $1 AND number = $2")
            .bind(year)
            .bind(number)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
