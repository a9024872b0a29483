//! A meeting's materials: PDF files, recognised by their content, and how adding one went.

use serde::{Deserialize, Serialize};

use crate::i18n::meeting_texts;

/// At most this many bytes in one material.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// At most this many characters in a material's title.
pub const TITLE_MAX: usize = 200;

/// Whether `bytes` are a PDF file: every PDF starts with its header, whatever its name says.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

code_enum! {
    /// How adding a material went, as the query `materiale=<code>` of the meeting's address
    /// tells it.
    MaterialOutcome {
        Saved = "salvato",
        Removed = "eliminato",
        TitleMissing = "titolo",
        Empty = "vuoto",
        NotAPdf = "formato",
        TooLarge = "peso",
        Interrupted = "interrotto",
    }
}

impl MaterialOutcome {
    /// Whether it is good news.
    pub fn is_success(self) -> bool {
        matches!(self, Self::Saved | Self::Removed)
    }

    /// What to tell the person.
    pub fn message(self) -> &'static str {
        let t = meeting_texts();
        match self {
            Self::Saved => t.material_saved,
            Self::Removed => t.material_removed,
            Self::TitleMissing => t.material_title_missing,
            Self::Empty => t.material_empty,
            Self::NotAPdf => t.material_not_pdf,
            Self::TooLarge => t.material_too_large,
            Self::Interrupted => t.material_interrupted,
        }
    }
}

/// A size in bytes as people read it: «240 kB», «1,3 MB».
pub fn size_label(bytes: i64) -> String {
    if bytes < 1_000_000 {
        format!("{} kB", (bytes + 999) / 1000)
    } else {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_known_by_its_header_and_sizes_read_as_people_say_them() {
        assert!(is_pdf(b"%PDF-1.7\n%\xe2\xe3"));
        assert!(!is_pdf(b"<script>alert(1)</script>.pdf"));
        assert!(!is_pdf(b""));
        assert_eq!(size_label(1), "1 kB");
        assert_eq!(size_label(240_100), "241 kB");
        assert_eq!(size_label(1_260_000), "1,3 MB");
        assert_eq!(
            MaterialOutcome::parse("formato"),
            Some(MaterialOutcome::NotAPdf)
        );
    }
}
