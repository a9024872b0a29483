//! Every role against every protected action, through the real router and real sessions,
//! including actions aimed at another person's id.

use app::api::account::LogIn;
use app::api::admin::{
    AssignRole, AuditLog, ListSignups, PendingEnti, RevokeRole, RoleHolders, ValidateEnte,
};
use app::api::personal_data::MyPersonalData;
use app::api::profile::{EndOtherSessions, MyProfile, MySessions};
use app::domain::community::CommunitySlug;
use app::domain::ente::EnteKind;
use app::domain::role::{Role, RoleKind};
use app::domain::signup_form::ProposedEnte;
use app::error::AppError;
use app::server::db::{self, Db};
use axum::http::StatusCode;

use crate::support::{PASSWORD, Page, TestApp, person};

on_both_databases!(each_role_may_do_exactly_its_actions);

/// Who is asking, in the order the matrix lists them; regional staff last, because what they
/// are allowed to do changes the data (a revoked role stays revoked).
const WHO: [&str; 6] = [
    "visitor",
    "member",
    "referent",
    "coordinator",
    "validator",
    "admin",
];

/// The outcome each of [`WHO`] must get.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Outcome {
    Done,
    Login,
    Refused,
}
use Outcome::{Done, Login, Refused};

async fn each_role_may_do_exactly_its_actions(db: Db) {
    let app = TestApp::new(&db);
    let dati = CommunitySlug::parse("dati").unwrap();
    let target = person(&db, "bersaglio@comune.it", &["imprese"]).await;
    let referent_of_imprese =
        Role::in_community(RoleKind::Referent, CommunitySlug::parse("imprese").unwrap());
    db::roles::grant(&db, &target, &referent_of_imprese, "2024-05-06T10:00:00Z")
        .await
        .unwrap();
    let pending = ProposedEnte {
        name: "Ente Nuovo".into(),
        kind: EnteKind::Asp,
        province: None,
    };
    let pending_code = db::enti::insert_pending(&db, &pending).await.unwrap();

    let roles = [
        ("member", None),
        (
            "referent",
            Some(Role::in_community(RoleKind::Referent, dati.clone())),
        ),
        (
            "coordinator",
            Some(Role::in_community(RoleKind::Coordinator, dati.clone())),
        ),
        ("validator", Some(Role::global(RoleKind::Cner))),
        ("admin", Some(Role::global(RoleKind::Admin))),
    ];
    let mut sessions = vec![None];
    for (name, role) in roles {
        let email = format!("{name}@comune.it");
        let id = person(&db, &email, &["dati"]).await;
        if let Some(role) = role {
            db::roles::grant(&db, &id, &role, "2024-05-06T10:00:00Z")
                .await
                .unwrap();
        }
        let login = LogIn {
            email,
            password: PASSWORD.into(),
            next: String::new(),
        };
        sessions.push(Some(
            app.call(&login, None).await.session().expect("logged in"),
        ));
    }

    let admin_only = [Login, Refused, Refused, Refused, Refused, Done];
    let leaders_of_dati = [Login, Refused, Done, Done, Refused, Done];
    let anyone_signed_in = [Login, Done, Done, Done, Done, Done];
    let all = |comunita: &str| ListSignups {
        comunita: comunita.into(),
    };
    let revoke = RevokeRole {
        persona: target.0.clone(),
        ruolo: "referent".into(),
        comunita: "imprese".into(),
    };
    let assign = AssignRole {
        email: "bersaglio@comune.it".into(),
        ruolo: "coordinator".into(),
        comunita: "cittadini".into(),
    };
    let audit_log = AuditLog {
        azione: String::new(),
        chi: String::new(),
        dal: String::new(),
        al: String::new(),
        pagina: 1,
    };

    for (i, session) in sessions.iter().enumerate() {
        let s = session.as_deref();
        let who = WHO[i];
        let outcomes = [
            (
                "list all signups",
                outcome(&app.call(&all(""), s).await),
                admin_only[i],
            ),
            (
                "list dati",
                outcome(&app.call(&all("dati"), s).await),
                leaders_of_dati[i],
            ),
            (
                "list imprese",
                outcome(&app.call(&all("imprese"), s).await),
                admin_only[i],
            ),
            (
                "role holders",
                outcome(&app.call(&RoleHolders {}, s).await),
                admin_only[i],
            ),
            (
                "assign role",
                outcome(&app.call(&assign, s).await),
                admin_only[i],
            ),
            (
                "revoke another's role",
                outcome(&app.call(&revoke, s).await),
                admin_only[i],
            ),
            (
                "pending bodies",
                outcome(&app.call(&PendingEnti {}, s).await),
                admin_only[i],
            ),
            (
                "validate body",
                outcome(
                    &app.call(
                        &ValidateEnte {
                            codice: pending_code.clone(),
                        },
                        s,
                    )
                    .await,
                ),
                admin_only[i],
            ),
            (
                "audit log",
                outcome(&app.call(&audit_log, s).await),
                admin_only[i],
            ),
            (
                "my profile",
                outcome(&app.call(&MyProfile {}, s).await),
                anyone_signed_in[i],
            ),
            (
                "my sessions",
                outcome(&app.call(&MySessions {}, s).await),
                anyone_signed_in[i],
            ),
            (
                "end my other sessions",
                outcome(&app.call(&EndOtherSessions {}, s).await),
                anyone_signed_in[i],
            ),
            (
                "csv all",
                download(&app, "/amministrazione/iscrizioni.csv", s).await,
                admin_only[i],
            ),
            (
                "csv dati",
                download(&app, "/amministrazione/iscrizioni.csv?comunita=dati", s).await,
                leaders_of_dati[i],
            ),
            (
                "csv audit log",
                download(&app, "/amministrazione/registro.csv", s).await,
                admin_only[i],
            ),
            (
                "my data",
                download(&app, "/profilo/dati.json", s).await,
                anyone_signed_in[i],
            ),
            (
                "my data, readable",
                outcome(&app.call(&MyPersonalData {}, s).await),
                anyone_signed_in[i],
            ),
        ];
        for (action, got, expected) in outcomes {
            assert_eq!(got, expected, "{who}: {action}");
        }
    }
    let target_roles = db::roles::of(&db, &target).await.unwrap();
    assert_eq!(
        target_roles.len(),
        1,
        "only the admin's revoke and assign took effect"
    );
    assert_eq!(target_roles[0].kind, RoleKind::Coordinator);
}

fn outcome(page: &Page) -> Outcome {
    match (page.status, page.error()) {
        (StatusCode::OK, _) => Done,
        (StatusCode::UNAUTHORIZED, Some(AppError::LoginRequired)) => Login,
        (StatusCode::FORBIDDEN, Some(AppError::Forbidden)) => Refused,
        other => panic!("unexpected answer {other:?}: {}", page.body),
    }
}

async fn download(app: &TestApp, uri: &str, session: Option<&str>) -> Outcome {
    let page = match session {
        Some(session) => app.get_as(uri, session).await,
        None => app.get(uri, &[]).await,
    };
    match page.status {
        StatusCode::OK => Done,
        StatusCode::UNAUTHORIZED => Login,
        StatusCode::FORBIDDEN => Refused,
        other => panic!("unexpected status {other} for {uri}"),
    }
}
