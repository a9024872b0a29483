//! The texts of notifications by email, and of the page their unsubscribe link opens.

use crate::domain::notification::preferences::DigestFrequency;

/// The text of notification mails, in one language.
pub struct NotificationMailTexts {
    pub greeting: fn(&str) -> String,
    /// Why a held mail came: the kind's name.
    pub why: fn(&str) -> String,
    pub stop: fn(&str) -> String,
    pub choose: &'static str,
    pub digest_subject: fn(DigestFrequency, usize) -> String,
    pub digest_intro: &'static str,
    pub digest_everyone: &'static str,
    pub digest_other: &'static str,
    pub digest_times: fn(usize) -> String,
    pub digest_why: fn(DigestFrequency) -> String,
    pub digest_stop: &'static str,
    pub unsubscribe_title: &'static str,
    pub unsubscribe_ask: fn(Option<&str>) -> String,
    pub unsubscribe_button: &'static str,
    pub unsubscribe_done: fn(Option<&str>) -> String,
    pub unsubscribe_unknown: &'static str,
    pub unsubscribe_profile: &'static str,
}

/// The texts of notification mails in Italian.
pub fn notification_mail_texts() -> &'static NotificationMailTexts {
    &MAIL_IT
}

static MAIL_IT: NotificationMailTexts = NotificationMailTexts {
    greeting: |name| format!("Buongiorno {name},"),
    why: |kind| {
        format!(
            "Ricevi questa email perché per «{kind}» hai le email subito: arrivano dopo qualche \
             minuto, e non se hai già letto la notifica nel sito."
        )
    },
    stop: |kind| format!("Per non ricevere più per email «{kind}», con un clic:"),
    choose: "Per scegliere cosa ricevere e come, apri il tuo profilo:",
    digest_subject: |frequency, count| {
        let when = match frequency {
            DigestFrequency::Daily => "di oggi",
            _ => "della settimana",
        };
        match count {
            1 => format!("Il riepilogo {when}: 1 novità"),
            n => format!("Il riepilogo {when}: {n} novità"),
        }
    },
    digest_intro: "ecco cosa è successo dall'ultimo riepilogo e che non hai ancora letto nel sito.",
    digest_everyone: "Tutte le comunità",
    digest_other: "Altro",
    digest_times: |n| format!(" ({n} volte)"),
    digest_why: |frequency| match frequency {
        DigestFrequency::Daily => "Ricevi questo riepilogo ogni giorno alle 7:00.".to_owned(),
        _ => "Ricevi questo riepilogo ogni lunedì alle 7:00.".to_owned(),
    },
    digest_stop: "Per non ricevere più il riepilogo, con un clic:",
    unsubscribe_title: "Email delle notifiche",
    unsubscribe_ask: |kind| match kind {
        Some(kind) => format!("Vuoi smettere di ricevere per email «{kind}»?"),
        None => "Vuoi smettere di ricevere il riepilogo per email?".to_owned(),
    },
    unsubscribe_button: "Sì, non inviarmele più",
    unsubscribe_done: |kind| match kind {
        Some(kind) => format!(
            "Fatto: non riceverai più per email «{kind}». Nel sito, sotto la campanella, restano \
             come le avevi scelte."
        ),
        None => "Fatto: non riceverai più il riepilogo per email.".to_owned(),
    },
    unsubscribe_unknown: "Questo collegamento non è valido: forse è stato copiato solo in parte.",
    unsubscribe_profile: "Scegli nel profilo cosa ricevere e come",
};
