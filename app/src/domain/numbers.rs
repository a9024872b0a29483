//! The public figures ("I numeri COMTem") as of a day, in the shape of the open data.
//!
//! Field names are the Italian ones of `/api/v1/numeri.json`, a stable public format: add
//! fields, never rename or remove them.

mod day;
mod flat;

use serde::{Deserialize, Serialize};

use super::ente::{EnteKind, Province};
use crate::i18n::texts;
pub use day::{Day, DayProblem};

/// How the registry's kinds of body are grouped in the figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EnteGroup {
    /// Municipalities, their unions, the provinces and the Region.
    #[serde(rename = "enti_locali")]
    Local,
    /// The "altri enti" of the report: ASP, Consorzi di Bonifica, AUSL, Aziende Ospedaliere and
    /// IRCCS, Enti Parchi.
    #[serde(rename = "altri_enti")]
    Other,
    /// Every further public body: schools, universities, agencies, chambers of commerce, ACER.
    #[serde(rename = "altri_enti_pubblici")]
    FurtherPublic,
}

impl EnteGroup {
    /// The group a kind of body belongs to.
    pub fn of(kind: EnteKind) -> Self {
        use EnteKind::*;
        match kind {
            Comune | Provincia | CittaMetropolitana | Regione | UnioneComuni => Self::Local,
            Asp | ConsorzioBonifica | Ausl | AziendaOspedaliera | EnteParco => Self::Other,
            IstitutoScolastico | Universita | Acer | CameraCommercio | AgenziaRegionale => {
                Self::FurtherPublic
            }
        }
    }

    /// The group's name in the interface language.
    pub fn label(self) -> &'static str {
        let texts = texts();
        match self {
            Self::Local => texts.group_local,
            Self::Other => texts.group_other,
            Self::FurtherPublic => texts.group_further,
        }
    }
}

/// Signups, bodies and people counted together.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    #[serde(rename = "iscrizioni")]
    pub signups: i64,
    #[serde(rename = "enti")]
    pub bodies: i64,
    #[serde(rename = "persone")]
    pub people: i64,
}

/// The signups of one community.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunityCount {
    pub slug: String,
    #[serde(rename = "nome")]
    pub name: String,
    #[serde(rename = "iscrizioni")]
    pub signups: i64,
}

/// The figures of the bodies of one province.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "flat::ProvinceCount")]
pub struct ProvinceCount {
    #[serde(rename = "sigla")]
    pub province: Province,
    #[serde(rename = "nome")]
    pub name: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// The figures of the bodies of one kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "flat::KindCount")]
pub struct KindCount {
    #[serde(rename = "tipo")]
    pub kind: EnteKind,
    #[serde(rename = "nome")]
    pub name: String,
    #[serde(rename = "gruppo")]
    pub group: EnteGroup,
    #[serde(flatten)]
    pub counts: Counts,
}

/// One day whose signups changed: how many were made that day less those that ended, and the
/// total at its end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCount {
    #[serde(rename = "data")]
    pub day: Day,
    #[serde(rename = "nuove")]
    pub new: i64,
    #[serde(rename = "iscrizioni")]
    pub total: i64,
}

/// Everything `/numeri` shows, as of the end of `day` (Italian time). A signup is one person in
/// one community; it counts on the days from the one it was made to the one before it ended, so
/// leaving later never changes a past day (only deleting the account does).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Numbers {
    #[serde(rename = "al")]
    pub day: Day,
    #[serde(rename = "iscrizioni")]
    pub signups: i64,
    /// Distinct bodies with at least one person signed up.
    #[serde(rename = "enti")]
    pub bodies: i64,
    /// Distinct people signed up to at least one community.
    #[serde(rename = "persone")]
    pub people: i64,
    /// People whose body is one of the "altri enti" ([`EnteGroup::Other`]).
    #[serde(rename = "persone_altri_enti")]
    pub people_other_bodies: i64,
    /// Every community, most signups first.
    #[serde(rename = "per_comunita")]
    pub by_community: Vec<CommunityCount>,
    /// Every province, most signups first.
    #[serde(rename = "per_provincia")]
    pub by_province: Vec<ProvinceCount>,
    /// The bodies of the whole region (the Region, its agencies): they have no province.
    #[serde(rename = "enti_regionali")]
    pub regional_bodies: Counts,
    /// Every kind with at least one signup, most signups first.
    #[serde(rename = "per_tipo_ente")]
    pub by_kind: Vec<KindCount>,
    /// Every day whose signups changed, oldest first.
    #[serde(rename = "andamento")]
    pub by_day: Vec<DayCount>,
}

