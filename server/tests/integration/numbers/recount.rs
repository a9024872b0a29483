//! The figures of a day counted directly from the signups current that day: made by then and,
//! if ended, ended after it.

use std::collections::BTreeMap;

use app::domain::numbers::Day;
use app::server::db::{self, Db};

/// The signups current at the end of day `$1`: `(person_id, community_slug, created_on)`.
macro_rules! current {
    () => {
        "(SELECT person_id, community_slug, created_on FROM signups WHERE created_on <= $1 \
         UNION ALL SELECT person_id, community_slug, created_on FROM past_signups \
         WHERE created_on <= $1 AND left_on > $1)"
    };
}

/// Asserts that the figures from the tallies equal counting the signups directly.
pub async fn assert_recount(db: &Db, day: &Day) {
    let numbers = db::numbers::as_of(db, day).await.unwrap();
    let d = day.as_str();
    let scalar = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .bind(d)
            .fetch_one(db)
            .await
            .unwrap()
    };
    assert_eq!(
        numbers.signups,
        scalar(concat!("SELECT COUNT(*) FROM ", current!(), " s")).await,
        "{d}"
    );
    assert_eq!(
        numbers.people,
        scalar(concat!(
            "SELECT COUNT(DISTINCT person_id) FROM ",
            current!(),
            " s"
        ))
        .await,
        "{d}"
    );
    assert_eq!(
        numbers.bodies,
        scalar(concat!(
            "SELECT COUNT(DISTINCT p.ente_code) FROM ",
            current!(),
            " s JOIN people p ON p.id = s.person_id"
        ))
        .await,
        "{d}"
    );
    assert_eq!(
        numbers.people_other_bodies,
        scalar(concat!(
            "SELECT COUNT(DISTINCT s.person_id) FROM ",
            current!(),
            " s JOIN people p ON p.id = s.person_id JOIN enti e ON e.code = p.ente_code ",
            "WHERE e.kind IN ('asp', 'consorzio_bonifica', 'ausl', 'azienda_ospedaliera', ",
            "'ente_parco')"
        ))
        .await
    );
    let grouped = |sql: &'static str| async move {
        sqlx::query_as::<_, (String, i64)>(sql)
            .bind(d)
            .fetch_all(db)
            .await
            .unwrap()
            .into_iter()
            .collect::<BTreeMap<String, i64>>()
    };
    let communities = grouped(concat!(
        "SELECT community_slug, COUNT(*) FROM ",
        current!(),
        " s GROUP BY community_slug"
    ))
    .await;
    for community in &numbers.by_community {
        let expected = communities.get(&community.slug).copied().unwrap_or(0);
        assert_eq!(community.signups, expected, "{d} {}", community.slug);
    }
    let provinces = grouped(concat!(
        "SELECT COALESCE(e.province, ''), COUNT(*) FROM ",
        current!(),
        " s JOIN people p ON p.id = s.person_id JOIN enti e ON e.code = p.ente_code ",
        "GROUP BY COALESCE(e.province, '')"
    ))
    .await;
    for province in &numbers.by_province {
        let expected = provinces.get(province.province.code()).copied();
        assert_eq!(
            province.counts.signups,
            expected.unwrap_or(0),
            "{}",
            province.name
        );
    }
    assert_eq!(
        numbers.regional_bodies.signups,
        provinces.get("").copied().unwrap_or(0)
    );
    let kinds = grouped(concat!(
        "SELECT e.kind, COUNT(DISTINCT p.ente_code) FROM ",
        current!(),
        " s JOIN people p ON p.id = s.person_id JOIN enti e ON e.code = p.ente_code ",
        "GROUP BY e.kind"
    ))
    .await;
    for kind in &numbers.by_kind {
        assert_eq!(kind.counts.bodies, kinds[kind.kind.code()], "{}", kind.name);
    }
    // Each day's change: the signups made that day, less those that ended that day.
    let mut days = grouped(
        "SELECT created_on, COUNT(*) FROM (SELECT created_on FROM signups UNION ALL \
         SELECT created_on FROM past_signups) s WHERE created_on <= $1 GROUP BY created_on",
    )
    .await;
    let ended =
        grouped("SELECT left_on, COUNT(*) FROM past_signups WHERE left_on <= $1 GROUP BY left_on")
            .await;
    for (day, count) in ended {
        *days.entry(day).or_default() -= count;
    }
    days.retain(|_, count| *count != 0);
    let by_day: BTreeMap<String, i64> = numbers
        .by_day
        .iter()
        .map(|count| (count.day.as_str().to_owned(), count.new))
        .collect();
    assert_eq!(by_day, days);
}
