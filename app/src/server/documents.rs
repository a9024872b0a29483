//! Documents the server writes for download: the general plan as an OpenDocument text and as a
//! PDF.

pub mod odt;
pub mod pdf;

/// The document's front matter.
pub struct Front<'a> {
    pub title: &'a str,
    /// The lines under the title: year, version, digest…
    pub lines: &'a [String],
    /// The title of the table of contents («Indice»).
    pub contents_title: &'a str,
    /// The header of every page but the first, where pages have one («Piano generale delle
    /// attività 2024 · versione 3»).
    pub running_header: &'a str,
}
