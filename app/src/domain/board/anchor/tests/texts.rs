//! The blocks of a plan, their visible text, and new anchors.

use super::*;

#[test]
fn blocks_are_the_visible_texts_in_reading_order() {
    let blocks = blocks(&plan());
    let keys: Vec<(&str, &str)> = blocks
        .iter()
        .map(|b| (b.item.as_str(), b.field.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("contesto", "testo"),
            ("o1", "titolo"),
            ("o1", "descrizione"),
            ("a1", "titolo"),
            ("a1", "descrizione"),
            ("a1", "capofila"),
            ("a1", "enti"),
            ("a1", "realizzazioni"),
            ("a1", "destinatari"),
            ("i1", "nome"),
            ("i1", "target"),
            ("m1", "titolo"),
        ]
    );
    assert_eq!(
        blocks[0].text,
        "Le comunità condividono dati aperti ogni anno.\
         Secondo paragrafo con un link e corsivo."
    );
    assert_eq!(blocks[4].text, "unoduecontinua");
    // Plain fields are shown as typed, markers included.
    assert_eq!(blocks[11].text, "Incontro **plenario**");
}

#[test]
fn passages_keep_their_quote_and_context_in_characters() {
    let text = "Nicolò D'Alì 🎉 legge";
    let anchor = Anchor::passage("a1", "capofila", text, 7, 12);
    assert_eq!(anchor.quote, "D'Alì");
    assert_eq!(anchor.prefix, "Nicolò ");
    assert_eq!(anchor.suffix, " 🎉 legge");
    assert_eq!(anchor.start, 7);
    let long = "x".repeat(100);
    let anchor = Anchor::passage("o1", "titolo", &long, 50, 51);
    assert_eq!(anchor.prefix.len(), CONTEXT_CHARS);
    assert_eq!(anchor.suffix.len(), CONTEXT_CHARS);
    let clamped = Anchor::passage("o1", "titolo", "abc", 2, 99);
    assert_eq!((clamped.quote.as_str(), clamped.start), ("c", 2));
    let reversed = Anchor::passage("o1", "titolo", "abc", 9, 1);
    assert_eq!((reversed.quote.as_str(), reversed.start), ("", 1));
    let whole = Anchor::whole("o1");
    assert_eq!((whole.item.as_str(), whole.field.as_str()), ("o1", ""));
    assert!(whole.quote.is_empty());
}
