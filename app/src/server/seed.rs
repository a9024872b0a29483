//! First-start data: the ten communities and the registry of bodies, kept as data files in
//! `app/data/` and loaded into empty tables. Safe when several instances start at once.

use serde::Deserialize;

use super::db::{self, Db};
use crate::domain::community::{Community, CommunitySlug, CommunitySummary, Declaratoria};
use crate::domain::ente::{Ente, EnteKind, Province};
use crate::error::AppError;

const COMMUNITIES_JSON: &str = include_str!("../../data/comunita.json");
const ENTI_CSV: &str = include_str!("../../data/enti.csv");

/// Why the seed data could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("seed data app/data/{file} is invalid: {reason}")]
    Data { file: &'static str, reason: String },
    #[error("could not store the seed data")]
    Store(#[from] AppError),
}

/// The ten communities as written in `comunita.json`, in display order.
pub fn communities() -> Result<Vec<Community>, SeedError> {
    let invalid = |reason: String| SeedError::Data {
        file: "comunita.json",
        reason,
    };
    let seeds: Vec<CommunitySeed> =
        serde_json::from_str(COMMUNITIES_JSON).map_err(|e| invalid(e.to_string()))?;
    seeds
        .into_iter()
        .map(|seed| {
            let slug = CommunitySlug::parse(&seed.slug)
                .map_err(|_| invalid(format!("bad slug {:?}", seed.slug)))?;
            Ok(Community {
                summary: CommunitySummary {
                    slug,
                    name: seed.nome,
                    summary: seed.sintesi,
                    member_count: 0,
                },
                declaratoria: Declaratoria {
                    themes: seed.temi,
                    mission: seed.missione,
                    objectives: seed.obiettivi,
                    audience: seed.destinatari,
                },
            })
        })
        .collect()
}

/// The registry of bodies in `enti.csv`, each with whether it is a plausible (illustrative) entry.
pub fn enti() -> Result<Vec<(Ente, bool)>, SeedError> {
    let mut reader = csv::Reader::from_reader(ENTI_CSV.as_bytes());
    reader
        .deserialize::<EnteSeed>()
        .enumerate()
        .map(|(index, record)| {
            let line = index + 2;
            let invalid = |reason: String| SeedError::Data {
                file: "enti.csv",
                reason: format!("line {line}: {reason}"),
            };
            let seed = record.map_err(|e| invalid(e.to_string()))?;
            let kind = EnteKind::parse(&seed.tipo)
                .ok_or_else(|| invalid(format!("unknown tipo {:?}", seed.tipo)))?;
            let province = match seed.provincia.as_str() {
                "" => None,
                code => Some(
                    Province::parse(code)
                        .ok_or_else(|| invalid(format!("unknown provincia {code:?}")))?,
                ),
            };
            let ente = Ente {
                code: seed.codice,
                name: seed.nome,
                kind,
                province,
            };
            Ok((ente, seed.plausibile == 1))
        })
        .collect()
}

/// Loads the communities and the registry into tables that are still empty.
pub async fn load_if_empty(db: &Db) -> Result<(), SeedError> {
    if db::communities::count(db).await? == 0 {
        for (position, community) in (1..).zip(communities()?) {
            db::communities::insert(db, position, &community).await?;
        }
        tracing::info!("loaded the ten communities");
    }
    if db::enti::count(db).await? == 0 {
        let enti = enti()?;
        db::enti::insert_all(db, &enti).await?;
        tracing::info!(count = enti.len(), "loaded the registry of bodies");
    }
    Ok(())
}

#[derive(Deserialize)]
struct CommunitySeed {
    slug: String,
    nome: String,
    sintesi: String,
    temi: Vec<String>,
    missione: String,
    obiettivi: Vec<String>,
    destinatari: String,
}

#[derive(Deserialize)]
struct EnteSeed {
    codice: String,
    nome: String,
    tipo: String,
    provincia: String,
    plausibile: u8,
}
