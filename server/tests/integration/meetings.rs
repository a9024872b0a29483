//! Meetings through the router: organised by a community's coordinator, read by everyone,
//! attended by its members, changed without losing a concurrent change. Who may do what is in
//! `meetings/access.rs`, refused input in `meetings/inputs.rs`, the calendars in
//! `meetings/calendars.rs`, the materials in `meetings/materials.rs`.

mod access;
mod calendars;
mod inputs;
mod materials;

use app::api::meetings::{AttendMeeting, ListMeetings, ReadMeeting, SaveMeeting};
use app::domain::meeting::form::MeetingForm;
use app::domain::meeting::{Audience, MeetingPage, MeetingsPage};
use app::domain::role::RoleKind;
use app::domain::validation::Problem;
use app::error::AppError;
use app::server::db::Db;
use axum::http::StatusCode;

use crate::support::{Page, TestApp, lead, logged_in, ok, slug};

on_both_databases!(
    a_meeting_is_organised_read_and_attended,
    the_demo_has_past_and_upcoming_meetings
);

/// A meeting of the community `dati`, on the day summer time ends in 2030.
pub fn form(title: &str) -> MeetingForm {
    MeetingForm {
        title: title.into(),
        audience: "comunita".into(),
        communities: vec!["dati".into()],
        starts: "2030-10-27T10:00".into(),
        ends: "2030-10-27T12:30".into(),
        place: "Sala 1, Regione Emilia-Romagna".into(),
        address: "Viale Aldo Moro 52, Bologna".into(),
        online_url: "https://meet.example.it/dati".into(),
        agenda: "- Apertura\n- Il piano 2031".into(),
        minutes: String::new(),
    }
}

/// Saves `form` as meeting `id` (0: a new one) seen at `revision`.
pub async fn save(app: &TestApp, session: &str, id: i64, revision: i64, form: MeetingForm) -> Page {
    let args = SaveMeeting {
        id,
        revisione: revision,
        form,
    };
    app.call(&args, Some(session)).await
}

/// The number of the meeting a successful save redirected to.
pub fn saved_id(page: &Page) -> i64 {
    let location = page.location();
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    location
        .strip_prefix("/incontri/")
        .and_then(|rest| rest.strip_suffix("?salvato=1"))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("unexpected redirect {location}"))
}

pub async fn read(app: &TestApp, session: Option<&str>, id: i64) -> Page {
    app.call(&ReadMeeting { id }, session).await
}

pub async fn attend(app: &TestApp, session: Option<&str>, id: i64, yes: bool) -> Page {
    let args = AttendMeeting {
        id,
        partecipa: if yes { "si" } else { "no" }.into(),
    };
    app.call(&args, session).await
}

/// The field problems of a refused form.
pub fn problems(page: &Page) -> Vec<(String, Problem)> {
    match page.error() {
        Some(AppError::Invalid(rejection)) => rejection.problems,
        other => panic!("not refused: {other:?} {}", page.body),
    }
}

async fn a_meeting_is_organised_read_and_attended(db: Db) {
    let app = TestApp::new(&db);
    let coordinator = lead(&app, "Nicolò D'Alì", RoleKind::Coordinator, "dati").await;
    let member = logged_in(&app, "Ada Rossi", &["dati"], None).await;

    let title = "Incontro <script>alert('x')</script> di Nicolò D'Alì";
    let id = saved_id(&save(&app, &coordinator, 0, 0, form(title)).await);

    // Everyone reads it, in Italian time across the end of summer time; only its organisers
    // see who will attend.
    let public: MeetingPage = ok(&read(&app, None, id).await);
    assert_eq!(public.meeting.title, title);
    assert_eq!(
        public.meeting.audience,
        Audience::Communities(vec![slug("dati")])
    );
    assert_eq!(
        public.meeting.when(),
        "domenica 27 ottobre 2030, 10:00–12:30"
    );
    assert_eq!(
        public.meeting.starts_at % 86_400,
        9 * 3600,
        "10:00 is 09:00 UTC"
    );
    assert!(!public.can_attend && !public.can_organise && public.attendees.is_none());

    // The member says twice they will attend: one attendance. Visitors cannot.
    for _ in 0..2 {
        let _: () = ok(&attend(&app, Some(&member), id, true).await);
    }
    assert_eq!(
        attend(&app, None, id, true).await.status,
        StatusCode::UNAUTHORIZED
    );
    let theirs: MeetingPage = ok(&read(&app, Some(&member), id).await);
    assert!(theirs.attends && theirs.can_attend && theirs.attendees.is_none());
    assert_eq!(theirs.meeting.attending, 1);
    let organisers: MeetingPage = ok(&read(&app, Some(&coordinator), id).await);
    let attendees = organisers
        .attendees
        .expect("the organisers see who attends");
    assert_eq!(attendees.len(), 1);
    assert_eq!(attendees[0].name, "Ada Rossi");

    // A change on top of an older revision is refused; nothing is lost.
    let mut changed = form(title);
    changed.minutes = "Presenti 12 persone.".into();
    assert_eq!(
        saved_id(&save(&app, &coordinator, id, 0, changed.clone()).await),
        id
    );
    let stale = save(&app, &coordinator, id, 0, form("Un altro titolo")).await;
    assert_eq!(problems(&stale), [("titolo".to_owned(), Problem::Stale)]);
    let now: MeetingPage = ok(&read(&app, None, id).await);
    assert_eq!(
        (now.meeting.revision, now.meeting.minutes.as_str()),
        (1, "Presenti 12 persone.")
    );

    // No longer attending.
    let _: () = ok(&attend(&app, Some(&member), id, false).await);
    let after: MeetingPage = ok(&read(&app, Some(&member), id).await);
    assert!(!after.attends);
    assert_eq!(after.meeting.attending, 0);

    // Listed as upcoming everywhere it concerns, and not in other communities.
    let all: MeetingsPage = ok(&app.call(&list(""), None).await);
    assert_eq!(all.upcoming.iter().map(|m| m.id).collect::<Vec<_>>(), [id]);
    let dati: MeetingsPage = ok(&app.call(&list("dati"), None).await);
    assert_eq!(dati.upcoming.len(), 1);
    let imprese: MeetingsPage = ok(&app.call(&list("imprese"), None).await);
    assert!(imprese.upcoming.is_empty() && imprese.past.is_empty());
    assert_eq!(
        app.call(&list("nessuna"), None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(read(&app, None, id + 1).await.status, StatusCode::NOT_FOUND);
}

pub fn list(community: &str) -> ListMeetings {
    ListMeetings {
        comunita: community.into(),
    }
}

async fn the_demo_has_past_and_upcoming_meetings(db: Db) {
    assert!(app::server::demo::load_if_empty(&db).await.unwrap());
    let app = TestApp::new(&db);
    let all: MeetingsPage = ok(&app.call(&list(""), None).await);
    assert_eq!((all.upcoming.len(), all.past.len()), (2, 5));
    assert!(
        all.past
            .iter()
            .any(|m| m.title == "Giornata di lettura trasversale dei piani")
    );
    let dati: MeetingsPage = ok(&app.call(&list("dati"), None).await);
    let next = &dati.upcoming[0];
    assert_eq!(next.title, "Comunità Dati: il piano del nuovo anno");
    assert_eq!(next.attending, 1, "Nicolò D'Alì will attend");
}
