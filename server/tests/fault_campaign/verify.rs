//! After each restart: every acknowledged write is there, none twice, and the public figures
//! equal a recount of the signups.

use app::server::db::Db;

use super::http;
use super::server::Server;
use super::writers::{Ledger, MOVERS, YEAR};

/// What the checks found, over the whole campaign.
#[derive(Debug, Default)]
pub struct Tally {
    pub acknowledged: usize,
    pub found: usize,
    pub lost: Vec<String>,
    pub duplicated: Vec<String>,
    pub recount_mismatches: Vec<String>,
}

async fn count(db: &Db, sql: &'static str, key: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(key.to_owned())
        .fetch_one(db)
        .await
        .expect("a count")
}

/// Checks `ledger` against the database and the figures `server` publishes.
pub async fn check(db: &Db, server: &Server, ledger: &Ledger, tally: &mut Tally) {
    let mut seen = |what: String, acked: bool, copies: i64| {
        if acked {
            tally.acknowledged += 1;
            if copies >= 1 {
                tally.found += 1;
            } else {
                tally.lost.push(what.clone());
            }
        }
        if copies > 1 {
            tally.duplicated.push(what);
        }
    };
    for (email, acked) in &ledger.signups {
        let requests = count(
            db,
            "SELECT COUNT(*) FROM pending_signups WHERE email = $1",
            email,
        )
        .await;
        let mails = count(
            db,
            "SELECT COUNT(*) FROM outbox WHERE recipient = $1",
            email,
        )
        .await;
        assert_eq!(
            requests, mails,
            "{email}: each request with its mail, in one transaction"
        );
        seen(format!("signup {email}"), *acked, requests);
    }
    for (marker, (community, acked)) in &ledger.saves {
        let pattern = format!("%{marker}.%");
        let versions = count(
            db,
            "SELECT COUNT(*) FROM plan_versions WHERE content LIKE $1",
            &pattern,
        )
        .await;
        let holds = match acked {
            None => true,
            Some(number) => {
                let stored: Option<String> = sqlx::query_scalar(
                    "SELECT content FROM plan_versions \
                     WHERE year = $1 AND community_slug = $2 AND number = $3",
                )
                .bind(YEAR)
                .bind(community.clone())
                .bind(*number)
                .fetch_optional(db)
                .await
                .expect("a version");
                stored.is_some_and(|content| content.contains(marker.as_str()))
            }
        };
        let copies = if holds { versions } else { 0 };
        seen(format!("plan version {marker}"), acked.is_some(), copies);
    }
    for (key, (_, acked)) in &ledger.notes {
        let stored = count(
            db,
            "SELECT COUNT(*) FROM board_annotations WHERE id = $1",
            key,
        )
        .await;
        let events = count(
            db,
            "SELECT COUNT(*) FROM board_events WHERE annotation_id = $1",
            key,
        )
        .await;
        assert_eq!(
            stored.min(1),
            events.min(1),
            "{key}: an annotation with its event"
        );
        seen(format!("annotation {key}"), *acked, events);
    }
    for (who, community) in MOVERS {
        let Some((acked, asked)) = ledger.members.get(who) else {
            continue;
        };
        let member = sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM signups s JOIN people p ON p.id = s.person_id \
             WHERE p.email = $1 AND s.community_slug = $2",
        )
        .bind(who)
        .bind(community)
        .fetch_one(db)
        .await
        .expect("a count")
            > 0;
        let allowed = [Some(*asked), *acked];
        assert!(
            allowed.contains(&Some(member)),
            "{who} in {community}: {member}, acknowledged {acked:?}, asked {asked}"
        );
    }
    recount(db, server, tally).await;
}

/// Compares today's published figures with the signups counted now.
async fn recount(db: &Db, server: &Server, tally: &mut Tally) {
    let reply = http::get(server.addr, "/api/v1/numeri.json")
        .await
        .expect("the figures");
    let figures: serde_json::Value = serde_json::from_str(&reply.body).expect("JSON figures");
    let counted: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM signups")
        .fetch_one(db)
        .await
        .expect("a count");
    let published = figures["iscrizioni"].as_i64().expect("iscrizioni");
    if published != counted {
        tally
            .recount_mismatches
            .push(format!("published {published}, counted {counted}"));
    }
}
