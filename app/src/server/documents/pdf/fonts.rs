//! The fonts compiled into the binary (typst-assets: Libertinus Serif, New Computer Modern and
//! DejaVu Sans Mono), and the text they can show.
//!
//! PDF/A and PDF/UA forbid a glyph that stands for no character (the empty box a font draws for
//! what it lacks), so text is made printable before it is typeset: what no font has becomes
//! «�», invisible controls go, and line-like whitespace becomes a space.

use std::collections::HashSet;
use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The embedded fonts, their book, and every character at least one of them has.
pub struct Fonts {
    pub fonts: Vec<Font>,
    pub book: LazyHash<FontBook>,
    covered: HashSet<u32>,
}

/// Parsed once per process.
pub static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    let covered = fonts
        .iter()
        .flat_map(|font| font.info().coverage.iter())
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        covered,
    }
});

/// What stands for a character no font has.
const REPLACEMENT: char = '\u{FFFD}';

/// `text` with only characters the fonts can show, and no invisible controls.
pub fn printable(text: &str) -> String {
    let fonts = &*FONTS;
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some(' '),
            _ if invisible(c) => None,
            _ if private(c) || !fonts.covered.contains(&u32::from(c)) => Some(REPLACEMENT),
            _ => Some(c),
        })
        .collect()
}

/// Controls and the zero-width marks that shape nothing on their own (joiners, direction
/// marks, variation selectors, byte-order marks).
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}')
        || matches!(
            c,
            '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
        )
}

/// The private-use areas, which PDF/A-2a forbids for lack of a meaning.
fn private(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..)
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn keeps_italian_and_replaces_what_no_font_has() {
        assert_eq!(
            printable("Nicolò D'Alì «è» — 10 €"),
            "Nicolò D'Alì «è» — 10 €"
        );
        assert_eq!(printable("a\tb\u{7}c\u{200D}d\u{FEFF}"), "a bcd");
        assert_eq!(printable("🎉 漢 \u{E000}"), "\u{FFFD} \u{FFFD} \u{FFFD}");
    }
}
