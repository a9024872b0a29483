//! The parser on ordinary, odd and hostile text.

use super::*;

mod fuzz;
mod inputs;
mod props;

fn text(value: &str) -> Inline {
    Inline::Text(value.to_owned())
}

fn paragraph(value: &str) -> Vec<Inline> {
    match parse(value).as_slice() {
        [Block::Paragraph(inlines)] => inlines.clone(),
        other => panic!("not one paragraph: {other:?}"),
    }
}

#[test]
fn blocks_are_paragraphs_and_lists() {
    let blocks = parse("Primo\nsegue\n\n\n- uno\n* due\n  continua\n\nFine");
    assert_eq!(
        blocks,
        vec![
            Block::Paragraph(vec![text("Primo"), Inline::LineBreak, text("segue")]),
            Block::List(vec![
                vec![text("uno")],
                vec![text("due"), Inline::LineBreak, text("continua")],
            ]),
            Block::Paragraph(vec![text("Fine")]),
        ]
    );
    assert_eq!(
        parse("Testo\n- voce\r\n"),
        vec![
            Block::Paragraph(vec![text("Testo")]),
            Block::List(vec![vec![text("voce")]]),
        ]
    );
    assert_eq!(parse(""), vec![]);
    assert_eq!(parse(" \n\t\n"), vec![]);
    assert_eq!(
        parse("-\n*"),
        vec![Block::Paragraph(vec![
            text("-"),
            Inline::LineBreak,
            text("*")
        ])]
    );
}

#[test]
fn strong_and_emphasis_nest_once() {
    assert_eq!(
        paragraph("Nicolò **D'Alì *e* altri** e _voi_ e *noi*"),
        vec![
            text("Nicolò "),
            Inline::Strong(vec![
                text("D'Alì "),
                Inline::Emphasis(vec![text("e")]),
                text(" altri"),
            ]),
            text(" e "),
            Inline::Emphasis(vec![text("voi")]),
            text(" e "),
            Inline::Emphasis(vec![text("noi")]),
        ]
    );
}

#[test]
fn unmatched_or_spaced_markers_stay_literal() {
    assert_eq!(paragraph("**aperto"), vec![text("**aperto")]);
    assert_eq!(paragraph("2 * 3 * 4"), vec![text("2 * 3 * 4")]);
    assert_eq!(paragraph("nome_del_file"), vec![text("nome_del_file")]);
    assert_eq!(paragraph("***tre***"), vec![text("***tre***")]);
    assert_eq!(paragraph("** **"), vec![text("** **")]);
    assert_eq!(paragraph("[ ]( [x]("), vec![text("[ ]( [x](")]);
    assert_eq!(paragraph("a ](b) [c"), vec![text("a ](b) [c")]);
    assert_eq!(
        paragraph("<script>alert(1)</script>"),
        vec![text("<script>alert(1)</script>")]
    );
}

#[test]
fn only_safe_links_are_links() {
    assert_eq!(
        paragraph("Vedi [il sito](https://example.org/a?b=1) o [](MAILTO:a@b.it)."),
        vec![
            text("Vedi "),
            Inline::Link {
                text: "il sito".into(),
                url: "https://example.org/a?b=1".into()
            },
            text(" o "),
            Inline::Link {
                text: "MAILTO:a@b.it".into(),
                url: "MAILTO:a@b.it".into()
            },
            text("."),
        ]
    );
    assert_eq!(
        paragraph("[x]( http://a.it )"),
        vec![Inline::Link {
            text: "x".into(),
            url: "http://a.it".into()
        }]
    );
    for unsafe_link in [
        "[x](javascript:alert(1))",
        "[x]( JaVaScRiPt:alert(1))",
        "[x](data:text/html,<script>)",
        "[x](/relativo)",
        "[x](https://a.it b)",
    ] {
        let literal: String = paragraph(unsafe_link)
            .into_iter()
            .map(|inline| match inline {
                Inline::Text(text) => text,
                other => panic!("{unsafe_link} gave {other:?}"),
            })
            .collect();
        assert_eq!(literal, unsafe_link);
    }
}

#[test]
fn hostile_input_is_fast_and_never_panics() {
    for unit in [
        "**a",
        "*",
        "_",
        "[",
        "](",
        "[a](",
        "[a](b",
        "[](https://a.it)",
        "è*",
        "x_*[",
        "Nicolò D'Alì ** ",
    ] {
        let long = unit.repeat(100_000 / unit.len());
        let blocks = parse(&long);
        assert_eq!(blocks.len(), 1);
    }
    let lines = "- *a\n".repeat(20_000);
    assert!(matches!(parse(&lines).as_slice(), [Block::List(items)] if items.len() == 20_000));
}
