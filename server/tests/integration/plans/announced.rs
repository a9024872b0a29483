//! A plan's calendar announcing meetings of `/incontri`: offered to the plan's editors (the
//! year's meetings that concern the community), kept through saves, linked from the plan's page,
//! refused when the meeting does not exist.

use app::domain::cycle::Phase;
use app::domain::meeting::form::MeetingForm;
use app::domain::plan::pages::PlanView;
use app::domain::role::RoleKind;
use app::domain::validation::Problem;
use app::server::db::{self, Db};

use super::inputs::small_plan;
use super::{YEAR, open_cycle, read, refusal, save, saved};
use crate::meetings::{form, save as save_meeting, saved_id};
use crate::support::{TestApp, admin, lead, ok};

on_both_databases!(a_calendar_line_links_to_the_meeting_it_announces);

/// A meeting on `day` of `year` (`MM-DD`) for `audience` and `communities`.
fn meeting(title: &str, audience: &str, communities: &[&str], year: i32, day: &str) -> MeetingForm {
    MeetingForm {
        audience: audience.into(),
        communities: communities.iter().map(|c| c.to_string()).collect(),
        starts: format!("{year}-{day}T10:00"),
        ends: format!("{year}-{day}T12:00"),
        ..form(title)
    }
}

async fn a_calendar_line_links_to_the_meeting_it_announces(db: Db) {
    let app = TestApp::new(&db);
    open_cycle(&db).await;
    let staff = admin(&app).await;
    let carla = lead(&app, "Carla Neri", RoleKind::Coordinator, "dati").await;
    let create = async |session: &str, form: MeetingForm| {
        saved_id(&save_meeting(&app, session, 0, 0, form).await)
    };
    let later = create(
        &carla,
        meeting("Lettura del piano", "comunita", &["dati"], YEAR, "05-14"),
    )
    .await;
    let everyone = create(
        &staff,
        meeting("Presentazione del modello", "tutti", &[], YEAR, "04-18"),
    )
    .await;
    let leads = create(
        &staff,
        meeting(
            "Giornata dei coordinatori",
            "coordinatori",
            &[],
            YEAR,
            "06-03",
        ),
    )
    .await;
    create(
        &staff,
        meeting("Imprese in rete", "comunita", &["imprese"], YEAR, "05-02"),
    )
    .await;
    create(
        &carla,
        meeting(
            "Il piano dell'anno dopo",
            "comunita",
            &["dati"],
            YEAR + 1,
            "01-20",
        ),
    )
    .await;

    saved(&save(&app, Some(&carla), "dati", 0, &small_plan()).await);
    let view: PlanView = ok(&read(&app, Some(&carla), "dati").await);
    let offered: Vec<(i64, &str)> = view
        .meetings
        .iter()
        .map(|m| (m.id, m.day.as_str()))
        .collect();
    assert_eq!(
        offered,
        [
            (everyone, "2024-04-18"),
            (later, "2024-05-14"),
            (leads, "2024-06-03")
        ],
        "the year's meetings of the community, everyone's and the coordinators', by day"
    );

    let mut plan = small_plan();
    plan.meetings[0].announces = Some(later);
    saved(&save(&app, Some(&carla), "dati", 1, &plan).await);
    let view: PlanView = ok(&read(&app, Some(&carla), "dati").await);
    assert_eq!(view.plan.content.meetings[0].announces, Some(later));
    let page = app.get_as(&format!("/piani/{YEAR}/dati"), &carla).await;
    let link = format!("<a href=\"/incontri/{later}\">Lettura trasversale</a>");
    assert!(page.body.contains(&link), "{}", page.body);

    let staff_view: PlanView = ok(&read(&app, Some(&staff), "dati").await);
    assert_eq!(
        staff_view.meetings.len(),
        3,
        "regional staff edit every plan"
    );
    plan.meetings[0].announces = Some(999_999);
    let (_, error) = refusal(&save(&app, Some(&carla), "dati", 2, &plan).await);
    let rejection = error.rejection().expect("a rejection");
    assert_eq!(
        rejection.problem("m1.incontro"),
        Some(&Problem::UnknownChoice)
    );
    let view: PlanView = ok(&read(&app, Some(&carla), "dati").await);
    assert_eq!(view.plan.version.number, 2, "nothing was saved");

    // Approved, the plan is read by everyone and edited by no one: no list, the link stays.
    let mut phase = Phase::Drafting;
    while let Some(next) = phase.next() {
        assert!(
            db::cycles::advance(&db, YEAR, phase, "2024-07-01T08:00:00Z")
                .await
                .unwrap()
        );
        phase = next;
    }
    assert_eq!(phase, Phase::Approved);
    let anyone: PlanView = ok(&read(&app, None, "dati").await);
    assert!(!anyone.can_edit && anyone.meetings.is_empty());
    let page = app.get(&format!("/piani/{YEAR}/dati"), &[]).await;
    assert!(page.body.contains(&link), "{}", page.body);
}
