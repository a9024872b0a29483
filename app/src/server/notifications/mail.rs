//! Notifications by email. A mention, or anything else a person wants at once, goes out alone
//! once the hold has passed, unless read in the application meanwhile; the rest waits for the
//! person's digest, at 07:00 Italian time (the weekly one on Mondays), which holds each
//! notification once (a watermark per person) and is never sent empty. Every mail carries a
//! one-click unsubscribe link. The clock is a parameter, so tests move it.

use std::collections::HashMap;
use std::time::Duration;

use super::access::Access;
use super::scope;
use crate::domain::italian_time::ItalianTime;
use crate::domain::notification::Notification;
use crate::domain::notification::digest::{DigestItem, DigestSection, group};
use crate::domain::notification::preferences::DigestFrequency;
use crate::error::AppError;
use crate::i18n::{notification_mail_texts, notification_texts};
use crate::server::clock::unix_now;
use crate::server::db;
use crate::server::db::notifications::mail::{self, Mailable};
use crate::server::db::notifications::unsubscribe;
use crate::server::db::outbox::{self, Mail};
use crate::server::state::AppState;

/// How often held mails and digests are looked for, at most (a shorter hold, more often).
const EVERY_SECS: i64 = 30;
/// The Italian time digests go out at.
const DIGEST_AT: &str = "07:00";
/// Held mails handled per query, and people per digest transaction.
const BATCH: i64 = 200;
const PEOPLE_PER_BATCH: usize = 100;

/// Runs in the background until the database is closed at shutdown.
pub fn spawn(state: AppState) {
    let every = state.settings.notification_hold_secs.clamp(1, EVERY_SECS);
    let every = Duration::from_secs(every.unsigned_abs());
    tokio::spawn(async move {
        while !state.db.is_closed() {
            if let Err(error) = tick(&state, unix_now()).await {
                tracing::warn!(?error, "notifications: cannot send the mails; retrying");
            }
            tokio::time::sleep(every).await;
        }
    });
}

/// Gives what is due at `now`: a deadline's reminder, the held mails, and a digest not yet sent
/// today once it is 07:00.
pub async fn tick(state: &AppState, now: i64) -> Result<(), AppError> {
    super::reminders::remind_deadlines(state, now).await?;
    send_held(state, now).await?;
    let italian = ItalianTime::at(now);
    if italian.clock().as_str() < DIGEST_AT {
        return Ok(());
    }
    let day = italian.day();
    if mail::claim_run(&state.db, DigestFrequency::Daily, &day).await? {
        send_digests(state, DigestFrequency::Daily, now).await?;
    }
    if italian.weekday() == 0 && mail::claim_run(&state.db, DigestFrequency::Weekly, &day).await? {
        send_digests(state, DigestFrequency::Weekly, now).await?;
    }
    Ok(())
}

/// Mails each notification whose hold ended by `now` and that is still unread, to a person who
/// may still read its place; how many were queued.
pub async fn send_held(state: &AppState, now: i64) -> Result<usize, AppError> {
    let until = now - state.settings.notification_hold_secs;
    let mut access = Access::new(&state.db);
    let mut queued = 0;
    loop {
        let due = mail::held(&state.db, until, BATCH).await?;
        for item in &due {
            let allowed = access.allows(&item.person, &item.scope).await?;
            let mut tx = state.db.begin().await?;
            // Written first: of two instances, one sends it; read meanwhile, nobody does.
            if !mail::mark_mailed(&mut tx, item.id, now).await? {
                continue;
            }
            if allowed {
                let token =
                    unsubscribe::create(&mut tx, &item.person, Some(item.kind), now).await?;
                let unsubscribe = link(state, &token);
                outbox::enqueue(&mut tx, &held_mail(state, item, unsubscribe)).await?;
                queued += 1;
            }
            tx.commit().await?;
        }
        if due.len() < usize::try_from(BATCH).unwrap_or(usize::MAX) {
            return Ok(queued);
        }
    }
}

