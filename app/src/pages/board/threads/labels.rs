//! How the board names a plan's items: «Dati · O2 Titolo», and where it links them.

use crate::domain::board::{AnnotationId, ItemRef};
use crate::domain::community::CommunitySlug;
use crate::domain::plan::edit::Part;
use crate::domain::plan::{ItemId, PlanContent, section};
use crate::i18n::board_threads::board_thread_texts;

/// The label (O2, A3, I1, C1; «Contesto» for the context) and title of `item` in `plan`, or
/// `None` when the plan has no such item.
pub fn item_name(plan: &PlanContent, item: &str) -> Option<(String, String)> {
    if item == section::CONTEXT {
        return Some((board_thread_texts().context.to_owned(), String::new()));
    }
    let id = ItemId(item.to_owned());
    let title = |part| match part {
        Part::Objectives => plan
            .objectives
            .iter()
            .find(|o| o.id == id)
            .map(|o| &o.title),
        Part::Actions => plan.actions.iter().find(|a| a.id == id).map(|a| &a.title),
        Part::Indicators => plan.indicators.iter().find(|i| i.id == id).map(|i| &i.name),
        Part::Meetings => plan.meetings.iter().find(|m| m.id == id).map(|m| &m.title),
    };
    [
        Part::Objectives,
        Part::Actions,
        Part::Indicators,
        Part::Meetings,
    ]
    .into_iter()
    .find_map(|part| Some((plan.label(part, &id), title(part)?.clone())))
}

/// `item` of the plan named `name` as one line: «Dati · O2 Titolo», or «Dati · elemento non più
/// presente» when `plan` (if known) no longer has it.
pub fn item_line(name: &str, plan: Option<&PlanContent>, item: &str) -> String {
    match plan.and_then(|plan| item_name(plan, item)) {
        Some((label, title)) if title.is_empty() => format!("{name} · {label}"),
        Some((label, title)) => format!("{name} · {label} {title}"),
        None => format!("{name} · {}", board_thread_texts().item_gone),
    }
}

/// The board showing `community`'s plan, at `item`.
pub fn board_href(community: &CommunitySlug, item: &str) -> String {
    format!("/lettura-trasversale?piano={community}#{item}")
}

/// [`board_href`] for an item reference.
pub fn item_href(item: &ItemRef) -> String {
    board_href(&item.community, &item.item.0)
}

/// The board at thread `annotation` on `community`'s plan, whatever the thread's state.
pub fn thread_href(community: &CommunitySlug, annotation: &AnnotationId) -> String {
    let id = &annotation.0;
    format!("/lettura-trasversale?piano={community}&stato=tutte#annotazione-{id}")
}

/// The plans of a board page: slug, community name, content.
pub type NamedPlans = [(CommunitySlug, String, PlanContent)];

/// The name of `community` among `plans` (its slug if it is missing).
pub fn plan_name(plans: &NamedPlans, community: &CommunitySlug) -> String {
    plans
        .iter()
        .find(|(slug, _, _)| slug == community)
        .map_or_else(|| community.to_string(), |(_, name, _)| name.clone())
}

/// [`item_line`] for `item` among `plans`.
pub fn ref_line(plans: &NamedPlans, item: &ItemRef) -> String {
    let plan = plans.iter().find(|(slug, _, _)| *slug == item.community);
    let name = plan_name(plans, &item.community);
    item_line(&name, plan.map(|(_, _, content)| content), &item.item.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Objective;

    #[test]
    fn items_are_named_by_position_and_title() {
        let plan = PlanContent {
            objectives: vec![
                Objective {
                    id: ItemId("oa".into()),
                    title: "Primo".into(),
                    ..Default::default()
                },
                Objective {
                    id: ItemId("ob".into()),
                    title: "Secondo".into(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        assert_eq!(item_line("Dati", Some(&plan), "ob"), "Dati · O2 Secondo");
        assert_eq!(
            item_line("Dati", Some(&plan), "contesto"),
            "Dati · Contesto"
        );
        assert_eq!(
            item_line("Dati", Some(&plan), "zz"),
            "Dati · elemento non più presente"
        );
    }
}
