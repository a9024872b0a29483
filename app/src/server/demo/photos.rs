//! The demo's photos: drawn scenes of its past meetings, each passed through the same
//! processing as an upload, with their alternative texts and captions.

mod scene;

use std::io::Cursor;

use super::approved_year::demo_person;
use crate::error::AppError;
use crate::server::clock::rfc3339_now;
use crate::server::db::{self, Db};
use crate::server::failure::Context;
use crate::server::photos::pipeline::Rendition;
use crate::server::photos::process;
use scene::{Scene, draw};

/// A demo photo: the meeting it is of, what it shows, and the scene.
struct Demo {
    meeting: &'static str,
    alt: &'static str,
    caption: &'static str,
    scene: Scene,
}

const PRESENTATION: &str = "Presentazione del nuovo modello delle Comunità Tematiche";
const ROMAGNA: &str = "Presentazione del modello agli enti della Romagna";
const CROSS_READING: &str = "Giornata di lettura trasversale dei piani";

fn photos() -> [Demo; 6] {
    let scene = |wall, chart, people, seed| Scene {
        wall,
        chart,
        people,
        seed,
    };
    [
        Demo {
            meeting: PRESENTATION,
            alt: "Una sala riunioni: sullo schermo un grafico a barre, davanti otto persone \
                  sedute a un lungo tavolo.",
            caption: "Bologna, la presentazione del nuovo modello.",
            scene: scene([214, 222, 230], &[40, 65, 90, 55], 8, 1),
        },
        Demo {
            meeting: PRESENTATION,
            alt: "La stessa sala vista da un altro lato: cinque persone al tavolo e lo schermo \
                  con le dieci comunità.",
            caption: "Le dieci comunità presentate una per una.",
            scene: scene([230, 220, 200], &[30, 45, 60, 75, 90], 5, 4),
        },
        Demo {
            meeting: ROMAGNA,
            alt: "Una sala con pareti verdi chiare: sei persone al tavolo davanti a uno \
                  schermo con tre barre.",
            caption: "Cesena, l'incontro con gli enti della Romagna.",
            scene: scene([205, 228, 210], &[80, 50, 35], 6, 7),
        },
        Demo {
            meeting: CROSS_READING,
            alt: "Dieci persone attorno a un tavolo con lo schermo che mostra le sinergie tra \
                  i piani.",
            caption: "La lettura trasversale: tutti i piani, fianco a fianco.",
            scene: scene([225, 215, 235], &[70, 85, 60, 95, 50], 10, 2),
        },
        Demo {
            meeting: CROSS_READING,
            alt: "Quattro coordinatori al tavolo discutono davanti allo schermo con due barre.",
            caption: "Coordinatori e referenti cercano le azioni integrate.",
            scene: scene([235, 225, 210], &[60, 90], 4, 9),
        },
        Demo {
            meeting: CROSS_READING,
            alt: "La sala al termine della giornata: sette persone e lo schermo con il riepilogo \
                  delle annotazioni.",
            caption: "",
            scene: scene([215, 230, 230], &[20, 40, 60, 80], 7, 5),
        },
    ]
}

/// The covers of the demo's news posts: the post's title, what the cover shows, the scene.
fn covers() -> [(&'static str, &'static str, Scene); 2] {
    [
        (
            "Presentato agli enti il nuovo modello delle Comunità Tematiche",
            "Una sala piena: nove persone al tavolo davanti allo schermo con le comunità.",
            Scene {
                wall: [220, 226, 236],
                chart: &[50, 70, 90, 60, 40],
                people: 9,
                seed: 3,
            },
        ),
        (
            "La giornata di lettura trasversale dei piani",
            "Coordinatori e referenti al tavolo leggono i piani proiettati sullo schermo.",
            Scene {
                wall: [236, 226, 214],
                chart: &[65, 80, 55],
                people: 6,
                seed: 8,
            },
        ),
    ]
}

/// Draws, processes and stores the demo's photos, described, and the news covers, as regional
/// staff.
pub async fn load(db: &Db) -> Result<(), AppError> {
    let staff = demo_person(db, "admin").await?;
    let meetings = db::meetings::all(db).await?;
    let now = rfc3339_now();
    for demo in photos() {
        let meeting = meetings
            .iter()
            .find(|m| m.title == demo.meeting)
            .context("finding the meeting of a demo photo")?;
        let files = drawn(&demo.scene).await?;
        let id = db::photos::add(db, meeting.id, &files, &staff, &now).await?;
        db::photos::describe(db, id, demo.alt, demo.caption).await?;
    }
    let posts = db::news::all(db).await?;
    for (title, alt, scene) in covers() {
        let post = posts
            .iter()
            .find(|p| p.title == title)
            .context("finding the post of a demo cover")?;
        let files = drawn(&scene).await?;
        db::photos::set_cover(db, post.id, alt, &files, &staff, &now).await?;
    }
    Ok(())
}

/// `scene` drawn, saved as a camera would, and processed as an upload.
async fn drawn(scene: &Scene) -> Result<Vec<Rendition>, AppError> {
    let mut jpeg = Cursor::new(Vec::new());
    draw(scene)
        .write_to(&mut jpeg, image::ImageFormat::Jpeg)
        .context("encoding a demo photo")?;
    process(jpeg.into_inner()).await.map_err(|problem| {
        tracing::error!(?problem, "a demo photo is refused");
        AppError::Internal
    })
}
