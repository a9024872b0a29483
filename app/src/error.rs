//! The one error type that crosses the server-function boundary.
//!
//! It carries no internal detail: the server logs the cause and sends only what a person may read.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::texts;

/// What went wrong, as far as the person using the app needs to know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("service unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal,
}

impl AppError {
    /// The message shown to the person, in their language.
    pub fn message(&self) -> &'static str {
        match self {
            Self::NotFound => texts().error_not_found,
            Self::Unavailable => texts().error_unavailable,
            Self::Internal => texts().error_internal,
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
