//! Properties of the parser and of what `RichText` renders, on any text.

use proptest::prelude::*;

use super::inputs::{check_rendered, markdown_text, render};
use crate::domain::markdown::{Block, Inline, NESTING, SAFE_SCHEMES, parse, plain_text};

/// Every inline of `blocks`, nested ones included, with its depth of strong and emphasis.
fn all_inlines(blocks: &[Block]) -> Vec<(&Inline, u8)> {
    fn walk<'a>(inlines: &'a [Inline], depth: u8, out: &mut Vec<(&'a Inline, u8)>) {
        for inline in inlines {
            out.push((inline, depth));
            if let Inline::Strong(inner) | Inline::Emphasis(inner) = inline {
                walk(inner, depth + 1, out);
            }
        }
    }
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(inlines) => walk(inlines, 0, &mut out),
            Block::List(items) => items.iter().for_each(|item| walk(item, 0, &mut out)),
        }
    }
    out
}

/// Whether the characters of `part` appear in `whole` in the same order.
fn is_subsequence(part: &str, whole: &str) -> bool {
    let mut whole = whole.chars();
    part.chars().all(|c| whole.any(|w| w == c))
}

#[test]
fn the_check_refuses_unsafe_or_broken_html() {
    let page = |inner: &str| format!("<div class=\"rich-text\">{inner}</div>");
    assert_eq!(check_rendered("a", &page("<p>a<!></p>")), Ok(()));
    for inner in [
        "<p><script>a</script></p>",
        "<p>a",
        "<p>a</em>",
        "<p onclick=\"x\">a</p>",
        "<p><a href=\"javascript:x\">a</a></p>",
        "<p>a <</p>",
        "<p>a & b</p>",
        "<p>b</p>",
        "<img src=x><p>a</p>",
    ] {
        assert!(check_rendered("a", &page(inner)).is_err(), "{inner}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn rendering_is_safe_well_formed_and_shows_every_character(source in markdown_text()) {
        let html = render(&source);
        prop_assert_eq!(check_rendered(&source, &html), Ok(()));
    }

    #[test]
    fn links_are_safe_and_nesting_is_bounded(source in markdown_text()) {
        for (inline, depth) in all_inlines(&parse(&source)) {
            prop_assert!(depth <= NESTING, "{inline:?} at depth {depth}");
            if let Inline::Link { text, url } = inline {
                let lower = url.to_ascii_lowercase();
                prop_assert!(SAFE_SCHEMES.iter().any(|s| lower.starts_with(s)), "{url}");
                prop_assert!(!url.contains(char::is_whitespace), "{url:?}");
                prop_assert!(!text.is_empty());
            }
        }
    }

    /// Markup is only taken away: what shows is the source's characters, in order.
    #[test]
    fn the_shown_text_comes_from_the_source(source in markdown_text()) {
        let shown = plain_text(&source);
        prop_assert!(is_subsequence(&shown, &source), "{shown:?} from {source:?}");
    }

    /// Text without markers shows as typed, lines trimmed, markup-like characters included.
    #[test]
    fn text_without_markers_stays_literal(source in "[a-zA-Zàèìòù0-9 ,.;:'\"<>&()!?/\n\t]{0,200}") {
        let lines: String = source.lines().map(str::trim).collect();
        prop_assert_eq!(plain_text(&source), lines);
        let blocks = parse(&source);
        prop_assert!(blocks.iter().all(|block| matches!(block, Block::Paragraph(_))));
    }

    /// A well-formed safe link anywhere in plain words is a link with that address.
    #[test]
    fn safe_links_are_found_among_words(
        before in "[a-zA-Zàè ,.]{0,20}",
        text in "[a-zA-Zàè ,.]{1,20}",
        scheme in prop::sample::select(&SAFE_SCHEMES[..]),
        address in "[a-z0-9./?=&%-]{1,30}",
        after in "[a-zA-Zàè ,.]{0,20}",
    ) {
        let url = format!("{scheme}{address}");
        let source = format!("{before}[{text}]({url}){after}");
        let found = all_inlines(&parse(&source))
            .into_iter()
            .any(|(inline, _)| inline == &Inline::Link { text: text.clone(), url: url.clone() });
        prop_assert!(found, "no link in {:?}", parse(&source));
    }
}
