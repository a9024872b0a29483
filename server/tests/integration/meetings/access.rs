//! Every kind of person against every meeting action, through the router: organising for each
//! audience, changing a community's meeting, attending, and seeing who attends.

use app::api::meetings::SaveMeeting;
use app::domain::meeting::MeetingPage;
use app::domain::meeting::form::MeetingForm;
use app::domain::role::{Role, RoleKind};
use app::server::db::Db;
use axum::http::StatusCode;

use super::{attend, form, read, save, saved_id};
use crate::support::{Page, TestApp, admin, lead, logged_in, ok};

on_both_databases!(each_person_may_do_exactly_their_meeting_actions);

/// What an action told: done, asked to log in, or refused.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Told {
    Done,
    Login,
    Refused,
}
use Told::{Done, Login, Refused};

fn told(page: &Page) -> Told {
    match page.status {
        StatusCode::OK => Done,
        status if status.is_redirection() => Done,
        StatusCode::UNAUTHORIZED => Login,
        StatusCode::FORBIDDEN => Refused,
        status => panic!("unexpected answer {status}: {}", page.body),
    }
}

async fn each_person_may_do_exactly_their_meeting_actions(db: Db) {
    let app = TestApp::new(&db);
    let staff = admin(&app).await;
    let people = [
        ("visitor", None),
        (
            "member of dati",
            Some(logged_in(&app, "Ada Rossi", &["dati"], None).await),
        ),
        (
            "member of imprese",
            Some(logged_in(&app, "Bruno Neri", &["imprese"], None).await),
        ),
        (
            "coordinator of dati",
            Some(lead(&app, "Carla Bianchi", RoleKind::Coordinator, "dati").await),
        ),
        (
            "referent of imprese",
            Some(lead(&app, "Dario Verdi", RoleKind::Referent, "imprese").await),
        ),
        (
            "cner member",
            Some(
                logged_in(
                    &app,
                    "Elena Gialli",
                    &[],
                    Some(Role::global(RoleKind::Cner)),
                )
                .await,
            ),
        ),
        ("admin", Some(staff.clone())),
    ];
    let for_everyone = {
        let mut everyone = form("Presentazione del modello");
        everyone.audience = "tutti".into();
        saved_id(&save(&app, &staff, 0, 0, everyone).await)
    };
    let of_dati = saved_id(&save(&app, &staff, 0, 0, form("Incontro Dati")).await);
    let for_leads = {
        let mut leads = form("Coordinatori e referenti");
        leads.audience = "coordinatori".into();
        saved_id(&save(&app, &staff, 0, 0, leads).await)
    };
    let for_imprese = {
        let mut imprese = form("Incontro Imprese");
        imprese.communities = vec!["imprese".into()];
        imprese
    };
    let both = {
        let mut both = form("Dati e imprese");
        both.communities = vec!["dati".into(), "imprese".into()];
        both
    };
    let leads = {
        let mut leads = form("Coordinatori");
        leads.audience = "coordinatori".into();
        leads
    };
    let everyone = {
        let mut everyone = form("Per tutti");
        everyone.audience = "tutti".into();
        everyone
    };
    // Per person: create for dati, for imprese, for both, for the leads, for everyone; change
    // the meeting of dati; attend the one for everyone, of dati, for the leads; see attendees of
    // the meeting of dati.
    let expected: [[Told; 10]; 7] = [
        [
            Login, Login, Login, Login, Login, Login, Login, Login, Login, Refused,
        ],
        [
            Refused, Refused, Refused, Refused, Refused, Refused, Done, Done, Refused, Refused,
        ],
        [
            Refused, Refused, Refused, Refused, Refused, Refused, Done, Refused, Refused, Refused,
        ],
        [
            Done, Refused, Refused, Done, Refused, Done, Done, Done, Done, Done,
        ],
        [
            Refused, Done, Refused, Done, Refused, Refused, Done, Refused, Done, Refused,
        ],
        [
            Refused, Refused, Refused, Refused, Refused, Refused, Done, Refused, Refused, Refused,
        ],
        [Done, Done, Done, Done, Done, Done, Done, Done, Done, Done],
    ];
    for ((who, session), rights) in people.iter().zip(expected) {
        let session = session.as_deref();
        let revision = {
            let page: MeetingPage = ok(&read(&app, None, of_dati).await);
            page.meeting.revision
        };
        let change = match session {
            Some(session) => {
                told(&save(&app, session, of_dati, revision, form("Incontro Dati")).await)
            }
            None => Login,
        };
        let attendees = {
            let page: MeetingPage = ok(&read(&app, session, of_dati).await);
            if page.attendees.is_some() {
                Done
            } else {
                Refused
            }
        };
        let got = [
            create(&app, session, form("Dati")).await,
            create(&app, session, for_imprese.clone()).await,
            create(&app, session, both.clone()).await,
            create(&app, session, leads.clone()).await,
            create(&app, session, everyone.clone()).await,
            change,
            told(&attend(&app, session, for_everyone, true).await),
            told(&attend(&app, session, of_dati, true).await),
            told(&attend(&app, session, for_leads, true).await),
            attendees,
        ];
        assert_eq!(got, rights, "{who}");
    }
}

/// What creating `form` told the person with `session` (a visitor when `None`).
async fn create(app: &TestApp, session: Option<&str>, form: MeetingForm) -> Told {
    let args = SaveMeeting {
        id: 0,
        revisione: 0,
        form,
    };
    told(&app.call(&args, session).await)
}
