//! Notifications by email through a real SMTP server, with the clock moved by the test: a
//! mention unread after the hold is mailed once, read in the application it is not; the
//! digest holds each notification once and never comes empty; someone who lost access is
//! neither shown nor mailed what they can no longer read; the mail's one-click unsubscribe
//! works with one POST and no session, and says what it turned off.

use std::time::Duration;

use app::api::notifications::MyNotificationSettings;
use app::domain::cycle::Phase;
use app::domain::notification::form::NotificationSettings;
use app::domain::notification::preferences::DigestFrequency;
use app::domain::notification::{Kind, MailMode};
use app::domain::role::{Role, RoleKind};
use app::server::clock::unix_now;
use app::server::db::notifications::preferences;
use app::server::db::{self, Db};
use app::server::notifications::mail::{send_digests, send_held};
use axum::body::Body;
use axum::http::{Request, StatusCode};

use super::board::person_named;
use super::{bell, list};
use crate::board::{comment, submit};
use crate::mail::app_mailing_to;
use crate::news::{form as news_form, save as save_news, saved_id as news_id};
use crate::smtp_sink::SmtpSink;
use crate::support::{TestApp, lead, logged_in, ok, open_board, slug};

on_both_databases!(
    a_mention_is_mailed_once_after_the_hold_unless_read_and_unsubscribes_in_one_click,
    the_digest_holds_each_notification_once_and_never_comes_empty,
    who_lost_access_is_neither_shown_nor_mailed,
);

/// The hold, and a moment after it.
const AFTER_HOLD: i64 = 10 * 60 + 1;
const ARRIVAL: Duration = Duration::from_secs(20);

/// A one-click unsubscribe as a mail client sends it: a POST, no cookie, no `Origin`.
async fn one_click(app: &TestApp, link: &str) -> crate::support::Page {
    let path = link.trim_start_matches("https://comtem.test");
    let request = Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("List-Unsubscribe=One-Click"))
        .unwrap();
    app.send(request).await
}

async fn a_mention_is_mailed_once_after_the_hold_unless_read_and_unsubscribes_in_one_click(db: Db) {
    let sink = SmtpSink::start();
    let (app, dispatcher) = app_mailing_to(&db, &sink);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let nicolo = lead(&app, "Nicola Dalla", RoleKind::Coordinator, "imprese").await;
    let luca = lead(&app, "Luca Zanetti", RoleKind::Referent, "imprese").await;
    let text =
        "Sentiamo @nicola dalla e @Luca Zanetti, grazie Nicolò D'Alì <script>alert(1)</script>";
    submit(
        &app,
        Some(&carla),
        "nota00000001",
        &comment("nota00000001", "documenti", "os3mq", text),
    )
    .await;
    // Luca reads the board: his mention is read, and will not be mailed.
    assert_eq!(bell(&app, &luca, "/lettura-trasversale").await, 0);

    let now = unix_now();
    assert_eq!(send_held(&app.state, now).await.unwrap(), 0, "still held");
    assert_eq!(send_held(&app.state, now + AFTER_HOLD).await.unwrap(), 1);
    assert_eq!(
        send_held(&app.state, now + AFTER_HOLD + 60).await.unwrap(),
        0,
        "once"
    );
    assert_eq!(dispatcher.deliver_due().await.unwrap(), 1);
    let mail = sink.wait_for(1, ARRIVAL).await.remove(0);
    assert_eq!(mail.rcpt_to, ["nicola.dalla@comune.it"]);
    let subject = &mail.subject;
    assert!(
        subject.starts_with("Carla Neri ti ha menzionato: «Sentiamo @nicola dalla"),
        "{subject}"
    );
    assert!(
        subject.ends_with("…» sul piano Documenti"),
        "80 characters at most: {subject}"
    );
    assert!(
        mail.text()
            .contains("https://comtem.test/lettura-trasversale#annotazione-nota00000001")
    );
    assert!(!mail.html.clone().unwrap_or_default().contains("<script>"));
    let header = mail.list_unsubscribe.clone().expect("List-Unsubscribe");
    let link = header.trim_matches(['<', '>']);
    assert!(
        link.starts_with("https://comtem.test/notifiche/disiscrizione/"),
        "{header}"
    );
    assert_eq!(
        mail.list_unsubscribe_post.as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    assert!(mail.text().contains(link), "the link is in the text too");

    // Opening the link only asks; one POST without a session turns the mentions' mails off.
    let asked = app
        .get(link.trim_start_matches("https://comtem.test"), &[])
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(
        asked
            .body
            .contains("Vuoi smettere di ricevere per email «Menzioni di te o del tuo gruppo»?")
    );
    let settings: NotificationSettings =
        ok(&app.call(&MyNotificationSettings {}, Some(&nicolo)).await);
    assert_eq!(
        settings.preferences.choice(Kind::Mention).mail,
        MailMode::Now,
        "not yet"
    );
    let done = one_click(&app, link).await;
    assert_eq!(done.status, StatusCode::OK, "no redirect: RFC 8058");
    assert!(
        done.body
            .contains("Fatto: non riceverai più per email «Menzioni di te o del tuo gruppo»"),
        "{}",
        done.body
    );
    let settings: NotificationSettings =
        ok(&app.call(&MyNotificationSettings {}, Some(&nicolo)).await);
    let mention = settings.preferences.choice(Kind::Mention);
    assert_eq!((mention.mail, mention.in_app), (MailMode::Off, true));
    assert_eq!(
        one_click(&app, link).await.status,
        StatusCode::OK,
        "twice is harmless"
    );
    let unknown = one_click(&app, "/notifiche/disiscrizione/nessuno").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.body.contains("Questo collegamento non è valido"));

    // A new mention still rings the bell, and is not mailed.
    let again = comment("nota00000002", "dati", "ob69j", "Ancora @Nicola Dalla.");
    submit(&app, Some(&carla), "nota00000002", &again).await;
    assert_eq!(list(&app, &nicolo).await.unread, 2);
    let later = unix_now() + AFTER_HOLD;
    assert_eq!(send_held(&app.state, later).await.unwrap(), 0);
}

