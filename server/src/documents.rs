//! `GET /piano-generale/{year}/versioni/{number}.pdf` and `….odt`: the documents of a version
//! of the general plan, for those who may read it.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use app::domain::general_plan::DocumentKind;
use app::error::AppError;
use app::server::auth::sessions;
use app::server::general_plans::documents::document;
use app::server::http::status_of;
use app::server::state::AppState;

/// The document named by `file` (`3.pdf`, `3.odt`) of the general plan of `year`.
pub async fn general_plan(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((year, file)): Path<(i32, String)>,
) -> Response {
    let result = async {
        let (number, kind) = parse(&file).ok_or(AppError::NotFound)?;
        let viewer = sessions::from_headers(&state, &headers).await?;
        let bytes = document(&state, viewer.as_ref(), year, number, kind).await?;
        Ok::<_, AppError>((number, kind, bytes))
    }
    .await;
    match result {
        Ok((number, kind, bytes)) => {
            // A PDF opens in the browser; an ODT is saved for the office suite.
            let disposition = match kind {
                DocumentKind::Pdf => "inline",
                DocumentKind::Odt => "attachment",
            };
            let name = kind.file_name(year, number);
            (
                [
                    (CONTENT_TYPE, kind.media_type().to_owned()),
                    (
                        CONTENT_DISPOSITION,
                        format!("{disposition}; filename=\"{name}\""),
                    ),
                    (CACHE_CONTROL, "private, max-age=3600".to_owned()),
                ],
                bytes,
            )
                .into_response()
        }
        Err(error) => (status_of(&error), error.message()).into_response(),
    }
}

/// `3.pdf` as version 3 and its kind.
fn parse(file: &str) -> Option<(i64, DocumentKind)> {
    let (number, extension) = file.split_once('.')?;
    let number = number.parse().ok().filter(|n| *n > 0)?;
    Some((number, DocumentKind::parse(extension)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_version_number_and_a_known_kind_name_a_document() {
        assert_eq!(parse("3.pdf"), Some((3, DocumentKind::Pdf)));
        assert_eq!(parse("12.odt"), Some((12, DocumentKind::Odt)));
        for bad in [
            "3",
            "x.pdf",
            "0.pdf",
            "-1.pdf",
            "3.docx",
            "3.pdf.exe",
            "3.PDF",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
