//! The demo's members: a deterministic population that reproduces the regional report of
//! 6 May 2024 exactly — 1,216 signups from 522 bodies; Documenti 176, Cybersecurity e Cloud 162,
//! Cittadini 154 and every other community fewer; most signups from the provinces of Bologna,
//! then Ravenna, Modena and Forlì-Cesena; 83 people from the "altri enti" — with signups spread
//! over the five weeks from the launch on 2 April 2024.

use std::collections::{BTreeMap, HashSet};

use crate::domain::ente::{Ente, EnteKind, Province};
use crate::domain::numbers::EnteGroup;
use crate::domain::search::fold;

mod names;

use names::{FIRST_NAMES, JOB_TITLES, LAST_NAMES};

/// Signups per community on 6 May 2024, largest first; they add up to 1,216.
pub const COMMUNITY_SIGNUPS: [(&str, usize); 10] = [
    ("documenti", 176),
    ("cybersecurity-e-cloud", 162),
    ("cittadini", 154),
    ("dati", 128),
    ("facilitazione-digitale", 118),
    ("amministratori-digitali", 112),
    ("integrazioni-digitali", 104),
    ("internet-of-things", 92),
    ("imprese", 88),
    ("digital-gender-gap", 82),
];

/// Distinct bodies represented on 6 May 2024.
pub const BODIES: usize = 522;

/// People from the "altri enti" on 6 May 2024.
pub const PEOPLE_FROM_OTHER_BODIES: usize = 83;

/// Bodies represented, per kind: local governments 336, altri enti 51, further public bodies 135.
const BODIES_PER_KIND: [(EnteKind, usize); 15] = [
    (EnteKind::Comune, 290),
    (EnteKind::UnioneComuni, 36),
    (EnteKind::Provincia, 8),
    (EnteKind::CittaMetropolitana, 1),
    (EnteKind::Regione, 1),
    (EnteKind::Asp, 26),
    (EnteKind::ConsorzioBonifica, 7),
    (EnteKind::Ausl, 8),
    (EnteKind::AziendaOspedaliera, 6),
    (EnteKind::EnteParco, 4),
    (EnteKind::IstitutoScolastico, 118),
    (EnteKind::Universita, 5),
    (EnteKind::Acer, 5),
    (EnteKind::CameraCommercio, 4),
    (EnteKind::AgenziaRegionale, 3),
];

/// People beyond the first of each body, shared among the provinces by these weights (in
/// tenths); bodies of the whole region weigh as `None`.
const EXTRA_PEOPLE_WEIGHTS: [(Option<Province>, u64); 10] = [
    (Some(Province::Bologna), 80),
    (Some(Province::Ravenna), 85),
    (Some(Province::Modena), 50),
    (Some(Province::ForliCesena), 45),
    (Some(Province::ReggioEmilia), 10),
    (Some(Province::Parma), 10),
    (Some(Province::Ferrara), 8),
    (Some(Province::Rimini), 8),
    (Some(Province::Piacenza), 3),
    (None, 5),
];

/// All the people, the named demo accounts included.
const PEOPLE: usize = 880;

/// Days from the launch to the report, with their weight in signups (weekends, 25 April and
/// 1 May weigh little; the first days and the reminder of 22 April weigh most).
const FIRST_DAY: (i32, u32, u32) = (2024, 4, 2);
const DAYS: u32 = 35;

/// A named demo account, as the population needs it.
pub struct Named<'a> {
    pub ente: &'a str,
    pub communities: &'a [&'a str],
}

/// One generated member.
#[derive(Clone, Debug)]
pub struct Member {
    pub first_name: &'static str,
    pub last_name: &'static str,
    /// The part of the email before `@`, unique.
    pub email_local: String,
    pub job_title: &'static str,
    pub ente: String,
    pub communities: Vec<&'static str>,
    /// When they signed up, RFC 3339 UTC.
    pub at: String,
}

/// The generated members, and when each named account signed up (in the order given).
pub struct Population {
    pub named_at: Vec<String>,
    pub members: Vec<Member>,
}

