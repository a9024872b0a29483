//! The yearly cycles: their phase and deadlines, and freezing the plans when a phase starts.

use sqlx::any::AnyExecutor;

use super::Db;
use crate::domain::cycle::Phase;
use crate::error::AppError;
use crate::server::failure::Context;

/// A cycle as stored: its phase and each phase's deadline day.
pub struct StoredCycle {
    pub phase: Phase,
    pub deadlines: Vec<(Phase, String)>,
}

/// The most recent year with a cycle.
pub async fn latest_year(db: &Db) -> Result<Option<i32>, AppError> {
    let year: Option<i64> = sqlx::query_scalar("SELECT MAX(year) FROM cycles")
        .fetch_one(db)
        .await?;
    Ok(year.and_then(|y| i32::try_from(y).ok()))
}

/// The cycle of `year`, if there is one.
pub async fn find(db: &Db, year: i32) -> Result<Option<StoredCycle>, AppError> {
    let phase: Option<String> = sqlx::query_scalar("SELECT phase FROM cycles WHERE year = $1")
        .bind(i64::from(year))
        .fetch_optional(db)
        .await?;
    let Some(phase) = phase else {
        return Ok(None);
    };
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT phase, day FROM cycle_deadlines WHERE year = $1")
            .bind(i64::from(year))
            .fetch_all(db)
            .await?;
    let mut deadlines: Vec<(Phase, String)> = rows
        .into_iter()
        .filter_map(|(phase, day)| Phase::parse(&phase).map(|phase| (phase, day)))
        .collect();
    deadlines.sort();
    Ok(Some(StoredCycle {
        phase: Phase::parse(&phase).context("reading a cycle's phase")?,
        deadlines,
    }))
}

/// Opens the cycle of `year` in drafting with these deadlines; whether it did not exist.
pub async fn open(
    db: &Db,
    year: i32,
    deadlines: &[(Phase, String)],
    now: &str,
) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    let created = sqlx::query(
        "INSERT INTO cycles (year, phase, changed_at) VALUES ($1, $2, $3) ON CONFLICT (year) DO NOTHING",
    )
    .bind(i64::from(year))
    .bind(Phase::Drafting.code())
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if created {
        for (phase, day) in deadlines {
            sqlx::query("INSERT INTO cycle_deadlines (year, phase, day) VALUES ($1, $2, $3)")
                .bind(i64::from(year))
                .bind(phase.code())
                .bind(day)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(created)
}

/// Moves the cycle from phase `from` to the next one and freezes every plan's current version
/// for it. Whether the cycle was in `from` (a second click on the same button does nothing).
pub async fn advance(db: &Db, year: i32, from: Phase, now: &str) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    let moved = advance_in(&mut tx, year, from, now).await?;
    tx.commit().await?;
    Ok(moved)
}

/// [`advance`] inside the caller's transaction.
pub async fn advance_in(
    conn: &mut sqlx::AnyConnection,
    year: i32,
    from: Phase,
    now: &str,
) -> Result<bool, AppError> {
    let Some(to) = from.next() else {
        return Ok(false);
    };
    let moved =
        sqlx::query("UPDATE cycles SET phase = $1, changed_at = $2 WHERE year = $3 AND phase = $4")
            .bind(to.code())
            .bind(now)
            .bind(i64::from(year))
            .bind(from.code())
            .execute(&mut *conn)
            .await?
            .rows_affected()
            == 1;
    if moved {
        freeze(conn, year, to).await?;
    }
    Ok(moved)
}

/// Records each plan's current version as the one `phase` started with.
pub async fn freeze(
    conn: &mut sqlx::AnyConnection,
    year: i32,
    phase: Phase,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO plan_phase_versions (year, community_slug, phase, number) \
         SELECT year, community_slug, $2, MAX(number) FROM plan_versions WHERE year = $1 \
         GROUP BY year, community_slug \
         ON CONFLICT (year, community_slug, phase) DO NOTHING",
    )
    .bind(i64::from(year))
    .bind(phase.code())
    .execute(conn)
    .await?;
    Ok(())
}

/// Sets the deadline of one phase; whether the cycle exists.
pub async fn set_deadline<'e>(
    db: impl AnyExecutor<'e>,
    year: i32,
    phase: Phase,
    day: &str,
) -> Result<bool, AppError> {
    let result = sqlx::query(
        "INSERT INTO cycle_deadlines (year, phase, day) SELECT year, $2, $3 FROM cycles WHERE year = $1 \
         ON CONFLICT (year, phase) DO UPDATE SET day = excluded.day",
    )
    .bind(i64::from(year))
    .bind(phase.code())
    .bind(day)
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}
