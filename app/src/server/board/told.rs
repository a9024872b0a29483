//! Who is told of a change on the board: the people and groups its text mentions, the others
//! in the thread of a reply, the author of what was resolved, and the coordinators and
//! referents of the communities a synergy or proposal names. Only people who may read the board
//! are told; a failure is logged, the change is saved either way.

use std::collections::HashMap;

use crate::domain::board::ops::BoardOp;
use crate::domain::board::{Annotation, Status};
use crate::domain::community::CommunitySlug;
use crate::domain::notification::Kind;
use crate::domain::person::PersonId;
use crate::error::AppError;
use crate::i18n::board_threads::board_thread_texts;
use crate::server::db;
use crate::server::db::notifications::Event;
use crate::server::notifications::{audience, excerpt, mentioned, notify, scope};
use crate::server::state::AppState;

/// Tells whom `op` concerns, which turned `before` into `after` on the board of `year`.
pub(super) async fn changed(
    state: &AppState,
    year: i32,
    op: &BoardOp,
    before: Option<&Annotation>,
    after: &Annotation,
    actor: &PersonId,
) {
    if let Err(error) = tell(state, year, op, before, after, actor).await {
        tracing::error!(?error, annotation = %after.id.0, "notifications: cannot tell of a board change");
    }
}

async fn tell(
    state: &AppState,
    year: i32,
    op: &BoardOp,
    before: Option<&Annotation>,
    after: &Annotation,
    actor: &PersonId,
) -> Result<(), AppError> {
    let names: HashMap<CommunitySlug, String> = db::communities::list(&state.db)
        .await?
        .into_iter()
        .map(|c| (c.slug, c.name))
        .collect();
    let plan = names.get(&after.community).map_or("", String::as_str);
    let quoted = format!("«{}» sul piano {plan}", excerpt(&after.body));
    let event = |kind, subject: String| Event {
        kind,
        community: Some(after.community.clone()),
        object: format!("annotazione:{}", after.id.0),
        scope: scope::board(year),
        subject,
        href: format!("/lettura-trasversale#annotazione-{}", after.id.0),
        actor: Some(actor.clone()),
    };
    let (written, earlier) = texts(op, before);
    let already = mentioned(state, &earlier, &scope::board(year)).await?;
    let mut named = mentioned(state, &written, &scope::board(year)).await?;
    named.retain(|person| !already.contains(person));
    notify(state, &event(Kind::Mention, quoted.clone()), named.clone()).await?;
    let (kind, people, subject) = match (op, &after.status) {
        (BoardOp::Create(new), _) => {
            let mut communities: Vec<CommunitySlug> = new
                .proposal
                .iter()
                .flat_map(|p| p.communities.clone())
                .collect();
            if let Some(target) = &new.synergy {
                communities.extend([new.community.clone(), target.community.clone()]);
            }
            let mut people = Vec::new();
            for community in &communities {
                people
                    .extend(audience::holding(&state.db, audience::LEADS, Some(community)).await?);
            }
            (Kind::Synergy, people, quoted)
        }
        (BoardOp::Reply { .. }, _) => {
            let thread = before.into_iter().flat_map(|a| {
                std::iter::once(a.author.id.clone())
                    .chain(a.replies.iter().map(|r| r.author.id.clone()))
            });
            (Kind::Reply, thread.collect(), quoted)
        }
        (BoardOp::Resolve { .. }, Status::Resolved { outcome, .. }) => {
            let outcome = (board_thread_texts().outcome)(*outcome);
            (
                Kind::Outcome,
                vec![after.author.id.clone()],
                format!("{quoted}: {outcome}"),
            )
        }
        _ => return Ok(()),
    };
    let people = people.into_iter().filter(|p| !named.contains(p)).collect();
    notify(state, &event(kind, subject), people).await?;
    Ok(())
}

/// The text `op` writes, and the text it replaces (for an edit: only new mentions count).
fn texts(op: &BoardOp, before: Option<&Annotation>) -> (String, String) {
    match op {
        BoardOp::Create(new) => {
            let title = new.proposal.as_ref().map_or("", |p| p.title.as_str());
            (format!("{title}\n{}", new.body), String::new())
        }
        BoardOp::Reply { body, .. } => (body.clone(), String::new()),
        BoardOp::Edit { reply, body, .. } => {
            let old = before.and_then(|a| match reply {
                None => Some(a.body.clone()),
                Some(id) => a
                    .replies
                    .iter()
                    .find(|r| &r.id == id)
                    .map(|r| r.body.clone()),
            });
            (body.clone(), old.unwrap_or_default())
        }
        _ => (String::new(), String::new()),
    }
}
