//! Bad meetings get Italian errors per field and store nothing; a meeting created twice at once
//! gets two numbers; two changes on the same revision keep one and refuse the other.

use app::domain::meeting::{MeetingPage, MeetingsPage};
use app::domain::validation::Problem;
use app::server::db::Db;
use axum::http::StatusCode;

use super::{form, list, problems, read, save, saved_id};
use crate::support::{TestApp, admin, ok};

on_both_databases!(bad_meetings_are_refused_and_races_lose_nothing);

async fn bad_meetings_are_refused_and_races_lose_nothing(db: Db) {
    let app = TestApp::new(&db);
    let staff = admin(&app).await;
    let field = |name: &str, problem| (name.to_owned(), problem);

    let mut bad = form("   ");
    bad.communities = vec!["dati".into(), "'; DROP TABLE meetings; --".into()];
    bad.starts = "2031-03-30T02:30".into();
    bad.ends = "2031-03-30".into();
    bad.place = String::new();
    bad.online_url = "javascript:alert(document.cookie)".into();
    bad.agenda = "x".repeat(5_001);
    assert_eq!(
        problems(&save(&app, &staff, 0, 0, bad).await),
        [
            field("titolo", Problem::Required),
            field("comunita", Problem::UnknownCommunity),
            field("inizio", Problem::SkippedTime),
            field("fine", Problem::InvalidDateTime),
            field("collegamento", Problem::InvalidLink),
            field("ordine_del_giorno", Problem::TooLong { max: 5_000 }),
        ]
    );
    let mut nowhere = form("Da nessuna parte");
    nowhere.place = " ".into();
    nowhere.online_url = String::new();
    nowhere.ends = nowhere.starts.clone();
    assert_eq!(
        problems(&save(&app, &staff, 0, 0, nowhere).await),
        [
            field("fine", Problem::EndBeforeStart),
            field("luogo", Problem::PlaceOrLinkRequired),
        ]
    );
    let mut huge = form(&"T".repeat(201));
    huge.audience = "ovunque".into();
    assert_eq!(
        problems(&save(&app, &staff, 0, 0, huge).await),
        [
            field("titolo", Problem::TooLong { max: 200 }),
            field("destinatari", Problem::UnknownChoice),
        ]
    );
    let nothing: MeetingsPage = ok(&app.call(&list(""), None).await);
    assert!(nothing.upcoming.is_empty(), "nothing was stored");
    let missing = save(&app, &staff, 999, 0, form("Nessuno")).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    // Created twice at once: two meetings, two numbers.
    let (one, two) = tokio::join!(
        save(&app, &staff, 0, 0, form("Primo")),
        save(&app, &staff, 0, 0, form("Secondo"))
    );
    let (one, two) = (saved_id(&one), saved_id(&two));
    assert_ne!(one, two);

    // Two changes on the same revision: one is kept, the other told to reload.
    let (a, b) = tokio::join!(
        save(&app, &staff, one, 0, form("Primo, cambiato da A")),
        save(&app, &staff, one, 0, form("Primo, cambiato da B"))
    );
    let outcomes = [&a, &b].map(|page| !page.location().is_empty());
    assert_eq!(
        outcomes.iter().filter(|kept| **kept).count(),
        1,
        "{outcomes:?}"
    );
    let refused = if outcomes[0] { &b } else { &a };
    assert_eq!(problems(refused), [field("titolo", Problem::Stale)]);
    let stored: MeetingPage = ok(&read(&app, None, one).await);
    assert_eq!(stored.meeting.revision, 1);
    assert!(stored.meeting.title.starts_with("Primo, cambiato da "));
}
