//! The digest: what a person was not yet told by email, grouped by community, then plan, then
//! kind, with repeats on one object folded into one line.

use super::Kind;

/// One notification waiting for a person's digest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DigestItem {
    pub kind: Kind,
    /// The community's name; `None` for what concerns every community.
    pub community: Option<String>,
    /// The plan it is about («Piano 2025»), if any.
    pub plan: Option<String>,
    /// What it is about: items on the same object and of the same kind fold into one line.
    pub object: String,
    /// What the line says.
    pub text: String,
    pub href: String,
}

/// One line of the digest: the latest of its items, and how many they were.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DigestLine {
    pub text: String,
    pub href: String,
    pub times: usize,
}

/// The lines about one plan (`None`: about no plan in particular) of a community.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DigestPlan {
    pub plan: Option<String>,
    pub lines: Vec<DigestLine>,
}

/// The part of a digest about one community (`None`: every community).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DigestSection {
    pub community: Option<String>,
    pub plans: Vec<DigestPlan>,
}

/// `items` (oldest first) grouped: communities by name and then what concerns them all, plans
/// by name and then the rest, kinds in the order of [`Kind::ALL`]; the items of one kind on one
/// object make one line, with the latest text.
pub fn group(items: &[DigestItem]) -> Vec<DigestSection> {
    let mut sorted: Vec<&DigestItem> = items.iter().collect();
    // Stable: within a line, the items stay oldest first.
    sorted.sort_by_key(|item| {
        (
            item.community.is_none(),
            item.community.clone(),
            item.plan.is_none(),
            item.plan.clone(),
            Kind::ALL.iter().position(|kind| *kind == item.kind),
            item.object.clone(),
        )
    });
    let mut sections: Vec<DigestSection> = Vec::new();
    let mut last: Option<&DigestItem> = None;
    for item in sorted {
        let same_section = last.is_some_and(|l| l.community == item.community);
        if !same_section {
            sections.push(DigestSection {
                community: item.community.clone(),
                plans: Vec::new(),
            });
        }
        let plans = &mut sections.last_mut().expect("a section was pushed").plans;
        if !(same_section && last.is_some_and(|l| l.plan == item.plan)) {
            plans.push(DigestPlan {
                plan: item.plan.clone(),
                lines: Vec::new(),
            });
        }
        let lines = &mut plans.last_mut().expect("a plan was pushed").lines;
        let folds = last.is_some_and(|l| {
            same_section && l.plan == item.plan && l.kind == item.kind && l.object == item.object
        });
        match lines.last_mut() {
            Some(line) if folds => {
                line.text.clone_from(&item.text);
                line.href.clone_from(&item.href);
                line.times += 1;
            }
            _ => lines.push(DigestLine {
                text: item.text.clone(),
                href: item.href.clone(),
                times: 1,
            }),
        }
        last = Some(item);
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kind: Kind, community: Option<&str>, plan: Option<&str>, object: &str) -> DigestItem {
        DigestItem {
            kind,
            community: community.map(str::to_owned),
            plan: plan.map(str::to_owned),
            object: object.to_owned(),
            text: format!("{object} ({kind:?})"),
            href: format!("/{object}"),
        }
    }

    #[test]
    fn items_group_by_community_plan_and_kind_and_repeats_fold() {
        let items = [
            item(Kind::Phase, None, None, "fase:2025:condivisione"),
            item(
                Kind::PlanVersion,
                Some("Dati"),
                Some("Piano 2025"),
                "piano:2025:dati",
            ),
            item(Kind::News, Some("Dati"), None, "notizia:4"),
            item(
                Kind::PlanVersion,
                Some("Dati"),
                Some("Piano 2025"),
                "piano:2025:dati",
            ),
            item(Kind::Meeting, Some("Agenda"), None, "incontro:2"),
            item(
                Kind::Synergy,
                Some("Dati"),
                Some("Piano 2025"),
                "annotazione:ab",
            ),
            item(
                Kind::PlanVersion,
                Some("Dati"),
                Some("Piano 2025"),
                "piano:2025:dati",
            ),
        ];
        let sections = group(&items);
        let names: Vec<Option<&str>> = sections.iter().map(|s| s.community.as_deref()).collect();
        assert_eq!(names, [Some("Agenda"), Some("Dati"), None]);
        let dati = &sections[1];
        assert_eq!(dati.plans.len(), 2);
        assert_eq!(dati.plans[0].plan.as_deref(), Some("Piano 2025"));
        let lines: Vec<(&str, usize)> = dati.plans[0]
            .lines
            .iter()
            .map(|l| (l.href.as_str(), l.times))
            .collect();
        // Synergy before versions (the order of `Kind::ALL`); three versions, one line.
        assert_eq!(lines, [("/annotazione:ab", 1), ("/piano:2025:dati", 3)]);
        assert_eq!(dati.plans[1].plan, None);
        assert_eq!(dati.plans[1].lines[0].href, "/notizia:4");
        let total: usize = sections
            .iter()
            .flat_map(|s| &s.plans)
            .flat_map(|p| &p.lines)
            .map(|l| l.times)
            .sum();
        assert_eq!(total, items.len(), "every item is counted once");
    }

    #[test]
    fn nothing_to_tell_makes_no_section() {
        assert!(group(&[]).is_empty());
    }
}
