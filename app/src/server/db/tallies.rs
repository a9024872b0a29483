//! The tallies behind the public figures: signups per day and community, and per day, kind of
//! body and province (with the people whose first signup fell that day).
//!
//! A change to someone's signups or body runs between [`begin`] (lock the people concerned, read
//! what they contribute) and [`finish`] (read it again, add the difference), in the change's
//! transaction. The lock keeps changes to the same people in turn, and the differences are
//! written in one global key order, so concurrent changes neither double-count nor deadlock;
//! the tallies always equal what counting the signups gives (`tests/integration/numbers.rs`).

use std::collections::BTreeMap;

use sqlx::AnyConnection;

use crate::error::AppError;

/// Signups per day and community among those matching the filter.
macro_rules! by_community {
    ($filter:literal) => {
        concat!(
            "SELECT s.created_on AS day, s.community_slug AS community, COUNT(*) AS signups ",
            "FROM signups s JOIN people p ON p.id = s.person_id WHERE ",
            $filter,
            " GROUP BY s.created_on, s.community_slug"
        )
    };
}

/// Signups per day, province and kind of body among those matching the filter.
macro_rules! signups_by_body {
    ($filter:literal) => {
        concat!(
            "SELECT s.created_on AS day, COALESCE(e.province, '') AS province, ",
            "COALESCE(e.kind, '') AS kind, COUNT(*) AS signups ",
            "FROM signups s JOIN people p ON p.id = s.person_id ",
            "LEFT JOIN enti e ON e.code = p.ente_code WHERE ",
            $filter,
            " GROUP BY s.created_on, COALESCE(e.province, ''), COALESCE(e.kind, '')"
        )
    };
}

/// People per day of their first signup, province and kind of body among those matching the
/// filter.
macro_rules! people_by_body {
    ($filter:literal) => {
        concat!(
            "SELECT p.joined_on AS day, COALESCE(e.province, '') AS province, ",
            "COALESCE(e.kind, '') AS kind, COUNT(*) AS people ",
            "FROM people p LEFT JOIN enti e ON e.code = p.ente_code ",
            "WHERE p.joined_on IS NOT NULL AND ",
            $filter,
            " GROUP BY p.joined_on, COALESCE(e.province, ''), COALESCE(e.kind, '')"
        )
    };
}

/// Whose contribution changes: one person, or everyone of one body.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    Person(&'a str),
    Ente(&'a str),
}

/// What some people add to the tallies: signups per (day, community), and signups and first
/// signups per (day, province, kind of body).
#[derive(Debug, Default)]
pub struct Contribution {
    communities: BTreeMap<(String, String), i64>,
    bodies: BTreeMap<(String, String, String), (i64, i64)>,
}

/// Locks the people in `scope` until the transaction ends (a row lock on PostgreSQL, the write
/// lock on SQLite) and reads what they contribute now.
pub async fn begin(conn: &mut AnyConnection, scope: Scope<'_>) -> Result<Contribution, AppError> {
    let sql = match scope {
        Scope::Person(_) => "UPDATE people SET joined_on = joined_on WHERE id = $1",
        Scope::Ente(_) => "UPDATE people SET joined_on = joined_on WHERE ente_code = $1",
    };
    sqlx::query(sql)
        .bind(scope.key())
        .execute(&mut *conn)
        .await?;
    contribution(conn, scope).await
}

