use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

use super::{Front, MEDIA_TYPE, odt};
use crate::domain::general_plan::outline::{Block, Table};

const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

const HOSTILE: [&str; 6] = [
    "<script>alert(1)</script>",
    "Ricerca & sviluppo",
    "fine ]]> della sezione",
    "Nicolò D'Alì dice \"sì\"",
    "#set page(fill: red)",
    "campanello\u{7} suonato",
];

fn heading(level: u8, id: &str, text: &str) -> Block {
    Block::Heading {
        level,
        id: id.to_owned(),
        text: text.to_owned(),
    }
}

fn hostile_blocks() -> Vec<Block> {
    let long = "x".repeat(300);
    vec![
        heading(2, "introduzione", HOSTILE[0]),
        Block::Text(format!("{} **{}** e *{long}*", HOSTILE[1], HOSTILE[2])),
        heading(3, "dati", HOSTILE[3]),
        Block::Facts(vec![(HOSTILE[4].to_owned(), HOSTILE[5].to_owned())]),
        Block::Table(Table {
            caption: HOSTILE[0].to_owned(),
            head: vec!["<th>".to_owned(), "&amp;".to_owned()],
            rows: vec![(Some("r\"1".to_owned()), vec![HOSTILE[3].to_owned()])],
        }),
        Block::Quote {
            quote: HOSTILE[2].to_owned(),
            body: "[link](javascript:alert(1)) [ok](https://example.org/?a=1&b=2)".to_owned(),
            by: HOSTILE[4].to_owned(),
        },
    ]
}

fn document(blocks: &[Block]) -> Vec<u8> {
    let lines = ["Anno 2024".to_owned(), "Versione 3".to_owned()];
    let front = Front {
        title: "Piano <generale> & 2024",
        lines: &lines,
        contents_title: "Indice",
        running_header: "Piano <generale> · versione 3",
    };
    odt(&front, blocks).expect("the document is written")
}

fn part(odt: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(odt)).expect("a zip");
    let mut text = String::new();
    let mut file = archive.by_name(name).expect("the part is there");
    file.read_to_string(&mut text).expect("UTF-8");
    text
}

/// The text of each paragraph and heading in `xml`, in document order, with ODF's spaces, tabs
/// and line breaks put back.
fn paragraphs(xml: &str) -> Vec<String> {
    paragraphs_in(Document::parse(xml).expect("well-formed XML").root())
}

fn paragraphs_in(root: Node) -> Vec<String> {
    root.descendants()
        .filter(|n| n.tag_name().namespace() == Some(TEXT))
        .filter(|n| matches!(n.tag_name().name(), "p" | "h"))
        .map(|n| {
            let mut text = String::new();
            gather(n, &mut text);
            text
        })
        .collect()
}

fn gather(node: Node, text: &mut String) {
    for child in node.children() {
        match (child.tag_name().namespace(), child.tag_name().name()) {
            _ if child.is_text() => text.push_str(child.text().unwrap_or("")),
            (Some(TEXT), "s") => {
                let count = child
                    .attribute((TEXT, "c"))
                    .map_or(1, |c| c.parse().unwrap());
                text.push_str(&" ".repeat(count));
            }
            (Some(TEXT), "tab") => text.push('\t'),
            (Some(TEXT), "line-break") => text.push('\n'),
            _ => gather(child, text),
        }
    }
}

#[test]
fn mimetype_comes_first_stored_without_extra_field() {
    let odt = document(&[]);
    let u16_at = |at: usize| u16::from_le_bytes([odt[at], odt[at + 1]]);
    let u32_at = |at: usize| u32::from_le_bytes([odt[at], odt[at + 1], odt[at + 2], odt[at + 3]]);
    assert_eq!(&odt[..4], b"PK\x03\x04");
    assert_eq!(u16_at(6) & 0x8, 0, "no data descriptor");
    assert_eq!(u16_at(8), 0, "stored");
    assert_eq!(
        (u16_at(26), u16_at(28)),
        (8, 0),
        "name length, extra length"
    );
    assert_eq!(&odt[30..38], b"mimetype");
    let size = MEDIA_TYPE.len();
    assert_eq!((u32_at(18), u32_at(22)), (size as u32, size as u32));
    assert_eq!(&odt[38..38 + size], MEDIA_TYPE.as_bytes());
    for name in [
        "META-INF/manifest.xml",
        "styles.xml",
        "meta.xml",
        "content.xml",
    ] {
        Document::parse(&part(&odt, name)).expect("well-formed XML");
    }
}

#[test]
fn hostile_text_comes_out_as_text() {
    let odt = document(&hostile_blocks());
    let content = part(&odt, "content.xml");
    let texts = paragraphs(&content);
    let found = |wanted: &str| texts.iter().any(|t| t.contains(wanted));
    for hostile in HOSTILE {
        assert!(
            found(&hostile.replace('\u{7}', "")),
            "{hostile:?} in {texts:#?}"
        );
    }
    assert!(found(&"x".repeat(300)) && found("&amp;"));
    assert!(
        found("[link](javascript:alert(1))"),
        "an unsafe link stays text"
    );
    let document = Document::parse(&content).unwrap();
    let names: Vec<&str> = document
        .descendants()
        .map(|n| n.tag_name().name())
        .collect();
    assert!(!names.contains(&"script") && !names.contains(&"th"));
    let hrefs: Vec<&str> = document
        .descendants()
        .filter_map(|n| n.attribute(("http://www.w3.org/1999/xlink", "href")))
        .collect();
    assert_eq!(
        hrefs,
        ["#introduzione", "#dati", "https://example.org/?a=1&b=2"]
    );
    let header_and_footers = paragraphs(&part(&odt, "styles.xml"));
    let expected = ["", "Piano <generale> · versione 3", ""];
    assert_eq!(
        header_and_footers, expected,
        "first page: footer; others: header, footer"
    );
    let meta = part(&odt, "meta.xml");
    let meta = Document::parse(&meta).unwrap();
    let title = meta.descendants().find(|n| n.tag_name().name() == "title");
    assert_eq!(
        title.and_then(|n| n.text()),
        Some("Piano <generale> & 2024")
    );
}

#[test]
fn spaces_tabs_and_line_breaks_survive() {
    let text = "  due  spazi\tun tab\r\nuna riga\nfine ";
    let blocks = [
        heading(2, "a", text),
        Block::Facts(vec![("t".into(), text.into())]),
    ];
    let texts = paragraphs(&part(&document(&blocks), "content.xml"));
    let expected = text.replace("\r\n", "\n");
    assert!(texts.contains(&expected), "{texts:#?}");
    assert!(texts.contains(&format!("t: {expected}")), "{texts:#?}");
}

#[test]
fn contents_list_headings_of_levels_two_and_three() {
    let blocks = [
        heading(2, "uno", "Uno"),
        heading(3, "due", "Due"),
        heading(4, "tre", "Tre"),
        heading(5, "quattro", "Quattro"),
        heading(2, "cinque", "Cinque"),
    ];
    let content = part(&document(&blocks), "content.xml");
    let document = Document::parse(&content).unwrap();
    let body = document
        .descendants()
        .find(|n| n.tag_name().name() == "index-body")
        .unwrap();
    let entries = paragraphs_in(body);
    assert_eq!(entries, ["Indice", "Uno", "Due", "Cinque"]);
    let levels: Vec<&str> = document
        .descendants()
        .filter_map(|n| n.attribute((TEXT, "outline-level")))
        .collect();
    assert!(levels.ends_with(&["2", "3", "4", "5", "2"]), "{levels:?}");
}
