//! The rows with [`Counts`] as their JSON writes them, flat, for decoding: serde decodes a
//! `flatten`ed field through a buffer of any value, code the browser then carries for nothing.

use serde::Deserialize;

use super::{Counts, EnteGroup};
use crate::domain::ente::{EnteKind, Province};

/// [`super::ProvinceCount`] as written.
#[derive(Deserialize)]
pub struct ProvinceCount {
    sigla: Province,
    nome: String,
    iscrizioni: i64,
    enti: i64,
    persone: i64,
}

impl From<ProvinceCount> for super::ProvinceCount {
    fn from(row: ProvinceCount) -> Self {
        Self {
            province: row.sigla,
            name: row.nome,
            counts: counts(row.iscrizioni, row.enti, row.persone),
        }
    }
}

/// [`super::KindCount`] as written.
#[derive(Deserialize)]
pub struct KindCount {
    tipo: EnteKind,
    nome: String,
    gruppo: EnteGroup,
    iscrizioni: i64,
    enti: i64,
    persone: i64,
}

impl From<KindCount> for super::KindCount {
    fn from(row: KindCount) -> Self {
        Self {
            kind: row.tipo,
            name: row.nome,
            group: row.gruppo,
            counts: counts(row.iscrizioni, row.enti, row.persone),
        }
    }
}

fn counts(signups: i64, bodies: i64, people: i64) -> Counts {
    Counts {
        signups,
        bodies,
        people,
    }
}
