//! Photos of the meetings and the news covers: what pages show of them, and why an upload was
//! refused.

use serde::{Deserialize, Serialize};

use super::percent::percent_encoded;
use super::validation::{Problem, line};
use crate::i18n::photo_texts;

/// What the file picker offers; the server checks the content whatever the name says.
pub const ACCEPTED_TYPES: &str = "image/jpeg,image/png,image/webp";

/// At most this many photos in one upload.
pub const MAX_FILES: usize = 30;

/// At most this many bytes in one photo as uploaded.
pub const MAX_BYTES: usize = 25 * 1024 * 1024;

/// At most this many pixels (50 megapixels: the largest phone cameras' full resolution).
pub const MAX_PIXELS: u64 = 50_000_000;

/// At most this many characters in an alternative text or a caption.
pub const MAX_TEXT: usize = 500;

/// A photo: what it shows in words, and the files it is served in, narrowest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    pub id: i64,
    /// The alternative text; empty until the person who uploaded it describes it, and until
    /// then it is shown to nobody but the organisers.
    pub alt: String,
    pub caption: String,
    pub files: Vec<PhotoFile>,
}

/// One width of a photo, under a name made of its content's hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoFile {
    pub name: String,
    pub width: u32,
    pub height: u32,
}

impl PhotoFile {
    /// Where it is served, cached for good.
    pub fn href(&self) -> String {
        format!("/foto/{}", self.name)
    }
}

impl Photo {
    /// Whether it has its alternative text, and so may be shown.
    pub fn is_described(&self) -> bool {
        !self.alt.trim().is_empty()
    }

    /// The `srcset` of an `<img>`: every width.
    pub fn srcset(&self) -> String {
        let files = self.files.iter();
        let entries: Vec<String> = files
            .map(|f| format!("{} {}w", f.href(), f.width))
            .collect();
        entries.join(", ")
    }

    /// The fallback `src`: the narrowest width.
    pub fn src(&self) -> String {
        self.files.first().map(PhotoFile::href).unwrap_or_default()
    }

    /// The size of the widest file, for the `width` and `height` that reserve its space.
    pub fn size(&self) -> (u32, u32) {
        self.files.last().map_or((1, 1), |f| (f.width, f.height))
    }

    /// Its page in the gallery of `meeting`.
    pub fn href(&self, meeting: i64) -> String {
        format!("/incontri/{meeting}/foto/{}", self.id)
    }
}

code_enum! {
    /// Why a file was not accepted as a photo.
    PhotoProblem {
        Empty = "vuoto",
        Heic = "heic",
        NotAPhoto = "formato",
        Damaged = "danneggiato",
        TooManyBytes = "peso",
        TooManyPixels = "dimensioni",
        TooManyFiles = "numero",
        Interrupted = "interrotto",
    }
}

impl PhotoProblem {
    /// What to tell the person, in Italian.
    pub fn message(self) -> &'static str {
        let t = photo_texts();
        match self {
            Self::Empty => t.problem_empty,
            Self::Heic => t.problem_heic,
            Self::NotAPhoto => t.problem_format,
            Self::Damaged => t.problem_damaged,
            Self::TooManyBytes => t.problem_bytes,
            Self::TooManyPixels => t.problem_pixels,
            Self::TooManyFiles => t.problem_files,
            Self::Interrupted => t.problem_interrupted,
        }
    }
}

/// How one file of an upload went: its name as the person's device gave it, and the photo's
/// number or why it was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadOutcome {
    pub file: String,
    pub result: Result<i64, PhotoProblem>,
}

/// How the upload of a news post's cover went, as the query `copertina=<code>` of the post's
/// address tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoverOutcome {
    Saved,
    AltMissing,
    Refused(PhotoProblem),
}

impl CoverOutcome {
    /// Its code in the query.
    pub fn code(self) -> &'static str {
        match self {
            Self::Saved => "salvata",
            Self::AltMissing => "testo",
            Self::Refused(problem) => problem.code(),
        }
    }

    /// The outcome of a code, if it is one.
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "salvata" => Some(Self::Saved),
            "testo" => Some(Self::AltMissing),
            code => PhotoProblem::parse(code).map(Self::Refused),
        }
    }

    /// What to tell the person.
    pub fn message(self) -> &'static str {
        match self {
            Self::Saved => photo_texts().cover_saved,
            Self::AltMissing => photo_texts().alt_required,
            Self::Refused(problem) => problem.message(),
        }
    }
}

/// `/incontri/{id}/foto`: a meeting's published photos and, for those who add them, the ones
/// still waiting for their alternative text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GalleryPage {
    pub meeting: i64,
    pub title: String,
    pub photos: Vec<Photo>,
    pub undescribed: Vec<Photo>,
    pub can_add: bool,
}

/// `/incontri/{id}/foto/{n}`: one photo large, with its neighbours in the gallery.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoPage {
    pub meeting: i64,
    pub title: String,
    pub photo: Photo,
    /// Its place in the gallery, from 1, and the gallery's size.
    pub position: usize,
    pub count: usize,
    pub previous: Option<i64>,
    pub next: Option<i64>,
    pub can_add: bool,
}

/// An alternative text (required) or a caption (optional) as typed: trimmed, one line.
pub fn description(value: &str, required: bool) -> Result<String, Problem> {
    match value.trim().is_empty() && !required {
        true => Ok(String::new()),
        false => line(value, MAX_TEXT),
    }
}

/// The query that tells the gallery how an upload went: `caricate=<count>` and a
/// `rifiutata=<problem>~<file>` for each file refused.
pub fn outcome_query(outcomes: &[UploadOutcome]) -> String {
    let added = outcomes.iter().filter(|o| o.result.is_ok()).count();
    let mut query = format!("caricate={added}");
    for outcome in outcomes {
        if let Err(problem) = outcome.result {
            let refused = format!("{}~{}", problem.code(), outcome.file);
            query.push_str("&rifiutata=");
            query.push_str(&percent_encoded(&refused));
        }
    }
    query
}

/// A `rifiutata` value of [`outcome_query`], read back: the file and what to tell about it.
pub fn refused_file(value: &str) -> Option<(String, &'static str)> {
    let (code, file) = value.split_once('~')?;
    Some((file.to_owned(), PhotoProblem::parse(code)?.message()))
}

/// A file name as the person's device sent it, fit to show: its last part, without control
/// characters, at most 100 characters.
pub fn file_label(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    last.chars().filter(|c| !c.is_control()).take(100).collect()
}

#[cfg(test)]
mod tests;
