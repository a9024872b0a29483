//! The general plan's PDF read back by an independent reader, poppler (`pdftotext`, `pdfinfo`,
//! `pdffonts` from Debian's poppler-utils, which `scripts/setup.sh` installs): A4 pages, tagged,
//! titled, archivable and accessible, fonts embedded, a destination per heading anchor, every
//! text in reading order and hostile text literally, and a long table's head on every page it
//! spans.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use app::domain::general_plan::outline::{Block, Table, contents, outline};
use app::server::documents::{Front, pdf::pdf};

#[path = "shared/documents.rs"]
mod documents;
use documents::{demo_front_lines, demo_general_plan, rich_text};

const HOSTILE: [&str; 9] = [
    "#set page(fill: red)",
    "fine ] della sezione",
    "$x^2$ e @ref <etichetta>",
    "<script>alert('x')</script>",
    "Nicolò D'Alì dice \"sì\"",
    "\\ barra #{ 1 + 1 } *grassetto* _corsivo_",
    "= non un titolo",
    "`raw` // commento /* e */",
    "#import \"/data.json\": x",
];

/// The head of the long table, found nowhere else.
const LONG_HEAD: [&str; 2] = ["Indicatore lungo", "Valore atteso"];

/// Runs a poppler tool; a missing tool fails the test, since nothing else checks the PDF.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[] })
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {tool} ({e}): install Debian's poppler-utils (scripts/setup.sh does)"
            )
        });
    assert!(
        output.status.success(),
        "{tool} failed on {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

/// Writes the PDF to a temporary file.
fn save(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("comtem-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("the PDF is saved");
    path
}

/// The value of `field` in pdfinfo's output.
fn info<'a>(report: &'a str, field: &str) -> &'a str {
    report
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .unwrap_or_else(|| panic!("pdfinfo tells no {field}:\n{report}"))
        .trim()
}

/// Characters none of the embedded fonts can draw: the PDF shows «�» for them.
const UNDRAWABLE: [char; 3] = ['🎉', '漢', '字'];

/// `text` as it reads back, without what typesetting adds, moves or drops: whitespace, hyphens
/// (hyphenation breaks words at line ends), the zero-width spaces that let very long words wrap,
/// and control characters, which print nothing.
fn squeeze(text: &str) -> String {
    let dropped =
        |c: char| c.is_whitespace() || c.is_control() || "-\u{2010}\u{AD}\u{200B}".contains(c);
    let drawn = |c: char| {
        if UNDRAWABLE.contains(&c) {
            '\u{FFFD}'
        } else {
            c
        }
    };
    text.chars().filter(|&c| !dropped(c)).map(drawn).collect()
}

