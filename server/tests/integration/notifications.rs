//! Notifications through the router: a news post and a meeting tell the members of their
//! community (never their author), reading the place or "mark all" reads them, preferences
//! silence a community or a kind, forged preferences are refused, and the bell's live count
//! needs a session. What the plans' cycle tells is in `notifications/plans.rs`.

mod board;
mod mail;
mod plans;
mod validation;

use app::api::notifications::{
    HeaderState, ListNotifications, MarkAllNotificationsRead, SaveNotificationSettings,
};
use app::api::profile::DeleteAccount;
use app::domain::notification::form::NotificationForm;
use app::domain::notification::{Kind, NotificationList};
use app::domain::role::{RoleKind, Viewer};
use app::domain::validation::Problem;
use app::server::db::Db;
use axum::http::StatusCode;

use crate::meetings::{form as meeting_form, save as save_meeting, saved_id as meeting_id};
use crate::news::{form as news_form, save as save_news, saved_id as news_id};
use crate::support::{TestApp, lead, logged_in, ok};

on_both_databases!(
    members_are_told_of_news_and_meetings_and_read_them,
    preferences_silence_and_forged_ones_are_refused,
    the_live_count_needs_a_session,
);

async fn list(app: &TestApp, session: &str) -> NotificationList {
    ok(&app.call(&ListNotifications {}, Some(session)).await)
}

/// What the header shows on the page at `path`: the unread count after reading that page.
async fn bell(app: &TestApp, session: &str, path: &str) -> i64 {
    let args = HeaderState {
        pagina: path.into(),
    };
    let state: Option<(Viewer, i64)> = ok(&app.call(&args, Some(session)).await);
    state.expect("logged in").1
}

async fn members_are_told_of_news_and_meetings_and_read_them(db: Db) {
    let app = TestApp::new(&db);
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let nicolo = logged_in(&app, "Nicolò D'Alì", &["dati"], None).await;
    let marta = logged_in(&app, "Marta Bruni", &["imprese"], None).await;

    let title = "<script>alert(1)</script> Dati aperti & Nicolò";
    let post = news_id(
        &save_news(
            &app,
            Some(&carla),
            0,
            0,
            news_form(title, &["dati"], "pubblicata"),
        )
        .await,
    );
    let meeting =
        meeting_id(&save_meeting(&app, &carla, 0, 0, meeting_form("Incontro dei dati")).await);

    let told = list(&app, &nicolo).await;
    let lines: Vec<(Kind, &str, &str, Option<&str>)> = told
        .notifications
        .iter()
        .map(|n| {
            (
                n.kind,
                n.subject.as_str(),
                n.href.as_str(),
                n.actor.as_deref(),
            )
        })
        .collect();
    let (post_href, meeting_href) = (format!("/notizie/{post}"), format!("/incontri/{meeting}"));
    assert_eq!(
        lines,
        [
            (
                Kind::Meeting,
                "Incontro dei dati",
                meeting_href.as_str(),
                Some("Carla Neri")
            ),
            (Kind::News, title, post_href.as_str(), Some("Carla Neri")),
        ]
    );
    assert_eq!(told.unread, 2);
    assert!(
        list(&app, &carla).await.notifications.is_empty(),
        "the author is not told"
    );
    assert!(
        list(&app, &marta).await.notifications.is_empty(),
        "another community is not told"
    );

    // A draft tells no one; publishing it later does, once.
    let draft = news_id(
        &save_news(
            &app,
            Some(&carla),
            0,
            0,
            news_form("Bozza", &["dati"], "bozza"),
        )
        .await,
    );
    assert_eq!(list(&app, &nicolo).await.unread, 2);
    let published = save_news(
        &app,
        Some(&carla),
        draft,
        0,
        news_form("Bozza", &["dati"], "pubblicata"),
    )
    .await;
    assert_eq!(news_id(&published), draft);
    let again = save_news(
        &app,
        Some(&carla),
        draft,
        1,
        news_form("Bozza ritoccata", &["dati"], "pubblicata"),
    )
    .await;
    assert_eq!(news_id(&again), draft);
    assert_eq!(
        list(&app, &nicolo).await.unread,
        3,
        "a change to a published post is not news"
    );

    // Reading the post's page reads its notification; the list says so.
    assert_eq!(bell(&app, &nicolo, &post_href).await, 2);
    assert_eq!(bell(&app, &nicolo, "/comunita/dati").await, 2);
    let after = list(&app, &nicolo).await;
    let read: Vec<bool> = after.notifications.iter().map(|n| n.read).collect();
    assert_eq!(read, [false, false, true]);

    let marked = app.call(&MarkAllNotificationsRead {}, Some(&nicolo)).await;
    assert_eq!(marked.location(), "/notifiche?lette=1");
    assert_eq!(list(&app, &nicolo).await.unread, 0);
    let page = app.get_as("/notifiche", &nicolo).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Nuova notizia: &lt;script&gt;"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("aria-label=\"Notifiche, nessuna da leggere\"")
    );
    assert_eq!(
        app.get("/notifiche", &[]).await.status,
        StatusCode::UNAUTHORIZED
    );

    // Erasure: the author's name goes with their account, and a deleted person's notifications go.
    let delete = DeleteAccount {
        conferma: Some("on".into()),
    };
    assert_eq!(
        app.call(&delete, Some(&carla)).await.location(),
        "/?account=eliminato"
    );
    let actors: Vec<Option<String>> = list(&app, &nicolo)
        .await
        .notifications
        .into_iter()
        .map(|n| n.actor)
        .collect();
    assert!(
        actors
            .iter()
            .all(|a| a.as_deref() == Some("Persona cancellata")),
        "{actors:?}"
    );
    app.call(&delete, Some(&nicolo)).await;
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM notifications")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(left, 0, "Marta was told nothing; Nicolò's are gone");
}