/// Records when the people in `scope` first joined, and adds to the tallies the difference
/// between what they contribute now and `before`.
pub async fn finish(
    conn: &mut AnyConnection,
    scope: Scope<'_>,
    before: Contribution,
) -> Result<(), AppError> {
    let sql = match scope {
        Scope::Person(_) => concat!(
            "UPDATE people SET joined_on = ",
            "(SELECT MIN(s.created_on) FROM signups s WHERE s.person_id = people.id) WHERE id = $1"
        ),
        Scope::Ente(_) => concat!(
            "UPDATE people SET joined_on = ",
            "(SELECT MIN(s.created_on) FROM signups s WHERE s.person_id = people.id) ",
            "WHERE ente_code = $1"
        ),
    };
    sqlx::query(sql)
        .bind(scope.key())
        .execute(&mut *conn)
        .await?;
    let mut change = contribution(conn, scope).await?;
    change.subtract(before);
    for ((day, community), signups) in change.communities {
        if signups == 0 {
            continue;
        }
        sqlx::query(
            "INSERT INTO tally_communities (day, community_slug, signups) VALUES ($1, $2, $3) \
             ON CONFLICT (day, community_slug) \
             DO UPDATE SET signups = tally_communities.signups + excluded.signups",
        )
        .bind(day)
        .bind(community)
        .bind(signups)
        .execute(&mut *conn)
        .await?;
    }
    for ((day, province, kind), (signups, people)) in change.bodies {
        if (signups, people) == (0, 0) {
            continue;
        }
        sqlx::query(
            "INSERT INTO tally_bodies (day, province, ente_kind, signups, people) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (day, province, ente_kind) \
             DO UPDATE SET signups = tally_bodies.signups + excluded.signups, \
             people = tally_bodies.people + excluded.people",
        )
        .bind(day)
        .bind(province)
        .bind(kind)
        .bind(signups)
        .bind(people)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

impl Contribution {
    /// Adds `other` to this contribution.
    pub fn add(&mut self, other: Contribution) {
        self.combine(other, 1);
    }

    fn subtract(&mut self, other: Contribution) {
        self.combine(other, -1);
    }

    fn combine(&mut self, other: Contribution, sign: i64) {
        for (key, signups) in other.communities {
            *self.communities.entry(key).or_default() += sign * signups;
        }
        for (key, (signups, people)) in other.bodies {
            let entry = self.bodies.entry(key).or_default();
            entry.0 += sign * signups;
            entry.1 += sign * people;
        }
    }
}

/// What the people in `scope` contribute now.
async fn contribution(
    conn: &mut AnyConnection,
    scope: Scope<'_>,
) -> Result<Contribution, AppError> {
    let [communities, signups, people] = match scope {
        Scope::Person(_) => [
            by_community!("s.person_id = $1"),
            signups_by_body!("s.person_id = $1"),
            people_by_body!("p.id = $1"),
        ],
        Scope::Ente(_) => [
            by_community!("p.ente_code = $1"),
            signups_by_body!("p.ente_code = $1"),
            people_by_body!("p.ente_code = $1"),
        ],
    };
    let mut contribution = Contribution::default();
    let rows: Vec<(String, String, i64)> = sqlx::query_as(communities)
        .bind(scope.key())
        .fetch_all(&mut *conn)
        .await?;
    for (day, community, count) in rows {
        contribution.communities.insert((day, community), count);
    }
    for (sql, is_people) in [(signups, false), (people, true)] {
        let rows: Vec<(String, String, String, i64)> = sqlx::query_as(sql)
            .bind(scope.key())
            .fetch_all(&mut *conn)
            .await?;
        for (day, province, kind, count) in rows {
            let entry = contribution
                .bodies
                .entry((day, province, kind))
                .or_default();
            if is_people {
                entry.1 += count;
            } else {
                entry.0 += count;
            }
        }
    }
    Ok(contribution)
}

/// Recounts every tally from the signups: for data loaded in bulk.
pub async fn rebuild(conn: &mut AnyConnection) -> Result<(), AppError> {
    for sql in [
        "DELETE FROM tally_communities",
        "DELETE FROM tally_bodies",
        "UPDATE people SET joined_on = NULL",
        concat!(
            "UPDATE people SET joined_on = first.day FROM (SELECT person_id, MIN(created_on) AS day ",
            "FROM signups GROUP BY person_id) first WHERE first.person_id = people.id"
        ),
        concat!(
            "INSERT INTO tally_communities (day, community_slug, signups) ",
            by_community!("TRUE")
        ),
        concat!(
            "INSERT INTO tally_bodies (day, province, ente_kind, signups, people) ",
            "SELECT day, province, kind, signups, 0 FROM (",
            signups_by_body!("TRUE"),
            ") t"
        ),
        concat!(
            "INSERT INTO tally_bodies (day, province, ente_kind, signups, people) ",
            "SELECT day, province, kind, 0, people FROM (",
            people_by_body!("TRUE"),
            ") t WHERE TRUE ON CONFLICT (day, province, ente_kind) ",
            "DO UPDATE SET people = excluded.people"
        ),
    ] {
        sqlx::query(sql).execute(&mut *conn).await?;
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
