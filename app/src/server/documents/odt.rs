//! The general plan as an OpenDocument text (ODF 1.3): a zip package whose `mimetype` comes
//! first and uncompressed, so that it identifies the file, then the manifest, the content, the
//! styles and the metadata.

mod content;
mod styles;
mod table;
mod xml;

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::Front;
use crate::domain::general_plan::outline::Block;
use crate::error::AppError;
use crate::server::failure::Context;
use xml::Xml;

/// The ODF version written, and the namespaces of the parts.
const VERSION: &str = "1.3";
const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const FO: &str = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
const SVG: &str = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
const XLINK: &str = "http://www.w3.org/1999/xlink";
const META: &str = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
const DC: &str = "http://purl.org/dc/elements/1.1/";

/// The media type of an OpenDocument text.
pub const MEDIA_TYPE: &str = "application/vnd.oasis.opendocument.text";

/// The ODT of `front` followed by `blocks`.
pub fn odt(front: &Front, blocks: &[Block]) -> Result<Vec<u8>, AppError> {
    let parts = [
        ("META-INF/manifest.xml", MANIFEST.to_owned()),
        ("content.xml", content::content(front, blocks)),
        ("styles.xml", styles::styles(front.running_header)),
        ("meta.xml", meta(front.title)),
    ];
    package(&parts).context("writing the ODT package")
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
        ("xmlns:office", OFFICE),
        ("xmlns:meta", META),
        ("xmlns:dc", DC),
        ("office:version", VERSION),
    ];
    x.node("office:document-meta", &root, |x| {
        x.node("office:meta", &[], |x| {
            x.plain(
                "meta:generator",
                concat!("COMTem/", env!("CARGO_PKG_VERSION")),
            );
            x.plain("dc:title", title);
            x.plain("dc:language", "it-IT");
        });
    });
    x.finish()
}

#[cfg(test)]
mod tests;
