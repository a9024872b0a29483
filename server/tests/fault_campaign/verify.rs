//! After each restart: every acknowledged write is there, none twice, and the public figures
//! equal a recount of the signups. Each table is read once per check, so the checks stay quick
//! however many writes the campaign made.

use std::collections::BTreeMap;

use app::server::db::Db;

use super::http;
use super::server::Server;
use super::writers::{Ledger, MOVERS, YEAR};

/// What one check found.
#[derive(Debug, Default)]
pub struct Tally {
    pub acknowledged: usize,
    pub found: usize,
    pub lost: Vec<String>,
    pub duplicated: Vec<String>,
    pub recount_mismatches: Vec<String>,
}

impl Tally {
    /// Enters a write seen `copies` times.
    fn seen(&mut self, what: String, acked: bool, copies: i64) {
        if acked {
            self.acknowledged += 1;
            if copies >= 1 {
                self.found += 1;
            } else {
                self.lost.push(what.clone());
            }
        }
        if copies > 1 {
            self.duplicated.push(what);
        }
    }

    /// Fails the campaign unless nothing was lost or duplicated and the figures add up.
    pub fn assert_whole(&self, round: usize) {
        assert!(
            self.lost.is_empty(),
            "after kill {round}, lost: {:?}",
            self.lost
        );
        assert!(
            self.duplicated.is_empty(),
            "after kill {round}, twice: {:?}",
            self.duplicated
        );
        let mismatches = &self.recount_mismatches;
        assert!(mismatches.is_empty(), "after kill {round}: {mismatches:?}");
    }
}

/// How many rows each value of the first column has, from `sql`.
async fn counts(db: &Db, sql: &'static str) -> BTreeMap<String, i64> {
    let rows: Vec<(String, i64)> = sqlx::query_as(sql).fetch_all(db).await.expect("counts");
    rows.into_iter().collect()
}

/// Checks `ledger` against the database and the figures `server` publishes.
pub async fn check(db: &Db, server: &Server, ledger: &Ledger) -> Tally {
    let mut tally = Tally::default();
    let requests = counts(
        db,
        "SELECT email, COUNT(*) FROM pending_signups GROUP BY email",
    )
    .await;
    let mails = counts(
        db,
        "SELECT recipient, COUNT(*) FROM outbox GROUP BY recipient",
    )
    .await;
    for (email, acked) in &ledger.signups {
        let copies = requests.get(email).copied().unwrap_or(0);
        let mailed = mails.get(email).copied().unwrap_or(0);
        assert_eq!(
            copies, mailed,
            "{email}: each request with its mail, in one transaction"
        );
        tally.seen(format!("signup {email}"), *acked, copies);
    }
    check_versions(db, ledger, &mut tally).await;
    let notes = counts(db, "SELECT id, COUNT(*) FROM board_annotations GROUP BY id").await;
    let events = counts(
        db,
        "SELECT annotation_id, COUNT(*) FROM board_events GROUP BY annotation_id",
    )
    .await;
    for (key, (_, acked)) in &ledger.notes {
        let stored = notes.get(key).copied().unwrap_or(0);
        let changes = events.get(key).copied().unwrap_or(0);
        assert_eq!(
            stored,
            changes.min(1),
            "{key}: an annotation with its event"
        );
        tally.seen(format!("annotation {key}"), *acked, changes);
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
    recount(db, server, &mut tally).await;
    tally
}

/// Each acknowledged plan version under its number with its marker; no marker saved twice.
async fn check_versions(db: &Db, ledger: &Ledger, tally: &mut Tally) {
    let rows: Vec<(String, i64, String)> =
        sqlx::query_as("SELECT community_slug, number, content FROM plan_versions WHERE year = $1")
            .bind(YEAR)
            .fetch_all(db)
            .await
            .expect("the versions");
    let mut copies: BTreeMap<String, i64> = BTreeMap::new();
    let mut numbered: BTreeMap<(&str, i64), String> = BTreeMap::new();
    for (community, number, content) in &rows {
        // The marker a writer put in the context: "Revisione versione-….".
        let marker = content
            .split("Revisione versione-")
            .nth(1)
            .and_then(|rest| rest.split('.').next())
            .map(|rest| format!("versione-{rest}"));
        if let Some(marker) = marker {
            *copies.entry(marker.clone()).or_default() += 1;
            numbered.insert((community.as_str(), *number), marker);
        }
    }
    for (marker, (community, acked)) in &ledger.saves {
        let stored = copies.get(marker).copied().unwrap_or(0);
        let in_place =
            acked.is_none_or(|number| numbered.get(&(community.as_str(), number)) == Some(marker));
        let found = if in_place { stored } else { 0 };
        tally.seen(format!("plan version {marker}"), acked.is_some(), found);
    }
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
