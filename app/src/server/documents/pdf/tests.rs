use super::{Front, pdf};
use crate::domain::general_plan::outline::{Block, Table};

/// Text that would do something if it were read as typst markup or code, or as HTML.
const HOSTILE: [&str; 10] = [
    "#set page(fill: red)",
    "fine ] della sezione",
    "$x^2$ e @ref <etichetta>",
    "<script>alert(1)</script>",
    "Nicolò D'Alì dice \"sì\"",
    "\\ barra #{ 1 + 1 } *grassetto* _corsivo_",
    "= non un titolo",
    "campanello\u{7} suonato 🎉 漢字 \u{E000}",
    "`raw` // commento /* e */",
    "#import \"/data.json\": x",
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
        Block::Text(format!(
            "{} **{}** e *{long}*\n\n- [sito](https://example.org/?a=1&b=2)\n- {}",
            HOSTILE[1], HOSTILE[2], HOSTILE[3]
        )),
        // Skips from 2 to 5, and an id that is not a valid label: both are mended.
        heading(5, "dati <1>", HOSTILE[4]),
        heading(3, "", "   "),
        Block::Facts(vec![(HOSTILE[5].to_owned(), HOSTILE[6].to_owned())]),
        Block::Table(Table {
            caption: HOSTILE[7].to_owned(),
            head: vec!["#h".to_owned()],
            rows: vec![
                (
                    Some("r1".to_owned()),
                    vec![HOSTILE[8].to_owned(), "]".into()],
                ),
                (None, Vec::new()),
            ],
        }),
        Block::Table(Table {
            caption: String::new(),
            head: Vec::new(),
            rows: Vec::new(),
        }),
        Block::Quote {
            quote: HOSTILE[9].to_owned(),
            body: String::new(),
            by: String::new(),
        },
    ]
}

fn front<'a>(lines: &'a [String]) -> Front<'a> {
    Front {
        title: "Piano <generale> #2024 ]",
        lines,
        contents_title: "Indice",
        running_header: "Piano generale delle attività 2024 · versione 3 $",
    }
}

#[test]
fn hostile_text_is_typeset_and_the_result_is_a_pdf() {
    let lines = ["Anno 2024".to_owned(), HOSTILE[0].to_owned()];
    let bytes = pdf(&front(&lines), &hostile_blocks()).expect("the hostile outline is typeset");
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn typesetting_twice_gives_a_pdf_each_time() {
    let lines = ["Anno 2024".to_owned()];
    let blocks = [heading(2, "a", "Uno"), Block::Text("Testo.".to_owned())];
    for _ in 0..2 {
        let bytes = pdf(&front(&lines), &blocks).expect("the outline is typeset");
        assert!(bytes.starts_with(b"%PDF-") && bytes.trim_ascii_end().ends_with(b"%%EOF"));
    }
}

#[test]
fn an_empty_outline_is_typeset() {
    let bytes = pdf(&front(&[]), &[]).expect("the front alone is typeset");
    assert!(bytes.starts_with(b"%PDF-"));
}
