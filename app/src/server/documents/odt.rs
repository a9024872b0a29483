//! The general plan as an OpenDocument text (ODF 1.3): a zip package whose `mimetype` comes
//! first and uncompressed, so that it identifies the file, then the manifest, the content, the
//! styles and the metadata.

mod content;
mod styles;
mod xml;

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::domain::general_plan::outline::Block;
use crate::error::AppError;
use xml::Xml;

/// The media type of an OpenDocument text.
pub const MEDIA_TYPE: &str = "application/vnd.oasis.opendocument.text";

/// The document's front matter.
pub struct Front<'a> {
    pub title: &'a str,
    /// The lines under the title: year, version, digest…
    pub lines: &'a [String],
    /// The title of the table of contents («Indice»).
    pub contents_title: &'a str,
}

/// The ODT of `front` followed by `blocks`.
pub fn odt(front: &Front, blocks: &[Block]) -> Result<Vec<u8>, AppError> {
    let parts = [
        ("META-INF/manifest.xml", MANIFEST.to_owned()),
        ("content.xml", content::content(front, blocks)),
        ("styles.xml", styles::STYLES.to_owned()),
        ("meta.xml", meta(front.title)),
    ];
    package(&parts).map_err(|error| {
        tracing::error!(%error, "writing the ODT package");
        AppError::Internal
    })
}

/// The zip package: `mimetype` stored (no compression, no extra field), the parts deflated.
fn package(parts: &[(&str, String)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    zip.start_file("mimetype", stored)?;
    zip.write_all(MEDIA_TYPE.as_bytes())?;
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (path, text) in parts {
        zip.start_file(*path, deflated)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// `META-INF/manifest.xml`: the package and its parts.
const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"#;

/// `meta.xml`: the title, the language and the generator.
fn meta(title: &str) -> String {
    let mut x = Xml::new();
    let root = [
        ("xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
        ("xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"),
        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ("office:version", "1.3"),
    ];
    x.node("office:document-meta", &root, |x| {
        x.node("office:meta", &[], |x| {
            x.plain("meta:generator", concat!("COMTem/", env!("CARGO_PKG_VERSION")));
            x.plain("dc:title", title);
            x.plain("dc:language", "it-IT");
        });
    });
    x.finish()
}

#[cfg(test)]
mod tests;
