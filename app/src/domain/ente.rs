//! The registry of public bodies (enti) whose staff join the communities.

use serde::{Deserialize, Serialize};

use super::search::fold;
use crate::i18n::texts;

code_enum! {
    /// The kind of a public body.
    EnteKind {
        Comune = "comune",
        Provincia = "provincia",
        CittaMetropolitana = "citta_metropolitana",
        Regione = "regione",
        UnioneComuni = "unione_comuni",
        Ausl = "ausl",
        AziendaOspedaliera = "azienda_ospedaliera",
        ConsorzioBonifica = "consorzio_bonifica",
        EnteParco = "ente_parco",
        Asp = "asp",
        IstitutoScolastico = "istituto_scolastico",
        Universita = "universita",
        Acer = "acer",
        CameraCommercio = "camera_commercio",
        AgenziaRegionale = "agenzia_regionale",
    }
}

code_enum! {
    /// The nine provinces of Emilia-Romagna, by their two-letter code.
    Province {
        Piacenza = "PC",
        Parma = "PR",
        ReggioEmilia = "RE",
        Modena = "MO",
        Bologna = "BO",
        Ferrara = "FE",
        Ravenna = "RA",
        ForliCesena = "FC",
        Rimini = "RN",
    }
}

/// One public body of the registry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ente {
    /// Stable code: the ISTAT code for municipalities, a readable slug for the others.
    pub code: String,
    pub name: String,
    pub kind: EnteKind,
    /// `None` only for bodies of the whole region, such as the Region itself.
    pub province: Option<Province>,
}

impl EnteKind {
    /// The kind's name in the interface language.
    pub fn label(self) -> &'static str {
        (texts().ente_kind)(self)
    }
}

impl Province {
    /// The province's name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Piacenza => "Piacenza",
            Self::Parma => "Parma",
            Self::ReggioEmilia => "Reggio Emilia",
            Self::Modena => "Modena",
            Self::Bologna => "Bologna",
            Self::Ferrara => "Ferrara",
            Self::Ravenna => "Ravenna",
            Self::ForliCesena => "Forlì-Cesena",
            Self::Rimini => "Rimini",
        }
    }
}

/// A body as the type-ahead offers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnteOption {
    pub code: String,
    pub name: String,
    pub kind: EnteKind,
    pub province: Option<Province>,
    /// Named at signup and not validated yet.
    pub pending: bool,
}

impl EnteOption {
    /// Kind and province, to tell apart bodies with similar names.
    pub fn details(&self) -> String {
        match self.province {
            Some(province) => format!("{} · {}", self.kind.label(), province.name()),
            None => self.kind.label().to_owned(),
        }
    }
}

/// The bodies matching `query` by name, kind or province, best first, at most `limit`.
/// Every word of the query must appear; an exact name comes first, then names that start with
/// the query, then names that contain it.
pub fn rank_matches(options: &[EnteOption], query: &str, limit: usize) -> Vec<EnteOption> {
    let query = fold(query.trim());
    if query.is_empty() {
        return Vec::new();
    }
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut scored: Vec<(u8, &EnteOption)> = options
        .iter()
        .filter_map(|option| {
            let name = fold(&option.name);
            let haystack = format!(
                "{name} {} {}",
                fold(&option.details()),
                option.province.map_or("", Province::code).to_lowercase()
            );
            if !words.iter().all(|word| haystack.contains(word)) {
                return None;
            }
            let score = if name == query {
                0
            } else if name.starts_with(&query) {
                1
            } else if name.contains(&query) {
                2
            } else {
                3
            };
            Some((score, option))
        })
        .collect();
    scored.sort_by(|(a, x), (b, y)| (a, x.name.len(), &x.name).cmp(&(b, y.name.len(), &y.name)));
    scored
        .into_iter()
        .take(limit)
        .map(|(_, option)| option.clone())
        .collect()
}

/// The body a typed name designates: the exact name, or the only match.
pub fn resolve(options: &[EnteOption], typed: &str) -> Result<EnteOption, Vec<EnteOption>> {
    let matches = rank_matches(options, typed, 8);
    match matches.as_slice() {
        [only] => Ok(only.clone()),
        [first, ..] if fold(&first.name) == fold(typed.trim()) => Ok(first.clone()),
        _ => Err(matches),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option(code: &str, name: &str, kind: EnteKind, province: Option<Province>) -> EnteOption {
        EnteOption {
            code: code.into(),
            name: name.into(),
            kind,
            province,
            pending: false,
        }
    }

    #[test]
    fn ranking_prefers_exact_then_prefix_and_matches_province() {
        let options = vec![
            option(
                "1",
                "Unione Reno Galliera",
                EnteKind::UnioneComuni,
                Some(Province::Bologna),
            ),
            option(
                "2",
                "Comune di Bologna",
                EnteKind::Comune,
                Some(Province::Bologna),
            ),
            option(
                "3",
                "Comune di Forlì",
                EnteKind::Comune,
                Some(Province::ForliCesena),
            ),
        ];
        let names = |q| {
            rank_matches(&options, q, 8)
                .into_iter()
                .map(|o| o.code)
                .collect::<Vec<_>>()
        };
        assert_eq!(names("comune di bologna"), ["2"]);
        assert_eq!(names("bologna"), ["2", "1"]);
        assert_eq!(names("FORLI"), ["3"]);
        assert_eq!(names("comune fc"), ["3"]);
        assert!(names("   ").is_empty());
        assert_eq!(
            resolve(&options, " comune di forlì ").map(|o| o.code),
            Ok("3".to_owned())
        );
        assert_eq!(resolve(&options, "comune").map_err(|m| m.len()), Err(2));
        assert_eq!(resolve(&options, "Parma").map_err(|m| m.len()), Err(0));
    }

    #[test]
    fn codes_round_trip() {
        for kind in EnteKind::ALL {
            assert_eq!(EnteKind::parse(kind.code()), Some(*kind));
        }
        for province in Province::ALL {
            assert_eq!(Province::parse(province.code()), Some(*province));
        }
        assert_eq!(Province::ALL.len(), 9);
    }

    #[test]
    fn unknown_codes_are_refused() {
        assert_eq!(EnteKind::parse("Comune"), None);
        assert_eq!(Province::parse("bo"), None);
        assert_eq!(Province::parse(""), None);
    }
}
