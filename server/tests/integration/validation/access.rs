//! Every role against every action of the validation, in every phase of the cycle.

use app::api::review::{HandBackRevision, PlanRemarks, PresentAgain, ReadValidation};
use app::domain::cycle::Phase;
use app::domain::role::{Role, RoleKind};
use app::server::db::Db;
use axum::http::StatusCode;

use super::{YEAR, advance, remark};
use crate::support::Told::{self, Done, Login, Refused};
use crate::support::{Page, TestApp, admin, approve, decision, lead, logged_in, open_board};

on_both_databases!(each_role_may_do_exactly_its_part_of_the_validation);

/// What `page` told; a rejection of the form (422) means the role passed and the state or the
/// input said no.
fn told(page: &Page) -> Told {
    if page.status == StatusCode::UNPROCESSABLE_ENTITY {
        Done
    } else {
        crate::support::told(page)
    }
}

async fn each_role_may_do_exactly_its_part_of_the_validation(db: Db) {
    use Phase::*;
    open_board(&db, Drafting).await;
    let app = TestApp::new(&db);
    let staff = admin(&app).await;
    let people = [
        None,
        Some(logged_in(&app, "Marta Dati", &["dati"], None).await),
        Some(lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await),
        Some(lead(&app, "Rino Bassi", RoleKind::Referent, "imprese").await),
        Some(
            logged_in(
                &app,
                "Paolo Benassi",
                &[],
                Some(Role::global(RoleKind::Cner)),
            )
            .await,
        ),
        Some(
            logged_in(
                &app,
                "Ada Cabina",
                &[],
                Some(Role::global(RoleKind::CabinaDiRegia)),
            )
            .await,
        ),
        Some(staff.clone()),
    ];
    // In validation, for: visitor, member of dati, coordinator of dati, referent of imprese,
    // CNER member, Cabina member, regional staff. The decision tried has no valid outcome, so
    // whoever may record is refused for the input and nothing changes. Before validation
    // nobody may do any of it; once approved, everyone reads the validation, the remarks stay
    // with those who read them in validation, and nothing else is allowed.
    let in_validation: [(&str, [Told; 7]); 6] = [
        (
            "read the validation",
            [Login, Refused, Done, Done, Done, Done, Done],
        ),
        (
            "read the remarks on dati",
            [Login, Refused, Done, Refused, Done, Done, Done],
        ),
        (
            "remark",
            [Login, Refused, Refused, Refused, Done, Done, Refused],
        ),
        (
            "record a decision",
            [Login, Refused, Refused, Refused, Refused, Refused, Done],
        ),
        (
            "present again",
            [Login, Refused, Refused, Refused, Refused, Refused, Done],
        ),
        (
            "hand back dati",
            [Login, Refused, Done, Refused, Refused, Refused, Done],
        ),
    ];
    for (i, phase) in Phase::ALL.iter().copied().enumerate() {
        match Phase::ALL.get(i.wrapping_sub(1)) {
            Some(Validation) => approve(&app, &staff, YEAR).await,
            Some(from) => {
                let _: () = crate::support::ok(&advance(&app, &staff, *from).await);
            }
            None => {}
        }
        for (who, session) in people.iter().enumerate() {
            let s = session.as_deref();
            let body = if who == 5 { "cabina-di-regia" } else { "cner" };
            let answers = [
                app.call(&ReadValidation { anno: YEAR }, s).await,
                app.call(
                    &PlanRemarks {
                        anno: YEAR,
                        comunita: "dati".into(),
                    },
                    s,
                )
                .await,
                app.call(
                    &remark("dati", body, "contesto.testo", "", "Un'osservazione."),
                    s,
                )
                .await,
                app.call(&decision(YEAR, "imprese", "boh", "", ""), s).await,
                app.call(&PresentAgain { anno: YEAR }, s).await,
                app.call(
                    &HandBackRevision {
                        anno: YEAR,
                        comunita: "dati".into(),
                    },
                    s,
                )
                .await,
            ];
            for (i, (page, (action, expected))) in answers.iter().zip(&in_validation).enumerate() {
                let expected = match (phase, i) {
                    (Validation, _) | (Approved, 1) => expected[who],
                    (Approved, 0) => Done,
                    _ if s.is_none() => Login,
                    _ => Refused,
                };
                assert_eq!(told(page), expected, "person {who}: {action} in {phase:?}");
            }
        }
    }
}
