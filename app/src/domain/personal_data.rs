//! Everything COMTem keeps about a person and everything they wrote, as they download it (JSON,
//! with Italian keys) and read it (`/profilo/dati`). Times are RFC 3339, UTC.

use serde::{Deserialize, Serialize};

use super::board::{AnnotationKind, Outcome, Revision};
use super::community::CommunitySlug;
use super::general_plan::GeneralText;
use super::plan::PlanContent;
use super::role::RoleKind;

/// A person's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalData {
    #[serde(rename = "profilo")]
    pub account: Account,
    /// Current memberships, then those that ended.
    #[serde(rename = "iscrizioni")]
    pub memberships: Vec<Membership>,
    #[serde(rename = "ruoli")]
    pub roles: Vec<HeldRole>,
    #[serde(rename = "sessioni")]
    pub sessions: Vec<SessionSpan>,
    #[serde(rename = "partecipazioni")]
    pub attendance: Vec<Attendance>,
    #[serde(rename = "annotazioni")]
    pub annotations: Vec<WrittenAnnotation>,
    #[serde(rename = "risposte")]
    pub replies: Vec<WrittenReply>,
    /// Threads the person closed, with the reason they gave.
    #[serde(rename = "esiti")]
    pub outcomes: Vec<RecordedOutcome>,
    #[serde(rename = "versioni_piani")]
    pub plan_versions: Vec<SavedPlanVersion>,
    #[serde(rename = "versioni_piano_generale")]
    pub general_versions: Vec<SavedGeneralVersion>,
    #[serde(rename = "osservazioni")]
    pub remarks: Vec<WrittenRemark>,
    #[serde(rename = "notizie")]
    pub news: Vec<WrittenNews>,
    #[serde(rename = "incontri_creati")]
    pub meetings: Vec<WrittenMeeting>,
    /// Accessibility problems reported from the account's address.
    #[serde(rename = "segnalazioni_accessibilita")]
    pub reports: Vec<SentReport>,
}

/// The account as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: String,
    pub email: String,
    #[serde(rename = "nome")]
    pub first_name: String,
    #[serde(rename = "cognome")]
    pub last_name: String,
    #[serde(rename = "ruolo")]
    pub job_title: String,
    /// The body's IPA code.
    pub ente: Option<String>,
    #[serde(rename = "iscritto_il")]
    pub created_at: String,
    #[serde(rename = "versione_informativa")]
    pub privacy_version: String,
    #[serde(rename = "informativa_accettata_il")]
    pub privacy_accepted_at: String,
}

/// A period of membership of a community; `until` is `None` while it lasts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    #[serde(rename = "comunita")]
    pub community: CommunitySlug,
    #[serde(rename = "dal")]
    pub from: String,
    #[serde(rename = "al")]
    pub until: Option<String>,
}

/// A role held; `community` is empty for a role of the whole platform.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldRole {
    #[serde(rename = "ruolo")]
    pub role: RoleKind,
    #[serde(rename = "comunita")]
    pub community: String,
    #[serde(rename = "dal")]
    pub since: String,
}

/// A session still open, in Unix seconds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSpan {
    #[serde(rename = "inizio_unix")]
    pub started: i64,
    #[serde(rename = "ultimo_uso_unix")]
    pub last_used: i64,
}

/// A meeting the person said they attend.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    #[serde(rename = "incontro")]
    pub meeting: i64,
    #[serde(rename = "titolo")]
    pub title: String,
    #[serde(rename = "registrata_il")]
    pub at: String,
}