async fn the_digest_holds_each_notification_once_and_never_comes_empty(db: Db) {
    let sink = SmtpSink::start();
    let (app, dispatcher) = app_mailing_to(&db, &sink);
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    logged_in(&app, "Nicola Dalla", &["dati"], None).await;
    let marta = logged_in(&app, "Marta Bruni", &["dati"], None).await;
    logged_in(&app, "Anna Verdi", &["dati", "imprese"], None).await;
    let anna_id = person_named(&db, "Anna").await;
    let mut daily = preferences::load(&mut db.acquire().await.unwrap(), &anna_id)
        .await
        .unwrap();
    daily.digest = DigestFrequency::Daily;
    let mut tx = db.begin().await.unwrap();
    preferences::save(&mut tx, &anna_id, &daily).await.unwrap();
    tx.commit().await.unwrap();

    let publish = async |title: &str| {
        let form = news_form(title, &["dati"], "pubblicata");
        news_id(&save_news(&app, Some(&carla), 0, 0, form).await)
    };
    let first = publish("Dati aperti").await;
    let second = publish("Open data day").await;
    // Marta reads both in the site: nothing is left for her digest.
    bell(&app, &marta, &format!("/notizie/{first}")).await;
    bell(&app, &marta, &format!("/notizie/{second}")).await;

    let now = unix_now();
    assert_eq!(
        send_digests(&app.state, DigestFrequency::Weekly, now)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        send_digests(&app.state, DigestFrequency::Weekly, now + 60)
            .await
            .unwrap(),
        0,
        "nothing twice"
    );
    assert_eq!(
        send_digests(&app.state, DigestFrequency::Daily, now)
            .await
            .unwrap(),
        1,
        "Anna"
    );
    assert_eq!(
        send_digests(&app.state, DigestFrequency::Daily, now + 60)
            .await
            .unwrap(),
        0
    );
    assert_eq!(dispatcher.deliver_due().await.unwrap(), 2);
    let mails = sink.wait_for(2, ARRIVAL).await;
    let weekly = mails
        .iter()
        .find(|m| m.rcpt_to == ["nicola.dalla@comune.it"])
        .expect("Nicolò's");
    assert_eq!(weekly.subject, "Il riepilogo della settimana: 2 novità");
    let text = weekly.text();
    let dati = text.find("DATI").expect("the community's heading");
    let line = text
        .find("- Nuova notizia: Dati aperti")
        .expect("a line per post");
    assert!(dati < line, "{text}");
    assert!(text.contains("- Nuova notizia: Open data day"), "{text}");
    assert!(weekly.list_unsubscribe.is_some());
    let daily = mails
        .iter()
        .find(|m| m.rcpt_to == ["anna.verdi@comune.it"])
        .expect("Anna's");
    assert_eq!(daily.subject, "Il riepilogo di oggi: 2 novità");
    assert!(
        mails.iter().all(|m| m.rcpt_to != ["marta.bruni@comune.it"]),
        "never empty"
    );

    // A third post: only it is in the next digest; the digest's link turns the digest off.
    publish("Terza notizia").await;
    let link = weekly.list_unsubscribe.clone().unwrap();
    let done = one_click(&app, link.trim_matches(['<', '>'])).await;
    assert!(
        done.body
            .contains("Fatto: non riceverai più il riepilogo per email."),
        "{}",
        done.body
    );
    assert_eq!(
        send_digests(&app.state, DigestFrequency::Weekly, now + 120)
            .await
            .unwrap(),
        1,
        "Marta's, who has not read the third; Nicola turned his off"
    );
    assert_eq!(
        send_digests(&app.state, DigestFrequency::Daily, now + 120)
            .await
            .unwrap(),
        1,
        "Anna's"
    );
    assert_eq!(dispatcher.deliver_due().await.unwrap(), 2);
    let later: Vec<Vec<String>> = sink.wait_for(4, ARRIVAL).await[2..]
        .iter()
        .map(|m| m.rcpt_to.clone())
        .collect();
    assert!(
        later.contains(&vec!["marta.bruni@comune.it".to_owned()]),
        "{later:?}"
    );
    assert!(
        later.contains(&vec!["anna.verdi@comune.it".to_owned()]),
        "{later:?}"
    );
}

async fn who_lost_access_is_neither_shown_nor_mailed(db: Db) {
    let sink = SmtpSink::start();
    let (app, _dispatcher) = app_mailing_to(&db, &sink);
    open_board(&db, Phase::CrossReading).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let luca = lead(&app, "Luca Zanetti", RoleKind::Referent, "imprese").await;
    let op = comment("nota00000001", "documenti", "os3mq", "Per @Luca Zanetti.");
    submit(&app, Some(&carla), "nota00000001", &op).await;
    assert_eq!(list(&app, &luca).await.unread, 1);

    let luca_id = person_named(&db, "Luca").await;
    let role = Role::in_community(RoleKind::Referent, slug("imprese"));
    assert!(db::roles::revoke(&db, &luca_id, &role).await.unwrap());
    let now_told = list(&app, &luca).await;
    assert!(
        now_told.notifications.is_empty(),
        "the board is no longer his to read"
    );
    assert_eq!(now_told.unread, 0);
    assert_eq!(
        send_held(&app.state, unix_now() + AFTER_HOLD)
            .await
            .unwrap(),
        0
    );
}
