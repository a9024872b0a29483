//! The audit log through the real router: each recorded action writes its row, with the change;
//! who reads it, filters, pages, and changes that fail, in `audit/reading.rs`.

use app::api::account::LogIn;
use app::api::admin::{AssignRole, AuditLog, MergeEnte, RevokeRole, ValidateEnte};
use app::api::plans::{AdvanceCycle, SetDeadline};
use app::api::profile::{ChangePassword, DeleteAccount};
use app::domain::audit::{AuditAction, AuditPage, AuditRecord};
use app::domain::cycle::Phase;
use app::domain::ente::EnteKind;
use app::domain::person::{Email, PersonId};
use app::domain::signup_form::ProposedEnte;
use app::error::AppError;
use app::server::db::{self, Db};

use crate::support::{BOARD_YEAR, PASSWORD, TestApp, admin, logged_in, ok, open_board, person};

mod reading;

on_both_databases!(each_action_leaves_its_row);

/// The log filtered by `action` (a code, or `""`), `actor` text, and days, on page `page`.
fn filter(action: &str, actor: &str, from: &str, to: &str, page: u32) -> AuditLog {
    AuditLog {
        azione: action.into(),
        chi: actor.into(),
        dal: from.into(),
        al: to.into(),
        pagina: page,
    }
}

/// The rows of `action`, newest first, as regional staff (`staff`) read them.
async fn rows(app: &TestApp, staff: &str, action: AuditAction) -> Vec<AuditRecord> {
    let args = filter(action.code(), "", "", "", 1);
    ok::<AuditPage>(&app.call(&args, Some(staff)).await).records
}

async fn id_of(db: &Db, email: &str) -> PersonId {
    let email = Email::parse(email).unwrap();
    db::people::credentials(db, &email)
        .await
        .unwrap()
        .unwrap()
        .0
}

/// A pending body named at signup; its code.
async fn pending(db: &Db, name: &str) -> String {
    let proposed = ProposedEnte {
        name: name.into(),
        kind: EnteKind::Asp,
        province: None,
    };
    db::enti::insert_pending(db, &proposed).await.unwrap()
}

/// The one row of `action`, checked to be by `actor` on `target`.
async fn one(
    app: &TestApp,
    staff: &str,
    action: AuditAction,
    actor: &PersonId,
    target: &str,
) -> AuditRecord {
    let mut found = rows(app, staff, action).await;
    assert_eq!(found.len(), 1, "{action:?}: {found:?}");
    let row = found.remove(0);
    assert_eq!(
        row.actor_id.as_deref(),
        Some(actor.0.as_str()),
        "{action:?}"
    );
    assert_eq!(row.target, target, "{action:?}");
    assert_eq!(
        row.address, "unknown",
        "the router's tests have no peer address"
    );
    row
}

