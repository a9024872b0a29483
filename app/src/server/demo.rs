//! The demo, loaded into an empty database when the server starts with `COMTEM_DEMO=1`: named
//! accounts (password [`DEMO_PASSWORD`]) and the members of the report of 6 May 2024 (see
//! [`population`]). Production never loads it.

use super::db::{self, Db};
use super::{auth::passwords, failure::Context};
use crate::domain::community::CommunitySlug;
use crate::domain::ente::Ente;
use crate::domain::person::{Email, PersonId};
use crate::domain::role::{Role, RoleKind};
use crate::domain::signup_form::{EnteChoice, Signup};
use crate::error::AppError;

pub mod approved_year;
pub mod board;
mod meetings;
mod news;
mod photos;
pub mod plans;
pub mod population;

use population::Named;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "comtem-demo-2024";

/// First name, last name and body code of a demo person.
type Leader = (&'static str, &'static str, &'static str);

/// Coordinator and referent of each community, in display order.
const LEADERS: [(&str, [Leader; 2]); 10] = [
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

/// Creates the demo accounts and members if nobody has signed up yet; whether it did.
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
        .context("hashing the demo password")??;
    let accounts = accounts();
    let named: Vec<Named> = accounts
        .iter()
        .map(|account| Named {
            ente: account.ente,
            communities: &account.communities,
        })
        .collect();
    let registry: Vec<Ente> = super::seed::enti()
        .context("reading the seed bodies")?
        .into_iter()
        .map(|(ente, _)| ente)
        .collect();
    let population = population::generate(&registry, &named);
    for (account, at) in accounts.iter().zip(&population.named_at) {
        let person = Person {
            local: &account.local,
            first: account.first,
            last: account.last,
            job_title: account.job_title,
            ente: account.ente,
            communities: &account.communities,
        };
        let id = add(db, Some(&hash), &person, at).await?;
        for role in &account.roles {
            db::roles::grant(db, &id, role, at).await?;
        }
    }
    for member in &population.members {
        let person = Person {
            local: &member.email_local,
            first: member.first_name,
            last: member.last_name,
            job_title: member.job_title,
            ente: &member.ente,
            communities: &member.communities,
        };
        add(db, None, &person, &member.at).await?;
    }
    approved_year::load(db).await?;
    plans::load(db).await?;
    board::load(db).await?;
    meetings::load(db).await?;
    news::load(db).await?;
    photos::load(db).await?;
    tracing::info!(
        "loaded the demo: {} accounts (password {DEMO_PASSWORD}), {} members, the plans, the board, the meetings with their photos and the news",
        accounts.len(),
        population.members.len()
    );
    Ok(true)
}

/// A demo account with a password, and its roles.
struct Account {
    local: String,
    first: &'static str,
    last: &'static str,
    job_title: &'static str,
    ente: &'static str,
    communities: Vec<&'static str>,
    roles: Vec<Role>,
}

/// The named demo accounts: regional staff, a member of the CNER table and the Cabina di
/// Regia, each community's coordinator and
/// referent, and three members.
fn accounts() -> Vec<Account> {
    let all: Vec<&str> = LEADERS.iter().map(|(slug, _)| *slug).collect();
    let mut accounts = vec![
        Account {
            local: "admin".into(),
            first: "Giulia",
            last: "Ferri",
            job_title: "Agenda Digitale",
            ente: "regione-er",
            communities: all.clone(),
            roles: vec![Role::global(RoleKind::Admin)],
        },
        Account {
            local: "cner".into(),
            first: "Paolo",
            last: "Benassi",
            job_title: "Agenda Digitale",
            ente: "agenzia-lepida",
            communities: all,
            roles: vec![
                Role::global(RoleKind::Cner),
                Role::global(RoleKind::CabinaDiRegia),
            ],
        },
    ];
    for (slug, pair) in LEADERS {
        for ((first, last, ente), kind) in pair
            .into_iter()
            .zip([RoleKind::Coordinator, RoleKind::Referent])
        {
            let title = if kind == RoleKind::Coordinator {
                "coordinatore"
            } else {
                "referente"
            };
            accounts.push(Account {
                local: format!("{title}.{slug}"),
                first,
                last,
                job_title: kind.label(),
                ente,
                communities: vec![slug],
                roles: CommunitySlug::parse(slug)
                    .ok()
                    .map(|community| Role::in_community(kind, community))
                    .into_iter()
                    .collect(),
            });
        }
    }
    for (local, first, last, ente, communities) in MEMBERS {
        accounts.push(Account {
            local: local.into(),
            first,
            last,
            job_title: "Istruttore amministrativo",
            ente,
            communities: communities.to_vec(),
            roles: Vec::new(),
        });
    }
    accounts
}

/// Who to sign up.
struct Person<'a> {
    local: &'a str,
    first: &'a str,
    last: &'a str,
    job_title: &'a str,
    ente: &'a str,
    communities: &'a [&'a str],
}

/// Signs `person` up at `at` (RFC 3339), through the same path as the signup form.
async fn add(
    db: &Db,
    hash: Option<&str>,
    person: &Person<'_>,
    at: &str,
) -> Result<PersonId, AppError> {
    let signup = Signup {
        first_name: person.first.to_owned(),
        last_name: person.last.to_owned(),
        email: Email::parse(&format!("{}@comtem.demo", person.local))
            .context("a demo person's email")?,
        ente: EnteChoice::Registered {
            code: person.ente.to_owned(),
            name: String::new(),
        },
        job_title: person.job_title.to_owned(),
        communities: person
            .communities
            .iter()
            .map(|slug| CommunitySlug::parse(slug).context("a demo person's community"))
            .collect::<Result<_, _>>()?,
        password: None,
    };
    let enrolment = db::people::enrol(db, &signup, person.ente, hash, at, None).await?;
    Ok(enrolment.person)
}
