//! `content.xml`: the front matter, the table of contents and every block of the outline.

use super::styles::{AUTOMATIC, EMPHASIS, STRONG, TITLE};
use super::table::table;
use super::xml::Xml;
use super::{FO, Front, OFFICE, STYLE, TABLE, TEXT, VERSION, XLINK};
use crate::domain::general_plan::outline::{Block, contents};
use crate::domain::markdown::{self, Inline};

/// The namespaces `content.xml` uses, and its ODF version.
const ROOT: [(&str, &str); 7] = [
    ("xmlns:office", OFFICE),
    ("xmlns:style", STYLE),
    ("xmlns:text", TEXT),
    ("xmlns:table", TABLE),
    ("xmlns:fo", FO),
    ("xmlns:xlink", XLINK),
    ("office:version", VERSION),
];

/// The outline levels the table of contents lists.
const CONTENTS_LEVELS: [&str; 3] = ["1", "2", "3"];

/// `content.xml` of the document made of `front` and `blocks`.
pub fn content(front: &Front, blocks: &[Block]) -> String {
    let mut x = Xml::new();
    x.node("office:document-content", &ROOT, |x| {
        x.markup(AUTOMATIC);
        x.node("office:body", &[], |x| {
            x.node("office:text", &[], |x| {
                paragraph(x, TITLE, front.title);
                for line in front.lines {
                    paragraph(x, "Subtitle", line);
                }
                table_of_contents(x, front.contents_title, blocks);
                let mut tables = 0;
                for block in blocks {
                    if let Block::Table(_) = block {
                        tables += 1;
                    }
                    write_block(x, block, tables);
                }
            });
        });
    });
    x.finish()
}

/// One block; `tables` counts the tables so far, this one included, to name them.
fn write_block(x: &mut Xml, block: &Block, tables: usize) {
    match block {
        Block::Heading { level, id, text } => {
            let level = (*level).clamp(2, 5).to_string();
            let style = format!("Heading_20_{level}");
            let attributes = [("text:style-name", &*style), ("text:outline-level", &level)];
            x.node("text:h", &attributes, |x| {
                x.empty("text:bookmark", &[("text:name", id)]);
                x.text(text);
            });
        }
        Block::Text(text) => rich_text(x, "Text_20_body", text),
        Block::Facts(facts) => {
            for (term, value) in facts {
                x.node("text:p", &[("text:style-name", "Facts")], |x| {
                    span(x, STRONG, |x| x.text(&format!("{term}:")));
                    x.text(&format!(" {value}"));
                });
            }
        }
        Block::Table(t) => table(x, t, &format!("Tabella{tables}")),
        Block::Quote { quote, body, by } => {
            if !quote.is_empty() {
                paragraph(x, "Quotations", &format!("«{quote}»"));
            }
            rich_text(x, "Quote_20_Body", body);
            paragraph(x, "Quote_20_Source", by);
        }
    }
}

/// The table of contents of the headings of levels 2 and 3, already filled in so that it shows
/// in readers that do not rebuild it; LibreOffice adds the page numbers when it is updated.
fn table_of_contents(x: &mut Xml, title: &str, blocks: &[Block]) {
    let attributes = [("text:name", "Indice"), ("text:protected", "true")];
    x.node("text:table-of-content", &attributes, |x| {
        x.node(
            "text:table-of-content-source",
            &[("text:outline-level", "3")],
            |x| {
                let style = [("text:style-name", "Contents_20_Heading")];
                x.node("text:index-title-template", &style, |x| x.text(title));
                for level in CONTENTS_LEVELS {
                    let style = format!("Contents_20_{level}");
                    let attributes = [("text:outline-level", level), ("text:style-name", &*style)];
                    x.node("text:table-of-content-entry-template", &attributes, |x| {
                        x.empty("text:index-entry-link-start", &[]);
                        x.empty("text:index-entry-text", &[]);
                        let tab = [("style:type", "right"), ("style:leader-char", ".")];
                        x.empty("text:index-entry-tab-stop", &tab);
                        x.empty("text:index-entry-page-number", &[]);
                        x.empty("text:index-entry-link-end", &[]);
                    });
                }
            },
        );
        x.node("text:index-body", &[], |x| {
            x.node("text:index-title", &[("text:name", "Indice_titolo")], |x| {
                paragraph(x, "Contents_20_Heading", title);
            });
            for (level, id, text) in contents(blocks) {
                let style = format!("Contents_20_{}", level.clamp(1, 3));
                let href = format!("#{id}");
                x.node("text:p", &[("text:style-name", &style)], |x| {
                    let link = [("xlink:type", "simple"), ("xlink:href", &*href)];
                    x.node("text:a", &link, |x| x.text(text));
                });
            }
        });
    });
}

/// A paragraph of plain text.
pub(super) fn paragraph(x: &mut Xml, style: &str, text: &str) {
    x.node("text:p", &[("text:style-name", style)], |x| x.text(text));
}

/// Text in the small markdown: paragraphs in `style`, bullet lists, strong, emphasis, links.
fn rich_text(x: &mut Xml, style: &str, text: &str) {
    for block in markdown::parse(text) {
        match block {
            markdown::Block::Paragraph(content) => {
                x.node("text:p", &[("text:style-name", style)], |x| {
                    inlines(x, &content)
                });
            }
            markdown::Block::List(items) => {
                x.node("text:list", &[("text:style-name", "Bullets")], |x| {
                    for item in &items {
                        x.node("text:list-item", &[], |x| {
                            x.node("text:p", &[("text:style-name", "List")], |x| {
                                inlines(x, item)
                            });
                        });
                    }
                });
            }
        }
    }
}

fn inlines(x: &mut Xml, content: &[Inline]) {
    for inline in content {
        match inline {
            Inline::Text(text) => x.text(text),
            Inline::LineBreak => x.empty("text:line-break", &[]),
            Inline::Strong(inner) => span(x, STRONG, |x| inlines(x, inner)),
            Inline::Emphasis(inner) => span(x, EMPHASIS, |x| inlines(x, inner)),
            Inline::Link { text, url } => {
                let style = "Internet_20_link";
                let link = [
                    ("xlink:type", "simple"),
                    ("xlink:href", url),
                    ("text:style-name", style),
                    ("text:visited-style-name", style),
                ];
                x.node("text:a", &link, |x| x.text(text));
            }
        }
    }
}

/// A span in the automatic text style `style`, holding what `inner` writes.
fn span(x: &mut Xml, style: &str, inner: impl FnOnce(&mut Xml)) {
    x.node("text:span", &[("text:style-name", style)], inner);
}
