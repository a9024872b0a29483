//! Who a text mentions: the people named (`@Nome Cognome`) and the current holders of the roles
//! of the groups named, among those who may read the place it is written in.

use super::access::Access;
use crate::domain::notification::mentions;
use crate::domain::person::PersonId;
use crate::error::AppError;
use crate::server::db;
use crate::server::state::AppState;

/// How much of a text a notification quotes, in characters.
const EXCERPT: usize = 80;

/// The people `text` mentions who may read what `scope` names.
pub async fn mentioned(
    state: &AppState,
    text: &str,
    scope: &str,
) -> Result<Vec<PersonId>, AppError> {
    if !text.contains('@') {
        return Ok(Vec::new());
    }
    // Mentions are written where only role holders read (the board, the validation): they are
    // the people one can mention.
    let holders = db::roles::holders(&state.db).await?;
    let names: Vec<&str> = holders.iter().map(|h| h.name.as_str()).collect();
    let mut people: Vec<PersonId> = mentions::people(text, &names)
        .into_iter()
        .map(|at| holders[at].person_id.clone())
        .collect();
    for group in mentions::groups(text) {
        people.extend(
            holders
                .iter()
                .filter(|h| h.role.kind == group.role)
                .filter(|h| group.community.is_none() || h.role.community == group.community)
                .map(|h| h.person_id.clone()),
        );
    }
    let mut access = Access::new(&state.db);
    let mut readers = Vec::new();
    for person in people {
        if !readers.contains(&person) && access.allows(&person, scope).await? {
            readers.push(person);
        }
    }
    Ok(readers)
}

/// The start of `text`, on one line.
pub fn excerpt(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(EXCERPT) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}
