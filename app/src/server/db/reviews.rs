//! The validation: remarks (`reviews/remarks.rs`), decisions and revision windows (see
//! migrations/…_validation.sql).

mod remarks;

use sqlx::Row;

pub use remarks::{NewRemark, StoredRemark, add_remark, remark_counts, remarks};

use super::Db;
use super::plans::Saved;
use crate::domain::community::CommunitySlug;
use crate::domain::cycle::Phase;
use crate::domain::person::PersonId;
use crate::domain::review::{Decision, Outcome, Revision};
use crate::error::AppError;
use crate::server::failure::Context;

/// A decision to write, on top of the `seen` decisions already recorded.
pub struct NewDecision<'a> {
    pub seen: i64,
    pub outcome: Outcome,
    pub community: Option<&'a CommunitySlug>,
    pub changes: &'a str,
    pub meeting_day: &'a str,
    pub minutes: &'a str,
    pub presented: i64,
    pub plan_version: Option<i64>,
    /// For changes requested: the revision's last day and its end in Unix seconds.
    pub revision: Option<(&'a str, i64)>,
    pub recorded_by: &'a PersonId,
    pub now: &'a str,
}

/// A person's name as a column, empty when the person is gone.
const AUTHOR: &str = "COALESCE(p.first_name, '') || ' ' || COALESCE(p.last_name, '')";

/// Locks the cycle's row for the transaction if it is in validation; whether it is.
pub async fn lock_validation(conn: &mut sqlx::AnyConnection, year: i32) -> Result<bool, AppError> {
    let locked = sqlx::query("UPDATE cycles SET phase = phase WHERE year = $1 AND phase = $2")
        .bind(i64::from(year))
        .bind(Phase::Validation.code())
        .execute(conn)
        .await?;
    Ok(locked.rows_affected() == 1)
}

