//! The tests' SMTP server, `scripts/smtp_sink.py` (aiosmtpd, installed by `scripts/setup.sh`):
//! STARTTLS and AUTH required. Each test starts its own on a free port, can stop and restart it,
//! and reads back every message it accepted.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use app::server::settings::{MailSettings, MailTransport};
use serde::Deserialize;

/// A message as the SMTP server received it, with its parts decoded.
#[derive(Clone, Debug, Deserialize)]
pub struct Received {
    pub rcpt_to: Vec<String>,
    pub from: String,
    pub subject: String,
    pub reply_to: Option<String>,
    /// The one-click unsubscribe headers (RFC 8058), as received.
    pub list_unsubscribe: Option<String>,
    pub list_unsubscribe_post: Option<String>,
    pub message_id: String,
    pub text: Option<String>,
    pub html: Option<String>,
    /// Whether the message came over TLS, and after AUTH.
    pub tls: bool,
    pub authenticated: bool,
}

impl Received {
    /// The plain-text part.
    pub fn text(&self) -> &str {
        self.text.as_deref().unwrap_or_default()
    }
}

/// A running (or stopped) SMTP server with its own directory.
pub struct SmtpSink {
    dir: PathBuf,
    port: u16,
    process: Option<Child>,
}

impl SmtpSink {
    /// Starts a server on a free port.
    pub fn start() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let dir = std::env::temp_dir().join(format!("comtem-smtp-{}-{port}", std::process::id()));
        let mut sink = Self {
            dir,
            port,
            process: None,
        };
        sink.restart();
        sink
    }

    /// Stops the server abruptly, as a crash would.
    pub fn stop(&mut self) {
        if let Some(mut process) = self.process.take() {
            let _ = process.kill();
            let _ = process.wait();
        }
    }

    /// Starts the server again on the same port, keeping what it received.
    pub fn restart(&mut self) {
        self.stop();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let python = std::env::var_os("COMTEM_TEST_PYTHON")
            .map_or_else(|| root.join(".venv/bin/python"), PathBuf::from);
        let mut process = Command::new(&python)
            .arg(root.join("scripts/smtp_sink.py"))
            .arg("serve")
            .arg(&self.dir)
            .arg(self.port.to_string())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|error| {
                panic!(
                    "cannot start {} (run scripts/setup.sh): {error}",
                    python.display()
                )
            });
        let mut line = String::new();
        let stdout = process.stdout.take().expect("piped stdout");
        BufReader::new(stdout).read_line(&mut line).expect("read");
        assert_eq!(line.trim(), "ready", "the SMTP server did not start");
        self.process = Some(process);
    }

    /// Mail settings that deliver here: STARTTLS, AUTH, this server's CA, quick retries.
    pub fn settings(&self) -> MailSettings {
        MailSettings {
            transport: MailTransport::Smtp {
                url: format!(
                    "smtp://comtem:comtem-smtp-test@127.0.0.1:{}?tls=required",
                    self.port
                ),
                ca_file: Some(self.dir.join("ca.pem")),
            },
            from: "COMTem <noreply@comtem.test>".to_owned(),
            retry_first_secs: 1,
            retry_max_secs: 1,
        }
    }

    /// Every message received so far, in order of arrival.
    pub fn received(&self) -> Vec<Received> {
        (1..).map_while(|number| self.message(number)).collect()
    }

    /// The `number`th message received (from 1), if it has arrived.
    pub fn message(&self, number: usize) -> Option<Received> {
        let path = self.dir.join("mail").join(format!("{number}.json"));
        let json = std::fs::read_to_string(path).ok()?;
        Some(serde_json::from_str(&json).expect("a message record"))
    }

    /// The messages received, once there are at least `count` (failing after `timeout`).
    pub async fn wait_for(&self, count: usize, timeout: Duration) -> Vec<Received> {
        let start = Instant::now();
        loop {
            let received = self.received();
            if received.len() >= count {
                return received;
            }
            assert!(
                start.elapsed() < timeout,
                "{} of {count} messages arrived within {timeout:?}",
                received.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
