//! Reading the files of multipart forms, never more of one than its limit.

use axum::extract::multipart::Field;

/// Why a file of a form could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unread {
    /// It is longer than the limit: the rest is not read.
    TooLarge,
    /// The request ended before the file did.
    Interrupted,
}

/// The bytes of `field`, up to `max`.
pub async fn read_file(mut field: Field<'_>, max: usize) -> Result<Vec<u8>, Unread> {
    let mut bytes = Vec::new();
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) if bytes.len() + chunk.len() > max => return Err(Unread::TooLarge),
            Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
            Ok(None) => return Ok(bytes),
            Err(_) => return Err(Unread::Interrupted),
        }
    }
}
