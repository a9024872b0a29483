//! The general plan as a tagged, archivable PDF (PDF/A-2a and PDF/UA-1), typeset by typst.
//!
//! The outline never becomes typst markup: it is serialized to JSON ([`data`]) and handed to a
//! fixed template (`pdf/general_plan.typ`) as the file `/data.json`, which the template reads with
//! `json()` and places with functions, so whatever a user typed is only ever text.

mod data;
mod fonts;
mod world;

use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::Front;
use crate::domain::general_plan::outline::Block;
use crate::error::AppError;
use crate::server::failure::Context;
use world::Sheet;

/// The standards the PDF conforms to, checked by typst as it writes the file: PDF/A-2a
/// (archivable, tagged, every character mapped to Unicode) and PDF/UA-1 (accessible).
const STANDARDS: [PdfStandard; 2] = [PdfStandard::A_2a, PdfStandard::Ua_1];

/// How many compilations a memoized result of typst survives unused: enough to keep the
/// template and the fonts warm, little enough that the outlines of past documents are dropped.
const CACHE_AGE: usize = 3;

/// The PDF of `front` followed by `blocks`, `front.running_header` atop every page but the
/// first. Typesetting takes a while (0.6 to 0.9 s for the ten plans of a year on two busy cores,
/// in a release build): call it from `spawn_blocking`.
pub fn pdf(front: &Front, blocks: &[Block]) -> Result<Vec<u8>, AppError> {
    let sheet =
        Sheet::new(&data::data(front, blocks)).context("serializing the outline for the PDF")?;
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&sheet);
    if !warnings.is_empty() {
        tracing::warn!(warnings = %messages(&warnings), "typesetting the PDF");
    }
    let written = output.and_then(|document| typst_pdf::pdf(&document, &options()));
    typst::comemo::evict(CACHE_AGE);
    written.map_err(|errors| {
        tracing::error!(errors = %messages(&errors), "typesetting the PDF");
        AppError::Internal
    })
}

/// The export options: the standards, and now as the creation date PDF/A asks for.
fn options() -> PdfOptions {
    let now = time::OffsetDateTime::now_utc();
    let timestamp = Datetime::from_ymd_hms(
        now.year(),
        now.month().into(),
        now.day(),
        now.hour(),
        now.minute(),
        now.second(),
    )
    .map(Timestamp::new_utc);
    PdfOptions {
        creator: Smart::Custom(Some(
            concat!("COMTem/", env!("CARGO_PKG_VERSION")).to_owned(),
        )),
        timestamp,
        standards: PdfStandards::new(&STANDARDS).expect("PDF/A-2a and PDF/UA-1 are compatible"),
        ..PdfOptions::default()
    }
}

/// The messages of typst's diagnostics, on one line.
fn messages(diagnostics: &[SourceDiagnostic]) -> String {
    let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    messages.join("; ")
}

#[cfg(test)]
mod tests;
