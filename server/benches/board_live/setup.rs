//! A board to measure: the cycle in its cross-reading with every demo plan, coordinators with
//! sessions (inserted directly: no password hashing), and instances serving it on TCP ports.

use std::net::SocketAddr;
use std::sync::Arc;

use app::domain::community::CommunitySlug;
use app::domain::cycle::Phase;
use app::domain::person::Email;
use app::domain::role::{Role, RoleKind};
use app::domain::signup_form::{EnteChoice, Signup};
use app::server::board::hub::Hub;
use app::server::clock::unix_now;
use app::server::db::{self, Db};
use app::server::state::AppState;
use app::server::tokens::{digest, secret_token};

/// The year of the board.
pub const YEAR: i32 = 2024;
const NOW: &str = "2024-05-13T07:00:00Z";

/// Opens the cycle of [`YEAR`] in its cross-reading with every demo plan.
pub async fn open_board(db: &Db) {
    let deadlines = [(Phase::CrossReading, "2024-05-14".to_owned())];
    db::cycles::open(db, YEAR, &deadlines, NOW).await.unwrap();
    for (slug, plan) in app::server::demo::plans::plans().unwrap() {
        db::plans::save(db, YEAR, &slug, 0, &plan, None, NOW)
            .await
            .unwrap();
    }
    for from in Phase::ALL.iter().take_while(|p| **p < Phase::CrossReading) {
        db::cycles::advance(db, YEAR, *from, NOW).await.unwrap();
    }
}

/// `count` coordinators (one community each, in turn), each with a session token.
pub async fn coordinators(db: &Db, count: usize) -> Vec<String> {
    let communities: Vec<CommunitySlug> = db::communities::list(db)
        .await
        .unwrap()
        .into_iter()
        .map(|community| community.slug)
        .collect();
    let mut sessions = Vec::with_capacity(count);
    for n in 0..count {
        let community = communities[n % communities.len()].clone();
        let signup = Signup {
            first_name: "Persona".to_owned(),
            last_name: format!("N{n:04}"),
            email: Email::parse(&format!("persona{n}@comune.it")).unwrap(),
            ente: EnteChoice::Registered {
                code: "037006".to_owned(),
                name: String::new(),
            },
            job_title: "Coordinatrice".to_owned(),
            communities: vec![community.clone()],
            password: None,
        };
        let person = db::people::enrol(db, &signup, "037006", None, NOW, None)
            .await
            .unwrap()
            .person;
        let role = Role::in_community(RoleKind::Coordinator, community);
        db::roles::grant(db, &person, &role, NOW).await.unwrap();
        let token = secret_token();
        let origin = db::sessions::Origin {
            user_agent: "banco di prova",
            network: "127.0.0.x",
            method: "password",
        };
        db::sessions::insert(db, &digest(&token), &person, unix_now(), &origin)
            .await
            .unwrap();
        sessions.push(token);
    }
    sessions
}

/// An instance over its own pool of `url`, listening for the others on PostgreSQL.
pub async fn instance(url: &str) -> SocketAddr {
    let db = db::open(url).await.unwrap();
    let postgres = url.starts_with("postgres").then(|| url.to_owned());
    let state = AppState {
        hub: Hub::start(db.clone(), postgres),
        bells: Default::default(),
        pages: Default::default(),
        db,
        leptos_options: leptos::config::LeptosOptions::builder()
            .output_name("comtem")
            .build(),
        settings: Arc::default(),
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = comtem::router::router(state).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}
