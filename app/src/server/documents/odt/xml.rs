//! A small XML writer for the parts of the package. Element and attribute names are `'static`,
//! so they come from the code; every attribute value and every piece of text is escaped on the
//! way in, and characters XML 1.0 does not allow are dropped.

/// An XML document being written.
pub struct Xml {
    out: String,
}

impl Xml {
    /// A document that so far holds only the XML declaration.
    pub fn new() -> Self {
        Self {
            out: String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#),
        }
    }

    /// Writes the element `name` with its attributes, holding what `inner` writes.
    pub fn node(
        &mut self,
        name: &'static str,
        attributes: &[(&'static str, &str)],
        inner: impl FnOnce(&mut Self),
    ) {
        self.start(name, attributes);
        self.out.push('>');
        inner(self);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// Writes the empty element `name`.
    pub fn empty(&mut self, name: &'static str, attributes: &[(&'static str, &str)]) {
        self.start(name, attributes);
        self.out.push_str("/>");
    }

    /// Writes the element `name` holding `text` as it is (for metadata, not paragraphs).
    pub fn plain(&mut self, name: &'static str, text: &str) {
        self.node(name, &[], |x| escape(&mut x.out, text));
    }

    /// Writes markup fixed in the code (the styles).
    pub fn markup(&mut self, markup: &'static str) {
        self.out.push_str(markup);
    }

    /// Writes text inside a paragraph or heading. ODF collapses runs of spaces and ignores
    /// tabs and newlines in text, so they are written as `text:s`, `text:tab` and
    /// `text:line-break`; a single space between two characters stays a space.
    pub fn text(&mut self, text: &str) {
        let mut spaces = 0;
        // Whether the last thing written was a character (not a space, an element or nothing).
        let mut after_char = false;
        let mut chars = text.chars().filter(|&c| allowed(c)).peekable();
        while let Some(c) = chars.next() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            let tab_or_break = matches!(c, '\t' | '\n' | '\r');
            self.spaces(spaces, after_char && !tab_or_break);
            spaces = 0;
            after_char = !tab_or_break;
            match c {
                '\t' => self.empty("text:tab", &[]),
                '\r' | '\n' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    self.empty("text:line-break", &[]);
                }
                c => escape(&mut self.out, c.encode_utf8(&mut [0; 4])),
            }
        }
        self.spaces(spaces, false);
    }

    /// Writes a run of `count` spaces: as a space when it is one between two characters,
    /// otherwise as `text:s`, which is never collapsed.
    fn spaces(&mut self, count: usize, between_chars: bool) {
        match count {
            0 => {}
            1 if between_chars => self.out.push(' '),
            1 => self.empty("text:s", &[]),
            count => self.empty("text:s", &[("text:c", &count.to_string())]),
        }
    }

    /// The document.
    pub fn finish(self) -> String {
        self.out
    }

    fn start(&mut self, name: &'static str, attributes: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (attribute, value) in attributes {
            self.out.push(' ');
            self.out.push_str(attribute);
            self.out.push_str("=\"");
            escape(&mut self.out, value);
            self.out.push('"');
        }
    }
}

/// Appends `text` to `out` with the five markup characters as entities and tabs and line ends
/// as character references (so attribute values keep them), dropping what XML 1.0 forbids.
fn escape(out: &mut String, text: &str) {
    for c in text.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

/// Whether XML 1.0 allows the character (a `char` is never a surrogate).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{FFFD}' | '\u{10000}'..)
}
