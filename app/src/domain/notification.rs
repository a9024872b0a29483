//! Notifications: what concerns a person, shown under the header's bell and sent by email,
//! alone after a short hold or gathered in a digest, as the person's preferences say.

pub mod digest;
pub mod form;
pub mod mentions;
pub mod preferences;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use super::italian_time::ItalianTime;

code_enum! {
    /// What a notification is about; each kind has its own preferences.
    Kind {
        Mention = "menzione",
        Reply = "risposta",
        Outcome = "esito",
        Synergy = "sinergia",
        PlanVersion = "versione",
        Validation = "validazione",
        Phase = "fase",
        Deadline = "scadenza",
        Meeting = "incontro",
        News = "notizia",
        Plan = "piano",
    }
}

code_enum! {
    /// How a notification reaches a person by email: alone, after the hold, unless read in the
    /// application meanwhile (`Now`); in the daily or weekly digest; or not at all.
    MailMode {
        Now = "subito",
        Digest = "riepilogo",
        Off = "no",
    }
}

/// A notification as the list under the bell shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    pub kind: Kind,
    /// What it is about, as its title reads («Il piano 2025», a news post's title).
    pub subject: String,
    /// Who did it, when someone did.
    pub actor: Option<String>,
    /// The exact place, a path of the site.
    pub href: String,
    /// Unix seconds.
    pub created_at: i64,
    pub read: bool,
}

impl Notification {
    /// The Italian day it was created, `YYYY-MM-DD`, by which the list is grouped.
    pub fn day(&self) -> String {
        ItalianTime::at(self.created_at).day()
    }
}

/// `/notifiche`: the person's notifications, newest first, and how many are unread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationList {
    pub notifications: Vec<Notification>,
    pub unread: i64,
}

/// The page of a mail's unsubscribe link: what it turns off (a kind's mails, or the digest when
/// `None`), and whether it was used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unsubscribe {
    pub kind: Option<Kind>,
    pub done: bool,
}

/// The notifications of `list` grouped by the Italian day they were created, in their order.
pub fn by_day(list: &[Notification]) -> Vec<(String, Vec<&Notification>)> {
    let mut days: Vec<(String, Vec<&Notification>)> = Vec::new();
    for notification in list {
        let day = notification.day();
        match days.last_mut() {
            Some((last, items)) if *last == day => items.push(notification),
            _ => days.push((day, vec![notification])),
        }
    }
    days
}
