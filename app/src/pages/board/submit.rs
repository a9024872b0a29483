//! Sending one change to the board: a key chosen once, retried after network errors.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::context::BoardContext;
use crate::api::board::submit_board;
use crate::domain::board::ops::BoardOp;
use crate::domain::board::{Annotation, AnnotationId};
use crate::error::AppError;

/// How many times a change is sent before the error is given up to the caller.
const TRIES: u32 = 5;
/// The wait before the first retry, doubled for each further one.
const FIRST_WAIT_MS: u32 = 1000;
const KEY_ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const KEY_LEN: usize = 20;

/// A fresh random key of 20 lowercase letters and digits: for submit keys and for the ids of
/// new annotations and replies. Browser only.
pub fn random_key() -> AnnotationId {
    let key = (0..KEY_LEN)
        .map(|_| {
            let index = (web_sys::js_sys::Math::random() * KEY_ALPHABET.len() as f64) as usize;
            char::from(KEY_ALPHABET[index.min(KEY_ALPHABET.len() - 1)])
        })
        .collect();
    AnnotationId(key)
}

/// Sends `op` for the board of `year` and applies the result to the board context's view (when
/// polled under the board page's owner, e.g. in `spawn_local_scoped`; the live connection
/// delivers the change anyway).
///
/// The submit key is chosen once, so after a network error (`Unavailable`, `Internal`) the
/// same change is sent again (after 1, 2, 4 and 8 s) and the server applies it at most once.
/// Other errors (a refused form, forbidden…) are returned at once. Browser only.
pub async fn send(year: i32, op: BoardOp) -> Result<Annotation, AppError> {
    let view = use_context::<BoardContext>().map(|context| context.view);
    let key = random_key();
    let mut wait = FIRST_WAIT_MS;
    let mut tries = 1;
    loop {
        match submit_board(year, key.clone(), op.clone()).await {
            Ok(annotation) => {
                if let Some(view) = view {
                    view.try_update(|v| v.apply(annotation.clone()));
                }
                return Ok(annotation);
            }
            Err(AppError::Unavailable | AppError::Internal) if tries < TRIES => {
                TimeoutFuture::new(wait).await;
                wait *= 2;
                tries += 1;
            }
            Err(error) => return Err(error),
        }
    }
}
