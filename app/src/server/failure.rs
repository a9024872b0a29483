//! Failures the person cannot act on: each says which step failed, in the log, once.
//!
//! A database error keeps its own conversion (`From<sqlx::Error>`), which tells an outage from a
//! wrong query and logs inside the service's span; everything else goes through [`Context`].

use std::fmt::Debug;

use crate::error::AppError;

/// Turns a failure into [`AppError::Internal`], logging the step and the cause where it happens.
pub trait Context<T> {
    /// The value, or [`AppError::Internal`] after logging that `step` failed (and why).
    fn context(self, step: &'static str) -> Result<T, AppError>;
}

impl<T, E: Debug> Context<T> for Result<T, E> {
    fn context(self, step: &'static str) -> Result<T, AppError> {
        self.map_err(|error| {
            tracing::error!(step, ?error, "internal error");
            AppError::Internal
        })
    }
}

impl<T> Context<T> for Option<T> {
    fn context(self, step: &'static str) -> Result<T, AppError> {
        self.ok_or_else(|| {
            tracing::error!(step, "internal error");
            AppError::Internal
        })
    }
}
