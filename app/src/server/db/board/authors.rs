//! Authors' names on the board: never stored in a snapshot, read from the accounts when an
//! annotation is read.

use std::collections::{BTreeSet, HashMap};

use sqlx::{Any, AnyConnection};

use super::Db;
use crate::domain::board::{Annotation, Author};
use crate::domain::person::{ERASED_NAME, PersonId};
use crate::error::AppError;
use crate::server::failure::Context;

/// Ids per query, well under the engines' limits on bound values.
const CHUNK: usize = 500;

/// `annotation` as stored: JSON without any author's name.
pub fn stored_form(annotation: &Annotation) -> Result<String, AppError> {
    let mut nameless = annotation.clone();
    nameless
        .authors_mut()
        .for_each(|author| author.name.clear());
    serde_json::to_string(&nameless).context("writing an annotation's snapshot")
}

/// Fills in every author's name from the accounts; an erased or unknown account is named
/// [`ERASED_NAME`].
pub async fn fill_in<'a>(
    conn: &mut AnyConnection,
    annotations: impl Iterator<Item = &'a mut Annotation>,
) -> Result<(), sqlx::Error> {
    let mut authors: Vec<&mut Author> = annotations.flat_map(Annotation::authors_mut).collect();
    let ids: BTreeSet<&PersonId> = authors.iter().map(|author| &author.id).collect();
    let names = names(conn, ids).await?;
    let erased = ERASED_NAME.join(" ");
    for author in &mut authors {
        author.name = names.get(&author.id).unwrap_or(&erased).clone();
    }
    Ok(())
}

/// The names of the accounts `ids` that exist.
async fn names(
    conn: &mut AnyConnection,
    ids: BTreeSet<&PersonId>,
) -> Result<HashMap<PersonId, String>, sqlx::Error> {
    let ids: Vec<&PersonId> = ids.into_iter().collect();
    let mut names = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        let marks: Vec<String> = (1..=chunk.len()).map(|n| format!("${n}")).collect();
        let sql = format!(
            "SELECT id, first_name, last_name FROM people WHERE id IN ({})",
            marks.join(", ")
        );
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            query = query.bind(&id.0);
        }
        let rows: Vec<(String, String, String)> = query.fetch_all(&mut *conn).await?;
        for (id, first, last) in rows {
            names.insert(PersonId(id), format!("{first} {last}").trim().to_owned());
        }
    }
    Ok(names)
}

/// Drops the names that snapshots written before names were read at display time still hold;
/// how many rows it rewrote. Unreadable snapshots are left as they are.
pub async fn forget_stored_names(db: &Db) -> Result<u64, AppError> {
    Ok(rewrite_named::<String>(db, "board_annotations").await?
        + rewrite_named::<i64>(db, "board_events").await?)
}

/// Rewrites without names the snapshots of `table` (keyed by an `I` id) that hold one.
async fn rewrite_named<I>(db: &Db, table: &'static str) -> Result<u64, sqlx::Error>
where
    I: for<'r> sqlx::Decode<'r, Any> + for<'q> sqlx::Encode<'q, Any> + sqlx::Type<Any>,
    I: Send + Unpin + 'static,
{
    // A name is there when, blank names taken out, a `"name":"` is left.
    let sql = format!(
        "SELECT id, snapshot FROM {table} \
         WHERE REPLACE(snapshot, '\"name\":\"\"', '') LIKE '%\"name\":\"%'"
    );
    let named: Vec<(I, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(db)
        .await?;
    let update = format!("UPDATE {table} SET snapshot = $1 WHERE id = $2");
    let mut rewritten = 0;
    for (id, json) in named {
        if let Some(json) = nameless(&json) {
            sqlx::query(sqlx::AssertSqlSafe(update.clone()))
                .bind(json)
                .bind(id)
                .execute(db)
                .await?;
            rewritten += 1;
        }
    }
    Ok(rewritten)
}

/// `json` without authors' names, if it is a readable annotation.
fn nameless(json: &str) -> Option<String> {
    let annotation: Annotation = serde_json::from_str(json).ok()?;
    stored_form(&annotation).ok()
}