/// Every decision of `year` in the order recorded, with its revision (open at `now`, Unix).
pub async fn decisions(db: &Db, year: i32, now: i64) -> Result<Vec<Decision>, AppError> {
    let sql = format!(
        "SELECT d.number, d.community_slug, d.outcome, d.changes, d.meeting_day, d.minutes, \
         d.presented, d.plan_version, d.recorded_at, {AUTHOR} AS recorded_by, \
         COALESCE(c.name, '') AS community_name, r.until_day, r.ends_at, r.returned_at, \
         COALESCE(q.first_name, '') || ' ' || COALESCE(q.last_name, '') AS returned_by \
         FROM validation_decisions d LEFT JOIN people p ON p.id = d.recorded_by \
         LEFT JOIN communities c ON c.slug = d.community_slug \
         LEFT JOIN plan_revisions r ON r.year = d.year AND r.decision = d.number \
         LEFT JOIN people q ON q.id = r.returned_by \
         WHERE d.year = $1 ORDER BY d.number"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(i64::from(year))
        .fetch_all(db)
        .await?;
    rows.iter().map(|row| decision(row, now)).collect()
}

fn decision(row: &sqlx::any::AnyRow, now: i64) -> Result<Decision, AppError> {
    let slug: String = row.try_get("community_slug")?;
    let outcome: String = row.try_get("outcome")?;
    let until: Option<String> = row.try_get("until_day")?;
    let revision = match until {
        Some(until) => {
            let ends_at: i64 = row.try_get("ends_at")?;
            let returned_at: Option<String> = row.try_get("returned_at")?;
            let returned_by: String = row.try_get("returned_by")?;
            Some(Revision {
                until,
                ends_at,
                open: returned_at.is_none() && now < ends_at,
                returned: returned_at.map(|at| (shown_time(at), returned_by.trim().to_owned())),
            })
        }
        None => None,
    };
    Ok(Decision {
        number: row.try_get("number")?,
        outcome: Outcome::parse(&outcome).context("reading a decision's outcome")?,
        community: (!slug.is_empty())
            .then(|| CommunitySlug::parse(&slug).context("reading a decision's community"))
            .transpose()?,
        community_name: row.try_get("community_name")?,
        changes: row.try_get("changes")?,
        meeting_day: row.try_get("meeting_day")?,
        minutes: row.try_get("minutes")?,
        presented: row.try_get("presented")?,
        plan_version: row.try_get("plan_version")?,
        recorded_by: row.try_get::<String, _>("recorded_by")?.trim().to_owned(),
        recorded_at: shown_time(row.try_get("recorded_at")?),
        revision,
    })
}

/// Records a decision as number `seen + 1`, with its revision window when it asks for changes,
/// and moves the cycle to "Approvato" when the Cabina di Regia approves. `Stale` when another
/// decision or presentation came first; `Closed` when the cycle is not in validation.
pub async fn record(db: &Db, year: i32, new: &NewDecision<'_>) -> Result<Saved, AppError> {
    let mut tx = db.begin().await?;
    if !lock_validation(&mut tx, year).await? {
        return Ok(Saved::Closed);
    }
    let number = new.seen + 1;
    let inserted = sqlx::query(
        "INSERT INTO validation_decisions (year, number, body, community_slug, outcome, changes, \
         meeting_day, minutes, presented, plan_version, recorded_by, recorded_at) \
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 \
         WHERE $2 = 1 + (SELECT COUNT(*) FROM validation_decisions WHERE year = $1) \
         AND $9 = (SELECT MAX(number) FROM general_plan_presentations WHERE year = $1) \
         ON CONFLICT (year, number) DO NOTHING",
    )
    .bind(i64::from(year))
    .bind(number)
    .bind(new.outcome.body().code())
    .bind(new.community.map_or("", CommunitySlug::as_str))
    .bind(new.outcome.code())
    .bind(new.changes)
    .bind(new.meeting_day)
    .bind(new.minutes)
    .bind(new.presented)
    .bind(new.plan_version)
    .bind(new.recorded_by.0.as_str())
    .bind(new.now)
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() != 1 {
        return Ok(Saved::Stale);
    }
    if let (Some((until, ends_at)), Some(community)) = (new.revision, new.community) {
        sqlx::query(
            "INSERT INTO plan_revisions (year, community_slug, decision, until_day, ends_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(i64::from(year))
        .bind(community.as_str())
        .bind(number)
        .bind(until)
        .bind(ends_at)
        .execute(&mut *tx)
        .await?;
    }
    if new.community.is_none() && new.outcome.passes() {
        super::cycles::advance_in(&mut tx, year, Phase::Validation, new.now).await?;
    }
    tx.commit().await?;
    Ok(Saved::Yes)
}

/// Hands back the open revision of a plan; whether one was open at `now` (Unix seconds).
pub async fn hand_back(
    db: &Db,
    year: i32,
    community: &CommunitySlug,
    person: &PersonId,
    at: &str,
    now: i64,
) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    if !lock_validation(&mut tx, year).await? {
        return Ok(false);
    }
    let handed = sqlx::query(
        "UPDATE plan_revisions SET returned_at = $1, returned_by = $2 \
         WHERE year = $3 AND community_slug = $4 AND returned_at IS NULL AND ends_at > $5",
    )
    .bind(at)
    .bind(person.0.as_str())
    .bind(i64::from(year))
    .bind(community.as_str())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(handed.rows_affected() > 0)
}

/// The versions of the general plan presented for validation, oldest first: (number, when).
pub async fn presentations(db: &Db, year: i32) -> Result<Vec<(i64, String)>, AppError> {
    let rows = sqlx::query(
        "SELECT number, presented_at FROM general_plan_presentations WHERE year = $1 \
         ORDER BY number",
    )
    .bind(i64::from(year))
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok((
                row.try_get("number")?,
                shown_time(row.try_get("presented_at")?),
            ))
        })
        .collect()
}

fn shown_time(at: String) -> String {
    crate::server::clock::italian_minute(&at).unwrap_or(at)
}
