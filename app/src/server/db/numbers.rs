//! The public figures as of a day, from the tallies (see [`super::tallies`]): a handful of
//! aggregates over rows per day, never over the signups themselves. A body counts on a day when
//! one of its people has a signup current that day: a current one made by then (`joined_on`), or
//! a past one made by then and ended after it.

use std::collections::BTreeMap;

use super::Db;
use crate::domain::ente::{EnteKind, Province};
use crate::domain::numbers::{
    CommunityCount, Counts, Day, DayCount, EnteGroup, KindCount, Numbers, ProvinceCount,
};
use crate::error::AppError;

/// The figures as of the end of `day`.
pub async fn as_of(db: &Db, day: &Day) -> Result<Numbers, AppError> {
    let by_community: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT c.slug, c.name, COALESCE(t.signups, 0) FROM communities c LEFT JOIN \
         (SELECT community_slug, CAST(SUM(signups) AS BIGINT) AS signups FROM tally_communities \
          WHERE day <= $1 GROUP BY community_slug) t ON t.community_slug = c.slug \
         ORDER BY COALESCE(t.signups, 0) DESC, c.position",
    )
    .bind(day.as_str())
    .fetch_all(db)
    .await?;
    let by_body: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT province, ente_kind, CAST(SUM(signups) AS BIGINT), CAST(SUM(people) AS BIGINT) \
         FROM tally_bodies WHERE day <= $1 GROUP BY province, ente_kind",
    )
    .bind(day.as_str())
    .fetch_all(db)
    .await?;
    let bodies: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT COALESCE(e.province, ''), e.kind, COUNT(*) FROM enti e WHERE EXISTS \
         (SELECT 1 FROM people p WHERE p.ente_code = e.code AND p.joined_on <= $1) \
         OR e.code IN (SELECT p.ente_code FROM past_signups s JOIN people p ON p.id = s.person_id \
         WHERE s.created_on <= $1 AND s.left_on > $1) \
         GROUP BY COALESCE(e.province, ''), e.kind",
    )
    .bind(day.as_str())
    .fetch_all(db)
    .await?;
    let by_day: Vec<(String, i64)> = sqlx::query_as(
        "SELECT day, CAST(SUM(signups) AS BIGINT) FROM tally_communities WHERE day <= $1 \
         GROUP BY day HAVING SUM(signups) <> 0 ORDER BY day",
    )
    .bind(day.as_str())
    .fetch_all(db)
    .await?;
    Ok(assemble(day, by_community, &by_body, &bodies, by_day))
}

/// Folds the rows of the four queries into [`Numbers`].
fn assemble(
    day: &Day,
    by_community: Vec<(String, String, i64)>,
    by_body: &[(String, String, i64, i64)],
    bodies: &[(String, String, i64)],
    by_day: Vec<(String, i64)>,
) -> Numbers {
    let mut provinces: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut kinds: BTreeMap<&str, Counts> = BTreeMap::new();
    for (province, kind, signups, people) in by_body {
        for counts in [
            provinces.entry(province.as_str()).or_default(),
            kinds.entry(kind.as_str()).or_default(),
        ] {
            counts.signups += signups;
            counts.people += people;
        }
    }
    for (province, kind, count) in bodies {
        provinces.entry(province.as_str()).or_default().bodies += count;
        kinds.entry(kind.as_str()).or_default().bodies += count;
    }
    let mut by_province: Vec<ProvinceCount> = Province::ALL
        .iter()
        .map(|province| ProvinceCount {
            province: *province,
            name: province.name().to_owned(),
            counts: provinces.get(province.code()).copied().unwrap_or_default(),
        })
        .collect();
    by_province.sort_by_key(|count| std::cmp::Reverse(count.counts.signups));
    let mut by_kind: Vec<KindCount> = kinds
        .iter()
        .filter_map(|(code, counts)| {
            let kind = EnteKind::parse(code)?;
            Some(KindCount {
                kind,
                name: kind.label().to_owned(),
                group: EnteGroup::of(kind),
                counts: *counts,
            })
        })
        .filter(|count| count.counts.signups > 0)
        .collect();
    by_kind.sort_by_key(|count| std::cmp::Reverse(count.counts.signups));
    let total = kinds
        .values()
        .fold(Counts::default(), |sum, counts| Counts {
            signups: sum.signups + counts.signups,
            bodies: sum.bodies + counts.bodies,
            people: sum.people + counts.people,
        });
    let people_other_bodies = by_kind
        .iter()
        .filter(|count| count.group == EnteGroup::Other)
        .map(|count| count.counts.people)
        .sum();
    let mut running = 0;
    Numbers {
        day: day.clone(),
        signups: total.signups,
        bodies: total.bodies,
        people: total.people,
        people_other_bodies,
        by_community: by_community
            .into_iter()
            .map(|(slug, name, signups)| CommunityCount {
                slug,
                name,
                signups,
            })
            .collect(),
        by_province,
        regional_bodies: provinces.get("").copied().unwrap_or_default(),
        by_kind,
        by_day: by_day
            .into_iter()
            .map(|(day, new)| {
                running += new;
                DayCount {
                    day: Day::from_trusted(day),
                    new,
                    total: running,
                }
            })
            .collect(),
    }
}
