//! The real binary at start-up and shutdown: clear one-line failures, graceful SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Output, Stdio};

const BINARY: &str = env!("CARGO_BIN_EXE_comtem");

/// The server on `url`, listening on a free port.
fn server_command(url: &str) -> Command {
    let mut command = Command::new(BINARY);
    command
        .env("DATABASE_URL", url)
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_OUTPUT_NAME", "comtem");
    command
}

fn run_with_database(url: &str) -> Output {
    server_command(url).output().expect("run the server")
}

/// Removes a SQLite file with its write-ahead log and shared-memory files.
fn remove_sqlite_files(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

fn temp_path(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("comtem-startup-{}-{name}", std::process::id()))
}

fn assert_fails_with(output: &Output, expected: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.starts_with("comtem: ") && stderr.contains(expected),
        "{stderr}"
    );
}

#[test]
fn an_unsupported_database_url_stops_the_server() {
    assert_fails_with(
        &run_with_database("mysql://localhost/comtem"),
        "DATABASE_URL must start with",
    );
}

#[test]
fn the_demo_on_an_https_site_or_bad_mail_settings_stop_the_server() {
    let path = temp_path("settings.db");
    let url = format!("sqlite:{}?mode=rwc", path.display());
    let demo = server_command(&url)
        .env("COMTEM_DEMO", "1")
        .env("COMTEM_PUBLIC_URL", "https://comtem.example")
        .output()
        .unwrap();
    assert_fails_with(&demo, "COMTEM_DEMO=1");
    let cases = [
        (
            vec![("COMTEM_SMTP_URL", "smtp://mail.example:25")],
            "COMTEM_MAIL_FROM",
        ),
        (
            vec![
                ("COMTEM_SMTP_URL", "smtp://user:secret@mail.example:25"),
                ("COMTEM_MAIL_FROM", "COMTem <noreply@comtem.example>"),
            ],
            "COMTEM_SMTP_URL",
        ),
        (
            vec![
                ("COMTEM_SMTP_URL", "smtp://mail.example:587?tls=required"),
                ("COMTEM_MAIL_FROM", "non un indirizzo"),
            ],
            "COMTEM_MAIL_FROM",
        ),
        (
            vec![
                ("COMTEM_SMTP_URL", "smtp://mail.example:587?tls=required"),
                ("COMTEM_MAIL_FROM", "COMTem <noreply@comtem.example>"),
                ("COMTEM_SMTP_CA", "/nessuna/ca.pem"),
            ],
            "COMTEM_SMTP_CA",
        ),
    ];
    for (vars, named) in cases {
        let output = server_command(&url).envs(vars).output().unwrap();
        assert_fails_with(&output, named);
    }
    remove_sqlite_files(&path);
}

#[test]
fn a_file_that_is_not_a_database_stops_the_server() {
    let path = temp_path("garbage.db");
    std::fs::write(&path, "this is not a database, it is text ".repeat(200)).unwrap();
    let output = run_with_database(&format!("sqlite:{}", path.display()));
    std::fs::remove_file(&path).unwrap();
    assert_fails_with(&output, "");
}

#[test]
fn a_tampered_migration_stops_the_server() {
    let path = temp_path("tampered.db");
    let url = format!("sqlite:{}?mode=rwc", path.display());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let db = app::server::db::open(&url).await.unwrap();
        sqlx::query("UPDATE _sqlx_migrations SET checksum = $1")
            .bind(vec![0u8; 48])
            .execute(&db)
            .await
            .unwrap();
        db.close().await;
    });
    let output = run_with_database(&url);
    remove_sqlite_files(&path);
    assert_fails_with(&output, "database migration failed");
}

/// Kills the server if the test fails before stopping it.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
    }
}

/// A plain HTTP/1.0 GET, returning the body.
fn http_get(addr: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default()
}

#[test]
fn sigterm_stops_the_server_gracefully() {
    let path = temp_path("graceful.db");
    let mut server = Running(
        server_command(&format!("sqlite:{}?mode=rwc", path.display()))
            .env("RUST_LOG", "info")
            .env("COMTEM_LOG_FORMAT", "json")
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the server"),
    );
    let mut lines = BufReader::new(server.0.stdout.take().unwrap())
        .lines()
        .map_while(Result::ok);
    let addr = lines
        .find_map(|line| {
            let (_, rest) = line.split_once("listening on http://")?;
            Some(
                rest.chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
                    .collect::<String>(),
            )
        })
        .expect("the server says where it listens");
    assert_eq!(http_get(&addr, "/healthz"), "ok");

    Command::new("kill")
        .args(["-TERM", &server.0.id().to_string()])
        .status()
        .unwrap();
    let status = server.0.wait().unwrap();
    let rest: Vec<String> = lines.collect();
    remove_sqlite_files(&path);
    assert!(status.success(), "{status}");
    assert!(
        rest.iter().any(|line| line.contains("stopped cleanly")),
        "{rest:?}"
    );
}

#[test]
fn create_admin_prints_a_login_link_and_demo_mode_loads_the_accounts() {
    let path = temp_path("admin.db");
    let url = format!("sqlite:{}?mode=rwc", path.display());
    let refused = server_command(&url)
        .args(["create-admin", "not-an-email", "Giulia", "Ferri"])
        .output()
        .unwrap();
    assert_fails_with(&refused, "email:");
    let created = server_command(&url)
        .args([
            "create-admin",
            "Giulia.Ferri@Regione.Emilia-Romagna.it",
            "Giulia",
            "Ferri",
        ])
        .env("COMTEM_PUBLIC_URL", "https://comtem.example")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&created.stdout);
    assert!(created.status.success(), "{stdout}");
    assert!(
        stdout.contains("https://comtem.example/accedi/link/"),
        "{stdout}"
    );

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let count = |sql: &'static str| {
        runtime.block_on(async {
            let db = app::server::db::open(&url).await.unwrap();
            let n: i64 = sqlx::query_scalar(sql).fetch_one(&db).await.unwrap();
            db.close().await;
            n
        })
    };
    assert_eq!(count("SELECT COUNT(*) FROM roles WHERE role = 'admin'"), 1);
    remove_sqlite_files(&path);

    // Demo accounts load only into an empty database, and only with COMTEM_DEMO=1.
    let mut demo = Running(
        server_command(&url)
            .env("COMTEM_DEMO", "1")
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let ready = BufReader::new(demo.0.stdout.take().unwrap())
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("listening on"));
    assert!(ready);
    drop(demo);
    // The 25 named accounts have the demo password; the 855 members of the report log in by link.
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM people WHERE email LIKE '%@comtem.demo' AND password_hash IS NOT NULL"
        ),
        25
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM people WHERE email LIKE '%@comtem.demo'"),
        880
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM roles WHERE role = 'coordinator'"),
        10
    );
    remove_sqlite_files(&path);
}
