//! The outline as the template reads it from `/data.json`: plain strings and the small markdown
//! already parsed into runs, every text made printable, heading levels made consecutive (as
//! PDF/UA asks) and anchors kept only where they are valid label names.

use serde::Serialize;

use super::Front;
use super::fonts::printable;
use crate::domain::general_plan::outline::{Block, Table};
use crate::domain::markdown::{self, Inline};

/// The whole document.
#[derive(Serialize)]
pub struct Data {
    title: String,
    lines: Vec<String>,
    contents_title: String,
    running_header: String,
    blocks: Vec<Node>,
}

/// One block of the outline.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Node {
    Heading {
        level: u8,
        /// The anchor, as a typst label: it names the PDF destination of the heading.
        label: Option<String>,
        text: String,
    },
    Text {
        blocks: Vec<Rich>,
    },
    Facts {
        facts: Vec<[String; 2]>,
    },
    /// Every row, the head's included if there is one, has `columns` cells.
    Table {
        caption: String,
        columns: usize,
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Quote {
        quote: String,
        body: Vec<Rich>,
        by: String,
    },
}

/// A paragraph or a list of the small markdown.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Rich {
    Paragraph { runs: Vec<Run> },
    List { items: Vec<Vec<Run>> },
}

/// A run of text inside a paragraph or list item.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Run {
    Text { text: String },
    Break,
    Strong { runs: Vec<Run> },
    Emphasis { runs: Vec<Run> },
    Link { text: String, url: String },
}

/// What a heading shows when its text is blank (PDF/UA forbids an empty heading).
const UNTITLED: &str = "—";

/// The data of `front` and `blocks`.
pub fn data(front: &Front, blocks: &[Block]) -> Data {
    // The table of contents' title is the one heading of level 1.
    let mut level = 1;
    let blocks = blocks
        .iter()
        .map(|block| match block {
            Block::Heading { level: l, id, text } => {
                level = (*l).clamp(2, 5).min(level + 1);
                let text = printable(text);
                Node::Heading {
                    level,
                    label: valid_label(id).then(|| id.clone()),
                    text: if text.trim().is_empty() {
                        UNTITLED.to_owned()
                    } else {
                        text
                    },
                }
            }
            Block::Text(text) => Node::Text { blocks: rich(text) },
            Block::Facts(facts) => Node::Facts {
                facts: facts
                    .iter()
                    .map(|(term, value)| [printable(term), printable(value)])
                    .collect(),
            },
            Block::Table(table) => table_node(table),
            Block::Quote { quote, body, by } => Node::Quote {
                quote: printable(quote),
                body: rich(body),
                by: printable(by),
            },
        })
        .collect();
    Data {
        title: printable(front.title),
        lines: front.lines.iter().map(|line| printable(line)).collect(),
        contents_title: printable(front.contents_title),
        running_header: printable(front.running_header),
        blocks,
    }
}

/// Whether `id` could be written as a typst label (`<id>`): letters, digits, `_`, `-`, `:`, `.`.
fn valid_label(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '.'))
}

/// The table with every row, the head's included, padded to the same number of cells.
fn table_node(table: &Table) -> Node {
    let rows = table.rows.iter().map(|(_, cells)| cells);
    let columns = rows
        .clone()
        .chain([&table.head])
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(1);
    let padded = |cells: &Vec<String>| {
        let mut row: Vec<String> = cells.iter().map(|cell| printable(cell)).collect();
        row.resize(columns, String::new());
        row
    };
    Node::Table {
        caption: printable(&table.caption),
        columns,
        head: if table.head.is_empty() {
            Vec::new()
        } else {
            padded(&table.head)
        },
        rows: rows.map(padded).collect(),
    }
}

/// The small markdown `text`, parsed.
fn rich(text: &str) -> Vec<Rich> {
    markdown::parse(text)
        .into_iter()
        .map(|block| match block {
            markdown::Block::Paragraph(inlines) => Rich::Paragraph {
                runs: runs(&inlines),
            },
            markdown::Block::List(items) => Rich::List {
                items: items.iter().map(|item| runs(item)).collect(),
            },
        })
        .collect()
}

fn runs(inlines: &[Inline]) -> Vec<Run> {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => Run::Text {
                text: printable(text),
            },
            Inline::LineBreak => Run::Break,
            Inline::Strong(inner) => Run::Strong { runs: runs(inner) },
            Inline::Emphasis(inner) => Run::Emphasis { runs: runs(inner) },
            Inline::Link { text, url } => Run::Link {
                text: printable(text),
                url: url.clone(),
            },
        })
        .collect()
}
