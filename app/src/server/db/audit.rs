//! The audit log: rows are inserted in the transaction of the change they record, and only
//! read afterwards. Nothing here, or anywhere else, updates or deletes them.

use sqlx::{AnyConnection, Executor};

use super::Db;
use crate::domain::audit::{AuditAction, AuditFilter, AuditRecord};
use crate::domain::person::PersonId;
use crate::error::AppError;

/// An audit row about to be written.
#[derive(Clone, Debug)]
pub struct Entry {
    /// When, in Unix seconds.
    pub at: i64,
    /// Who did it; `None`: the system.
    pub actor: Option<PersonId>,
    /// The client's network address.
    pub address: String,
    pub action: AuditAction,
    pub target: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl Entry {
    /// An entry for what the system itself did (a command run on the server), now.
    pub fn system(action: AuditAction, target: &str) -> Self {
        Self {
            at: crate::server::clock::unix_now(),
            actor: None,
            address: "locale".to_owned(),
            action,
            target: target.to_owned(),
            before: None,
            after: None,
        }
    }

    /// What was changed, and what it was before.
    pub fn before(mut self, before: impl Into<String>) -> Self {
        self.before = Some(before.into());
        self
    }

    /// What it became.
    pub fn after(mut self, after: impl Into<String>) -> Self {
        self.after = Some(after.into());
        self
    }
}

/// Writes `entry` inside the caller's transaction, after the change it records (so that on
/// SQLite the transaction has written first). Taking the id locks the counter row until commit.
pub async fn record(conn: &mut AnyConnection, entry: &Entry) -> Result<(), AppError> {
    let id: i64 =
        sqlx::query_scalar("UPDATE audit_counter SET last = last + 1 WHERE id = 1 RETURNING last")
            .fetch_one(&mut *conn)
            .await?;
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_id, action, target, before_value, after_value, \
         address) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(entry.at)
    .bind(entry.actor.as_ref().map(|person| person.0.as_str()))
    .bind(entry.action.code())
    .bind(&entry.target)
    .bind(entry.before.as_deref())
    .bind(entry.after.as_deref())
    .bind(&entry.address)
    .execute(conn)
    .await?;
    Ok(())
}

/// Makes the database refuse to update or delete audit rows, behind the code, which has no path
/// that does. Run at start-up after the migrations, since one trigger cannot be written for both
/// engines; of instances starting together on PostgreSQL, a loser finds the trigger made.
pub async fn refuse_changes(db: &Db, postgres: bool) -> Result<(), sqlx::Error> {
    if !postgres {
        for statement in SQLITE_GUARDS {
            db.execute(*statement).await?;
        }
        return Ok(());
    }
    if let Err(error) = db.execute(POSTGRES_GUARD).await {
        let made: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM pg_trigger WHERE tgname = 'audit_log_guard'")
                .fetch_one(db)
                .await?;
        if made == 0 {
            return Err(error);
        }
    }
    Ok(())
}

const SQLITE_GUARDS: &[&str] = &[
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log \
     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log \
     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
];

const POSTGRES_GUARD: &str = "DO $guard$ BEGIN \
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_log_guard') THEN \
        CREATE OR REPLACE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS \
            $body$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $body$; \
        CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log \
            FOR EACH ROW EXECUTE FUNCTION audit_log_refuse(); \
    END IF; \
END $guard$";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    at: i64,
    actor_id: Option<String>,
    actor_name: Option<String>,
    action: String,
    target: String,
    target_name: Option<String>,
    before_value: Option<String>,
    after_value: Option<String>,
    address: String,
}

/// A value bound to a filter's placeholder.
enum Bound {
    Text(String),
    Number(i64),
}

/// The rows `filter` selects, newest first: `limit` of them after skipping `offset`.
pub async fn list(
    db: &Db,
    filter: &AuditFilter,
    offset: i64,
    limit: i64,
) -> Result<Vec<AuditRecord>, AppError> {
    let mut conditions = Vec::new();
    let mut values = Vec::new();
    let mut bind = |condition: &str, value: Bound| {
        values.push(value);
        conditions.push(condition.replace('?', &format!("${}", values.len())));
    };
    if let Some(action) = filter.action {
        bind("a.action = ?", Bound::Text(action.code().to_owned()));
    }
    if !filter.actor.is_empty() {
        let pattern = format!("%{}%", escape_like(&filter.actor.to_lowercase()));
        bind(
            "LOWER(COALESCE(p.first_name || ' ' || p.last_name || ' ' || p.email, a.actor_id, \
             '')) LIKE ? ESCAPE '\\'",
            Bound::Text(pattern),
        );
    }
    let (start, end) = filter.instants();
    if let Some(start) = start {
        bind("a.at >= ?", Bound::Number(start));
    }
    if let Some(end) = end {
        bind("a.at < ?", Bound::Number(end));
    }
    let filters: String = conditions.iter().map(|c| format!(" AND {c}")).collect();
    let sql = format!(
        "SELECT a.id, a.at, a.actor_id, p.first_name || ' ' || p.last_name AS actor_name, \
         a.action, a.target, t.first_name || ' ' || t.last_name AS target_name, a.before_value, \
         a.after_value, a.address FROM audit_log a \
         LEFT JOIN people p ON p.id = a.actor_id LEFT JOIN people t ON t.id = a.target \
         WHERE 1 = 1{filters} ORDER BY a.id DESC LIMIT {limit} OFFSET {offset}"
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    for value in values {
        query = match value {
            Bound::Text(text) => query.bind(text),
            Bound::Number(number) => query.bind(number),
        };
    }
    let rows: Vec<Row> = query.fetch_all(db).await?;
    rows.into_iter()
        .map(|row| {
            let action = AuditAction::parse(&row.action).ok_or_else(|| {
                tracing::error!(action = %row.action, id = row.id, "unknown audit action");
                AppError::Internal
            })?;
            Ok(AuditRecord {
                id: row.id,
                at: row.at,
                actor_id: row.actor_id,
                actor_name: row.actor_name,
                action,
                target: row.target,
                target_name: row.target_name,
                before: row.before_value,
                after: row.after_value,
                address: row.address,
            })
        })
        .collect()
}

/// `text` with the `LIKE` wildcards and the escape character taken literally.
fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
