//! Command-line tasks besides serving: `comtem create-admin EMAIL FIRST_NAME LAST_NAME`.

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
        _ => Err("usage: comtem [create-admin EMAIL FIRST_NAME LAST_NAME]".to_owned()),
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
