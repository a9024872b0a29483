//! The public figures ("I numeri COMTem") as of a day, in the shape of the open data.
//!
//! Field names are the Italian ones of `/api/v1/numeri.json`, a stable public format: add
//! fields, never rename or remove them.

use serde::{Deserialize, Serialize};

use super::ente::{EnteKind, Province};
use crate::i18n::texts;

/// A calendar day, `YYYY-MM-DD`; text order is date order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Day(String);

/// Why a requested day was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayProblem {
    /// Not written as `YYYY-MM-DD`.
    Format,
    /// Well written, but no such day (30 February).
    NoSuchDay,
    /// After today: the figures of the future are not known.
    Future,
}

impl DayProblem {
    /// The message shown to the person, in their language.
    pub fn message(self) -> &'static str {
        let texts = texts();
        match self {
            Self::Format => texts.day_format,
            Self::NoSuchDay => texts.day_missing,
            Self::Future => texts.day_future,
        }
    }
}

impl Day {
    /// Parses `YYYY-MM-DD` (a real calendar day, not after `today`).
    pub fn parse(text: &str, today: &Day) -> Result<Self, DayProblem> {
        let parsed = Self::parse_any(text.trim())?;
        if &parsed > today {
            return Err(DayProblem::Future);
        }
        Ok(parsed)
    }

    /// Parses `YYYY-MM-DD` exactly as written: a real calendar day, past or future.
    pub fn parse_any(text: &str) -> Result<Self, DayProblem> {
        let bytes = text.as_bytes();
        let well_formed = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !well_formed {
            return Err(DayProblem::Format);
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DayProblem::NoSuchDay);
        }
        Ok(Self(text.to_owned()))
    }

    /// A day the server computed itself (today's date), trusted as well formed.
    pub fn from_trusted(text: String) -> Self {
        Self(text)
    }

    /// The `YYYY-MM-DD` text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The day as `6 maggio 2024`.
    pub fn long(&self) -> String {
        let month = self.0[5..7].parse::<usize>().unwrap_or(1);
        let day = self.0[8..10].trim_start_matches('0');
        format!("{day} {} {}", texts().months[month - 1], &self.0[0..4])
    }

    /// The day as `6/5`, for chart axes.
    pub fn short(&self) -> String {
        let day = self.0[8..10].trim_start_matches('0');
        let month = self.0[5..7].trim_start_matches('0');
        format!("{day}/{month}")
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

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

    fn today() -> Day {
        Day::from_trusted("2026-11-26".to_owned())
    }

    #[test]
    fn days_are_real_calendar_days_not_in_the_future() {
        assert_eq!(
            Day::parse(" 2024-05-06 ", &today()).map(|d| d.0),
            Ok("2024-05-06".into())
        );
        assert!(Day::parse("2024-02-29", &today()).is_ok());
        assert_eq!(
            Day::parse("2023-02-29", &today()),
            Err(DayProblem::NoSuchDay)
        );
        assert_eq!(
            Day::parse("2024-13-01", &today()),
            Err(DayProblem::NoSuchDay)
        );
        assert_eq!(
            Day::parse("2024-04-31", &today()),
            Err(DayProblem::NoSuchDay)
        );
        assert_eq!(Day::parse("2026-11-27", &today()), Err(DayProblem::Future));
        for bad in [
            "",
            "6/5/2024",
            "2024-5-6",
            "2024-05-06'; DROP TABLE signups;--",
            "२०२४-०५-०६",
            "2024-05-06T00:00",
        ] {
            assert_eq!(Day::parse(bad, &today()), Err(DayProblem::Format), "{bad}");
        }
    }

    #[test]
    fn days_read_in_italian() {
        let day = Day::parse("2024-05-06", &today()).unwrap();
        assert_eq!(day.long(), "6 maggio 2024");
        assert_eq!(day.short(), "6/5");
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

#[cfg(test)]
mod day_props;
