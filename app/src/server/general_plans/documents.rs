//! The documents of a version of the general plan, PDF and ODT, drawn from the same outline as
//! the page; built once per version, one at a time, and kept.

use std::sync::LazyLock;

use tokio::sync::Semaphore;

use super::super::auth::permit;
use super::super::clock::rfc3339_now;
use super::super::db;
use super::super::documents::{Front, odt::odt, pdf::pdf};
use super::super::plans::cycle;
use super::super::state::AppState;
use super::whole;
use crate::domain::general_plan::outline::outline;
use crate::domain::general_plan::{DocumentKind, GeneralPlan};
use crate::domain::policy::Action;
use crate::domain::role::Viewer;
use crate::error::AppError;
use crate::i18n::{general_plan_texts, plan_texts, review_texts};
use crate::server::failure::Context;

/// Typesetting takes a core for a while: documents are built one at a time.
static BUILDING: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(1));

/// Document `kind` of version `number` of the general plan of `year`, for `viewer` if they may
/// read the general plan now.
pub async fn document(
    state: &AppState,
    viewer: Option<&Viewer>,
    year: i32,
    number: i64,
    kind: DocumentKind,
) -> Result<Vec<u8>, AppError> {
    let cycle = cycle(state, Some(year)).await?;
    permit(viewer.cloned(), &Action::ReadGeneralPlan(cycle.phase))?;
    let kept = || db::general_plans::document(&state.db, year, number, kind.code());
    if let Some(bytes) = kept().await? {
        return Ok(bytes);
    }
    let stored = db::general_plans::version(&state.db, year, Some(number))
        .await?
        .ok_or(AppError::NotFound)?;
    let plan = whole(state, year, stored).await?;
    let _turn = BUILDING
        .acquire()
        .await
        .map_err(|_| AppError::Unavailable)?;
    if let Some(bytes) = kept().await? {
        return Ok(bytes);
    }
    let bytes = tokio::task::spawn_blocking(move || build(&plan, kind))
        .await
        .context("building a general plan document")??;
    let now = rfc3339_now();
    db::general_plans::store_document(&state.db, year, number, kind.code(), &bytes, &now).await?;
    Ok(bytes)
}

/// Typesets `plan` as a document of `kind`.
pub fn build(plan: &GeneralPlan, kind: DocumentKind) -> Result<Vec<u8>, AppError> {
    let t = general_plan_texts();
    let version = &plan.version;
    let title = (t.title)(plan.year);
    let when = |at: &str| plan_texts().long_date(at);
    let mut lines = vec![(t.version_line)(
        version.number,
        &when(&version.saved_at),
        &version.saved_by,
    )];
    lines.extend(
        version
            .presented_at
            .as_deref()
            .map(|at| (t.presented)(&when(at))),
    );
    lines.push((review_texts().digest)(&version.digest));
    let front = Front {
        title: &title,
        lines: &lines,
        contents_title: t.contents,
        running_header: &(t.running_header)(plan.year, version.number),
    };
    let blocks = outline(plan);
    match kind {
        DocumentKind::Pdf => pdf(&front, &blocks),
        DocumentKind::Odt => odt(&front, &blocks),
    }
}