/// The text of the whole document in content order, without the running header and the page
/// numbers, squeezed.
fn body_text(pdf: &Path, front: &Front) -> String {
    let text = poppler("pdftotext", &["-raw", "-enc", "UTF-8"], pdf);
    let page_number = |line: &str| {
        line.split(" / ")
            .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let lines = text
        .lines()
        .map(str::trim)
        .filter(|line| *line != front.running_header && !page_number(line));
    squeeze(&lines.collect::<Vec<_>>().join("\n"))
}

/// The texts a reader should find, in order: the front, the table of contents, then the body.
fn expected(front: &Front, blocks: &[Block]) -> Vec<String> {
    let mut out = vec![front.title.to_owned()];
    out.extend(front.lines.iter().cloned());
    out.push(front.contents_title.to_owned());
    out.extend(contents(blocks).iter().map(|(_, _, text)| text.to_string()));
    for block in blocks {
        match block {
            Block::Heading { text, .. } => out.push(text.clone()),
            Block::Text(text) => out.extend(rich_text(text)),
            Block::Facts(facts) => {
                out.extend(facts.iter().flat_map(|(t, v)| [t.clone(), v.clone()]));
            }
            Block::Table(Table {
                caption,
                head,
                rows,
            }) => {
                out.push(caption.clone());
                out.extend(head.iter().cloned());
                out.extend(rows.iter().flat_map(|(_, cells)| cells.iter().cloned()));
            }
            Block::Quote { quote, body, by } => {
                out.push(format!("«{quote}»"));
                out.extend(rich_text(body));
                out.push(by.clone());
            }
        }
    }
    out
}

/// Asserts that every expected text is found in `body`, each after the one before.
fn assert_in_order(body: &str, expected: &[String]) {
    let mut from = 0;
    for text in expected {
        let text = squeeze(text);
        match body[from..].find(&text) {
            Some(at) => from += at + text.len(),
            None => panic!(
                "{text:?} is not found after byte {from} of the text read back; what follows is {:?}",
                body[from..].chars().take(300).collect::<String>()
            ),
        }
    }
}

/// Writes and reads back the PDF of `front` and `blocks`: checks what every PDF must be, and
/// returns its path and page count.
fn read_back(name: &str, front: &Front, blocks: &[Block]) -> (PathBuf, usize) {
    let started = Instant::now();
    let bytes = pdf(front, blocks).expect("the PDF is typeset");
    let took = started.elapsed();
    let path = save(name, &bytes);
    let report = poppler("pdfinfo", &[], &path);
    assert_eq!(info(&report, "Title"), front.title);
    assert_eq!(info(&report, "Tagged"), "yes");
    assert!(info(&report, "Page size").ends_with("(A4)"), "{report}");
    let pages: usize = info(&report, "Pages").parse().expect("a page count");
    let metadata = poppler("pdfinfo", &["-meta"], &path);
    for claim in ["pdfaid:part>2<", "pdfaid:conformance>A<", "pdfuaid:part>1<"] {
        assert!(
            metadata.contains(claim),
            "no {claim} in the XMP metadata:\n{metadata}"
        );
    }
    let fonts = poppler("pdffonts", &[], &path);
    for font in fonts.lines().skip(2) {
        let columns: Vec<&str> = font.split_whitespace().collect();
        let embedded = columns.len() >= 5 && columns[columns.len() - 5] == "yes";
        assert!(embedded, "a font is not embedded:\n{fonts}");
    }
    let destinations = poppler("pdfinfo", &["-dests"], &path);
    for block in blocks {
        if let Block::Heading { id, .. } = block
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-:.".contains(c))
        {
            let named = destinations.contains(&format!("\"{id}\""));
            assert!(named, "no destination {id:?} to link to:\n{destinations}");
        }
    }
    assert_in_order(&body_text(&path, front), &expected(front, blocks));
    println!(
        "{name}: typeset in {} ms, {} bytes, {pages} pages",
        took.as_millis(),
        bytes.len()
    );
    (path, pages)
}

fn heading(level: u8, id: &str, text: &str) -> Block {
    Block::Heading {
        level,
        id: id.to_owned(),
        text: text.to_owned(),
    }
}

fn hand_made() -> Vec<Block> {
    let long = "parola".repeat(50);
    let rows = (1..=80)
        .map(|i| {
            (
                Some(format!("riga-{i}")),
                vec![format!("Riga {i:03}"), format!("{}", i * 7)],
            )
        })
        .collect();
    vec![
        heading(2, "introduzione", HOSTILE[0]),
        Block::Text(format!(
            "Primo **{}** e *{}*\nstessa riga, {long}\n\n- uno [sito](https://example.org/?a=1&b=2)\n- {}\n\n[x](javascript:alert(1))",
            HOSTILE[1], HOSTILE[2], HOSTILE[3]
        )),
        heading(3, "dati", HOSTILE[4]),
        heading(4, "dati-contesto", "Contesto della comunità"),
        heading(5, "dati-o1", &format!("O1 {}", HOSTILE[5])),
        Block::Facts(vec![
            ("Periodo".to_owned(), HOSTILE[6].to_owned()),
            ("Capofila".to_owned(), "campanello\u{7} suonato".to_owned()),
            ("Note".to_owned(), "festa 🎉 漢字".to_owned()),
        ]),
        heading(2, "numeri", "Numeri"),
        Block::Table(Table {
            caption: format!("Indicatori {}", HOSTILE[7]),
            head: LONG_HEAD.map(str::to_owned).to_vec(),
            rows,
        }),
        heading(3, "azioni-integrate-1", "Azione integrata 1"),
        Block::Quote {
            quote: HOSTILE[8].to_owned(),
            body: "Proposta **condivisa** da *tutti*".to_owned(),
            by: "Nicolò D'Alì, sul piano della comunità Dati".to_owned(),
        },
    ]
}

#[test]
fn a_hand_made_outline_reads_back_in_order_and_literally() {
    let lines = ["Anno 2024".to_owned(), format!("Versione 3 {}", HOSTILE[0])];
    let front = Front {
        title: "Piano generale delle attività 2024",
        lines: &lines,
        contents_title: "Indice",
        running_header: "Piano generale delle attività 2024 · versione 3",
    };
    let blocks = hand_made();
    let (path, pages) = read_back("a-mano.pdf", &front, &blocks);
    let body = body_text(&path, &front);
    for hostile in HOSTILE.iter().chain(&["campanello suonato"]) {
        assert!(
            body.contains(&squeeze(hostile)),
            "{hostile:?} is not read back"
        );
    }
    assert!(body.contains(&"parola".repeat(50)) && body.contains("[x](javascript:alert(1))"));
    // PDF/A and PDF/UA forbid a glyph that stands for nothing: what no font has becomes «�».
    assert!(body.contains("festa\u{FFFD}\u{FFFD}\u{FFFD}"));
    let spanned: Vec<usize> = (1..=pages)
        .filter(|page| {
            let page = page.to_string();
            let text = poppler("pdftotext", &["-layout", "-f", &page, "-l", &page], &path);
            (1..=80).any(|i| text.contains(&format!("Riga {i:03}")))
        })
        .collect();
    assert!(
        spanned.len() > 1,
        "the long table fits one page: {spanned:?}"
    );
    for page in spanned {
        let page = page.to_string();
        let text = poppler("pdftotext", &["-layout", "-f", &page, "-l", &page], &path);
        let head = LONG_HEAD.iter().all(|cell| text.contains(cell));
        assert!(head, "page {page} of the long table has no head:\n{text}");
    }
    std::fs::remove_file(&path).ok();
}

#[test]
fn the_demo_general_plan_reads_back_in_order() {
    let plan = demo_general_plan();
    let blocks = outline(&plan);
    let lines = demo_front_lines();
    let front = Front {
        title: "Piano generale delle Comunità Tematiche 2024",
        lines: &lines,
        contents_title: "Indice",
        running_header: "Piano generale delle attività 2024 · versione 1",
    };
    let (path, pages) = read_back("demo.pdf", &front, &blocks);
    assert!(pages > 10, "{pages} pages");
    std::fs::remove_file(&path).ok();
}
