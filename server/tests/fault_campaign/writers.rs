//! The clients writing while the server may die: visitors signing up, coordinators saving
//! their plans and annotating the board, members joining and leaving a community. Each write
//! is entered in the [`Ledger`] before it is sent, and marked once the server acknowledged it.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use app::api::account::{LogIn, SignUp};
use app::api::board::SubmitBoard;
use app::api::plans::{ReadPlan, SavePlan};
use app::api::profile::{JoinCommunity, LeaveCommunity};
use app::domain::board::ops::{BoardOp, NewAnnotation};
use app::domain::board::{Anchor, AnnotationId, AnnotationKind};
use app::domain::community::CommunitySlug;
use app::domain::plan::pages::{PlanView, SaveOutcome};
use app::domain::signup_form::SignupForm;
use leptos::server_fn::ServerFn;

use super::http::{self, Reply};

/// The demo cycle the campaign writes to.
pub const YEAR: i32 = 2024;
/// The demo accounts' password.
const PASSWORD: &str = "comtem-demo-2024";
/// Communities whose coordinators save their plan and annotate it.
pub const PLANS: [&str; 3] = ["internet-of-things", "digital-gender-gap", "cittadini"];
/// Members who join and leave a community, and which.
pub const MOVERS: [(&str, &str); 2] = [
    ("nicolo.dali@comtem.demo", "cittadini"),
    ("maria.esposito@comtem.demo", "imprese"),
];

/// Every write attempted, and whether it was acknowledged.
#[derive(Clone, Default)]
pub struct Ledger {
    /// Signup requests by email.
    pub signups: BTreeMap<String, bool>,
    /// Plan versions by the marker their text carries: the version number once acknowledged.
    pub saves: BTreeMap<String, (String, Option<i64>)>,
    /// Annotations by id (also their submit key): the op and whether acknowledged.
    pub notes: BTreeMap<String, (BoardOp, bool)>,
    /// Membership of each mover: the state last acknowledged, and the one last asked for.
    pub members: BTreeMap<String, (Option<bool>, bool)>,
    /// Answers that were neither a success nor a lost connection.
    pub refused: Vec<String>,
}

pub type Shared = Arc<Mutex<Ledger>>;

fn ledger(shared: &Shared) -> std::sync::MutexGuard<'_, Ledger> {
    shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Calls server function `F` (form-encoded) as the holder of `cookie`.
pub async fn call<F: ServerFn + serde::Serialize>(
    addr: SocketAddr,
    args: &F,
    cookie: Option<&str>,
) -> std::io::Result<Reply> {
    let body = serde_qs::to_string(args).expect("form-encoded");
    http::post(
        addr,
        F::PATH,
        "application/x-www-form-urlencoded",
        &body,
        cookie,
    )
    .await
}

/// Calls server function `F`, which takes JSON, as the holder of `cookie`.
async fn call_json<F: ServerFn + serde::Serialize>(
    addr: SocketAddr,
    args: &F,
    cookie: &str,
) -> std::io::Result<Reply> {
    let body = serde_json::to_string(args).expect("JSON");
    http::post(addr, F::PATH, "application/json", &body, Some(cookie)).await
}

/// Logs `email` in with the demo password; the session's `Cookie` header value.
pub async fn log_in(addr: SocketAddr, email: &str) -> String {
    let login = LogIn {
        email: email.to_owned(),
        password: PASSWORD.to_owned(),
        next: String::new(),
    };
    let reply = call(addr, &login, None).await.expect("login answered");
    let session = reply.cookie("comtem_session").expect("logged in");
    format!("comtem_session={session}")
}

/// Records an answer that was neither a success nor a lost connection.
fn refused(shared: &Shared, what: &str, reply: &Reply) {
    let line = format!("{what}: {} {}", reply.status, reply.body);
    ledger(shared).refused.push(line);
}

/// Signs up new visitors, one after another, until the server stops answering.
pub async fn sign_up(addr: SocketAddr, shared: Shared, prefix: String) {
    for n in 0.. {
        let email = format!("{prefix}.{n}@comune.it");
        ledger(&shared).signups.insert(email.clone(), false);
        let form = SignupForm {
            nome: "Nicolò".into(),
            cognome: "D'Alì".into(),
            email: email.clone(),
            ente_nome: "Castel San Pietro Terme".into(),
            ruolo: "Responsabile transizione digitale".into(),
            comunita: vec!["dati".into()],
            privacy: Some("on".into()),
            ..SignupForm::default()
        };
        match call(addr, &SignUp { form }, None).await {
            Ok(reply) if reply.status == 200 => {
                ledger(&shared).signups.insert(email, true);
            }
            Ok(reply) => refused(&shared, "signup", &reply),
            Err(_) => return,
        }
    }
}

