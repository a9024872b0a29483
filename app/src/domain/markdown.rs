//! A little markdown, parsed into a typed tree that is rendered as text nodes, never as HTML, so
//! nothing typed into it can run.
//!
//! Supported: paragraphs separated by blank lines (a single newline inside one is a
//! [`Inline::LineBreak`]), bullet lists (lines starting with `- ` or `* `; a following line
//! without a marker continues the item), `**strong**`, `*emphasis*`, `_emphasis_` and
//! `[text](url)` links to `https://`, `http://` and `mailto:` addresses only. Anything else,
//! unmatched markers and raw HTML included, stays literal text.

mod plain;

pub use plain::plain_text;

/// A paragraph or a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A bullet list: the content of each item.
    List(Vec<Vec<Inline>>),
}

/// A run of text inside a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    LineBreak,
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    /// A link to a safe address; `text` is shown literally.
    Link {
        text: String,
        url: String,
    },
}

/// How deeply strong and emphasis may nest (`**a *b* c**` needs 2).
const NESTING: u8 = 2;
/// The only address schemes a link may have (compared ignoring case).
const SAFE_SCHEMES: [&str; 3] = ["https://", "http://", "mailto:"];

/// Parses `text` into blocks; never fails: what is not markdown stays text.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open = Open::Nothing;
    for line in text.lines().map(str::trim) {
        let bullet = line
            .strip_prefix("- ")
            .or_else(|| line.strip_prefix("* "))
            .map(str::trim_start);
        open = match (open, bullet) {
            (open, _) if line.is_empty() => {
                blocks.extend(open.close());
                Open::Nothing
            }
            (Open::List(mut items), Some(item)) => {
                items.push(vec![item]);
                Open::List(items)
            }
            (open, Some(item)) => {
                blocks.extend(open.close());
                Open::List(vec![vec![item]])
            }
            (Open::List(mut items), None) => {
                if let Some(last) = items.last_mut() {
                    last.push(line);
                }
                Open::List(items)
            }
            (Open::Paragraph(mut lines), None) => {
                lines.push(line);
                Open::Paragraph(lines)
            }
            (Open::Nothing, None) => Open::Paragraph(vec![line]),
        };
    }
    blocks.extend(open.close());
    blocks
}

/// The block being gathered, line by line.
enum Open<'a> {
    Nothing,
    Paragraph(Vec<&'a str>),
    /// The lines of each item.
    List(Vec<Vec<&'a str>>),
}

impl Open<'_> {
    /// The finished block, if any.
    fn close(self) -> Option<Block> {
        match self {
            Self::Nothing => None,
            Self::Paragraph(paragraph) => Some(Block::Paragraph(lines(&paragraph))),
            Self::List(items) => Some(Block::List(items.iter().map(|item| lines(item)).collect())),
        }
    }
}

/// The inlines of consecutive lines, separated by line breaks.
fn lines(group: &[&str]) -> Vec<Inline> {
    let mut out = Vec::new();
    for (index, line) in group.iter().enumerate() {
        if index > 0 {
            out.push(Inline::LineBreak);
        }
        out.extend(inlines(line, NESTING));
    }
    out
}

/// The inlines of one line; strong and emphasis are recognised while `depth` is above zero.
fn inlines(line: &str, depth: u8) -> Vec<Inline> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut text = String::new();
    // Delimiter runs (byte, length) known to have no closer further on: a failed search is not
    // repeated, which keeps long lines of stray markers linear.
    let mut unclosed: Vec<(u8, usize)> = Vec::new();
    let mut parens = Finder::new(b')');
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            marker @ (b'*' | b'_') => {
                let end = run_end(bytes, i);
                let kind = (marker, end - i);
                let search = depth > 0 && opens(line, i, end) && !unclosed.contains(&kind);
                match search.then(|| find_closer(line, end, kind)).flatten() {
                    Some(close) => {
                        flush_text(&mut out, &mut text);
                        let inner = inlines(&line[end..close], depth - 1);
                        out.push(if kind.1 == 2 {
                            Inline::Strong(inner)
                        } else {
                            Inline::Emphasis(inner)
                        });
                        i = close + kind.1;
                    }
                    None => {
                        if search {
                            unclosed.push(kind);
                        }
                        text.push_str(&line[i..end]);
                        i = end;
                    }
                }
            }
            b'[' => match link(line, i, &mut parens) {
                Some((inline, end)) => {
                    match inline {
                        Inline::Text(literal) => text.push_str(&literal),
                        inline => {
                            flush_text(&mut out, &mut text);
                            out.push(inline);
                        }
                    }
                    i = end;
                }
                None => {
                    text.push('[');
                    i += 1;
                }
            },
            _ => {
                let end = line[i..]
                    .find(['*', '_', '['])
                    .map_or(line.len(), |offset| i + offset);
                text.push_str(&line[i..end]);
                i = end;
            }
        }
    }
    flush_text(&mut out, &mut text);
    out
}

