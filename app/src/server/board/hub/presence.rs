//! Who follows the board: one `board_presence` row per open live connection, on any instance.

use super::PresenceByYear;
use crate::domain::board::live::Presence;
use crate::domain::community::CommunitySlug;
use crate::domain::person::PersonId;
use crate::server::db::Db;

/// Rows not refreshed for this many seconds belong to a connection that is gone.
pub const STALE_AFTER_SECS: i64 = 60;

/// One live connection following the board of `year`.
pub struct Follower<'a> {
    pub connection: &'a str,
    pub year: i32,
    pub person: &'a PersonId,
    /// First and last name.
    pub name: &'a str,
    pub viewing: Option<&'a CommunitySlug>,
}

/// Records (or refreshes) that `follower` is on the board at `now` (Unix seconds).
pub async fn upsert(db: &Db, follower: &Follower<'_>, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO board_presence (connection_id, year, person_id, name, community_slug, seen_at) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (connection_id) DO UPDATE SET community_slug = excluded.community_slug, \
         seen_at = excluded.seen_at",
    )
    .bind(follower.connection)
    .bind(i64::from(follower.year))
    .bind(&follower.person.0)
    .bind(follower.name)
    .bind(follower.viewing.map(CommunitySlug::as_str))
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// Forgets a connection that closed.
pub async fn remove(db: &Db, connection: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM board_presence WHERE connection_id = $1")
        .bind(connection)
        .execute(db)
        .await?;
    Ok(())
}

/// Refreshes the rows of `instance`'s connections (it is alive) and removes stale rows.
pub async fn sweep(db: &Db, instance: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE board_presence SET seen_at = $1 WHERE connection_id LIKE $2")
        .bind(now)
        .bind(format!("{instance}-%"))
        .execute(db)
        .await?;
    sqlx::query("DELETE FROM board_presence WHERE seen_at < $1")
        .bind(now - STALE_AFTER_SECS)
        .execute(db)
        .await?;
    Ok(())
}

/// Who follows each year's board at `now`: fresh rows only, sorted, each person and plan once.
pub async fn current(db: &Db, now: i64) -> Result<PresenceByYear, sqlx::Error> {
    let rows: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT year, name, person_id, community_slug FROM board_presence WHERE seen_at >= $1",
    )
    .bind(now - STALE_AFTER_SECS)
    .fetch_all(db)
    .await?;
    let mut by_year = PresenceByYear::new();
    for (year, name, person, viewing) in rows {
        let Ok(year) = i32::try_from(year) else {
            continue;
        };
        let viewing = viewing.and_then(|slug| CommunitySlug::parse(&slug).ok());
        by_year.entry(year).or_default().push(Presence {
            name,
            person: PersonId(person),
            viewing,
        });
    }
    for list in by_year.values_mut() {
        list.sort();
        list.dedup();
    }
    Ok(by_year)
}