/// Builds the population from the registry around the named accounts.
pub fn generate(registry: &[Ente], named: &[Named<'_>]) -> Population {
    let mut random = SplitMix(0xC0_4E_7E_44);
    let bodies = choose_bodies(registry, named, &mut random);
    let entes = people_bodies(&bodies, named, &mut random);
    let sizes = community_counts(entes.len(), named, &mut random);
    let communities = assign_communities(&sizes, named);
    let mut moments = moments(entes.len(), &mut random);
    // The named accounts (coordinators, staff) were among the first; the others in any order.
    moments.sort();
    random.shuffle(&mut moments[named.len()..]);
    let mut used: HashSet<String> = HashSet::new();
    let mut members: Vec<Member> = (named.len()..entes.len())
        .map(|index| {
            let first_name = FIRST_NAMES[random.below(FIRST_NAMES.len())];
            let last_name = LAST_NAMES[random.below(LAST_NAMES.len())];
            Member {
                first_name,
                last_name,
                email_local: unique_local(first_name, last_name, &mut used),
                job_title: JOB_TITLES[random.below(JOB_TITLES.len())],
                ente: entes[index].code.clone(),
                communities: communities[index].clone(),
                at: moments[index].clone(),
            }
        })
        .collect();
    members.sort_by(|a, b| a.at.cmp(&b.at));
    Population {
        named_at: moments[..named.len()].to_vec(),
        members,
    }
}

/// The represented bodies: the named accounts' ones, then a random choice per kind.
fn choose_bodies<'a>(
    registry: &'a [Ente],
    named: &[Named<'_>],
    random: &mut SplitMix,
) -> Vec<&'a Ente> {
    let mut chosen: Vec<&Ente> = Vec::new();
    for (kind, quota) in BODIES_PER_KIND {
        let (mut forced, mut others): (Vec<&Ente>, Vec<&Ente>) = registry
            .iter()
            .filter(|ente| ente.kind == kind)
            .partition(|ente| named.iter().any(|n| n.ente == ente.code));
        random.shuffle(&mut others);
        forced.extend(others);
        chosen.extend(forced.into_iter().take(quota));
    }
    chosen
}

/// Each person's body, by index: the named accounts' first, then one person per represented
/// body not yet covered, then the extra people by province weight — exactly
/// [`PEOPLE_FROM_OTHER_BODIES`] of them from the "altri enti".
fn people_bodies<'a>(
    bodies: &[&'a Ente],
    named: &[Named<'_>],
    random: &mut SplitMix,
) -> Vec<&'a Ente> {
    let find = |code: &str| bodies.iter().copied().find(|ente| ente.code == code);
    let mut people: Vec<&Ente> = named.iter().filter_map(|n| find(n.ente)).collect();
    for body in bodies {
        if !people.iter().any(|ente| ente.code == body.code) {
            people.push(body);
        }
    }
    let is_other = |ente: &Ente| EnteGroup::of(ente.kind) == EnteGroup::Other;
    let others: Vec<&Ente> = bodies.iter().copied().filter(|e| is_other(e)).collect();
    while people.iter().filter(|e| is_other(e)).count() < PEOPLE_FROM_OTHER_BODIES {
        people.push(others[random.below(others.len())]);
    }
    let total_weight: u64 = EXTRA_PEOPLE_WEIGHTS.iter().map(|(_, w)| w).sum();
    while people.len() < PEOPLE {
        let mut draw = random.next() % total_weight;
        let province = EXTRA_PEOPLE_WEIGHTS
            .iter()
            .find(|(_, weight)| {
                let hit = draw < *weight;
                draw = draw.saturating_sub(*weight);
                hit
            })
            .and_then(|(province, _)| *province);
        let candidates: Vec<&Ente> = bodies
            .iter()
            .copied()
            .filter(|ente| ente.province == province && !is_other(ente))
            .collect();
        people.push(candidates[random.below(candidates.len())]);
    }
    people
}