/// Moves the gathered text, if any, into `out`.
fn flush_text(out: &mut Vec<Inline>, text: &mut String) {
    if !text.is_empty() {
        out.push(Inline::Text(std::mem::take(text)));
    }
}

/// The end of the run of equal bytes starting at `start`.
fn run_end(bytes: &[u8], start: usize) -> usize {
    bytes[start..]
        .iter()
        .position(|&b| b != bytes[start])
        .map_or(bytes.len(), |length| start + length)
}

/// Whether the delimiter run `line[start..end]` can open strong (`**`) or emphasis (`*`, `_`):
/// followed by a non-space and, for `_`, not inside a word.
fn opens(line: &str, start: usize, end: usize) -> bool {
    let marker = line.as_bytes()[start];
    let supported = matches!((marker, end - start), (b'*', 1 | 2) | (b'_', 1));
    let before = line[..start].chars().next_back();
    let after = line[end..].chars().next();
    supported
        && after.is_some_and(|c| !c.is_whitespace())
        && (marker != b'_' || !before.is_some_and(char::is_alphanumeric))
}

/// Where the first run equal to `kind` that can close it starts, looking from `from`: preceded
/// by a non-space and, for `_`, not followed by a letter or digit.
fn find_closer(line: &str, from: usize, (marker, length): (u8, usize)) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut i = from;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == marker) {
        let start = i + offset;
        let end = run_end(bytes, start);
        let before = line[..start].chars().next_back();
        let after = line[end..].chars().next();
        if end - start == length
            && before.is_some_and(|c| !c.is_whitespace())
            && (marker != b'_' || !after.is_some_and(char::is_alphanumeric))
        {
            return Some(start);
        }
        i = end;
    }
    None
}

/// The `[text](url)` starting at `start` and where it ends: a link when the address is safe,
/// otherwise the whole of it as literal text; `None` when it is not shaped like a link.
fn link(line: &str, start: usize, parens: &mut Finder) -> Option<(Inline, usize)> {
    let bytes = line.as_bytes();
    let text_start = start + 1;
    let text_end = text_start + bytes[text_start..].iter().position(|b| b"[]".contains(b))?;
    if bytes[text_end] != b']' || bytes.get(text_end + 1) != Some(&b'(') {
        return None;
    }
    let url_start = text_end + 2;
    let url_end = parens.next(bytes, url_start)?;
    let end = url_end + 1;
    let url = line[url_start..url_end].trim();
    let lowercase = url.to_ascii_lowercase();
    let safe = SAFE_SCHEMES
        .iter()
        .any(|scheme| lowercase.starts_with(scheme))
        && !url.contains(char::is_whitespace);
    let inline = if safe {
        let text = match &line[text_start..text_end] {
            "" => url,
            text => text,
        };
        Inline::Link {
            text: text.to_owned(),
            url: url.to_owned(),
        }
    } else {
        Inline::Text(line[start..end].to_owned())
    };
    Some((inline, end))
}

/// Finds the next occurrence of a byte, reusing the last search when it answers the question,
/// so that many searches along one line stay linear.
struct Finder {
    byte: u8,
    /// Where the last search started, and what it found.
    from: usize,
    found: Option<usize>,
}

impl Finder {
    /// A finder of `byte` that has not searched yet.
    fn new(byte: u8) -> Self {
        Self {
            byte,
            from: usize::MAX,
            found: None,
        }
    }

    /// The position of the first `byte` at or after `at` (at most `bytes.len()`).
    fn next(&mut self, bytes: &[u8], at: usize) -> Option<usize> {
        let answered = self.from <= at && self.found.is_none_or(|found| found >= at);
        if !answered {
            self.from = at;
            let offset = bytes[at..].iter().position(|&b| b == self.byte);
            self.found = offset.map(|offset| at + offset);
        }
        self.found
    }
}

#[cfg(test)]
mod tests;
