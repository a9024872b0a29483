//! Many distinct people allowed on the board: members of the demo made referents by regional
//! staff (through the same server function as the roles page), each with a session of their
//! own. The sessions are written as a login writes them (a random token, its digest stored),
//! which spares the campaign hundreds of login links or argon2 hashes before it starts.

use std::net::SocketAddr;
use std::time::Duration;

use app::api::admin::AssignRole;
use app::domain::person::PersonId;
use app::domain::role::RoleKind;
use app::server::clock::unix_now;
use app::server::db::{self, Db, sessions::Origin};
use app::server::tokens::{digest, secret_token};
use futures::StreamExt;

use super::live::{self, Follower};
use super::writers;

/// Communities the referents are named for, in turn.
const COMMUNITIES: [&str; 4] = ["dati", "documenti", "cittadini", "imprese"];

/// `count` demo members without a password (never logged in), made referents: the `Cookie`
/// header value of a session of each.
pub async fn referents(addr: SocketAddr, db: &Db, count: usize) -> Vec<String> {
    let people: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, email FROM people WHERE password_hash IS NULL AND deleted_at IS NULL \
         ORDER BY email LIMIT $1",
    )
    .bind(i64::try_from(count).expect("a count"))
    .fetch_all(db)
    .await
    .expect("the demo members");
    assert_eq!(people.len(), count, "the demo has {count} members to spare");
    let admin = writers::log_in(addr, "admin@comtem.demo").await;
    let assigned = futures::stream::iter(people.iter().enumerate())
        .map(|(n, (_, email))| {
            let assign = AssignRole {
                email: email.clone(),
                ruolo: RoleKind::Referent.code().to_owned(),
                comunita: COMMUNITIES[n % COMMUNITIES.len()].to_owned(),
            };
            let admin = admin.clone();
            async move { writers::call(addr, &assign, Some(&admin)).await }
        })
        .buffer_unordered(8)
        .collect::<Vec<_>>()
        .await;
    for reply in assigned {
        let reply = reply.expect("answered");
        assert_eq!(reply.status, 200, "a role assigned: {}", reply.body);
    }
    let origin = Origin {
        user_agent: "fault campaign",
        network: "127.0.0.0",
        method: "link",
    };
    let mut cookies = Vec::with_capacity(count);
    for (id, _) in &people {
        let token = secret_token();
        let person = PersonId(id.clone());
        db::sessions::insert(db, &digest(&token), &person, unix_now(), &origin)
            .await
            .expect("a session");
        cookies.push(format!("comtem_session={token}"));
    }
    cookies
}

/// The coordinator of a community and the item of its plan they annotate.
pub struct Writer {
    /// The `Cookie` header value of their session.
    pub session: String,
    pub community: &'static str,
    pub item: String,
}

/// `clients` live clients, signed in as up to 200 referents and all following the board from
/// its latest event, and the coordinator of `community` ready to write.
pub async fn audience(
    addr: SocketAddr,
    db: &Db,
    clients: usize,
    community: &'static str,
) -> (Vec<Follower>, Writer) {
    let people = clients.min(200);
    let cookies = referents(addr, db, people).await;
    let email = format!("coordinatore.{community}@comtem.demo");
    let session = writers::log_in(addr, &email).await;
    let item = live::first_objective(addr, &session, community).await;
    let since = db::board::latest_event(db).await.expect("the last event");
    let followers: Vec<Follower> = (0..clients)
        .map(|n| Follower::start(addr, cookies[n % people].clone(), since))
        .collect();
    assert!(live::wait_following(&followers, Duration::from_secs(30)).await);
    let writer = Writer {
        session,
        community,
        item,
    };
    (followers, writer)
}
