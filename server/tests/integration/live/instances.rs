//! Two server instances on one PostgreSQL database, each with its own pool and hub, on two
//! ports: a change made through one reaches the clients of the other, and so does presence;
//! a session made on one works on the other. PostgreSQL only (`--skip postgres::` skips it).

use app::api::board::Board;
use app::domain::board::live::ClientMessage;
use app::domain::cycle::Phase;
use app::domain::role::RoleKind;
use app::server::board::hub::Hub;
use app::server::db::{self, Db};
use axum::http::StatusCode;

use super::client::{Client, serve, submit};
use super::{YEAR, comment, presence_until};
use crate::support::{TestApp, TestDb, lead, open_board, slug};

mod postgres {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_change_and_presence_reach_the_clients_of_another_instance() {
        let test = super::TestDb::postgres().await;
        test.run(super::a_change_and_presence_reach_the_clients_of_another_instance)
            .await;
    }
}

/// An instance of the application over the database of `db`, with its own pool and hub.
async fn instance(db: &Db) -> TestApp {
    let url = db.connect_options().database_url.to_string();
    let own = db::open(&url).await.expect("a second pool");
    let mut app = TestApp::new(&own);
    app.state.hub = Hub::start(own, Some(url));
    app
}

async fn a_change_and_presence_reach_the_clients_of_another_instance(db: Db) {
    open_board(&db, Phase::CrossReading).await;
    let (a, b) = (instance(&db).await, instance(&db).await);
    let carla = lead(&a, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let rocco = lead(&a, "Rocco Bassi", RoleKind::Referent, "documenti").await;
    let on_b = b.call(&Board {}, Some(&carla)).await;
    assert_eq!(
        on_b.status,
        StatusCode::OK,
        "a session made on A works on B"
    );
    let (addr_a, addr_b) = (serve(a.state.clone()).await, serve(b.state.clone()).await);

    let mut on_a = Client::follow(addr_a, &rocco, YEAR, 0).await;
    let mut on_b = Client::follow(addr_b, &carla, YEAR, 0).await;
    on_b.send(&ClientMessage::Viewing(Some(slug("dati")))).await;
    let both = [("Carla Neri", Some("dati")), ("Rocco Bassi", None)];
    presence_until(&mut on_a, &both).await;
    presence_until(&mut on_b, &both).await;

    for n in 1..=3 {
        let key = format!("nota{n:08}");
        let made = submit(
            addr_a,
            &rocco,
            YEAR,
            &format!("chiave{n:06}"),
            &comment(&key),
        )
        .await;
        let on_b_got = on_b.changes(1).await;
        assert_eq!(
            on_b_got,
            std::slice::from_ref(&made),
            "through A, live on B"
        );
        assert_eq!(on_a.changes(1).await, [made], "and on A");
    }
    on_a.close().await;
    presence_until(&mut on_b, &both[..1]).await;
}
