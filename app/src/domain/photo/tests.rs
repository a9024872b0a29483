use super::*;

#[test]
fn an_upload_outcome_goes_through_the_query_and_back() {
    let outcomes = [
        UploadOutcome {
            file: "riunione.jpg".to_owned(),
            result: Ok(4),
        },
        UploadOutcome {
            file: "IMG 1~2 Nicolò D'Alì.HEIC".to_owned(),
            result: Err(PhotoProblem::Heic),
        },
        UploadOutcome {
            file: "<script>&x=1.jpg".to_owned(),
            result: Err(PhotoProblem::NotAPhoto),
        },
    ];
    let query = outcome_query(&outcomes);
    assert!(
        query.starts_with("caricate=1&rifiutata=heic~IMG%201~2%20Nicol%C3%B2"),
        "{query}"
    );
    assert!(
        !query.contains('<') && query.matches('&').count() == 2,
        "{query}"
    );
    let decoded = |value: &str| {
        let mut bytes = Vec::new();
        let mut rest = value.as_bytes();
        while let [first, tail @ ..] = rest {
            match (first, tail) {
                (b'%', [high, low, after @ ..]) => {
                    let hex = std::str::from_utf8(&[*high, *low]).unwrap().to_owned();
                    bytes.push(u8::from_str_radix(&hex, 16).unwrap());
                    rest = after;
                }
                _ => {
                    bytes.push(*first);
                    rest = tail;
                }
            }
        }
        String::from_utf8(bytes).unwrap()
    };
    let refused: Vec<(String, &str)> = query
        .split('&')
        .filter_map(|pair| pair.strip_prefix("rifiutata="))
        .filter_map(|value| refused_file(&decoded(value)))
        .collect();
    assert_eq!(refused[0].0, "IMG 1~2 Nicolò D'Alì.HEIC");
    assert!(refused[0].1.contains("JPEG"));
    assert_eq!(refused[1].0, "<script>&x=1.jpg");
    assert_eq!(refused_file("sconosciuto~x.jpg"), None);
}

#[test]
fn file_names_are_shown_short_and_without_their_folders() {
    assert_eq!(file_label("C:\\Users\\Nicolò\\foto.jpg"), "foto.jpg");
    assert_eq!(file_label("../../etc/passwd"), "passwd");
    assert_eq!(file_label("a\u{0}b\nc.png"), "abc.png");
    assert_eq!(file_label(&"è".repeat(300)).chars().count(), 100);
}

#[test]
fn an_alternative_text_is_required_and_a_caption_is_not() {
    assert_eq!(description("  ", true), Err(Problem::Required));
    assert_eq!(description("  ", false), Ok(String::new()));
    assert_eq!(
        description(" Nicolò D'Alì al tavolo ", true),
        Ok("Nicolò D'Alì al tavolo".into())
    );
    assert_eq!(
        description(&"a".repeat(501), false),
        Err(Problem::TooLong { max: 500 })
    );
}
