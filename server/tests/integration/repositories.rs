//! Repository tests: what the seed stores and how it reads back.

use app::domain::community::CommunitySlug;
use app::domain::ente::{Ente, EnteKind, Province};
use app::server::db::{self, Db};
use app::server::seed;

on_both_databases!(
    lists_the_ten_communities_in_order,
    finds_a_community_with_its_declaratoria,
    counts_members_from_signups,
    registers_the_bodies_of_the_region,
    seeding_twice_changes_nothing,
    stores_hostile_text_verbatim,
);

const SLUGS: [&str; 10] = [
    "internet-of-things",
    "dati",
    "digital-gender-gap",
    "amministratori-digitali",
    "integrazioni-digitali",
    "imprese",
    "facilitazione-digitale",
    "documenti",
    "cybersecurity-e-cloud",
    "cittadini",
];

async fn lists_the_ten_communities_in_order(db: Db) {
    let communities = db::communities::list(&db).await.unwrap();
    let slugs: Vec<_> = communities.iter().map(|c| c.slug.as_str()).collect();
    assert_eq!(slugs, SLUGS);
    assert!(
        communities
            .iter()
            .all(|c| c.member_count == 0 && !c.summary.is_empty())
    );
}

async fn finds_a_community_with_its_declaratoria(db: Db) {
    let slug = CommunitySlug::parse("cybersecurity-e-cloud").unwrap();
    let community = db::communities::find(&db, &slug)
        .await
        .unwrap()
        .expect("exists");
    assert_eq!(community.summary.name, "Cybersecurity e Cloud");
    let declaratoria = community.declaratoria;
    assert!((4..=6).contains(&declaratoria.themes.len()));
    assert!((3..=5).contains(&declaratoria.objectives.len()));
    assert!(declaratoria.mission.len() > 200 && declaratoria.audience.len() > 100);

    let unknown = CommunitySlug::parse("non-esiste").unwrap();
    assert_eq!(db::communities::find(&db, &unknown).await.unwrap(), None);
}

async fn counts_members_from_signups(db: Db) {
    crate::support::person(&db, "p1@comune.it", &["dati", "documenti"]).await;
    crate::support::person(&db, "p2@comune.it", &["dati"]).await;
    let counts: Vec<_> = db::communities::list(&db)
        .await
        .unwrap()
        .into_iter()
        .filter(|c| c.member_count > 0)
        .map(|c| (c.slug.to_string(), c.member_count))
        .collect();
    assert_eq!(
        counts,
        [("dati".to_owned(), 2), ("documenti".to_owned(), 1)]
    );
}

async fn registers_the_bodies_of_the_region(db: Db) {
    let total = db::enti::count(&db).await.unwrap();
    assert!(total > 600, "only {total} bodies");
    let by_kind = db::enti::count_by_kind(&db).await.unwrap();
    let count_of = |kind| {
        by_kind
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, n)| *n)
    };
    assert_eq!(count_of(EnteKind::Comune), 330);
    assert_eq!(
        count_of(EnteKind::Provincia) + count_of(EnteKind::CittaMetropolitana),
        9
    );
    assert_eq!(count_of(EnteKind::Regione), 1);
    for kind in EnteKind::ALL {
        assert!(count_of(*kind) > 0, "no body of kind {}", kind.code());
    }

    let bologna = db::enti::find(&db, "037006")
        .await
        .unwrap()
        .expect("Bologna");
    assert_eq!(
        (bologna.name.as_str(), bologna.kind, bologna.province),
        ("Bologna", EnteKind::Comune, Some(Province::Bologna))
    );
    let region = db::enti::find(&db, "regione-er")
        .await
        .unwrap()
        .expect("the Region");
    assert_eq!((region.kind, region.province), (EnteKind::Regione, None));
    assert_eq!(db::enti::find(&db, "' OR 1=1 --").await.unwrap(), None);
}

async fn seeding_twice_changes_nothing(db: Db) {
    let before = (
        db::communities::count(&db).await.unwrap(),
        db::enti::count(&db).await.unwrap(),
    );
    seed::load_if_empty(&db).await.unwrap();
    let enti = seed::enti().unwrap();
    db::enti::insert_all(&db, &enti).await.unwrap();
    let after = (
        db::communities::count(&db).await.unwrap(),
        db::enti::count(&db).await.unwrap(),
    );
    assert_eq!(before, after);
    assert_eq!(after.1, enti.len() as i64);
}

async fn stores_hostile_text_verbatim(db: Db) {
    let name = "Nicolò D'Alì <script>alert(1)</script>'; DROP TABLE enti; -- 🏛️";
    let ente = Ente {
        code: "prova-ostile".into(),
        name: name.into(),
        kind: EnteKind::Asp,
        province: Some(Province::Ravenna),
    };
    db::enti::insert_all(&db, &[(ente.clone(), true)])
        .await
        .unwrap();
    assert_eq!(
        db::enti::find(&db, "prova-ostile").await.unwrap(),
        Some(ente)
    );
    assert!(
        db::enti::count(&db).await.unwrap() > 600,
        "the table survived"
    );
}
