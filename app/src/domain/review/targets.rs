//! What a remark can point at in a plan, and where a remark's anchor lands in the current plan.

use crate::domain::board::anchor::{self, Anchor, Placement};
use crate::domain::plan::{PlanContent, section};
use crate::i18n::review_texts;

/// Every text of `plan` a remark can point at: (item, field, label), in reading order.
pub fn targets(plan: &PlanContent) -> Vec<(String, String, String)> {
    anchor::blocks(plan)
        .into_iter()
        .map(|block| {
            let label = format!(
                "{} · {}",
                item_name(plan, &block.item).unwrap_or_default(),
                block.field
            );
            (block.item, block.field, label)
        })
        .collect()
}

/// The name of an item as people refer to it («O2 Dati aperti»), if it is in `plan`.
pub fn item_name(plan: &PlanContent, item: &str) -> Option<String> {
    let t = review_texts();
    if item == section::CONTEXT {
        return Some(t.context.to_owned());
    }
    if let Some(i) = plan.objectives.iter().position(|o| o.id.0 == item) {
        return Some(format!("O{} {}", i + 1, plan.objectives[i].title));
    }
    if let Some(i) = plan.actions.iter().position(|a| a.id.0 == item) {
        return Some(format!("A{} {}", i + 1, plan.actions[i].title));
    }
    if let Some(indicator) = plan.indicators.iter().find(|x| x.id.0 == item) {
        return Some((t.indicator)(&indicator.name));
    }
    let meeting = plan.meetings.iter().find(|m| m.id.0 == item)?;
    Some((t.meeting)(&meeting.title))
}

/// An anchor on `field` of `item` of `plan`: on the passage `quote` (its first occurrence, with
/// its context), on the whole field when `quote` is empty, or `None` when there is no such
/// field or the quote is not in it.
pub fn anchor_on(plan: &PlanContent, item: &str, field: &str, quote: &str) -> Option<Anchor> {
    let block = anchor::blocks(plan)
        .into_iter()
        .find(|block| block.item == item && block.field == field)?;
    let quote = quote.trim();
    if quote.is_empty() {
        return Some(Anchor {
            field: field.to_owned(),
            ..Anchor::whole(item)
        });
    }
    let byte_start = block.text.find(quote)?;
    let start = block.text[..byte_start].chars().count();
    let end = start + quote.chars().count();
    Some(Anchor::passage(item, field, &block.text, start, end))
}

/// Whether the remark's passage (or item) is gone from `plan`.
pub fn is_detached(anchor: &Anchor, plan: &PlanContent) -> bool {
    anchor::locate(anchor, plan) == Placement::Detached
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{ItemId, Objective};

    fn plan(description: &str) -> PlanContent {
        PlanContent {
            context: "Il contesto di Nicolò D'Alì".into(),
            objectives: vec![Objective {
                id: ItemId("o7k2m".into()),
                title: "Dati aperti".into(),
                description: description.into(),
            }],
            ..PlanContent::default()
        }
    }

    #[test]
    fn a_remark_anchors_on_a_quote_and_detaches_when_the_text_goes() {
        let before = plan("Pubblicare **ogni anno** i dataset dei comuni");
        let anchor = anchor_on(&before, "o7k2m", "descrizione", "ogni anno i dataset").unwrap();
        assert_eq!(anchor.quote, "ogni anno i dataset");
        assert_eq!(anchor.prefix, "Pubblicare ");
        assert!(!is_detached(&anchor, &before));
        assert!(anchor_on(&before, "o7k2m", "descrizione", "mai").is_none());
        assert!(anchor_on(&before, "a1", "titolo", "").is_none());
        let whole = anchor_on(&before, "contesto", "testo", "").unwrap();
        assert!(!is_detached(&whole, &before));
        let after = plan("Pubblicare i dataset delle province");
        assert!(is_detached(&anchor, &after));
        assert_eq!(
            item_name(&after, "o7k2m").as_deref(),
            Some("O1 Dati aperti")
        );
        assert_eq!(targets(&after)[0].2, "Contesto · testo");
    }
}
