//! What people type into a plan, for the property tests and the fuzzer: realistic Italian plan
//! text with markdown, pieces of hostile markup, and any Unicode at all; and the check that
//! what `RichText` renders from it is safe, well-formed HTML.

use leptos::prelude::*;
use proptest::prelude::*;

use crate::components::rich_text::RichText;
use crate::domain::markdown::plain_text;

/// Realistic plan texts with markdown, the fuzzer's seed corpus.
pub(super) const CORPUS: [&str; 6] = [
    "Le comunità condividono **dati aperti** ogni anno.\n\n\
     Secondo paragrafo con un [link](https://example.org) e *corsivo*.",
    "Obiettivi:\n- Pubblicare i _dataset_ dei comuni\n- Formare il personale\n  in due incontri\n\n\
     Referente: Nicolò D'Alì ([scrivi](mailto:nicolo.dali@comune.bologna.it)).",
    "**Azione A1** – catalogo regionale: *entro marzo* il 50% dei comuni, poi le province.",
    "Vedi [la delibera](http://www.regione.emilia-romagna.it/atti?id=12&anno=2024) e \
     [](https://dati.comune.bologna.it/).\n* voce con **grassetto *annidato* qui**\n* 😀 fine",
    "Testo con <script>alert('x')</script> & \"virgolette\" e [x](javascript:alert(1)).",
    "nome_del_file 2 * 3 * 4 **aperto [a](b _x_ \u{202e}rovescio\u{202c} \0 fine\r\n\n\t- ",
];

/// Pieces that markdown and HTML give meaning to, and text around them.
pub(super) const PIECES: [&str; 42] = [
    "*",
    "**",
    "***",
    "_",
    "__",
    "[",
    "]",
    "](",
    ")",
    "(",
    "- ",
    "* ",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "<",
    ">",
    "&",
    "&amp;",
    "&lt;",
    "\"",
    "'",
    "<script>",
    "</p>",
    "<!--",
    "<a href=\"javascript:x\">",
    "https://comune.it/a?b=1&c=\"2\"",
    "HTTP://A.IT",
    "mailto:a@b.it",
    "javascript:alert(1)",
    "data:text/html,<b>",
    "Nicolò",
    "D'Alì",
    "perché",
    "città",
    "😀",
    "🇮🇹",
    "\u{202e}",
    "\0",
    "\u{feff}",
];

/// Markdown built from [`PIECES`], links and words, or any text at all.
pub(super) fn markdown_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(&PIECES[..]).prop_map(str::to_owned),
        2 => "[a-zA-Zàèéìòù0-9 ,.]{1,12}",
        1 => (prop::sample::select(&PIECES[..]), prop::sample::select(&PIECES[..]))
            .prop_map(|(text, url)| format!("[{text}]({url})")),
        1 => any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        4 => prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat()),
        1 => any::<String>(),
        1 => prop::sample::select(&CORPUS[..]).prop_map(str::to_owned),
    ]
}

/// `source` as `RichText` renders it to HTML.
pub(super) fn render(source: &str) -> String {
    let text = source.to_owned();
    view! { <RichText text=text /> }.to_html()
}

/// Checks that `html`, rendered from `source`, is made only of the elements and attributes
/// `RichText` uses, properly nested, with links to safe addresses only, and that its text is
/// exactly what `source` shows ([`plain_text`]): every character of it escaped, none lost.
pub(super) fn check_rendered(source: &str, html: &str) -> Result<(), String> {
    if html.to_ascii_lowercase().contains("<script") {
        return Err(format!("a script element in {html:?}"));
    }
    let mut open: Vec<&str> = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text.push_str(&unescape(&rest[..at])?);
        let end = rest[at..].find('>').ok_or("an unclosed tag")? + at;
        let tag = &rest[at + 1..end];
        rest = &rest[end + 1..];
        if tag == "!" || (tag.starts_with("!--") && tag.ends_with("--")) {
            continue; // Hydration markers.
        }
        if let Some(name) = tag.strip_prefix('/') {
            if open.pop() != Some(name) {
                return Err(format!("</{name}> closes {open:?} in {html:?}"));
            }
            continue;
        }
        let (name, attributes) = tag.split_once(' ').unwrap_or((tag, ""));
        check_attributes(name, attributes.trim_end_matches('/'))?;
        match name {
            "br" => {}
            "div" | "p" | "ul" | "li" | "strong" | "em" | "a" => open.push(name),
            other => return Err(format!("an element <{other}> in {html:?}")),
        }
    }
    text.push_str(&unescape(rest)?);
    if !open.is_empty() {
        return Err(format!("{open:?} left open in {html:?}"));
    }
    let shown = plain_text(source);
    if text != shown {
        return Err(format!("shows {text:?} instead of {shown:?}"));
    }
    Ok(())
}

/// Checks the attributes of an element: a class on the outer `div`; on links a safe address
/// (no quote can end it early: it is escaped) and `rel`; nothing anywhere else.
fn check_attributes(name: &str, attributes: &str) -> Result<(), String> {
    let mut rest = attributes.trim();
    while !rest.is_empty() {
        let (key, value) = rest.split_once("=\"").ok_or("an attribute without value")?;
        let (value, after) = value.split_once('"').ok_or("an unterminated attribute")?;
        let value = unescape(value)?;
        let allowed = match (name, key) {
            ("div", "class") => value == "rich-text",
            ("a", "rel") => value == "nofollow noopener noreferrer",
            ("a", "href") => {
                let lower = value.to_ascii_lowercase();
                ["https://", "http://", "mailto:"]
                    .iter()
                    .any(|scheme| lower.starts_with(scheme))
            }
            _ => false,
        };
        if !allowed {
            return Err(format!("<{name} {key}={value:?}>"));
        }
        rest = after.trim_start();
    }
    Ok(())
}

/// Text with the entities the renderer writes decoded; a raw `<` or a stray `&` is an error.
fn unescape(escaped: &str) -> Result<String, String> {
    if escaped.contains('<') {
        return Err(format!("an unescaped < in {escaped:?}"));
    }
    let mut out = String::new();
    let mut rest = escaped;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let entity = &rest[at..];
        let (decoded, length) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
        ]
        .into_iter()
        .chain([("&#x27;", '\''), ("&#39;", '\'')])
        .find(|(name, _)| entity.starts_with(name))
        .map(|(name, c)| (c, name.len()))
        .ok_or_else(|| format!("a stray & in {escaped:?}"))?;
        out.push(decoded);
        rest = &entity[length..];
    }
    out.push_str(rest);
    Ok(out)
}
