//! Starts COMTem: reads the configuration, opens and migrates the database, loads the seed data,
//! and serves until SIGTERM or Ctrl-C. Any start-up failure prints one line and exits non-zero.

use std::process::ExitCode;

use std::sync::Arc;

use app::server::board::hub::Hub;
use app::server::mail::Dispatcher;
use app::server::settings::MailTransport;
use app::server::{db, demo, notifications, retention, seed, signup, state::AppState};
use comtem::cli::{self, Task};
use comtem::config::Config;
use comtem::router::router;
use comtem::serve::serve;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("comtem: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = cli::parse(&args)?;
    let config = Config::from_env()?;
    init_logging(config.json_logs);
    let db = db::open(&config.database_url).await?;
    seed::load_if_empty(&db).await?;
    let done = match task {
        Task::Serve => None,
        Task::CreateAdmin {
            email,
            first_name,
            last_name,
        } => {
            let public_url = &config.settings.public_url;
            Some(cli::create_admin(&db, public_url, &email, &first_name, &last_name).await)
        }
        Task::Backup { file } => Some(cli::backup(&db, &config.database_url, &file).await),
    };
    if let Some(done) = done {
        db.close().await;
        return Ok(done?);
    }
    if config.demo && demo::load_if_empty(&db).await? {
        tracing::info!("COMTEM_DEMO=1: demo accounts ready");
    }
    let settings = &config.settings;
    Dispatcher::new(db.clone(), &settings.mail, &settings.public_url)?.spawn();
    if matches!(settings.mail.transport, MailTransport::Log) {
        tracing::warn!(
            "neither COMTEM_SMTP_URL nor COMTEM_MAIL_DIR is set: email is not delivered"
        );
    }
    signup::spawn_cleanup(db.clone());
    retention::spawn(db.clone(), config.settings.clone());
    let addr = config.leptos_options.site_addr;
    let postgres_url = config
        .database_url
        .starts_with("postgres")
        .then(|| config.database_url.clone());
    let state = AppState {
        hub: Hub::start(db.clone(), postgres_url),
        bells: Default::default(),
        pages: Default::default(),
        db,
        leptos_options: config.leptos_options,
        settings: Arc::new(config.settings),
    };
    notifications::mail::spawn(state.clone());
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|error| format!("cannot listen on {addr}: {error}"))?;
    let addr = listener.local_addr()?;
    tracing::info!("COMTem listening on http://{addr}");
    serve(
        listener,
        router(state.clone()),
        config.serve,
        shutdown_signal(),
    )
    .await;
    state.db.close().await;
    tracing::info!("stopped cleanly");
    Ok(())
}

fn init_logging(json: bool) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let logs = tracing_subscriber::fmt().with_env_filter(filter);
    if json {
        logs.json().init()
    } else {
        logs.init()
    }
}

/// Resolves on SIGTERM (how orchestrators stop us) or Ctrl-C.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
