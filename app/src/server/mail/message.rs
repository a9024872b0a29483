//! Turns a queued [`Mail`] into the message sent: Italian plain text plus a simple, accessible
//! HTML part, both signed with the site's name and address, and a `Message-ID` made from the
//! outbox id, so that a retried message is recognisably the same one. A notification's mail
//! carries a one-click unsubscribe (`List-Unsubscribe` and `List-Unsubscribe-Post`, RFC 8058).

use lettre::Message;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};

use crate::i18n::texts;
use crate::server::db::outbox::Mail;

/// The message for outbox entry `id`, from `from`, for a site at `public_url`.
pub fn compose(id: &str, mail: &Mail, from: &Mailbox, public_url: &str) -> Result<Message, String> {
    let to: Mailbox = mail
        .recipient
        .parse()
        .map_err(|error| format!("recipient not valid: {error}"))?;
    let text = format!(
        "{}\n\n-- \n{} · {public_url}\n",
        mail.body,
        texts().site_name
    );
    let mut builder = Message::builder().from(from.clone()).to(to);
    if let Some(reply_to) = &mail.reply_to {
        let reply_to: Mailbox = reply_to
            .parse()
            .map_err(|error| format!("reply-to not valid: {error}"))?;
        builder = builder.reply_to(reply_to);
    }
    if let Some(unsubscribe) = &mail.unsubscribe {
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{unsubscribe}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ));
    }
    builder
        .subject(&mail.subject)
        .message_id(Some(message_id(id, public_url)))
        .multipart(MultiPart::alternative_plain_html(
            text,
            html(&mail.subject, &mail.body, public_url),
        ))
        .map_err(|error| format!("message not valid: {error}"))
}

/// `<id@host>`, with the host of the site's address.
pub fn message_id(id: &str, public_url: &str) -> String {
    let host = public_url
        .split_once("://")
        .map_or(public_url, |(_, rest)| rest)
        .split(['/', ':'])
        .next()
        .filter(|host| !host.is_empty())
        .unwrap_or("comtem.localhost");
    format!("<{id}@{host}>")
}

/// The HTML part: each paragraph of `body` as a paragraph, a paragraph that is only an address
/// as a link, then the site's name and address.
fn html(subject: &str, body: &str, public_url: &str) -> String {
    let paragraphs: String = body
        .split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| {
            if is_address(paragraph) {
                let href = escape(paragraph);
                format!("<p><a href=\"{href}\" style=\"{LINK}\">{href}</a></p>\n")
            } else {
                format!("<p>{}</p>\n", escape(paragraph).replace('\n', "<br>"))
            }
        })
        .collect();
    let site = texts().site_name;
    let url = escape(public_url);
    format!(
        "<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n</head>\n\
         <body style=\"margin:0;padding:24px 16px;background:#ffffff;color:#1a1a1a;\
         font-family:'Titillium Web',Arial,sans-serif;font-size:16px;line-height:1.5\">\n\
         <main style=\"max-width:600px;margin:0 auto\">\n{paragraphs}\
         <hr style=\"border:0;border-top:1px solid #c5c7c9\">\n\
         <p style=\"font-size:14px;color:#4d4d4d\">{site} · <a href=\"{url}\" style=\"{LINK}\">{url}</a></p>\n\
         </main>\n</body>\n</html>\n",
        title = escape(subject),
    )
}

/// The style of links: the site's blue, underlined, with a contrast above 4.5:1 on white.
const LINK: &str = "color:#0066cc;text-decoration:underline";

fn is_address(text: &str) -> bool {
    (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(char::is_whitespace)
}

fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(body: &str) -> Mail {
        Mail {
            recipient: "nicolo.dali@comune.it".to_owned(),
            subject: "Benvenuto <Nicolò>".to_owned(),
            body: body.to_owned(),
            reply_to: None,
            unsubscribe: None,
        }
    }

    #[test]
    fn the_message_id_names_the_outbox_entry_and_the_site() {
        assert_eq!(
            message_id("abc", "https://comtem.example.it/x"),
            "<abc@comtem.example.it>"
        );
        assert_eq!(
            message_id("abc", "http://127.0.0.1:3000"),
            "<abc@127.0.0.1>"
        );
    }

    #[test]
    fn the_html_part_escapes_text_and_links_addresses() {
        let page = html(
            "Benvenuto <Nicolò>",
            "Caro D'Alì,\n<script>alert(1)</script>\n\nhttps://comtem.it/accedi/link/a_b",
            "https://comtem.it",
        );
        assert!(page.contains("<title>Benvenuto &lt;Nicolò&gt;</title>"));
        assert!(page.contains("<p>Caro D&#39;Alì,<br>&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
        assert!(page.contains(
            "<a href=\"https://comtem.it/accedi/link/a_b\" style=\"color:#0066cc;text-decoration:underline\">https://comtem.it/accedi/link/a_b</a>"
        ));
        assert!(!page.contains("<script>"));
        assert!(page.contains("lang=\"it\""));
    }

    #[test]
    fn a_message_has_both_parts_the_sender_and_a_stable_id() {
        let from: Mailbox = "COMTem <noreply@comtem.it>".parse().unwrap();
        let message = compose("0a1b", &mail("Buongiorno"), &from, "https://comtem.it").unwrap();
        let raw = String::from_utf8(message.formatted()).unwrap();
        assert!(raw.contains("Message-ID: <0a1b@comtem.it>"), "{raw}");
        assert!(raw.contains("multipart/alternative"));
        assert!(raw.contains("text/plain"));
        assert!(raw.contains("text/html"));
        assert!(raw.contains("From: COMTem <noreply@comtem.it>"));
    }

    #[test]
    fn a_notification_mail_offers_one_click_unsubscribe() {
        let from: Mailbox = "COMTem <noreply@comtem.it>".parse().unwrap();
        let plain = compose("1", &mail("x"), &from, "https://comtem.it").unwrap();
        let raw = String::from_utf8(plain.formatted()).unwrap();
        assert!(!raw.contains("List-Unsubscribe"), "{raw}");
        let mut notice = mail("x");
        notice.unsubscribe = Some("https://comtem.it/notifiche/disiscrizione/abc".to_owned());
        let message = compose("2", &notice, &from, "https://comtem.it").unwrap();
        let raw = String::from_utf8(message.formatted()).unwrap();
        assert!(
            raw.contains("List-Unsubscribe: <https://comtem.it/notifiche/disiscrizione/abc>"),
            "{raw}"
        );
        assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    }

    #[test]
    fn a_recipient_that_is_not_an_address_is_refused() {
        let from: Mailbox = "COMTem <noreply@comtem.it>".parse().unwrap();
        let mut bad = mail("x");
        bad.recipient = "nessuno".to_owned();
        assert!(compose("1", &bad, &from, "https://comtem.it").is_err());
    }
}
