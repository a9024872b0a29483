//! The demo's news, written for the demo: the presentations of the model, the numbers as of
//! 6 May 2024 (read from the demo's own figures), and the cross-reading day.

use super::approved_year::demo_person;
use crate::domain::news::form::NewsDraft;
use crate::domain::numbers::Day;
use crate::error::AppError;
use crate::server::db::{self, Db};
use crate::server::failure::Context;

/// The meeting titled `title` among the demo's.
async fn meeting(db: &Db, title: &str) -> Result<i64, AppError> {
    db::meetings::all(db)
        .await?
        .into_iter()
        .find(|m| m.title == title)
        .map(|m| m.id)
        .context("finding the meeting of a demo post")
}

/// Publishes the demo's posts as regional staff, each on its own day.
pub async fn load(db: &Db) -> Result<(), AppError> {
    let staff = demo_person(db, "admin").await?;
    let day = Day::parse_any("2024-05-06").context("the demo's day of the figures")?;
    let numbers = db::numbers::as_of(db, &day).await?;
    let largest = numbers
        .by_community
        .first()
        .map(|c| {
            format!(
                " La comunità con più iscrizioni è **{}** ({}).",
                c.name, c.signups
            )
        })
        .unwrap_or_default();
    let posts = [
        (
            "2024-04-17T10:00:00Z",
            NewsDraft {
                title: "Presentato agli enti il nuovo modello delle Comunità Tematiche".into(),
                summary: "Due incontri, a Bologna e a Cesena, per spiegare come funzionano le dieci comunità e come iscriversi.".into(),
                body: "Il 9 aprile a Bologna e il 16 aprile a Cesena la Regione ha presentato il nuovo modello delle **Comunità Tematiche** ai rappresentanti degli enti.\n\n- dieci comunità, ciascuna con coordinatori e referenti\n- un piano di attività all'anno, letto insieme alle altre comunità\n- iscrizioni aperte a tutto il personale degli enti\n\nLe iscrizioni sono aperte su questo sito.".into(),
                communities: vec![],
                meetings: vec![
                    meeting(db, "Presentazione del nuovo modello delle Comunità Tematiche").await?,
                    meeting(db, "Presentazione del modello agli enti della Romagna").await?,
                ],
                publish: true,
            },
        ),
        (
            "2024-05-07T09:00:00Z",
            NewsDraft {
                title: "Le Comunità Tematiche in numeri, al 6 maggio".into(),
                summary: format!(
                    "{} iscrizioni di {} persone da {} enti.",
                    numbers.signups, numbers.people, numbers.bodies
                ),
                body: format!(
                    "Al 6 maggio 2024 le comunità contano **{} iscrizioni** di {} persone, da {} enti.{largest}\n\nTutti i numeri, per comunità, provincia e tipo di ente, sono nella pagina «I numeri» del sito, anche come dati aperti.",
                    numbers.signups, numbers.people, numbers.bodies
                ),
                communities: vec![],
                meetings: vec![],
                publish: true,
            },
        ),
        (
            "2024-05-15T15:00:00Z",
            NewsDraft {
                title: "La giornata di lettura trasversale dei piani".into(),
                summary: "Coordinatori e referenti hanno letto insieme i dieci piani di attività e annotato sinergie e azioni integrate.".into(),
                body: "Il 14 maggio coordinatori e referenti delle dieci comunità si sono ritrovati a Bologna per leggere insieme i piani di attività.\n\nLe annotazioni, le sinergie e le proposte di azioni integrate sono sulla bacheca della lettura trasversale.".into(),
                communities: vec![],
                meetings: vec![meeting(db, "Giornata di lettura trasversale dei piani").await?],
                publish: true,
            },
        ),
    ];
    for (published, draft) in &posts {
        db::news::create(db, draft, &staff, published).await?;
    }
    Ok(())
}
