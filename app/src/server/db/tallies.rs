//! The tallies behind the public figures: the net change per day and community in signups, and
//! per day, kind of body and province in signups and in people (members of any community).
//! A signup adds one on its day (`created_on`) and, once it ended (`past_signups`), takes one
//! on the day it ended (`left_on`); a person adds one on the day they become a member of some
//! community and takes one on the day they are a member of none. A day's figures sum the
//! changes up to it, so leaving or rejoining never changes a past day; only erasure does.
//!
//! A change to someone's signups or body runs between [`begin`] (lock the people concerned, read
//! what they contribute) and [`finish`] (read it again, add the difference), in the change's
//! transaction. The lock keeps changes to the same people in turn, and the differences are
//! written in one global key order, so concurrent changes neither double-count nor deadlock;
//! the tallies always equal what counting the signups gives (`tests/integration/numbers.rs`).

use std::collections::BTreeMap;

use sqlx::AnyConnection;

use crate::error::AppError;

/// The changes in signups `(ente_code, community_slug, day, delta)` of the people `p` matching
/// the filter: +1 on the day of every signup, current or past; -1 on the day a past one ended.
macro_rules! signup_changes {
    ($filter:literal) => {
        concat!(
            "SELECT p.ente_code, s.community_slug, s.created_on AS day, 1 AS delta ",
            "FROM signups s JOIN people p ON p.id = s.person_id WHERE ",
            $filter,
            " UNION ALL SELECT p.ente_code, s.community_slug, s.created_on, 1 ",
            "FROM past_signups s JOIN people p ON p.id = s.person_id WHERE ",
            $filter,
            " UNION ALL SELECT p.ente_code, s.community_slug, s.left_on, -1 ",
            "FROM past_signups s JOIN people p ON p.id = s.person_id WHERE ",
            $filter
        )
    };
}

/// Whether person `p` had a signup that began `$started` and (if past) ended `$ended`.
macro_rules! member {
    ($started:literal, $ended:literal) => {
        concat!(
            "(EXISTS (SELECT 1 FROM signups o WHERE o.person_id = p.id AND o.created_on ",
            $started,
            ") OR EXISTS (SELECT 1 FROM past_signups o ",
            "WHERE o.person_id = p.id AND o.created_on ",
            $started,
            " AND o.left_on ",
            $ended,
            "))"
        )
    };
}

/// Net signups per day and community among the people matching the filter.
macro_rules! by_community {
    ($filter:literal) => {
        concat!(
            "SELECT c.day AS day, c.community_slug AS community, ",
            "CAST(SUM(c.delta) AS BIGINT) AS signups FROM (",
            signup_changes!($filter),
            ") c GROUP BY c.day, c.community_slug"
        )
    };
}

/// Net signups per day, province and kind of body among the people matching the filter.
macro_rules! signups_by_body {
    ($filter:literal) => {
        concat!(
            "SELECT c.day AS day, COALESCE(e.province, '') AS province, ",
            "COALESCE(e.kind, '') AS kind, CAST(SUM(c.delta) AS BIGINT) AS signups FROM (",
            signup_changes!($filter),
            ") c LEFT JOIN enti e ON e.code = c.ente_code ",
            "GROUP BY c.day, COALESCE(e.province, ''), COALESCE(e.kind, '')"
        )
    };
}

/// Net people per day, province and kind of body among the people matching the filter: +1 on a
/// day a (non-empty) signup began and the person was a member of nothing the day before, -1 on
/// a day one ended leaving them a member of nothing; `UNION` counts each person once a day.
macro_rules! people_by_body {
    ($filter:literal) => {
        concat!(
            "SELECT x.day AS day, COALESCE(e.province, '') AS province, ",
            "COALESCE(e.kind, '') AS kind, CAST(SUM(x.delta) AS BIGINT) AS people FROM (",
            "SELECT p.id, p.ente_code, s.created_on AS day, 1 AS delta ",
            "FROM signups s JOIN people p ON p.id = s.person_id WHERE ",
            $filter,
            " AND NOT ",
            member!("< s.created_on", ">= s.created_on"),
            " UNION SELECT p.id, p.ente_code, s.created_on, 1 ",
            "FROM past_signups s JOIN people p ON p.id = s.person_id WHERE ",
            $filter,
            " AND s.left_on > s.created_on AND NOT ",
            member!("< s.created_on", ">= s.created_on"),
            " UNION SELECT p.id, p.ente_code, s.left_on, -1 ",
            "FROM past_signups s JOIN people p ON p.id = s.person_id WHERE ",
            $filter,
            " AND s.left_on > s.created_on AND NOT ",
            member!("<= s.left_on", "> s.left_on"),
            ") x LEFT JOIN enti e ON e.code = x.ente_code ",
            "GROUP BY x.day, COALESCE(e.province, ''), COALESCE(e.kind, '')"
        )
    };
}

/// Whose contribution changes: one person, or everyone of one body.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    Person(&'a str),
    Ente(&'a str),
}

/// What some people add to the tallies: per (day, community), per (day, province, kind).
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

/// Records the day of the earliest current signup of the people in `scope` (`joined_on`, which
/// tells the bodies represented on a day), and adds to the tallies the difference between what
/// they contribute now and `before`.
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
            by_community!("p.id = $1"),
            signups_by_body!("p.id = $1"),
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
            let key = (day, province, kind);
            let (signups, people) = contribution.bodies.entry(key).or_default();
            *if is_people { people } else { signups } += count;
        }
    }
    Ok(contribution)
}

/// Recounts every tally from the signups and past signups: for data loaded in bulk.
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
