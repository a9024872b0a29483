//! The one error type that crosses the server-function boundary.
//!
//! It carries no internal detail: the server logs the cause and sends only what a person may read.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::domain::numbers::DayProblem;
use crate::domain::validation::{Problem, Rejection};
use crate::i18n::texts;

/// What went wrong, as far as the person using the app needs to know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("service unavailable")]
    Unavailable,
    /// The server cannot reach its database for now: try again in a few minutes.
    #[error("temporarily unavailable")]
    TemporarilyUnavailable,
    /// The server is at capacity for this kind of work: try again in a few seconds.
    #[error("busy")]
    Busy,
    #[error("internal error")]
    Internal,
    /// Some fields were refused; the form is shown again with the problems and what was typed.
    #[error("invalid input")]
    Invalid(Box<Rejection>),
    #[error("login required")]
    LoginRequired,
    #[error("forbidden")]
    Forbidden,
    #[error("wrong email or password")]
    BadCredentials,
    #[error("login link invalid or expired")]
    LinkInvalid,
    #[error("confirmation link invalid, used or expired")]
    ConfirmationInvalid,
    /// Signing up while logged in: the session is never swapped for another person's.
    #[error("already logged in")]
    AlreadyLoggedIn,
    /// A day for the figures that is malformed, impossible or in the future.
    #[error("bad day")]
    BadDay(DayProblem),
    /// The board is open in too many tabs or devices of the same person.
    #[error("too many live connections")]
    TooManyConnections,
    /// Too many attempts: try again after this many minutes.
    #[error("too many attempts")]
    Throttled { minutes: u64 },
}

impl AppError {
    /// The message shown to the person, in their language.
    pub fn message(&self) -> String {
        let text = match self {
            Self::NotFound => texts().error_not_found,
            Self::Unavailable => texts().error_unavailable,
            Self::Busy => texts().error_busy,
            Self::TemporarilyUnavailable => texts().error_temporarily_unavailable,
            Self::Internal => texts().error_internal,
            Self::Invalid(_) => texts().error_invalid,
            Self::LoginRequired => texts().error_login_required,
            Self::Forbidden => texts().error_forbidden,
            Self::BadCredentials => texts().error_bad_credentials,
            Self::LinkInvalid => texts().error_link_invalid,
            Self::ConfirmationInvalid => texts().error_confirmation_invalid,
            Self::AlreadyLoggedIn => texts().error_already_logged_in,
            Self::TooManyConnections => texts().error_too_many_connections,
            Self::Throttled { minutes } => return (texts().error_throttled)(*minutes),
            Self::BadDay(problem) => problem.message(),
        };
        text.to_owned()
    }

    /// A form refused because of one field.
    pub fn invalid_field(field: &str, problem: Problem) -> Self {
        let mut rejection = Rejection::default();
        rejection.add(field, problem);
        Self::Invalid(Box::new(rejection))
    }

    /// The field problems, when the error is a refused form.
    pub fn rejection(&self) -> Option<&Rejection> {
        match self {
            Self::Invalid(rejection) => Some(rejection),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        match error {
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => Self::Unavailable,
            _ => Self::Internal,
        }
    }
}
