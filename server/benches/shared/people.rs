//! Synthetic members for the benchmarks.

use app::domain::community::CommunitySlug;
use app::server::db::{self, Db};

/// `members` people spread over the ten communities (some in two); the communities.
pub async fn enrol(db: &Db, members: usize) -> Vec<CommunitySlug> {
    let communities: Vec<CommunitySlug> = db::communities::list(db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.slug)
        .collect();
    let mut tx = db.begin().await.unwrap();
    for n in 0..members {
        let id = format!("bench-{n}");
        sqlx::query(
            "INSERT INTO people (id, email, first_name, last_name, job_title, privacy_version, \
             privacy_accepted_at, created_at) VALUES ($1, $2, 'Nicolò', $3, 'Istruttore', '1', \
             '2024-05-06T08:00:00Z', '2024-05-06T08:00:00Z') ON CONFLICT DO NOTHING",
        )
        .bind(&id)
        .bind(format!("{id}@comune.bench.it"))
        .bind(format!("D'Alì {n}"))
        .execute(&mut *tx)
        .await
        .unwrap();
        let joined = if n % 5 == 0 { 2 } else { 1 };
        for k in 0..joined {
            let community = &communities[(n + k * 3) % communities.len()];
            sqlx::query(
                "INSERT INTO signups (person_id, community_slug, created_at) \
                 VALUES ($1, $2, '2024-05-06T08:00:00Z') ON CONFLICT DO NOTHING",
            )
            .bind(&id)
            .bind(community.as_str())
            .execute(&mut *tx)
            .await
            .unwrap();
        }
    }
    tx.commit().await.unwrap();
    communities
}
