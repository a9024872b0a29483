//! Reading the files of multipart forms, never more of one than its limit.

use axum::extract::Multipart;
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

/// The text field `text` and the file field `file` of a form of one file, the file up to `max`
/// bytes; other fields are passed over. A form cut short leaves the file [`Unread::Interrupted`].
pub async fn text_and_file(
    multipart: &mut Multipart,
    text: &str,
    file: &str,
    max: usize,
) -> (String, Result<Vec<u8>, Unread>) {
    let (mut text_value, mut file_value) = (String::new(), Err(Unread::Interrupted));
    while let Ok(Some(field)) = multipart.next_field().await {
        let name = field.name().unwrap_or_default().to_owned();
        if name == text {
            text_value = field.text().await.unwrap_or_default();
        } else if name == file {
            file_value = read_file(field, max).await;
        }
    }
    (text_value, file_value)
}