fn preferences(
    sito: &[&str],
    email: &[&str],
    silenziate: &[&str],
    riepilogo: &str,
) -> NotificationForm {
    let strings = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
    NotificationForm {
        sito: strings(sito),
        email: strings(email),
        silenziate: strings(silenziate),
        riepilogo: riepilogo.into(),
    }
}

async fn preferences_silence_and_forged_ones_are_refused(db: Db) {
    let app = TestApp::new(&db);
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let nicolo = logged_in(&app, "Nicolò D'Alì", &["dati"], None).await;
    let save = async |form: NotificationForm| {
        app.call(&SaveNotificationSettings { form }, Some(&nicolo))
            .await
    };

    // Meetings off under the bell and by email, the rest as before.
    let all_but_meetings: Vec<&str> = Kind::ALL
        .iter()
        .filter(|k| **k != Kind::Meeting)
        .map(|k| k.code())
        .collect();
    let saved = save(preferences(
        &all_but_meetings,
        &["incontro:no"],
        &[],
        "giornaliero",
    ))
    .await;
    assert_eq!(saved.location(), "/profilo?notifiche=salvate#notifiche");
    save_meeting(&app, &carla, 0, 0, meeting_form("Non lo saprà")).await;
    save_news(
        &app,
        Some(&carla),
        0,
        0,
        news_form("Questa sì", &["dati"], "pubblicata"),
    )
    .await;
    let kinds: Vec<Kind> = list(&app, &nicolo)
        .await
        .notifications
        .iter()
        .map(|n| n.kind)
        .collect();
    assert_eq!(kinds, [Kind::News]);

    // The community silenced: nothing more from it.
    save(preferences(
        &all_but_meetings,
        &[],
        &["dati"],
        "settimanale",
    ))
    .await;
    save_news(
        &app,
        Some(&carla),
        0,
        0,
        news_form("Silenziata", &["dati"], "pubblicata"),
    )
    .await;
    assert_eq!(list(&app, &nicolo).await.notifications.len(), 1);

    #[rustfmt::skip]
    let forged = [
        (preferences(&["<script>"], &[], &[], "settimanale"), "sito", Problem::UnknownChoice),
        (preferences(&[], &["menzione:sempre"], &[], "settimanale"), "email", Problem::UnknownChoice),
        (preferences(&[], &["'; DROP TABLE notifications; --"], &[], "settimanale"), "email", Problem::UnknownChoice),
        (preferences(&[], &[], &["atlantide"], "settimanale"), "silenziate", Problem::UnknownCommunity),
        (preferences(&[], &[], &[], "ogni ora"), "riepilogo", Problem::UnknownChoice),
        (preferences(&[], &[], &[], ""), "riepilogo", Problem::UnknownChoice),
    ];
    for (form, field, problem) in forged {
        let refused = save(form.clone()).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
        let rejection = refused
            .error()
            .and_then(|e| e.rejection().cloned())
            .expect("a rejection");
        assert_eq!(rejection.problem(field), Some(&problem), "{form:?}");
    }
    // What was saved stays.
    save_news(
        &app,
        Some(&carla),
        0,
        0,
        news_form("Ancora silenziata", &["dati"], "pubblicata"),
    )
    .await;
    assert_eq!(list(&app, &nicolo).await.notifications.len(), 1);
    let visitor = app
        .call(
            &SaveNotificationSettings {
                form: preferences(&[], &[], &[], "no"),
            },
            None,
        )
        .await;
    assert_eq!(visitor.status, StatusCode::UNAUTHORIZED);
}

async fn the_live_count_needs_a_session(db: Db) {
    let app = TestApp::new(&db);
    assert_eq!(
        app.get("/notifiche/conteggio", &[]).await.status,
        StatusCode::UNAUTHORIZED
    );
}
