//! The configured way out for email: none (the dispatcher logs the recipient and subject), a
//! directory of `.eml` files, or an SMTP server through lettre (TLS by rustls).

use std::path::{Path, PathBuf};
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::message::compose;
use crate::server::db::outbox::Mail;
use crate::server::settings::{MailSettings, MailTransport};

/// How long one SMTP exchange may take before the attempt counts as failed.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// Why the mail settings cannot be used; names the variable to fix.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct MailConfigError(String);

/// What became of one attempt.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The server accepted the message (or it was written to the directory).
    Sent,
    /// No way out is configured: the message is dropped (development without a mail directory).
    Dropped,
    /// A failure that may pass (the server unreachable, a 4xx answer): try again later.
    Retry(String),
    /// Refused for good (a 5xx answer, an invalid recipient): never try again.
    Refused(String),
}

/// Sends composed messages.
pub struct Mailer {
    way: Way,
    from: Mailbox,
    public_url: String,
}

enum Way {
    Log,
    Directory(PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl Mailer {
    /// The mailer for `settings`, with links and signatures pointing at `public_url`.
    pub fn new(settings: &MailSettings, public_url: &str) -> Result<Self, MailConfigError> {
        let from = settings.from.parse().map_err(|error| {
            MailConfigError(format!(
                "COMTEM_MAIL_FROM must be an address such as \"COMTem <noreply@example.it>\" ({error})"
            ))
        })?;
        let way = match &settings.transport {
            MailTransport::Log => Way::Log,
            MailTransport::Directory(dir) => Way::Directory(dir.clone()),
            MailTransport::Smtp { url, ca_file } => Way::Smtp(smtp(url, ca_file.as_deref())?),
        };
        Ok(Self {
            way,
            from,
            public_url: public_url.to_owned(),
        })
    }

    /// Sends outbox entry `id`.
    pub async fn send(&self, id: &str, mail: &Mail) -> Outcome {
        let message = match compose(id, mail, &self.from, &self.public_url) {
            Ok(message) => message,
            Err(error) => return Outcome::Refused(error),
        };
        match &self.way {
            Way::Log => Outcome::Dropped,
            Way::Directory(dir) => {
                let written = tokio::fs::create_dir_all(dir).await.and(
                    tokio::fs::write(dir.join(format!("{id}.eml")), message.formatted()).await,
                );
                match written {
                    Ok(()) => Outcome::Sent,
                    Err(error) => {
                        Outcome::Retry(format!("cannot write to {}: {error}", dir.display()))
                    }
                }
            }
            Way::Smtp(transport) => match transport.send(message).await {
                Ok(_) => Outcome::Sent,
                Err(error) if error.is_permanent() => Outcome::Refused(error.to_string()),
                Err(error) => Outcome::Retry(error.to_string()),
            },
        }
    }
}

/// The SMTP transport for `url`, trusting `ca_file` too, if given.
fn smtp(
    url: &str,
    ca_file: Option<&Path>,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, MailConfigError> {
    let invalid = |why: String| MailConfigError(format!("COMTEM_SMTP_URL: {why}"));
    let parsed = url::Url::parse(url).map_err(|error| invalid(error.to_string()))?;
    let tls_mode = parsed
        .query_pairs()
        .find(|(key, _)| key == "tls")
        .map(|(_, value)| value.into_owned());
    let encrypted = parsed.scheme() == "smtps" || tls_mode.as_deref() == Some("required");
    if parsed.password().is_some() && !encrypted {
        return Err(invalid(
            "a password is only sent over TLS: use smtps:// or ?tls=required".to_owned(),
        ));
    }
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
        .map_err(|error| invalid(error.to_string()))?;
    if let Some(path) = ca_file {
        let pem = std::fs::read(path).map_err(|error| {
            MailConfigError(format!(
                "COMTEM_SMTP_CA: cannot read {}: {error}",
                path.display()
            ))
        })?;
        let certificate = Certificate::from_pem(&pem)
            .map_err(|error| MailConfigError(format!("COMTEM_SMTP_CA: {error}")))?;
        let host = parsed.host_str().unwrap_or_default().to_owned();
        let parameters = TlsParameters::builder(host)
            .add_root_certificate(certificate)
            .build()
            .map_err(|error| MailConfigError(format!("COMTEM_SMTP_CA: {error}")))?;
        builder = builder.tls(match (parsed.scheme(), tls_mode.as_deref()) {
            ("smtps", _) => Tls::Wrapper(parameters),
            (_, Some("required")) => Tls::Required(parameters),
            (_, Some("opportunistic")) => Tls::Opportunistic(parameters),
            _ => {
                return Err(MailConfigError(
                    "COMTEM_SMTP_CA needs TLS: use smtps:// or ?tls=required".to_owned(),
                ));
            }
        });
    }
    Ok(builder.timeout(Some(SMTP_TIMEOUT)).build())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(transport: MailTransport) -> MailSettings {
        MailSettings {
            transport,
            ..MailSettings::default()
        }
    }

    fn refusal(transport: MailTransport) -> String {
        match Mailer::new(&settings(transport), "https://comtem.it") {
            Ok(_) => panic!("accepted"),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn passwords_never_travel_in_clear() {
        let url = "smtp://user:secret@mail.comune.it:25".to_owned();
        let why = refusal(MailTransport::Smtp { url, ca_file: None });
        assert!(why.contains("only sent over TLS"), "{why}");
    }

    #[test]
    fn a_bad_url_or_sender_names_the_variable() {
        let url = "posta://mail.comune.it".to_owned();
        let why = refusal(MailTransport::Smtp { url, ca_file: None });
        assert!(why.starts_with("COMTEM_SMTP_URL"), "{why}");
        let mut bad_from = settings(MailTransport::Log);
        bad_from.from = "nessuno".to_owned();
        let why = Mailer::new(&bad_from, "https://comtem.it").err().unwrap();
        assert!(why.to_string().starts_with("COMTEM_MAIL_FROM"));
    }

    #[test]
    fn a_missing_certificate_file_is_named() {
        let url = "smtp://mail.comune.it?tls=required".to_owned();
        let ca_file = Some(PathBuf::from("/nessuna/ca.pem"));
        let why = refusal(MailTransport::Smtp { url, ca_file });
        assert!(why.contains("/nessuna/ca.pem"), "{why}");
    }
}