impl Numbers {
    /// The open-data CSV: one figure per row (`sezione,codice,nome,misura,valore`), in the order
    /// of the JSON.
    pub fn csv_rows(&self) -> Vec<[String; 5]> {
        let mut rows = Vec::new();
        let mut push = |section: &str, code: &str, name: &str, measure: &str, value: i64| {
            rows.push([
                section.to_owned(),
                code.to_owned(),
                name.to_owned(),
                measure.to_owned(),
                value.to_string(),
            ]);
        };
        push("totale", "", "", "iscrizioni", self.signups);
        push("totale", "", "", "enti", self.bodies);
        push("totale", "", "", "persone", self.people);
        push(
            "totale",
            "",
            "",
            "persone_altri_enti",
            self.people_other_bodies,
        );
        for community in &self.by_community {
            push(
                "comunita",
                &community.slug,
                &community.name,
                "iscrizioni",
                community.signups,
            );
        }
        let mut counts = |section: &str, code: &str, name: &str, counts: &Counts| {
            push(section, code, name, "iscrizioni", counts.signups);
            push(section, code, name, "enti", counts.bodies);
            push(section, code, name, "persone", counts.people);
        };
        for province in &self.by_province {
            counts(
                "provincia",
                province.province.code(),
                &province.name,
                &province.counts,
            );
        }
        counts("enti_regionali", "", "", &self.regional_bodies);
        for kind in &self.by_kind {
            counts("tipo_ente", kind.kind.code(), &kind.name, &kind.counts);
        }
        for day in &self.by_day {
            push("andamento", day.day.as_str(), "", "nuove", day.new);
            push("andamento", day.day.as_str(), "", "iscrizioni", day.total);
        }
        rows
    }
}

/// The header of [`Numbers::csv_rows`], after the leading `al` column.
pub const CSV_HEADER: [&str; 6] = ["al", "sezione", "codice", "nome", "misura", "valore"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_with_counts_are_written_flat_and_read_back_alike() {
        let counts = Counts {
            signups: 7,
            bodies: 3,
            people: 5,
        };
        let province = ProvinceCount {
            province: Province::ForliCesena,
            name: "Forlì-Cesena".to_owned(),
            counts,
        };
        let kind = KindCount {
            kind: EnteKind::Asp,
            name: "ASP".to_owned(),
            group: EnteGroup::Other,
            counts,
        };
        let json = serde_json::to_string(&(&province, &kind)).unwrap();
        assert_eq!(
            json,
            r#"[{"sigla":"FC","nome":"Forlì-Cesena","iscrizioni":7,"enti":3,"persone":5},{"tipo":"asp","nome":"ASP","gruppo":"altri_enti","iscrizioni":7,"enti":3,"persone":5}]"#
        );
        let read: (ProvinceCount, KindCount) = serde_json::from_slice(json.as_bytes()).unwrap();
        assert_eq!(read, (province, kind));
        let missing = r#"{"sigla":"FC","nome":"Forlì-Cesena","iscrizioni":7,"enti":3}"#;
        assert!(serde_json::from_str::<ProvinceCount>(missing).is_err());
    }

    #[test]
    fn every_kind_has_a_group_and_the_other_bodies_are_the_reports_five() {
        let other: Vec<_> = EnteKind::ALL
            .iter()
            .filter(|kind| EnteGroup::of(**kind) == EnteGroup::Other)
            .collect();
        assert_eq!(other.len(), 5);
    }
}

/// `n` with Italian thousands separators: `1.216`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

#[cfg(test)]
mod format_tests {
    #[test]
    fn thousands_use_dots() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(176), "176");
        assert_eq!(super::thousands(1216), "1.216");
        assert_eq!(super::thousands(-1_000_000), "-1.000.000");
    }
}