async fn each_action_leaves_its_row(db: Db) {
    let app = TestApp::new(&db);
    let staff = admin(&app).await;
    let giulia = id_of(&db, "giulia.ferri@comune.it").await;
    let login = one(&app, &staff, AuditAction::Login, &giulia, &giulia.0).await;
    assert_eq!(login.after.as_deref(), Some("password"));
    assert_eq!(login.actor_name.as_deref(), Some("Giulia Ferri"));
    let wrong = LogIn {
        email: "giulia.ferri@comune.it".into(),
        password: "una password sbagliata".into(),
        next: String::new(),
    };
    assert_eq!(
        app.call(&wrong, None).await.error(),
        Some(AppError::BadCredentials)
    );
    one(&app, &staff, AuditAction::LoginFailed, &giulia, &giulia.0).await;

    let target = person(&db, "bersaglio@comune.it", &["dati"]).await;
    let assign = AssignRole {
        email: "bersaglio@comune.it".into(),
        ruolo: "coordinator".into(),
        comunita: "dati".into(),
    };
    let _: () = ok(&app.call(&assign, Some(&staff)).await);
    let granted = one(&app, &staff, AuditAction::RoleGranted, &giulia, &target.0).await;
    assert_eq!(
        (granted.before, granted.after.as_deref()),
        (None, Some("coordinator:dati"))
    );
    assert_eq!(granted.target_name.as_deref(), Some("Ada Rossi"));
    let revoke = RevokeRole {
        persona: target.0.clone(),
        ruolo: "coordinator".into(),
        comunita: "dati".into(),
    };
    let _: () = ok(&app.call(&revoke, Some(&staff)).await);
    let revoked = one(&app, &staff, AuditAction::RoleRevoked, &giulia, &target.0).await;
    assert_eq!(
        (revoked.before.as_deref(), revoked.after),
        (Some("coordinator:dati"), None)
    );

    let validated = pending(&db, "Ente Da Validare").await;
    let validate = ValidateEnte {
        codice: validated.clone(),
    };
    let _: () = ok(&app.call(&validate, Some(&staff)).await);
    one(
        &app,
        &staff,
        AuditAction::EnteValidated,
        &giulia,
        &validated,
    )
    .await;
    let merged = pending(&db, "Ausl Parma scritta male").await;
    let merge = MergeEnte {
        codice: merged.clone(),
        destinazione: "Azienda USL di Parma".into(),
    };
    let _: () = ok(&app.call(&merge, Some(&staff)).await);
    let row = one(&app, &staff, AuditAction::EnteMerged, &giulia, &merged).await;
    assert_eq!(
        row.before,
        Some(format!("{merged} Ausl Parma scritta male"))
    );
    assert_eq!(
        row.after.as_deref(),
        Some("ausl-parma Azienda USL di Parma")
    );

    open_board(&db, Phase::Drafting).await;
    let advance = AdvanceCycle {
        anno: BOARD_YEAR,
        fase: "redazione".into(),
    };
    let _: () = ok(&app.call(&advance, Some(&staff)).await);
    let moved = one(&app, &staff, AuditAction::PhaseAdvanced, &giulia, "2024").await;
    assert_eq!(moved.before.as_deref(), Some("redazione"));
    assert_eq!(moved.after.as_deref(), Some("condivisione"));
    let deadline = SetDeadline {
        anno: BOARD_YEAR,
        fase: "lettura-trasversale".into(),
        scadenza: "2024-05-20".into(),
    };
    let _: () = ok(&app.call(&deadline, Some(&staff)).await);
    let target = "2024:lettura-trasversale";
    let changed = one(&app, &staff, AuditAction::DeadlineChanged, &giulia, target).await;
    assert_eq!(changed.before.as_deref(), Some("2024-05-14"));
    assert_eq!(changed.after.as_deref(), Some("2024-05-20"));

    let ada = logged_in(&app, "Ada Bianchi", &["dati"], None).await;
    let ada_id = id_of(&db, "ada.bianchi@comune.it").await;
    let change = ChangePassword {
        password: "Ada Bianchi ama la montagna".into(),
        attuale: PASSWORD.into(),
    };
    let changed = app.call(&change, Some(&ada)).await;
    let _: () = ok(&changed);
    // A new password starts a new session (and records it as a login).
    let ada = changed.session().expect("a new session");
    one(
        &app,
        &staff,
        AuditAction::PasswordChanged,
        &ada_id,
        &ada_id.0,
    )
    .await;
    let delete = DeleteAccount {
        conferma: Some("on".into()),
    };
    assert_eq!(
        app.call(&delete, Some(&ada)).await.location(),
        "/?account=eliminato"
    );
    let deleted = one(
        &app,
        &staff,
        AuditAction::AccountDeleted,
        &ada_id,
        &ada_id.0,
    )
    .await;
    // The row keeps the id; the name is read when shown, so the erased person's is gone.
    assert_eq!(deleted.actor_name.as_deref(), Some("Persona cancellata"));
}
