//! What people chose about their notifications; a person without rows has the defaults.

use std::collections::{HashMap, HashSet};

use sqlx::{AnyConnection, Row};

use crate::domain::community::CommunitySlug;
use crate::domain::notification::preferences::{DigestFrequency, KindChoice, Preferences};
use crate::domain::notification::{Kind, MailMode};
use crate::domain::person::PersonId;
use crate::error::AppError;
use crate::server::failure::Context;

/// `person`'s preferences.
pub async fn load(conn: &mut AnyConnection, person: &PersonId) -> Result<Preferences, AppError> {
    let mut preferences = Preferences::default();
    let kinds =
        sqlx::query("SELECT kind, in_app, mail FROM notification_kinds WHERE person_id = $1")
            .bind(person.0.as_str())
            .fetch_all(&mut *conn)
            .await?;
    for row in &kinds {
        let choice = kind_choice(row)?;
        if let Some(slot) = preferences.kinds.iter_mut().find(|c| c.kind == choice.kind) {
            *slot = choice;
        }
    }
    let muted: Vec<String> = sqlx::query_scalar(
        "SELECT community_slug FROM notification_muted WHERE person_id = $1 ORDER BY community_slug",
    )
    .bind(person.0.as_str())
    .fetch_all(&mut *conn)
    .await?;
    preferences.muted = muted
        .iter()
        .filter_map(|slug| CommunitySlug::parse(slug).ok())
        .collect();
    let digest: Option<String> =
        sqlx::query_scalar("SELECT digest FROM notification_settings WHERE person_id = $1")
            .bind(person.0.as_str())
            .fetch_optional(&mut *conn)
            .await?;
    if let Some(digest) = digest.as_deref().and_then(DigestFrequency::parse) {
        preferences.digest = digest;
    }
    Ok(preferences)
}

fn kind_choice(row: &sqlx::any::AnyRow) -> Result<KindChoice, AppError> {
    let kind: String = row.try_get("kind")?;
    let mail: String = row.try_get("mail")?;
    let in_app: i64 = row.try_get("in_app")?;
    Ok(KindChoice {
        kind: Kind::parse(&kind).context("reading a preference's kind")?,
        in_app: in_app != 0,
        mail: MailMode::parse(&mail).context("reading a preference's mail mode")?,
    })
}

/// Replaces `person`'s preferences.
pub async fn save(
    conn: &mut AnyConnection,
    person: &PersonId,
    preferences: &Preferences,
) -> Result<(), AppError> {
    for sql in [
        "DELETE FROM notification_kinds WHERE person_id = $1",
        "DELETE FROM notification_muted WHERE person_id = $1",
    ] {
        sqlx::query(sql)
            .bind(person.0.as_str())
            .execute(&mut *conn)
            .await?;
    }
    for choice in &preferences.kinds {
        sqlx::query(
            "INSERT INTO notification_kinds (person_id, kind, in_app, mail) VALUES ($1, $2, $3, $4)",
        )
        .bind(person.0.as_str())
        .bind(choice.kind.code())
        .bind(i64::from(choice.in_app))
        .bind(choice.mail.code())
        .execute(&mut *conn)
        .await?;
    }
    for community in &preferences.muted {
        sqlx::query("INSERT INTO notification_muted (person_id, community_slug) VALUES ($1, $2)")
            .bind(person.0.as_str())
            .bind(community.as_str())
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(
        "INSERT INTO notification_settings (person_id, digest) VALUES ($1, $2) \
         ON CONFLICT (person_id) DO UPDATE SET digest = excluded.digest",
    )
    .bind(person.0.as_str())
    .bind(preferences.digest.code())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// What everyone who chose something chose about notifications of `kind` on `community`:
/// enough to work out, with the defaults, how an event reaches each of many people at once.
#[derive(Debug, Default)]
pub struct Choices {
    kinds: HashMap<String, KindChoice>,
    muted: HashSet<String>,
    /// Who turned the digest off: the only frequency that changes how an event reaches them.
    without_digest: HashSet<String>,
}

impl Choices {
    /// Reads the choices that matter for `kind` on `community`.
    pub async fn read(
        conn: &mut AnyConnection,
        kind: Kind,
        community: Option<&CommunitySlug>,
    ) -> Result<Self, AppError> {
        let mut choices = Self::default();
        let rows = sqlx::query(
            "SELECT person_id, kind, in_app, mail FROM notification_kinds WHERE kind = $1",
        )
        .bind(kind.code())
        .fetch_all(&mut *conn)
        .await?;
        for row in &rows {
            choices
                .kinds
                .insert(row.try_get("person_id")?, kind_choice(row)?);
        }
        if let Some(community) = community {
            let muted: Vec<String> = sqlx::query_scalar(
                "SELECT person_id FROM notification_muted WHERE community_slug = $1",
            )
            .bind(community.as_str())
            .fetch_all(&mut *conn)
            .await?;
            choices.muted = muted.into_iter().collect();
        }
        let without_digest: Vec<String> =
            sqlx::query_scalar("SELECT person_id FROM notification_settings WHERE digest = $1")
                .bind(DigestFrequency::Off.code())
                .fetch_all(&mut *conn)
                .await?;
        choices.without_digest = without_digest.into_iter().collect();
        Ok(choices)
    }

    /// `person`'s preferences as far as this kind and community go.
    pub fn of(
        &self,
        person: &PersonId,
        kind: Kind,
        community: Option<&CommunitySlug>,
    ) -> Preferences {
        let mut preferences = Preferences::default();
        let chosen = self.kinds.get(person.0.as_str());
        let slot = preferences.kinds.iter_mut().find(|c| c.kind == kind);
        if let (Some(choice), Some(slot)) = (chosen, slot) {
            *slot = *choice;
        }
        if let Some(community) = community.filter(|_| self.muted.contains(person.0.as_str())) {
            preferences.muted.push(community.clone());
        }
        if self.without_digest.contains(person.0.as_str()) {
            preferences.digest = DigestFrequency::Off;
        }
        preferences
    }
}