/// How many communities each person joined: the named accounts' own, then mostly one, some
/// two to four, adjusted so the signups add up to the report's total.
fn community_counts(people: usize, named: &[Named<'_>], random: &mut SplitMix) -> Vec<usize> {
    let total: usize = COMMUNITY_SIGNUPS.iter().map(|(_, n)| n).sum();
    let mut sizes: Vec<usize> = named.iter().map(|n| n.communities.len()).collect();
    while sizes.len() < people {
        sizes.push(match random.below(100) {
            0..70 => 1,
            70..90 => 2,
            90..97 => 3,
            _ => 4,
        });
    }
    let mut sum: usize = sizes.iter().sum();
    while sum != total {
        let index = named.len() + random.below(people - named.len());
        if sum < total && sizes[index] < 4 {
            sizes[index] += 1;
            sum += 1;
        } else if sum > total && sizes[index] > 1 {
            sizes[index] -= 1;
            sum -= 1;
        }
    }
    sizes
}

/// Each person's communities: the named accounts' own, then, taking the people who joined most
/// communities first, the communities with the most signups still to give.
fn assign_communities(sizes: &[usize], named: &[Named<'_>]) -> Vec<Vec<&'static str>> {
    let mut remaining: BTreeMap<&'static str, usize> = COMMUNITY_SIGNUPS.into_iter().collect();
    let mut assigned: Vec<Vec<&'static str>> = vec![Vec::new(); sizes.len()];
    for (index, person) in named.iter().enumerate() {
        for slug in person.communities {
            if let Some((known, left)) = remaining.iter_mut().find(|(known, _)| *known == slug) {
                *left -= 1;
                assigned[index].push(known);
            }
        }
    }
    let mut order: Vec<usize> = (named.len()..sizes.len()).collect();
    order.sort_by_key(|index| std::cmp::Reverse(sizes[*index]));
    for index in order {
        let mut by_need: Vec<(&'static str, usize)> = remaining
            .iter()
            .map(|(slug, left)| (*slug, *left))
            .collect();
        by_need.sort_by_key(|(_, left)| std::cmp::Reverse(*left));
        for (slug, _) in by_need.into_iter().take(sizes[index]) {
            if let Some(left) = remaining.get_mut(slug) {
                *left -= 1;
            }
            assigned[index].push(slug);
        }
    }
    assigned
}

/// A signup moment for each person, RFC 3339 UTC, on weighted days between 08:30 and 18:00
/// Italian summer time (UTC+2), in no particular order.
fn moments(people: usize, random: &mut SplitMix) -> Vec<String> {
    let weights: Vec<u64> = (0..DAYS).map(day_weight).collect();
    let total: u64 = weights.iter().sum();
    (0..people)
        .map(|_| {
            let mut draw = random.next() % total;
            let day = weights
                .iter()
                .position(|weight| {
                    let hit = draw < *weight;
                    draw = draw.saturating_sub(*weight);
                    hit
                })
                .unwrap_or(0) as u32;
            let minute = 8 * 60 + 30 + random.below(9 * 60 + 30) as u32;
            let (year, month, date) = calendar(day);
            format!(
                "{year}-{month:02}-{date:02}T{:02}:{:02}:{:02}Z",
                minute / 60 - 2,
                minute % 60,
                random.below(60)
            )
        })
        .collect()
}

/// The weight of the `offset`-th day after the launch (2 April 2024 was a Tuesday).
fn day_weight(offset: u32) -> u64 {
    let weekday = (offset + 1) % 7; // 0 Monday … 6 Sunday
    let (_, month, date) = calendar(offset);
    let holiday = (month, date) == (4, 25) || (month, date) == (5, 1);
    if weekday >= 5 || holiday {
        return 2;
    }
    let launch = 60_u64.saturating_sub(u64::from(offset) * 4);
    let reminder = if (20..=24).contains(&offset) { 25 } else { 0 };
    20 + launch + reminder
}

/// The calendar day `offset` days after the launch, within April and May 2024.
fn calendar(offset: u32) -> (i32, u32, u32) {
    let (year, month, first) = FIRST_DAY;
    let date = first + offset;
    if date <= 30 {
        (year, month, date)
    } else {
        (year, month + 1, date - 30)
    }
}

/// `nome.cognome`, folded to ASCII, with a number when already taken.
fn unique_local(first: &str, last: &str, used: &mut HashSet<String>) -> String {
    let clean = |name: &str| {
        fold(name)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
    };
    let base = format!("{}.{}", clean(first), clean(last));
    let mut local = base.clone();
    let mut number = 1;
    while !used.insert(local.clone()) {
        number += 1;
        local = format!("{base}{number}");
    }
    local
}

/// A small deterministic generator (SplitMix64): the demo is the same on every machine.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::seed;

    fn population() -> (Vec<Ente>, Population) {
        let registry: Vec<Ente> = seed::enti().unwrap().into_iter().map(|(e, _)| e).collect();
        let named = [
            Named {
                ente: "regione-er",
                communities: &["dati", "documenti"],
            },
            Named {
                ente: "ausl-parma",
                communities: &["cittadini"],
            },
        ];
        let population = generate(&registry, &named);
        (registry, population)
    }

    #[test]
    fn reproduces_the_report_of_6_may_2024() {
        let (registry, population) = population();
        let named_signups = 3;
        let members = &population.members;
        let signups: usize = members.iter().map(|m| m.communities.len()).sum();
        assert_eq!(signups + named_signups, 1216);
        let mut bodies: HashSet<&str> = members.iter().map(|m| m.ente.as_str()).collect();
        bodies.extend(["regione-er", "ausl-parma"]);
        assert_eq!(bodies.len(), BODIES);
        let kind_of = |code: &str| registry.iter().find(|e| e.code == code).unwrap();
        let other = members
            .iter()
            .filter(|m| EnteGroup::of(kind_of(&m.ente).kind) == EnteGroup::Other)
            .count();
        assert_eq!(other + 1, PEOPLE_FROM_OTHER_BODIES);
        let mut per_community: BTreeMap<&str, usize> = BTreeMap::new();
        for slug in members.iter().flat_map(|m| m.communities.iter()) {
            *per_community.entry(slug).or_default() += 1;
        }
        for slug in ["dati", "documenti", "cittadini"] {
            *per_community.get_mut(slug).unwrap() += 1;
        }
        for (slug, expected) in COMMUNITY_SIGNUPS {
            assert_eq!(per_community[slug], expected, "{slug}");
        }
        let mut per_province: std::collections::HashMap<Option<Province>, usize> =
            Default::default();
        for member in members {
            *per_province
                .entry(kind_of(&member.ente).province)
                .or_default() += member.communities.len();
        }
        let mut ranked: Vec<_> = per_province
            .into_iter()
            .filter_map(|(p, n)| Some((p?, n)))
            .collect();
        ranked.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let top: Vec<_> = ranked.iter().take(5).map(|(p, _)| p.code()).collect();
        assert_eq!(&top[..4], ["BO", "RA", "MO", "FC"], "{ranked:?}");
        assert!(ranked[3].1 > ranked[4].1, "{ranked:?}");
    }

    #[test]
    fn members_are_distinct_and_sign_up_before_the_report() {
        let (_, population) = population();
        let emails: HashSet<&str> = population
            .members
            .iter()
            .map(|m| m.email_local.as_str())
            .collect();
        assert_eq!(emails.len(), population.members.len());
        for member in &population.members {
            assert!(
                member.at.as_str() >= "2024-04-02" && member.at.as_str() < "2024-05-06T22",
                "{}",
                member.at
            );
            let unique: HashSet<_> = member.communities.iter().collect();
            assert_eq!(unique.len(), member.communities.len());
        }
        assert!(
            population
                .named_at
                .iter()
                .all(|at| at.as_str() < "2024-04-04")
        );
    }
}
