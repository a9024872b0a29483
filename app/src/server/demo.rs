//! Demo accounts, loaded into an empty database when the server starts with `COMTEM_DEMO=1`.
//! Every demo account's password is [`DEMO_PASSWORD`]; production never loads them.

use super::auth::passwords;
use super::clock::rfc3339_now;
use super::db::{self, Db};
use crate::domain::community::CommunitySlug;
use crate::domain::person::Email;
use crate::domain::role::{Role, RoleKind};
use crate::domain::signup_form::{EnteChoice, Signup};
use crate::error::AppError;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "comtem-demo-2024";

/// First name, last name and body code of a demo person.
type Person = (&'static str, &'static str, &'static str);

/// Coordinator and referent of each community, in display order.
const LEADERS: [(&str, [Person; 2]); 10] = [
    (
        "internet-of-things",
        [("Marco", "Galli", "036023"), ("Elena", "Bertoni", "034027")],
    ),
    (
        "dati",
        [
            ("Chiara", "Montanari", "037006"),
            ("Luca", "Zanetti", "039014"),
        ],
    ),
    (
        "digital-gender-gap",
        [
            ("Francesca", "Rinaldi", "040012"),
            ("Sara", "Neri", "035033"),
        ],
    ),
    (
        "amministratori-digitali",
        [
            ("Giorgio", "Baldini", "037032"),
            ("Anna", "Morandi", "038008"),
        ],
    ),
    (
        "integrazioni-digitali",
        [("Davide", "Guidi", "036005"), ("Paola", "Fabbri", "099014")],
    ),
    (
        "imprese",
        [
            ("Stefano", "Cavalli", "033032"),
            ("Laura", "Pellegrini", "040007"),
        ],
    ),
    (
        "facilitazione-digitale",
        [
            ("Martina", "Ricci", "039010"),
            ("Andrea", "Lolli", "037011"),
        ],
    ),
    (
        "documenti",
        [
            ("Roberta", "Vitali", "037006"),
            ("Matteo", "Sarti", "039012"),
        ],
    ),
    (
        "cybersecurity-e-cloud",
        [
            ("Alessandro", "Ferrari", "agenzia-lepida"),
            ("Valentina", "Gatti", "036040"),
        ],
    ),
    (
        "cittadini",
        [
            ("Federica", "Conti", "099013"),
            ("Simone", "Mazzoni", "038004"),
        ],
    ),
];

/// A few members without roles.
const MEMBERS: [(&str, &str, &str, &str, &[&str]); 3] = [
    (
        "nicolo.dali",
        "Nicolò",
        "D'Alì",
        "037020",
        &["dati", "documenti"],
    ),
    (
        "maria.esposito",
        "Maria",
        "Esposito",
        "034014",
        &["cittadini", "facilitazione-digitale"],
    ),
    (
        "giovanni.lanzoni",
        "Giovanni",
        "Lanzoni",
        "ausl-parma",
        &["cybersecurity-e-cloud"],
    ),
];

/// Creates the demo accounts if nobody has signed up yet; whether it did.
pub async fn load_if_empty(db: &Db) -> Result<bool, AppError> {
    let people: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people")
        .fetch_one(db)
        .await?;
    if people > 0 {
        return Ok(false);
    }
    // One hash for all: the demo accounts share their password.
    let hash = tokio::task::spawn_blocking(|| passwords::hash_now(DEMO_PASSWORD))
        .await
        .map_err(|_| AppError::Internal)??;
    let all: Vec<&str> = LEADERS.iter().map(|(slug, _)| *slug).collect();
    let staff = [
        (
            "admin",
            "Giulia",
            "Ferri",
            "regione-er",
            Role::global(RoleKind::Admin),
        ),
        (
            "cner",
            "Paolo",
            "Benassi",
            "agenzia-lepida",
            Role::global(RoleKind::Validator),
        ),
    ];
    for (local, first, last, ente, role) in staff {
        let person = add(db, &hash, local, first, last, "Agenda Digitale", ente, &all).await?;
        db::roles::grant(db, &person, &role, &rfc3339_now()).await?;
    }
    for (slug, pair) in LEADERS {
        let community = slug_of(slug)?;
        for ((first, last, ente), kind) in pair
            .into_iter()
            .zip([RoleKind::Coordinator, RoleKind::Referent])
        {
            let local = format!(
                "{}.{slug}",
                if kind == RoleKind::Coordinator {
                    "coordinatore"
                } else {
                    "referente"
                }
            );
            let person = add(db, &hash, &local, first, last, kind.label(), ente, &[slug]).await?;
            let role = Role::in_community(kind, community.clone());
            db::roles::grant(db, &person, &role, &rfc3339_now()).await?;
        }
    }
    for (local, first, last, ente, communities) in MEMBERS {
        add(
            db,
            &hash,
            local,
            first,
            last,
            "Istruttore amministrativo",
            ente,
            communities,
        )
        .await?;
    }
    tracing::info!("loaded the demo accounts (password {DEMO_PASSWORD})");
    Ok(true)
}

#[allow(clippy::too_many_arguments)]
async fn add(
    db: &Db,
    hash: &str,
    local: &str,
    first: &str,
    last: &str,
    job_title: &str,
    ente: &str,
    communities: &[&str],
) -> Result<crate::domain::person::PersonId, AppError> {
    let signup = Signup {
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        email: Email::parse(&format!("{local}@comtem.demo")).map_err(|_| AppError::Internal)?,
        ente: EnteChoice::Registered {
            code: ente.to_owned(),
            name: String::new(),
        },
        job_title: job_title.to_owned(),
        communities: communities
            .iter()
            .map(|slug| slug_of(slug))
            .collect::<Result<_, _>>()?,
        password: None,
    };
    let enrolment = db::people::enrol(db, &signup, ente, Some(hash), &rfc3339_now(), None).await?;
    Ok(enrolment.person)
}

fn slug_of(slug: &str) -> Result<CommunitySlug, AppError> {
    CommunitySlug::parse(slug).map_err(|_| AppError::Internal)
}
