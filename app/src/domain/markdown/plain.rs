//! The visible text of rendered markdown, for anchoring annotations to what people see.

use super::{Block, Inline, parse};

/// The text `source` shows once rendered: every text run, in order, with nothing between
/// blocks, list items or lines (the `textContent` of what `RichText` renders).
pub fn plain_text(source: &str) -> String {
    let mut out = String::new();
    for block in parse(source) {
        match block {
            Block::Paragraph(inlines) => push_text(&mut out, &inlines),
            Block::List(items) => items.iter().for_each(|item| push_text(&mut out, item)),
        }
    }
    out
}

/// Appends the text of `inlines` to `out`.
fn push_text(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Link { text, .. } => out.push_str(text),
            Inline::LineBreak => {}
            Inline::Strong(inner) | Inline::Emphasis(inner) => push_text(out, inner),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_what_rich_text_shows() {
        assert_eq!(plain_text("Primo\nsegue\n\n\nFine"), "PrimosegueFine");
        assert_eq!(
            plain_text("Voci:\n- uno\n* due\n  tre\n\nDopo"),
            "Voci:unoduetreDopo"
        );
        assert_eq!(
            plain_text("**Nicolò *D'Alì* e** _voi_ [sito](https://a.it) [](mailto:x@y.it)"),
            "Nicolò D'Alì e voi sito mailto:x@y.it"
        );
        assert_eq!(plain_text("  rientro  \n\tcon spazi "), "rientrocon spazi");
        assert_eq!(
            plain_text("[x](javascript:alert(1)) <script>alert(1)</script> **a"),
            "[x](javascript:alert(1)) <script>alert(1)</script> **a"
        );
        assert_eq!(plain_text(""), "");
        assert_eq!(plain_text("😀 **🎉**"), "😀 🎉");
    }
}
