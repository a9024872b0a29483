//! The texts of notifications: the bell, the list, the preferences and the mails.

use crate::domain::notification::preferences::DigestFrequency;
use crate::domain::notification::{Kind, MailMode, Notification};

/// The interface text of notifications, in one language.
pub struct NotificationTexts {
    pub title: &'static str,
    /// The bell's accessible name, with the unread count.
    pub bell_label: fn(i64) -> String,
    pub empty: &'static str,
    pub unread_count: fn(i64) -> String,
    pub unread: &'static str,
    pub mark_all: &'static str,
    pub marked: &'static str,
    pub someone: &'static str,
    pub kind_name: fn(Kind) -> &'static str,
    pub mail_mode: fn(MailMode) -> &'static str,
    pub digest_frequency: fn(DigestFrequency) -> &'static str,
    pub preferences_link: &'static str,
    pub preferences_title: &'static str,
    pub preferences_intro: &'static str,
    pub column_kind: &'static str,
    pub column_in_app: &'static str,
    pub column_mail: &'static str,
    pub muted_legend: &'static str,
    pub muted_hint: &'static str,
    pub digest_legend: &'static str,
    pub save_preferences: &'static str,
    pub preferences_saved: &'static str,
}

/// The texts of notifications in Italian.
pub fn notification_texts() -> &'static NotificationTexts {
    &NOTIFICATIONS_IT
}

impl NotificationTexts {
    /// What a notification says, in one line.
    pub fn line(&self, notification: &Notification) -> String {
        let actor = notification.actor.as_deref().unwrap_or(self.someone);
        let subject = &notification.subject;
        match notification.kind {
            Kind::Mention => format!("{actor} ti ha menzionato: {subject}"),
            Kind::Reply => format!("{actor} ha risposto in una discussione: {subject}"),
            Kind::Outcome => format!("Esito della tua proposta: {subject}"),
            Kind::Synergy => format!("{actor} ha indicato la tua comunità: {subject}"),
            Kind::PlanVersion => format!("{actor} ha salvato una nuova versione: {subject}"),
            Kind::Validation => format!("Validazione: {subject}"),
            Kind::Phase => format!("Inizia una nuova fase: {subject}"),
            Kind::Deadline => format!("Scadenza vicina: {subject}"),
            Kind::Meeting => format!("Nuovo incontro: {subject}"),
            Kind::News => format!("Nuova notizia: {subject}"),
            Kind::Plan => subject.clone(),
        }
    }
}

static NOTIFICATIONS_IT: NotificationTexts = NotificationTexts {
    title: "Notifiche",
    bell_label: |n| match n {
        0 => "Notifiche, nessuna da leggere".to_owned(),
        1 => "Notifiche, 1 da leggere".to_owned(),
        n => format!("Notifiche, {n} da leggere"),
    },
    empty: "Non hai notifiche: quando qualcosa ti riguarda, lo trovi qui.",
    unread_count: |n| match n {
        0 => "Hai letto tutto.".to_owned(),
        1 => "1 notifica da leggere.".to_owned(),
        n => format!("{n} notifiche da leggere."),
    },
    unread: "da leggere",
    mark_all: "Segna tutte come lette",
    marked: "Tutte le notifiche sono segnate come lette.",
    someone: "Qualcuno",
    kind_name: |kind| match kind {
        Kind::Mention => "Menzioni di te o del tuo gruppo",
        Kind::Reply => "Risposte nelle discussioni a cui partecipi",
        Kind::Outcome => "Esito delle tue annotazioni e proposte",
        Kind::Synergy => "Sinergie e proposte che nominano la tua comunità",
        Kind::PlanVersion => "Nuove versioni del piano che curi",
        Kind::Validation => "Osservazioni e decisioni della validazione",
        Kind::Phase => "Inizio di una fase del ciclo",
        Kind::Deadline => "Scadenze vicine",
        Kind::Meeting => "Nuovi incontri nelle tue comunità",
        Kind::News => "Nuove notizie nelle tue comunità",
        Kind::Plan => "Piani condivisi e approvati",
    },
    mail_mode: |mode| match mode {
        MailMode::Now => "Subito",
        MailMode::Digest => "Nel riepilogo",
        MailMode::Off => "No",
    },
    digest_frequency: |frequency| match frequency {
        DigestFrequency::Off => "Nessun riepilogo",
        DigestFrequency::Daily => "Ogni giorno alle 7:00",
        DigestFrequency::Weekly => "Ogni lunedì alle 7:00",
    },
    preferences_link: "Scegli cosa ti viene notificato e come",
    preferences_title: "Notifiche",
    preferences_intro: "Scegli cosa vuoi sapere e come: nel sito, sotto la campanella, e per email, \
                        subito (dopo qualche minuto, e non se l'hai già letta nel sito) oppure nel \
                        riepilogo.",
    column_kind: "Di cosa",
    column_in_app: "Nel sito",
    column_mail: "Per email",
    muted_legend: "Comunità di cui non vuoi notifiche",
    muted_hint: "Le menzioni arrivano comunque.",
    digest_legend: "Riepilogo per email",
    save_preferences: "Salva le preferenze",
    preferences_saved: "Preferenze delle notifiche salvate.",
};
