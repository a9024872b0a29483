//! Atom (RFC 4287) feeds of news, written with every text escaped for XML.

use crate::domain::news::NewsPost;

/// A feed titled `title` at `site` + `path` (its own address), whose page is `site` + `page`.
pub fn feed(
    site: &str,
    title: &str,
    path: &str,
    page: &str,
    posts: &[NewsPost],
    now: &str,
) -> String {
    let updated = posts
        .iter()
        .map(|post| post.updated_at.as_str())
        .max()
        .unwrap_or(now);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"it\">\n");
    out.push_str(&format!("  <id>{}</id>\n", xml(&format!("{site}{path}"))));
    out.push_str(&format!("  <title>{}</title>\n", xml(title)));
    out.push_str(&format!("  <updated>{}</updated>\n", xml(updated)));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml(&format!("{site}{path}"))
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml(&format!("{site}{page}"))
    ));
    out.push_str("  <author><name>Regione Emilia-Romagna</name></author>\n");
    for post in posts {
        entry(&mut out, site, post);
    }
    out.push_str("</feed>\n");
    out
}

fn entry(out: &mut String, site: &str, post: &NewsPost) {
    let url = format!("{site}{}", post.href());
    let published = post.published_at.as_deref().unwrap_or(&post.updated_at);
    out.push_str("  <entry>\n");
    out.push_str(&format!("    <id>{}</id>\n", xml(&url)));
    out.push_str(&format!(
        "    <title type=\"text\">{}</title>\n",
        xml(&post.title)
    ));
    out.push_str(&format!("    <published>{}</published>\n", xml(published)));
    out.push_str(&format!(
        "    <updated>{}</updated>\n",
        xml(&post.updated_at)
    ));
    out.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml(&url)
    ));
    if !post.author.is_empty() {
        out.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            xml(&post.author)
        ));
    }
    out.push_str(&format!(
        "    <summary type=\"text\">{}</summary>\n",
        xml(&post.summary)
    ));
    out.push_str(&format!(
        "    <content type=\"text\">{}</content>\n",
        xml(&post.body)
    ));
    out.push_str("  </entry>\n");
}

/// `text` as XML character data or an attribute value: markup characters escaped, and the
/// characters XML 1.0 cannot hold dropped.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(title: &str) -> NewsPost {
        NewsPost {
            id: 7,
            title: title.into(),
            summary: "Sommario & <b>altro</b>".into(),
            body: "Testo\u{0}\u{1}\nseconda riga".into(),
            communities: vec![],
            meetings: vec![],
            published_at: Some("2024-05-06T08:00:00Z".into()),
            revision: 0,
            updated_at: "2024-05-07T08:00:00Z".into(),
            author: "Nicolò D'Alì".into(),
            cover: None,
        }
    }

    #[test]
    fn text_is_escaped_and_invalid_characters_dropped() {
        let out = feed(
            "https://comtem.example",
            "COMTem: notizie",
            "/notizie.atom",
            "/notizie",
            &[post("<script>alert(\"x\")</script>")],
            "2026-01-01T00:00:00Z",
        );
        assert!(out.contains(
            "<title type=\"text\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>"
        ));
        assert!(
            out.contains(
                "<summary type=\"text\">Sommario &amp; &lt;b&gt;altro&lt;/b&gt;</summary>"
            )
        );
        assert!(out.contains("<content type=\"text\">Testo\nseconda riga</content>"));
        assert!(out.contains("<name>Nicolò D&apos;Alì</name>"));
        assert!(out.contains("<updated>2024-05-07T08:00:00Z</updated>\n  <link rel=\"self\""));
        assert!(out.contains("<id>https://comtem.example/notizie/7</id>"));
    }

    #[test]
    fn an_empty_feed_is_updated_now() {
        let out = feed(
            "https://x.it",
            "t",
            "/n.atom",
            "/n",
            &[],
            "2026-01-01T00:00:00Z",
        );
        assert!(out.contains("<updated>2026-01-01T00:00:00Z</updated>"));
        assert!(!out.contains("<entry>"));
    }
}
