//! Anchors on real plan texts, re-located after edits before, inside and after them.

use super::*;
use crate::domain::plan::{Indicator, ItemId, Meeting, Objective, PlanAction};

mod props;
mod texts;

pub(super) fn plan() -> PlanContent {
    PlanContent {
        context: "Le comunità condividono **dati aperti** ogni anno.\n\n\
                  Secondo paragrafo con un [link](https://example.org) e *corsivo*."
            .into(),
        objectives: vec![Objective {
            id: ItemId("o1".into()),
            title: "Dati aperti per tutti".into(),
            description: "Pubblicare i dati dei comuni. Poi pubblicare i dati delle province."
                .into(),
        }],
        actions: vec![PlanAction {
            id: ItemId("a1".into()),
            title: "Catalogo regionale".into(),
            description: "- uno\n- _due_\n  continua".into(),
            lead: "Nicolò D'Alì 🎉 e altri".into(),
            bodies: "Comune di Bologna".into(),
            outputs: "Un catalogo".into(),
            audience: "Cittadini".into(),
            ..Default::default()
        }],
        indicators: vec![Indicator {
            id: ItemId("i1".into()),
            name: "Dataset pubblicati".into(),
            target: "50".into(),
        }],
        meetings: vec![Meeting {
            id: ItemId("m1".into()),
            date: "2025-05-14".into(),
            title: "Incontro **plenario**".into(),
            announces: None,
        }],
    }
}

/// The visible text of `item`'s `field` in `plan`.
fn text(plan: &PlanContent, item: &str, field: &str) -> String {
    let found = blocks(plan)
        .into_iter()
        .find(|block| block.item == item && block.field == field);
    found.map(|block| block.text).unwrap_or_default()
}

/// An anchor on the `nth` occurrence of `quote` in `item`'s `field`.
fn anchor(plan: &PlanContent, item: &str, field: &str, quote: &str, nth: usize) -> Anchor {
    let text = text(plan, item, field);
    let (byte, _) = text.match_indices(quote).nth(nth).expect("quote in text");
    let start = text[..byte].chars().count();
    Anchor::passage(item, field, &text, start, start + quote.chars().count())
}

/// What the anchor covers in `plan`, with its start, or `None` when it is not a passage.
fn found(anchor: &Anchor, plan: &PlanContent) -> Option<(String, usize)> {
    match locate(anchor, plan) {
        Placement::Passage {
            item,
            field,
            start,
            end,
        } => {
            let text: String = text(plan, &item, &field)
                .chars()
                .skip(start)
                .take(end - start)
                .collect();
            Some((text, start))
        }
        _ => None,
    }
}

#[test]
fn an_unchanged_plan_gives_the_same_passage() {
    let plan = plan();
    let on = anchor(&plan, "contesto", "testo", "dati aperti", 0);
    assert_eq!(found(&on, &plan), Some(("dati aperti".into(), 24)));
    assert_eq!(
        locate(&on, &plan),
        Placement::Passage {
            item: "contesto".into(),
            field: "testo".into(),
            start: 24,
            end: 35,
        }
    );
}

#[test]
fn text_edited_before_the_anchor_shifts_it() {
    let before = plan();
    let on = anchor(&before, "contesto", "testo", "dati aperti", 0);
    let mut after = before.clone();
    after.context = format!("Premessa nuova, molto più lunga. {}", before.context);
    assert_eq!(found(&on, &after), Some(("dati aperti".into(), 57)));
    // The second paragraph moves too.
    let second = anchor(&before, "contesto", "testo", "paragrafo con", 0);
    assert_eq!(
        found(&second, &after).map(|f| f.0),
        Some("paragrafo con".into())
    );
}

#[test]
fn text_edited_after_the_anchor_leaves_it() {
    let before = plan();
    let on = anchor(&before, "o1", "descrizione", "dati dei comuni", 0);
    let mut after = before.clone();
    after.objectives[0].description =
        "Pubblicare i dati dei comuni. Tutto il resto è cambiato.".into();
    assert_eq!(found(&on, &after), Some(("dati dei comuni".into(), 13)));
}

#[test]
fn a_small_edit_inside_reattaches_and_a_rewrite_detaches() {
    let before = plan();
    let on = anchor(
        &before,
        "contesto",
        "testo",
        "condividono dati aperti ogni",
        0,
    );
    let mut edited = before.clone();
    edited.context = edited
        .context
        .replace("dati aperti", "dati pubblici aperti");
    assert_eq!(
        found(&on, &edited),
        Some(("condividono dati pubblici aperti ogni".into(), 12))
    );
    let mut typo = before.clone();
    typo.context = typo.context.replace("condividono", "condivdono");
    assert_eq!(
        found(&on, &typo).map(|f| f.0),
        Some("condivdono dati aperti ogni".into())
    );
    let mut rewritten = before.clone();
    rewritten.context = rewritten.context.replace(
        "condividono **dati aperti** ogni",
        "organizzano tre seminari per",
    );
    assert_eq!(locate(&on, &rewritten), Placement::Detached);
}

