//! Command-line tasks besides serving: `comtem create-admin EMAIL FIRST_NAME LAST_NAME` and
//! `comtem backup FILE`.

use std::path::{Path, PathBuf};

use app::server::db::Db;
use app::server::membership::bootstrap_admin;

/// A task named on the command line.
pub enum Task {
    /// Serve the application (no arguments).
    Serve,
    /// Make someone regional staff and print a one-time login link for them.
    CreateAdmin {
        email: String,
        first_name: String,
        last_name: String,
    },
    /// Copy the SQLite database, consistent even while the server writes, to a new file.
    Backup { file: PathBuf },
}

/// Reads the task from the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Task, String> {
    match args {
        [] => Ok(Task::Serve),
        [command, email, first_name, last_name] if command == "create-admin" => {
            Ok(Task::CreateAdmin {
                email: email.clone(),
                first_name: first_name.clone(),
                last_name: last_name.clone(),
            })
        }
        [command, file] if command == "backup" => Ok(Task::Backup {
            file: PathBuf::from(file),
        }),
        _ => {
            Err("usage: comtem [create-admin EMAIL FIRST_NAME LAST_NAME | backup FILE]".to_owned())
        }
    }
}

/// Creates (or promotes) the admin and prints their login link.
pub async fn create_admin(
    db: &Db,
    public_url: &str,
    email: &str,
    first: &str,
    last: &str,
) -> Result<(), String> {
    let link = bootstrap_admin(db, public_url, email, first, last)
        .await
        .map_err(|error| match error.rejection() {
            Some(rejection) => rejection
                .problems
                .iter()
                .map(|(field, problem)| format!("{field}: {}", problem.message()))
                .collect::<Vec<_>>()
                .join("; "),
            None => error.message(),
        })?;
    println!("{email} è ora staff regionale. Link di accesso (vale una volta, 30 minuti):\n{link}");
    Ok(())
}

/// Writes a consistent copy of the SQLite database to `file`, which must not exist (SQLite's
/// `VACUUM INTO`: one read transaction, so writers carry on). PostgreSQL has its own tools.
pub async fn backup(db: &Db, database_url: &str, file: &Path) -> Result<(), String> {
    if !database_url.starts_with("sqlite:") {
        return Err(
            "il backup con comtem è per SQLite: per PostgreSQL usa pg_dump \
             (vedi il README)"
                .to_owned(),
        );
    }
    if file.exists() {
        return Err(format!(
            "{} esiste già: scegli un file nuovo",
            file.display()
        ));
    }
    let path = file
        .to_str()
        .ok_or_else(|| format!("{}: il nome del file non è UTF-8", file.display()))?;
    sqlx::query("VACUUM INTO $1")
        .bind(path)
        .execute(db)
        .await
        .map_err(|error| format!("backup in {path} non riuscito: {error}"))?;
    println!("Backup scritto in {path}.");
    Ok(())
}