/// Sends the digest of `frequency` to everyone who chose it and has something new for it; how
/// many digests were queued.
pub async fn send_digests(
    state: &AppState,
    frequency: DigestFrequency,
    now: i64,
) -> Result<usize, AppError> {
    let communities: HashMap<String, String> = db::communities::list(&state.db)
        .await?
        .into_iter()
        .map(|c| (c.slug.to_string(), c.name))
        .collect();
    let people = mail::digest_people(&state.db, frequency).await?;
    let mut access = Access::new(&state.db);
    let mut queued = 0;
    for batch in people.chunks(PEOPLE_PER_BATCH) {
        let items = mail::digest_items(&state.db, frequency, batch).await?;
        let mut digests = Vec::new();
        for person_items in items.chunk_by(|a, b| a.person == b.person) {
            let mut readable = Vec::new();
            for item in person_items {
                if access.allows(&item.person, &item.scope).await? {
                    readable.push(item);
                }
            }
            let last = person_items.iter().map(|item| item.id).max().unwrap_or(0);
            digests.push((&person_items[0], last, readable));
        }
        let mut tx = state.db.begin().await?;
        for (first, last, readable) in digests {
            mail::set_watermark(&mut tx, &first.person, last, now).await?;
            if readable.is_empty() {
                continue;
            }
            let token = unsubscribe::create(&mut tx, &first.person, None, now).await?;
            let items: Vec<DigestItem> = readable
                .iter()
                .map(|item| digest_item(item, &communities))
                .collect();
            let mail = digest_mail(state, first, frequency, &group(&items), link(state, &token));
            outbox::enqueue(&mut tx, &mail).await?;
            queued += 1;
        }
        tx.commit().await?;
    }
    tracing::info!(
        frequency = frequency.code(),
        queued,
        "notifications: digests queued"
    );
    Ok(queued)
}

/// The address that unsubscribes with `token`.
fn link(state: &AppState, token: &str) -> String {
    format!(
        "{}/notifiche/disiscrizione/{token}",
        state.settings.public_url
    )
}

/// What the notification says, as under the bell.
fn line(item: &Mailable) -> String {
    notification_texts().line(&Notification {
        id: item.id,
        kind: item.kind,
        subject: item.subject.clone(),
        actor: item.actor.clone(),
        href: item.href.clone(),
        created_at: 0,
        read: false,
    })
}

fn held_mail(state: &AppState, item: &Mailable, unsubscribe: String) -> Mail {
    let t = notification_mail_texts();
    let kind = (notification_texts().kind_name)(item.kind);
    let url = &state.settings.public_url;
    let subject = line(item);
    let body = format!(
        "{}\n\n{subject}.\n\n{url}{}\n\n{}\n\n{}\n\n{unsubscribe}\n\n{}\n\n{url}/profilo#notifiche",
        (t.greeting)(&item.first_name),
        item.href,
        (t.why)(kind),
        (t.stop)(kind),
        t.choose,
    );
    Mail {
        recipient: item.email.clone(),
        subject,
        body,
        reply_to: None,
        unsubscribe: Some(unsubscribe),
    }
}

fn digest_item(item: &Mailable, communities: &HashMap<String, String>) -> DigestItem {
    let plan = item.scope.split(':').collect::<Vec<_>>();
    let plan = match plan.as_slice() {
        [scope::PLAN, year, ..] => Some(format!("Piano {year}")),
        [scope::BOARD, year] => Some(format!("Lettura trasversale dei piani {year}")),
        _ => None,
    };
    DigestItem {
        kind: item.kind,
        community: item
            .community
            .as_ref()
            .and_then(|c| communities.get(c))
            .cloned(),
        plan,
        object: item.object.clone(),
        text: line(item),
        href: item.href.clone(),
    }
}

fn digest_mail(
    state: &AppState,
    person: &Mailable,
    frequency: DigestFrequency,
    sections: &[DigestSection],
    unsubscribe: String,
) -> Mail {
    let t = notification_mail_texts();
    let url = &state.settings.public_url;
    let mut body = format!("{}\n{}", (t.greeting)(&person.first_name), t.digest_intro);
    let mut count = 0;
    for section in sections {
        let community = section.community.as_deref().unwrap_or(t.digest_everyone);
        body.push_str(&format!("\n\n{}", community.to_uppercase()));
        for plan in &section.plans {
            body.push_str(&format!(
                "\n\n{}:",
                plan.plan.as_deref().unwrap_or(t.digest_other)
            ));
            for line in &plan.lines {
                let times = if line.times > 1 {
                    (t.digest_times)(line.times)
                } else {
                    String::new()
                };
                body.push_str(&format!("\n- {}{times}\n  {url}{}", line.text, line.href));
                count += line.times;
            }
        }
    }
    body.push_str(&format!(
        "\n\n{}\n{}\n\n{url}/profilo#notifiche\n\n{}\n\n{unsubscribe}",
        (t.digest_why)(frequency),
        t.choose,
        t.digest_stop,
    ));
    Mail {
        recipient: person.email.clone(),
        subject: (t.digest_subject)(frequency, count),
        body,
        reply_to: None,
        unsubscribe: Some(unsubscribe),
    }
}