#[test]
fn whitespace_changes_do_not_detach() {
    let before = plan();
    let on = anchor(&before, "a1", "capofila", "D'Alì 🎉 e", 0);
    let mut after = before.clone();
    after.actions[0].lead = "Nicolò D'Alì  🎉\te altri".into();
    assert_eq!(found(&on, &after), Some(("D'Alì  🎉\te".into(), 7)));
}

#[test]
fn the_context_picks_between_equal_quotes() {
    let plan = plan();
    let second = anchor(&plan, "o1", "descrizione", "pubblicare i dati d", 0);
    let first = anchor(&plan, "o1", "descrizione", "ubblicare i dati d", 0);
    let last = anchor(&plan, "o1", "descrizione", "ubblicare i dati d", 1);
    assert_eq!(found(&first, &plan).map(|f| f.1), Some(1));
    assert_eq!(found(&last, &plan).map(|f| f.1), Some(35));
    assert_eq!(found(&second, &plan).map(|f| f.1), Some(34));
    // With the first sentence lengthened, the context still picks the second one.
    let mut edited = plan.clone();
    edited.objectives[0].description = edited.objectives[0]
        .description
        .replace("dei comuni.", "dei comuni e delle unioni di comuni.");
    assert_eq!(found(&last, &edited).map(|f| f.1), Some(60));
    assert_eq!(found(&first, &edited).map(|f| f.1), Some(1));
}

#[test]
fn deleted_text_and_removed_items_detach() {
    let before = plan();
    let on = anchor(&before, "o1", "descrizione", "delle province", 0);
    let mut deleted = before.clone();
    deleted.objectives[0].description = "Pubblicare i dati dei comuni.".into();
    assert_eq!(locate(&on, &deleted), Placement::Detached);
    let mut removed = before.clone();
    removed.objectives.clear();
    assert_eq!(locate(&on, &removed), Placement::Detached);
    assert_eq!(locate(&Anchor::whole("o1"), &removed), Placement::Detached);
    let mut wrong_field = on.clone();
    wrong_field.field = "sconosciuto".into();
    assert_eq!(locate(&wrong_field, &before), Placement::Detached);
}

#[test]
fn whole_items_and_fields() {
    let plan = plan();
    for item in ["contesto", "o1", "a1", "i1", "m1"] {
        assert_eq!(
            locate(&Anchor::whole(item), &plan),
            Placement::Item { item: item.into() }
        );
    }
    assert_eq!(locate(&Anchor::whole("zz"), &plan), Placement::Detached);
    let mut field = Anchor::whole("i1");
    field.field = "nome".into();
    assert_eq!(
        locate(&field, &plan),
        Placement::Passage {
            item: "i1".into(),
            field: "nome".into(),
            start: 0,
            end: 18,
        }
    );
}

#[test]
fn unicode_positions_are_characters() {
    let plan = plan();
    let on = anchor(&plan, "a1", "capofila", "🎉 e altri", 0);
    assert_eq!(found(&on, &plan), Some(("🎉 e altri".into(), 13)));
    let mut edited = plan.clone();
    edited.actions[0].lead = "Sig. Nicolò D'Alì 🎉 e altri".into();
    assert_eq!(found(&on, &edited), Some(("🎉 e altri".into(), 18)));
    let mut typo = plan.clone();
    typo.actions[0].lead = "Nicolò D'Alì 🎉 e alrti".into();
    assert_eq!(found(&on, &typo), Some(("🎉 e alrti".into(), 13)));
}

#[test]
fn empty_and_huge_inputs_never_panic() {
    let empty = PlanContent::default();
    assert_eq!(blocks(&empty).len(), 1);
    assert_eq!(locate(&Anchor::default(), &empty), Placement::Detached);
    assert_eq!(
        locate(&Anchor::whole("contesto"), &empty),
        Placement::Item {
            item: "contesto".into()
        }
    );
    let mut anchor = Anchor::passage("contesto", "testo", "", 0, 5);
    anchor.quote = "x".into();
    anchor.start = u32::MAX;
    assert_eq!(locate(&anchor, &empty), Placement::Detached);

    let huge = PlanContent {
        context: "è😀 a".repeat(50_000),
        ..PlanContent::default()
    };
    let on = Anchor::passage("contesto", "testo", &huge.context, 100_000, 100_700);
    let placed = found(&on, &huge).map(|(text, start)| (text.chars().count(), start));
    assert_eq!(placed, Some((700, 100_000)));
    let mut missing = on.clone();
    missing.quote = format!("{}b", "a".repeat(599));
    assert_eq!(locate(&missing, &huge), Placement::Detached);
    let mut long = on.clone();
    long.quote = "z".repeat(100_000);
    assert_eq!(locate(&long, &huge), Placement::Detached);
}
