//! The demo's meetings: the presentations of the model in April 2024, meetings of two
//! communities, the cross-reading day, and two meetings to come (dated from the day the demo is
//! loaded, so the home page always has some).

use super::approved_year::demo_person;
use crate::domain::community::CommunitySlug;
use crate::domain::italian_time::ItalianTime;
use crate::domain::meeting::form::MeetingForm;
use crate::error::AppError;
use crate::server::clock::unix_now;
use crate::server::db::{self, Db};

/// One demo meeting, as its form would be filled in.
struct Demo {
    title: &'static str,
    audience: &'static str,
    communities: &'static [&'static str],
    starts: String,
    ends: String,
    place: &'static str,
    address: &'static str,
    link: &'static str,
    agenda: &'static str,
    minutes: &'static str,
}

const BOLOGNA: &str = "Viale Aldo Moro 52, Bologna";

fn meetings() -> Vec<Demo> {
    let soon = |days: i64, at: &str| {
        let day = ItalianTime::at(unix_now() + days * 86_400).day();
        format!("{day}T{at}")
    };
    vec![
        Demo {
            title: "Presentazione del nuovo modello delle Comunità Tematiche",
            audience: "tutti",
            communities: &[],
            starts: "2024-04-09T10:00".into(),
            ends: "2024-04-09T12:30".into(),
            place: "Sala 20 maggio 2012, Terza Torre",
            address: BOLOGNA,
            link: "https://meet.comtem.demo/presentazione-bologna",
            agenda: "- Perché dieci comunità tematiche\n- Coordinatori, referenti e membri: chi fa cosa\n- Il ciclo annuale dei piani di attività\n- Domande",
            minutes: "Presentato il modello ai rappresentanti degli enti dell'Emilia: **dieci comunità**, ciascuna con coordinatori e referenti, e un piano di attività all'anno. Molte domande sull'impegno richiesto ai referenti: se ne riparla all'avvio delle comunità.",
        },
        Demo {
            title: "Presentazione del modello agli enti della Romagna",
            audience: "tutti",
            communities: &[],
            starts: "2024-04-16T14:30".into(),
            ends: "2024-04-16T17:00".into(),
            place: "Sala del Consiglio, Palazzo della Provincia",
            address: "Piazza del Popolo 10, Cesena",
            link: "",
            agenda: "- Le Comunità Tematiche in breve\n- Le esperienze degli enti romagnoli\n- Come iscriversi",
            minutes: "Seconda presentazione, per gli enti di Forlì-Cesena, Ravenna e Rimini. Le iscrizioni aprono subito dopo l'incontro.",
        },
        Demo {
            title: "Comunità Dati: il primo piano di attività",
            audience: "comunita",
            communities: &["dati"],
            starts: "2024-04-23T10:00".into(),
            ends: "2024-04-23T12:00".into(),
            place: "",
            address: "",
            link: "https://meet.comtem.demo/dati",
            agenda: "- Presentazione dei coordinatori\n- Proposte di obiettivi per il 2024\n- Calendario dei prossimi incontri",
            minutes: "Raccolte le proposte degli enti: catalogo dei dati aperti comunali e formazione sulla qualità dei dati. Il coordinatore scrive la bozza del piano entro fine mese.",
        },
        Demo {
            title: "Cybersecurity e Cloud: la migrazione dei servizi",
            audience: "comunita",
            communities: &["cybersecurity-e-cloud"],
            starts: "2024-05-02T15:00".into(),
            ends: "2024-05-02T17:00".into(),
            place: "Aula 3, Lepida",
            address: "Via della Liberazione 15, Bologna",
            link: "https://meet.comtem.demo/cyber",
            agenda: "- Lo stato della migrazione al cloud degli enti\n- Esercitazione su un incidente",
            minutes: "",
        },
        Demo {
            title: "Giornata di lettura trasversale dei piani",
            audience: "coordinatori",
            communities: &[],
            starts: "2024-05-14T09:30".into(),
            ends: "2024-05-14T16:30".into(),
            place: "Sala 20 maggio 2012, Terza Torre",
            address: BOLOGNA,
            link: "https://meet.comtem.demo/lettura-trasversale",
            agenda: "- Mattina: lettura dei dieci piani e annotazioni\n- Pomeriggio: sinergie e proposte di azioni integrate",
            minutes: "Coordinatori e referenti hanno letto i dieci piani insieme e annotato sinergie e proposte di azioni integrate sulla bacheca.",
        },
        Demo {
            title: "Comunità Dati: il piano del nuovo anno",
            audience: "comunita",
            communities: &["dati"],
            starts: soon(21, "10:00"),
            ends: soon(21, "12:00"),
            place: "",
            address: "",
            link: "https://meet.comtem.demo/dati",
            agenda: "- Cosa abbiamo fatto quest'anno\n- Le azioni da riprendere\n- Nuove proposte",
            minutes: "",
        },
        Demo {
            title: "Incontro plenario delle Comunità Tematiche",
            audience: "tutti",
            communities: &[],
            starts: soon(35, "09:30"),
            ends: soon(35, "13:00"),
            place: "Sala 20 maggio 2012, Terza Torre",
            address: BOLOGNA,
            link: "https://meet.comtem.demo/plenaria",
            agenda: "- I numeri delle comunità\n- I piani approvati\n- Le azioni integrate",
            minutes: "",
        },
    ]
}

/// Stores the demo meetings, organised by regional staff; Nicolò D'Alì will attend the next
/// meeting of Dati.
pub async fn load(db: &Db) -> Result<(), AppError> {
    let staff = demo_person(db, "admin").await?;
    let known: Vec<CommunitySlug> = db::communities::list(db)
        .await?
        .into_iter()
        .map(|c| c.slug)
        .collect();
    let now = crate::server::clock::rfc3339_now();
    let mut last_of_dati = None;
    for demo in meetings() {
        let form = MeetingForm {
            title: demo.title.into(),
            audience: demo.audience.into(),
            communities: demo.communities.iter().map(|c| (*c).to_owned()).collect(),
            starts: demo.starts,
            ends: demo.ends,
            place: demo.place.into(),
            address: demo.address.into(),
            online_url: demo.link.into(),
            agenda: demo.agenda.into(),
            minutes: demo.minutes.into(),
        };
        let draft = form.check(&known).map_err(|rejection| {
            tracing::error!(demo.title, ?rejection, "a demo meeting is refused");
            AppError::Internal
        })?;
        let id = db::meetings::create(db, &draft, &staff, &now).await?;
        if demo.communities == ["dati"] {
            last_of_dati = Some(id);
        }
    }
    if let Some(id) = last_of_dati {
        let nicolo = demo_person(db, "nicolo.dali").await?;
        db::meetings::set_attending(db, id, &nicolo, true, &now).await?;
    }
    Ok(())
}