/// An annotation the person wrote on a plan of the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenAnnotation {
    pub id: String,
    #[serde(rename = "anno")]
    pub year: i32,
    /// The community whose plan was annotated.
    #[serde(rename = "comunita")]
    pub community: CommunitySlug,
    #[serde(rename = "tipo")]
    pub kind: AnnotationKind,
    /// The passage annotated, empty for a whole item.
    #[serde(rename = "citazione")]
    pub quote: String,
    #[serde(rename = "testo")]
    pub body: String,
    /// For a proposal of integrated action.
    #[serde(rename = "titolo_proposta")]
    pub proposal_title: Option<String>,
    #[serde(rename = "scritta_il")]
    pub created_at: String,
    #[serde(rename = "eliminata")]
    pub deleted: bool,
    /// Earlier texts, replaced by edits or the deletion.
    #[serde(rename = "testi_precedenti")]
    pub history: Vec<Revision>,
}

/// A reply the person wrote in a thread of the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenReply {
    #[serde(rename = "annotazione")]
    pub annotation: String,
    #[serde(rename = "anno")]
    pub year: i32,
    #[serde(rename = "comunita")]
    pub community: CommunitySlug,
    #[serde(rename = "testo")]
    pub body: String,
    #[serde(rename = "scritta_il")]
    pub created_at: String,
    #[serde(rename = "eliminata")]
    pub deleted: bool,
    #[serde(rename = "testi_precedenti")]
    pub history: Vec<Revision>,
}

/// A thread the person closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedOutcome {
    #[serde(rename = "annotazione")]
    pub annotation: String,
    #[serde(rename = "anno")]
    pub year: i32,
    #[serde(rename = "comunita")]
    pub community: CommunitySlug,
    #[serde(rename = "esito")]
    pub outcome: Outcome,
    #[serde(rename = "motivazione")]
    pub reason: String,
    #[serde(rename = "il")]
    pub at: String,
}

/// A version of a community's plan the person saved, whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedPlanVersion {
    #[serde(rename = "anno")]
    pub year: i32,
    #[serde(rename = "comunita")]
    pub community: CommunitySlug,
    #[serde(rename = "numero")]
    pub number: i64,
    #[serde(rename = "salvata_il")]
    pub saved_at: String,
    #[serde(rename = "contenuto")]
    pub content: PlanContent,
}

/// A version of the general plan the person saved: what they wrote in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedGeneralVersion {
    #[serde(rename = "anno")]
    pub year: i32,
    #[serde(rename = "numero")]
    pub number: i64,
    #[serde(rename = "salvata_il")]
    pub saved_at: String,
    #[serde(rename = "testo")]
    pub text: GeneralText,
}

/// A remark the person wrote on a plan under validation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenRemark {
    #[serde(rename = "anno")]
    pub year: i32,
    #[serde(rename = "comunita")]
    pub community: CommunitySlug,
    /// The plan version read.
    #[serde(rename = "versione_piano")]
    pub plan_version: i64,
    /// The body the person sat on (`cner`, `cabina-di-regia`).
    #[serde(rename = "organo")]
    pub body: String,
    #[serde(rename = "citazione")]
    pub quote: String,
    #[serde(rename = "testo")]
    pub text: String,
    #[serde(rename = "scritta_il")]
    pub created_at: String,
}

/// A news post the person created.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenNews {
    pub id: i64,
    #[serde(rename = "titolo")]
    pub title: String,
    #[serde(rename = "sommario")]
    pub summary: String,
    #[serde(rename = "testo")]
    pub body: String,
    #[serde(rename = "pubblicata_il")]
    pub published_at: Option<String>,
    #[serde(rename = "creata_il")]
    pub created_at: String,
}

/// An accessibility report sent from the account's address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentReport {
    #[serde(rename = "pagina")]
    pub page: String,
    #[serde(rename = "messaggio")]
    pub message: String,
    #[serde(rename = "inviata_il")]
    pub created_at: String,
}

/// A meeting the person created: its agenda and minutes are theirs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenMeeting {
    pub id: i64,
    #[serde(rename = "titolo")]
    pub title: String,
    #[serde(rename = "ordine_del_giorno")]
    pub agenda: String,
    #[serde(rename = "verbale")]
    pub minutes: String,
    #[serde(rename = "creato_il")]
    pub created_at: String,
}
