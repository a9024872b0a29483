//! Everything stored about one person, for the download and the page the GDPR grants them.

mod writings;

use super::Db;
use crate::domain::community::CommunitySlug;
use crate::domain::person::PersonId;
use crate::domain::personal_data::{
    Account, Attendance, HeldRole, Membership, PersonalData, SentReport, SessionSpan,
};
use crate::domain::role::RoleKind;
use crate::error::AppError;
use crate::server::failure::Context;

/// The data of `person`, `None` once the account is erased.
pub async fn of(db: &Db, person: &PersonId) -> Result<Option<PersonalData>, AppError> {
    let Some(account) = account(db, person).await? else {
        return Ok(None);
    };
    let board = writings::board(db, person).await?;
    Ok(Some(PersonalData {
        memberships: memberships(db, person).await?,
        roles: roles(db, person).await?,
        sessions: sessions(db, person).await?,
        attendance: attendance(db, person).await?,
        annotations: board.annotations,
        replies: board.replies,
        outcomes: board.outcomes,
        plan_versions: writings::plan_versions(db, person).await?,
        general_versions: writings::general_versions(db, person).await?,
        remarks: writings::remarks(db, person).await?,
        news: writings::news(db, person).await?,
        meetings: writings::meetings(db, person).await?,
        reports: reports(db, &account.email).await?,
        account,
    }))
}

async fn account(db: &Db, person: &PersonId) -> Result<Option<Account>, AppError> {
    type Row = (
        String,
        String,
        String,
        String,
        Option<String>,
        String,
        String,
        String,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT email, first_name, last_name, job_title, ente_code, created_at, privacy_version, \
         privacy_accepted_at FROM people WHERE id = $1 AND deleted_at IS NULL",
    )
    .bind(&person.0)
    .fetch_optional(db)
    .await?;
    Ok(row.map(
        |(email, first_name, last_name, job_title, ente, created_at, version, accepted_at)| {
            Account {
                id: person.0.clone(),
                email,
                first_name,
                last_name,
                job_title,
                ente,
                created_at,
                privacy_version: version,
                privacy_accepted_at: accepted_at,
            }
        },
    ))
}

/// Current memberships, then past ones, each oldest first.
async fn memberships(db: &Db, person: &PersonId) -> Result<Vec<Membership>, AppError> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT community_slug, created_at, NULL FROM signups WHERE person_id = $1 \
         UNION ALL SELECT community_slug, created_at, left_at FROM past_signups \
         WHERE person_id = $1",
    )
    .bind(&person.0)
    .fetch_all(db)
    .await?;
    let mut memberships = rows
        .into_iter()
        .map(|(slug, from, until)| {
            Ok(Membership {
                community: CommunitySlug::parse(&slug).context("reading a signup's community")?,
                from,
                until,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    memberships.sort_by(|a, b| (a.until.is_some(), &a.from).cmp(&(b.until.is_some(), &b.from)));
    Ok(memberships)
}

async fn roles(db: &Db, person: &PersonId) -> Result<Vec<HeldRole>, AppError> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT role, community_slug, granted_at FROM roles WHERE person_id = $1 ORDER BY granted_at",
    )
    .bind(&person.0)
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(role, community, since)| {
            Ok(HeldRole {
                role: RoleKind::parse(&role).context("reading a role")?,
                community,
                since,
            })
        })
        .collect()
}

async fn sessions(db: &Db, person: &PersonId) -> Result<Vec<SessionSpan>, AppError> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT created_at, last_seen_at FROM sessions WHERE person_id = $1 ORDER BY created_at",
    )
    .bind(&person.0)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(started, last_used)| SessionSpan { started, last_used })
        .collect())
}

async fn attendance(db: &Db, person: &PersonId) -> Result<Vec<Attendance>, AppError> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT m.id, m.title, a.created_at FROM meeting_attendance a \
         JOIN meetings m ON m.id = a.meeting_id WHERE a.person_id = $1 ORDER BY m.starts_at",
    )
    .bind(&person.0)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(meeting, title, at)| Attendance { meeting, title, at })
        .collect())
}

/// The accessibility reports sent from `email`.
async fn reports(db: &Db, email: &str) -> Result<Vec<SentReport>, AppError> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT page, message, created_at FROM accessibility_reports WHERE LOWER(email) = $1 \
         ORDER BY created_at",
    )
    .bind(email)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(page, message, created_at)| SentReport {
            page,
            message,
            created_at,
        })
        .collect())
}
