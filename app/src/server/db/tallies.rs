//! The tallies behind the public figures: signups per day and community, and per day, kind of
//! body and province (with the people whose first signup fell that day).
//!
//! A change to someone's signups or body happens between [`lock`]ing them, [`retract`]ing what
//! they contribute and [`apply`]ing it again, all in the change's transaction. Contributions add
//! up, and the lock keeps concurrent changes to the same people in turn, so the tallies always
//! equal what counting the signups would give (`tests/integration/numbers.rs` checks it).

use sqlx::AnyConnection;

use crate::error::AppError;

/// Adds `$1` times the signups matching the filter to `tally_communities`.
macro_rules! by_community {
    ($filter:literal) => {
        concat!(
            "INSERT INTO tally_communities (day, community_slug, signups) ",
            "SELECT s.created_on, s.community_slug, $1 * COUNT(*) ",
            "FROM signups s JOIN people p ON p.id = s.person_id WHERE ", $filter,
            " GROUP BY s.created_on, s.community_slug ",
            "ON CONFLICT (day, community_slug) ",
            "DO UPDATE SET signups = tally_communities.signups + excluded.signups"
        )
    };
}

/// Adds `$1` times the signups matching the filter to `tally_bodies`.
macro_rules! signups_by_body {
    ($filter:literal) => {
        concat!(
            "INSERT INTO tally_bodies (day, province, ente_kind, signups, people) ",
            "SELECT s.created_on, COALESCE(e.province, ''), COALESCE(e.kind, ''), $1 * COUNT(*), 0 ",
            "FROM signups s JOIN people p ON p.id = s.person_id ",
            "LEFT JOIN enti e ON e.code = p.ente_code WHERE ", $filter,
            " GROUP BY s.created_on, COALESCE(e.province, ''), COALESCE(e.kind, '') ",
            "ON CONFLICT (day, province, ente_kind) ",
            "DO UPDATE SET signups = tally_bodies.signups + excluded.signups"
        )
    };
}

/// Adds `$1` times the people matching the filter, on the day they first joined, to `tally_bodies`.
macro_rules! people_by_body {
    ($filter:literal) => {
        concat!(
            "INSERT INTO tally_bodies (day, province, ente_kind, signups, people) ",
            "SELECT p.joined_on, COALESCE(e.province, ''), COALESCE(e.kind, ''), 0, $1 * COUNT(*) ",
            "FROM people p LEFT JOIN enti e ON e.code = p.ente_code ",
            "WHERE p.joined_on IS NOT NULL AND ", $filter,
            " GROUP BY p.joined_on, COALESCE(e.province, ''), COALESCE(e.kind, '') ",
            "ON CONFLICT (day, province, ente_kind) ",
            "DO UPDATE SET people = tally_bodies.people + excluded.people"
        )
    };
}


/// Whose contribution changes: one person, or everyone of one body.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    Person(&'a str),
    Ente(&'a str),
}

/// Waits for, then holds until the transaction ends, the write lock on the people in `scope`
/// (a row lock on PostgreSQL, the database's write lock on SQLite).
pub async fn lock(conn: &mut AnyConnection, scope: Scope<'_>) -> Result<(), AppError> {
    let sql = match scope {
        Scope::Person(_) => "UPDATE people SET joined_on = joined_on WHERE id = $1",
        Scope::Ente(_) => "UPDATE people SET joined_on = joined_on WHERE ente_code = $1",
    };
    sqlx::query(sql).bind(scope.key()).execute(conn).await?;
    Ok(())
}

/// Takes the contribution of the people in `scope` out of the tallies.
pub async fn retract(conn: &mut AnyConnection, scope: Scope<'_>) -> Result<(), AppError> {
    add(conn, scope, -1).await
}

/// Records when the people in `scope` first joined, then adds their contribution to the tallies.
pub async fn apply(conn: &mut AnyConnection, scope: Scope<'_>) -> Result<(), AppError> {
    let sql = match scope {
        Scope::Person(_) => concat!(
            "UPDATE people SET joined_on = ",
            "(SELECT MIN(s.created_on) FROM signups s WHERE s.person_id = people.id) WHERE id = $1"
        ),
        Scope::Ente(_) => concat!(
            "UPDATE people SET joined_on = ",
            "(SELECT MIN(s.created_on) FROM signups s WHERE s.person_id = people.id) WHERE ente_code = $1"
        ),
    };
    sqlx::query(sql).bind(scope.key()).execute(&mut *conn).await?;
    add(conn, scope, 1).await
}

/// Adds `sign` times the contribution of `scope` to each tally.
async fn add(conn: &mut AnyConnection, scope: Scope<'_>, sign: i64) -> Result<(), AppError> {
    let statements = match scope {
        Scope::Person(_) => [
            by_community!("s.person_id = $2"),
            signups_by_body!("s.person_id = $2"),
            people_by_body!("p.id = $2"),
        ],
        Scope::Ente(_) => [
            by_community!("p.ente_code = $2"),
            signups_by_body!("p.ente_code = $2"),
            people_by_body!("p.ente_code = $2"),
        ],
    };
    for sql in statements {
        sqlx::query(sql)
            .bind(sign)
            .bind(scope.key())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Recounts every tally from the signups: for data loaded in bulk.
pub async fn rebuild(conn: &mut AnyConnection) -> Result<(), AppError> {
    for sql in [
        "DELETE FROM tally_communities",
        "DELETE FROM tally_bodies",
        concat!(
            "UPDATE people SET joined_on = ",
            "(SELECT MIN(s.created_on) FROM signups s WHERE s.person_id = people.id)"
        ),
        by_community!("TRUE"),
        signups_by_body!("TRUE"),
        people_by_body!("TRUE"),
    ] {
        let query = sqlx::query(sql);
        let query = if sql.contains("$1") { query.bind(1_i64) } else { query };
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

impl Scope<'_> {
    fn key(&self) -> &str {
        match self {
            Self::Person(key) | Self::Ente(key) => key,
        }
    }
}

