//! Properties of anchoring on any text: a passage is found where it is, found again after
//! edits elsewhere or to its whitespace, and never placed outside its block.

use proptest::prelude::*;
use proptest::sample::Index;

use super::super::find;
use super::*;

/// Words of plan texts, some with accents, apostrophes and emoji (several bytes per char).
const WORDS: [&str; 16] = [
    "comuni",
    "dati",
    "aperti",
    "Nicolò",
    "D'Alì",
    "città",
    "perché",
    "🎉",
    "👩‍💻",
    "è",
    "a",
    "di",
    "il",
    "piano",
    "2025",
    "«sì»",
];

/// A text of words separated by spaces, tabs and newlines.
fn words(count: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    let word = prop::sample::select(&WORDS[..]);
    let gap = prop::sample::select(&[" ", " ", " ", "  ", "\t", "\n"][..]);
    prop::collection::vec((word, gap), count)
        .prop_map(|pairs| pairs.into_iter().map(|(w, g)| format!("{w}{g}")).collect())
}

/// The characters `start..end` of `text`.
fn slice(text: &str, (start, end): (usize, usize)) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// A passage of `text` of at least one character, from two indices.
fn range(text: &str, a: Index, b: Index) -> (usize, usize) {
    let length = text.chars().count();
    let start = a.index(length);
    (start, start + 1 + b.index(length - start))
}

/// How many times `quote` occurs in `text`, overlapping occurrences included.
fn occurrences(text: &str, quote: &str) -> usize {
    let starts = text.char_indices().map(|(i, _)| i);
    starts.filter(|&i| text[i..].starts_with(quote)).count()
}

/// `text` with `inserted` put at character `at`.
fn insert(text: &str, at: usize, inserted: &str) -> String {
    let byte = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
    format!("{}{inserted}{}", &text[..byte], &text[byte..])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// Whatever the anchor and the text, a found passage lies within the text.
    #[test]
    fn a_passage_is_never_outside_its_text(
        text in any::<String>(),
        quote in ".{0,8}",
        prefix in ".{0,4}",
        suffix in ".{0,4}",
        start in any::<u32>(),
    ) {
        let anchor = Anchor { quote, prefix, suffix, start, ..Anchor::default() };
        if let Some((start, end)) = find::passage(&anchor, &text) {
            prop_assert!(start <= end && end <= text.chars().count());
        }
    }

    #[test]
    fn an_unchanged_text_gives_the_same_passage(text in words(1..40), a: Index, b: Index) {
        let (start, end) = range(&text, a, b);
        let anchor = Anchor::passage("o1", field::TITLE, &text, start, end);
        prop_assert_eq!(find::passage(&anchor, &text), Some((start, end)));
    }

    /// Text added beyond the anchor's context never loses its quote; when the quote is
    /// still unique it is found at its shifted place.
    #[test]
    fn edits_elsewhere_keep_the_quote(
        text in words(1..40),
        added in words(1..10),
        a: Index,
        b: Index,
        where_: Index,
        after: bool,
    ) {
        let (start, end) = range(&text, a, b);
        let anchor = Anchor::passage("o1", field::TITLE, &text, start, end);
        let length = text.chars().count();
        let (at, shift) = if after {
            let first = (end + CONTEXT_CHARS).min(length);
            (first + where_.index(length - first + 1), 0)
        } else {
            let last = start.saturating_sub(CONTEXT_CHARS);
            (where_.index(last + 1), added.chars().count())
        };
        let edited = insert(&text, at, &added);
        let found = find::passage(&anchor, &edited);
        prop_assert!(found.is_some(), "{:?} lost in {edited:?}", anchor.quote);
        let found = found.unwrap_or_default();
        prop_assert_eq!(slice(&edited, found), anchor.quote.clone());
        if occurrences(&edited, &anchor.quote) == 1 {
            prop_assert_eq!(found, (start + shift, end + shift));
        }
    }

    /// Spaces added or taken inside the quote do not detach it.
    #[test]
    fn whitespace_edits_inside_keep_the_quote(text in words(2..40), a: Index, b: Index) {
        let (start, end) = range(&text, a, b);
        let anchor = Anchor::passage("o1", field::TITLE, &text, start, end);
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assume!(!squeeze(&anchor.quote).is_empty());
        let inside = slice(&text, (start, end));
        let respaced = inside.replace(' ', "").replace('\n', " \n ");
        let (before, after) = (slice(&text, (0, start)), slice(&text, (end, text.chars().count())));
        let edited = format!("{before}{respaced}{after}");
        let found = find::passage(&anchor, &edited).map(|range| slice(&edited, range));
        prop_assert_eq!(found.as_deref().map(squeeze), Some(squeeze(&anchor.quote)));
    }

    /// Through a whole plan: a passage of the rendered context survives a paragraph added
    /// before it and edits to every other field.
    #[test]
    fn plan_edits_elsewhere_keep_the_passage(
        paragraphs in prop::collection::vec(words(1..12), 1..4),
        added in words(1..8),
        a: Index,
        b: Index,
    ) {
        let mut plan = super::plan();
        plan.context = paragraphs.join("\n\n- **elenco** ");
        let text = blocks(&plan).swap_remove(0).text;
        let (start, end) = range(&text, a, b);
        let anchor = Anchor::passage(section::CONTEXT, field::TEXT, &text, start, end);
        plan.context = format!("*{}*\n\n{}", added.trim(), plan.context);
        plan.objectives[0].description.push_str(&anchor.quote);
        plan.actions[0].lead = anchor.quote.clone();
        let edited = blocks(&plan).swap_remove(0).text;
        match locate(&anchor, &plan) {
            Placement::Passage { item, start, end, .. } => {
                prop_assert_eq!(item.as_str(), section::CONTEXT);
                prop_assert_eq!(slice(&edited, (start, end)), anchor.quote.clone());
            }
            other => prop_assert!(false, "{other:?}"),
        }
    }
}
