//! Every role against reading and writing the general plan, in every phase of the cycle.

use app::domain::cycle::Phase;
use app::domain::role::{Role, RoleKind};
use app::server::db::Db;

use super::{YEAR, advance, read, save};
use crate::support::Told::{self, Done, Login, Refused};
use crate::support::{BOARD_YEAR, TestApp, admin, approve, lead, logged_in, open_board, told};

on_both_databases!(each_role_reads_and_writes_the_general_plan_in_exactly_its_phases);

async fn each_role_reads_and_writes_the_general_plan_in_exactly_its_phases(db: Db) {
    use Phase::*;
    assert_eq!(BOARD_YEAR, YEAR);
    open_board(&db, Drafting).await;
    let app = TestApp::new(&db);
    let staff = admin(&app).await;
    let validator = Role::global(RoleKind::Cner);
    let sessions = [
        None,
        Some(logged_in(&app, "Olga Nessuna", &[], None).await),
        Some(logged_in(&app, "Marta Dati", &["dati"], None).await),
        Some(lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await),
        Some(lead(&app, "Rino Bassi", RoleKind::Referent, "imprese").await),
        Some(logged_in(&app, "Paolo Benassi", &[], Some(validator)).await),
        Some(staff.clone()),
    ];
    // Reading, for: visitor, outsider (in no community), member, coordinator, referent of
    // another community, validator, regional staff.
    let readers: [(Phase, [Told; 7]); 6] = [
        (
            Drafting,
            [Login, Refused, Refused, Refused, Refused, Refused, Done],
        ),
        (
            Shared,
            [Login, Refused, Refused, Refused, Refused, Refused, Done],
        ),
        (
            CrossReading,
            [Login, Refused, Refused, Refused, Refused, Refused, Done],
        ),
        (
            FinalReading,
            [Login, Refused, Refused, Done, Done, Refused, Done],
        ),
        (Validation, [Login, Refused, Done, Done, Done, Done, Done]),
        (Approved, [Done; 7]),
    ];
    let mut base = 0;
    for (i, (phase, expected)) in readers.into_iter().enumerate() {
        match Phase::ALL.get(i.wrapping_sub(1)) {
            Some(Validation) => approve(&app, &staff, YEAR).await,
            Some(from) => advance(&app, &staff, *from).await,
            None => {}
        }
        if phase == Validation {
            base += 1; // the version presented
        }
        for (who, (session, reads)) in sessions.iter().zip(expected).enumerate() {
            let got = told(&read(&app, session.as_deref(), None).await);
            assert_eq!(got, reads, "reader {who} in {phase:?}");
            let Some(session) = session else { continue };
            let writes = who == 6 && matches!(phase, CrossReading | FinalReading);
            let page = save(&app, session, base, "Introduzione", "2024-05-06").await;
            let expected = if writes { Done } else { Refused };
            assert_eq!(told(&page), expected, "writer {who} in {phase:?}");
            base += i64::from(writes);
        }
    }
}