/// Saves new versions of `community`'s plan as its coordinator, each with its own marker.
pub async fn save_plans(addr: SocketAddr, shared: Shared, cookie: String, community: &str) {
    let read = ReadPlan {
        anno: YEAR,
        comunita: community.to_owned(),
    };
    let Ok(reply) = call(addr, &read, Some(&cookie)).await else {
        return;
    };
    let view: PlanView = serde_json::from_str(&reply.body).expect("the plan");
    let (mut base, mut content) = (view.plan.version.number, view.plan.content);
    // The text before any marker an earlier round added.
    let context = content
        .context
        .split("\n\nRevisione ")
        .next()
        .unwrap_or_default()
        .to_owned();
    for n in 0.. {
        let marker = format!("versione-{}-{community}-{n}", unique());
        content.context = format!("{context}\n\nRevisione {marker}.");
        let save = SavePlan {
            anno: YEAR,
            comunita: community.to_owned(),
            base,
            contenuto: content.clone(),
        };
        ledger(&shared)
            .saves
            .insert(marker.clone(), (community.to_owned(), None));
        match call_json(addr, &save, &cookie).await {
            Ok(reply) if reply.status == 200 => match serde_json::from_str(&reply.body) {
                Ok(SaveOutcome::Saved(info)) => {
                    base = info.number;
                    ledger(&shared).saves.get_mut(&marker).expect("entered").1 = Some(info.number);
                }
                _ => return refused(&shared, "save", &reply),
            },
            Ok(reply) => return refused(&shared, "save", &reply),
            Err(_) => return,
        }
    }
}

/// A comment on objective `item` of `community`'s plan, with id `key`.
pub fn comment(key: &str, community: &str, item: &str) -> BoardOp {
    BoardOp::Create(NewAnnotation {
        id: AnnotationId(key.to_owned()),
        community: CommunitySlug::parse(community).expect("a community"),
        anchor: Anchor::whole(item),
        kind: AnnotationKind::Comment,
        body: format!("Nota {key}: una sinergia da approfondire."),
        synergy: None,
        proposal: None,
    })
}

/// Submits `op` (its id is its key) as the holder of `cookie`; whether acknowledged, `None`
/// when the server did not answer.
pub async fn submit(addr: SocketAddr, shared: &Shared, cookie: &str, op: &BoardOp) -> Option<bool> {
    let BoardOp::Create(note) = op else {
        unreachable!("the campaign only creates")
    };
    let args = SubmitBoard {
        anno: YEAR,
        chiave: note.id.clone(),
        op: op.clone(),
    };
    let reply = call_json(addr, &args, cookie).await.ok()?;
    let acked = reply.status == 200;
    if !acked {
        refused(shared, "annotation", &reply);
    }
    ledger(shared)
        .notes
        .insert(note.id.0.clone(), (op.clone(), acked));
    Some(acked)
}

/// Annotates objective `item` of `community`'s plan, one comment after another.
pub async fn annotate(
    addr: SocketAddr,
    shared: Shared,
    cookie: String,
    community: &str,
    item: String,
) {
    for _ in 0.. {
        let key = format!("fc{}", unique());
        let op = comment(&key, community, &item);
        ledger(&shared).notes.insert(key, (op.clone(), false));
        if submit(addr, &shared, &cookie, &op).await.is_none() {
            return;
        }
    }
}

/// Joins and leaves `community` in turn as the holder of `cookie` (entered as `who`).
pub async fn move_around(
    addr: SocketAddr,
    shared: Shared,
    cookie: String,
    who: &str,
    community: &str,
) {
    loop {
        let joining = !ledger(&shared)
            .members
            .get(who)
            .is_some_and(|(_, asked)| *asked);
        ledger(&shared)
            .members
            .entry(who.to_owned())
            .or_insert((None, false))
            .1 = joining;
        let comunita = community.to_owned();
        let answer = if joining {
            call(addr, &JoinCommunity { comunita }, Some(&cookie)).await
        } else {
            call(addr, &LeaveCommunity { comunita }, Some(&cookie)).await
        };
        match answer {
            Ok(reply) if reply.status == 200 => {
                ledger(&shared).members.get_mut(who).expect("entered").0 = Some(joining);
            }
            Ok(reply) => return refused(&shared, "membership", &reply),
            Err(_) => return,
        }
    }
}

/// A number never handed out before in this process, for ids and markers.
pub fn unique() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!("{:010}", NEXT.fetch_add(1, Ordering::Relaxed))
}
