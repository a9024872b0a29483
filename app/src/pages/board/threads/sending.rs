//! One form of a thread sending its change: whether it is on its way, and what was refused.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use super::super::submit::send;
use crate::domain::board::ops::BoardOp;
use crate::error::AppError;
use crate::i18n::board_threads::board_thread_texts;

/// The state of one form's submit, kept by the component that owns the form.
#[derive(Clone, Copy)]
pub struct Sending {
    pub pending: RwSignal<bool>,
    pub error: RwSignal<Option<AppError>>,
}

impl Sending {
    /// A form with nothing sent yet.
    pub fn new() -> Self {
        Self {
            pending: RwSignal::new(false),
            error: RwSignal::new(None),
        }
    }

    /// Sends `op` for the board of `year` (once at a time), then calls `done` if it was applied.
    /// Browser only: call it from an event handler.
    pub fn run(self, year: i32, op: BoardOp, done: impl FnOnce() + 'static) {
        if self.pending.get_untracked() {
            return;
        }
        self.pending.set(true);
        self.error.set(None);
        spawn_local_scoped(async move {
            let result = send(year, op).await;
            self.pending.set(false);
            match result {
                Ok(_) => done(),
                Err(error) => self.error.set(Some(error)),
            }
        });
    }

    /// Forgets the last refusal (when the form is closed).
    pub fn clear(self) {
        self.error.set(None);
    }

    /// The problem with field `key` (`testo`, `motivo`, `stato`) of the last refusal.
    pub fn field(self, key: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.error.with(|error| {
                let problem = error.as_ref()?.rejection()?.problem(key)?;
                Some(problem.message())
            })
        })
    }

    /// What went wrong beyond the problems of the fields in `shown`, as a sentence.
    pub fn general(self, shown: &'static [&'static str]) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.error.with(|error| match error.as_ref()? {
                AppError::Invalid(rejection) => {
                    let others: Vec<String> = rejection
                        .problems
                        .iter()
                        .filter(|(key, _)| !shown.contains(&key.as_str()))
                        .map(|(_, problem)| problem.message())
                        .collect();
                    (!others.is_empty()).then(|| others.join(" "))
                }
                AppError::Forbidden => Some(board_thread_texts().forbidden.to_owned()),
                AppError::NotFound => Some(board_thread_texts().gone.to_owned()),
                error => Some(error.message()),
            })
        })
    }
}

impl Default for Sending {
    fn default() -> Self {
        Self::new()
    }
}
