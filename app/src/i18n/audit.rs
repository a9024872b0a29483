//! The texts of the audit log's page.

use crate::domain::audit::AuditAction;

/// The interface text of the audit log, in one language.
pub struct AuditTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub link: &'static str,
    pub back: &'static str,
    pub filters: &'static str,
    pub field_action: &'static str,
    pub any_action: &'static str,
    pub field_actor: &'static str,
    pub field_actor_hint: &'static str,
    pub field_from: &'static str,
    pub field_to: &'static str,
    pub filter_button: &'static str,
    pub clear: &'static str,
    pub export: &'static str,
    pub caption: fn(u32) -> String,
    pub none: &'static str,
    pub col_when: &'static str,
    pub col_action: &'static str,
    pub col_actor: &'static str,
    pub col_target: &'static str,
    pub col_before: &'static str,
    pub col_after: &'static str,
    pub col_address: &'static str,
    pub system: &'static str,
    pub pages: &'static str,
    pub newer: &'static str,
    pub older: &'static str,
    pub action: fn(AuditAction) -> &'static str,
}

/// The audit log texts in Italian.
pub fn audit_texts() -> &'static AuditTexts {
    &AUDIT_IT
}

static AUDIT_IT: AuditTexts = AuditTexts {
    title: "Registro delle attività",
    lead: "Chi ha fatto cosa, quando e da quale indirizzo: accessi (anche quelli non riusciti), \
           ruoli, enti, fasi e scadenze del ciclo, password e account cancellati. Il registro non \
           si può modificare.",
    link: "Registro delle attività",
    back: "Torna all'amministrazione",
    filters: "Filtra il registro",
    field_action: "Attività",
    any_action: "Tutte",
    field_actor: "Chi",
    field_actor_hint: "Parte del nome o dell'email",
    field_from: "Dal giorno",
    field_to: "Al giorno",
    filter_button: "Filtra",
    clear: "Togli i filtri",
    export: "Scarica in CSV (con questi filtri)",
    caption: |page| format!("Attività registrate, dalla più recente (pagina {page})"),
    none: "Nessuna attività registrata con questi filtri.",
    col_when: "Quando",
    col_action: "Attività",
    col_actor: "Chi",
    col_target: "Oggetto",
    col_before: "Prima",
    col_after: "Dopo",
    col_address: "Indirizzo",
    system: "Sistema",
    pages: "Pagine del registro",
    newer: "Più recenti",
    older: "Meno recenti",
    action: |action| match action {
        AuditAction::Login => "Accesso",
        AuditAction::LoginFailed => "Accesso non riuscito (password errata)",
        AuditAction::PasswordChanged => "Password cambiata",
        AuditAction::AccountDeleted => "Account cancellato",
        AuditAction::RoleGranted => "Ruolo assegnato",
        AuditAction::RoleRevoked => "Ruolo revocato",
        AuditAction::EnteValidated => "Ente validato",
        AuditAction::EnteMerged => "Ente unito a un altro",
        AuditAction::PhaseAdvanced => "Fase del ciclo avanzata",
        AuditAction::DeadlineChanged => "Scadenza cambiata",
    },
};
