//! The general plan's ODT read back by an independent reader, odfdo (`scripts/read_odt.py`, in
//! the `.venv` that `scripts/setup.sh` fills from `scripts/document-requirements.txt`): the
//! headings and texts that come back are the ones written, hostile ones literally.

use std::path::{Path, PathBuf};
use std::process::Command;

use app::domain::general_plan::outline::{Block, Table, outline};
use app::server::documents::{Front, odt::odt};
use serde_json::{Value, json};

#[path = "shared/documents.rs"]
mod documents;
use documents::{demo_front_lines, demo_general_plan, rich_text};

const HOSTILE: [&str; 6] = [
    "<script>alert('x')</script>",
    "Ricerca & sviluppo",
    "fine ]]> della sezione",
    "Nicolò D'Alì",
    "#set page(fill: red)",
    "campanello\u{7} suonato",
];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Writes the ODT of `front` and `blocks` to a temporary file and reads it back: its size and
/// what `read_odt.py` printed.
fn read_back(name: &str, front: &Front, blocks: &[Block]) -> (usize, Value) {
    let bytes = odt(front, blocks).expect("the ODT is written");
    let file = format!("comtem-{}-{name}", std::process::id());
    let path = std::env::temp_dir().join(file);
    std::fs::write(&path, &bytes).expect("the ODT is saved");
    let python = repo().join(".venv/bin/python");
    let setup = "run scripts/setup.sh, which installs scripts/document-requirements.txt into .venv";
    let output = Command::new(&python)
        .arg(repo().join("scripts/read_odt.py"))
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}; {setup}", python.display()));
    assert!(
        output.status.success(),
        "read_odt.py failed (is odfdo in .venv? {setup}):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::remove_file(&path).ok();
    let read = serde_json::from_slice(&output.stdout).expect("read_odt.py prints JSON");
    (bytes.len(), read)
}

/// What a reader should find, built from the blocks independently of the writer.
fn expected(front: &Front, blocks: &[Block]) -> Vec<Value> {
    let paragraph = |text: &str| json!({"kind": "paragraph", "text": clean(text)});
    let mut out: Vec<Value> = [front.title].into_iter().map(paragraph).collect();
    out.extend(front.lines.iter().map(|line| paragraph(line)));
    out.push(json!({"kind": "contents", "text": front.contents_title}));
    for block in blocks {
        if let Block::Heading {
            level: 2 | 3, text, ..
        } = block
        {
            out.push(json!({"kind": "contents", "text": clean(text)}));
        }
    }
    for block in blocks {
        match block {
            Block::Heading { level, text, .. } => {
                out.push(json!({"kind": "heading", "level": level, "text": clean(text)}));
            }
            Block::Text(text) => out.extend(rich_text(text).iter().map(|t| paragraph(t))),
            Block::Facts(facts) => {
                out.extend(facts.iter().map(|(t, v)| paragraph(&format!("{t}: {v}"))));
            }
            Block::Table(Table {
                caption,
                head,
                rows,
            }) => {
                out.push(paragraph(caption));
                let columns = rows.iter().map(|(_, r)| r.len()).chain([head.len(), 1]);
                let columns = columns.max().unwrap_or(1);
                let head = std::iter::once(head).filter(|head| !head.is_empty());
                for row in head.chain(rows.iter().map(|(_, r)| r)) {
                    for column in 0..columns {
                        let cell = row.get(column).map_or("", String::as_str);
                        out.push(json!({"kind": "cell", "text": clean(cell)}));
                    }
                }
            }
            Block::Quote { quote, body, by } => {
                if !quote.is_empty() {
                    out.push(paragraph(&format!("«{quote}»")));
                }
                out.extend(rich_text(body).iter().map(|t| paragraph(t)));
                out.push(paragraph(by));
            }
        }
    }
    out
}

/// `text` without the characters XML cannot carry.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| c >= ' ' || "\t\n".contains(c))
        .collect()
}

fn heading(level: u8, id: &str, text: &str) -> Block {
    Block::Heading {
        level,
        id: id.to_owned(),
        text: text.to_owned(),
    }
}

#[test]
fn a_hand_made_outline_reads_back_the_same() {
    let long = "parola".repeat(50);
    let blocks = vec![
        heading(2, "introduzione", HOSTILE[0]),
        Block::Text(format!(
            "Primo **{}** e *{}*\nstessa riga, {long}\n\n- uno [sito](https://example.org/?a=1&b=2)\n- due  spazi\tdopo\n\n[x](javascript:alert(1))",
            HOSTILE[1], HOSTILE[2]
        )),
        heading(3, "dati", HOSTILE[3]),
        heading(4, "dati-contesto", "Contesto"),
        heading(5, "dati-o1", &format!("O1 {}", HOSTILE[4])),
        Block::Facts(vec![
            ("Periodo".to_owned(), HOSTILE[5].to_owned()),
            ("Capofila".to_owned(), HOSTILE[3].to_owned()),
        ]),
        heading(2, "numeri", "Numeri"),
        Block::Table(Table {
            caption: format!("Numeri {}", HOSTILE[1]),
            head: vec!["Comunità".to_owned(), "<b>Iscrizioni</b>".to_owned()],
            rows: vec![
                (
                    Some("riga-1".to_owned()),
                    vec!["Dati".to_owned(), "1.216".to_owned()],
                ),
                (None, vec![HOSTILE[0].to_owned()]),
            ],
        }),
        heading(3, "azioni-integrate-1", "Azione integrata 1"),
        heading(4, "a", "Quattro"),
        heading(5, "b", "Cinque"),
        Block::Quote {
            quote: HOSTILE[2].to_owned(),
            body: "Proposta **condivisa**".to_owned(),
            by: format!("{}, sul piano della comunità Dati", HOSTILE[3]),
        },
    ];
    let lines = ["Anno 2024".to_owned(), format!("Versione 3 {}", HOSTILE[1])];
    let front = Front {
        title: "Piano generale <2024> & oltre",
        lines: &lines,
        contents_title: "Indice",
        running_header: "Piano generale <2024> · versione 3",
    };
    let (_, read) = read_back("a-mano.odt", &front, &blocks);
    assert_eq!(read["mimetype"], "application/vnd.oasis.opendocument.text");
    assert_eq!(read["title"], front.title);
    let found = read["blocks"].as_array().expect("blocks");
    assert_eq!(found, &expected(&front, &blocks));
    let texts: Vec<&str> = found.iter().filter_map(|b| b["text"].as_str()).collect();
    for hostile in HOSTILE {
        let hostile = clean(hostile);
        assert!(
            texts.iter().any(|t| t.contains(&hostile)),
            "{hostile:?} is not read back"
        );
    }
    assert!(texts.contains(&"due  spazi\tdopo") && texts.contains(&"[x](javascript:alert(1))"));
}

#[test]
fn the_demo_general_plan_reads_back_the_same() {
    let plan = demo_general_plan();
    let blocks = outline(&plan);
    let lines = demo_front_lines();
    let front = Front {
        title: "Piano generale delle Comunità Tematiche 2024",
        lines: &lines,
        contents_title: "Indice",
        running_header: "Piano generale delle attività 2024 · versione 1",
    };
    let (size, read) = read_back("demo.odt", &front, &blocks);
    assert_eq!(
        read["blocks"].as_array().expect("blocks"),
        &expected(&front, &blocks)
    );
    println!("the ODT of the ten demo plans: {size} bytes");
    assert!(size < 200_000, "{size} bytes");
}
