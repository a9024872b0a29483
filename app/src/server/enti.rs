//! The bodies offered at signup, and which one a signup designates (creating a pending one when
//! it is not listed).

use super::db::{self, Db};
use super::state::AppState;
use crate::domain::ente::{EnteOption, rank_matches, resolve};
use crate::domain::search::fold;
use crate::domain::signup_form::EnteChoice;
use crate::domain::validation::Problem;
use crate::error::AppError;

/// Up to `limit` bodies matching `query` (its first 200 characters) by name, kind or province,
/// for the signup form's type-ahead (public).
#[tracing::instrument(skip_all)]
pub async fn search(
    state: &AppState,
    query: &str,
    limit: usize,
) -> Result<Vec<EnteOption>, AppError> {
    let options = db::enti::options(&state.db).await?;
    let query: String = query.chars().take(200).collect();
    Ok(rank_matches(&options, &query, limit))
}

/// The code of the body chosen at signup, or the problem to show next to the field.
pub async fn code_for(db: &Db, choice: &EnteChoice) -> Result<Result<String, Problem>, AppError> {
    // The type-ahead fills in a registered name exactly: the common case needs one lookup.
    if let EnteChoice::Registered { code, name } = choice
        && let Some(code) = db::enti::code_named(db, code, name).await?
    {
        return Ok(Ok(code));
    }
    let options = db::enti::options(db).await?;
    Ok(match choice {
        EnteChoice::Registered { code, name } => Ok(match by_code(&options, code) {
            Some(option) => option.code.clone(),
            None => match resolve(&options, name) {
                Ok(option) => option.code,
                Err(matches) if matches.is_empty() => return Ok(Err(Problem::UnknownEnte)),
                Err(matches) => {
                    let choices = matches.into_iter().map(|o| (o.code, o.name)).collect();
                    return Ok(Err(Problem::AmbiguousEnte(choices)));
                }
            },
        }),
        EnteChoice::Proposed(proposed) => {
            let same_name = options
                .iter()
                .find(|option| fold(&option.name) == fold(&proposed.name));
            match same_name {
                Some(option) => Ok(option.code.clone()),
                None => Ok(db::enti::insert_pending(db, proposed).await?),
            }
        }
    })
}

fn by_code<'a>(options: &'a [EnteOption], code: &str) -> Option<&'a EnteOption> {
    (!code.is_empty())
        .then(|| options.iter().find(|option| option.code == code))
        .flatten()
}
