//! The smallest world typst can typeset in: the standard library, the embedded fonts, the
//! template as the one source file and the outline as `/data.json`. Nothing else is reachable:
//! no file system, no packages, no network.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt, World};

use super::data::Data;
use super::fonts::FONTS;

/// The template, fixed at build time.
const TEMPLATE: &str = include_str!("general_plan.typ");

/// The standard library, with the accessibility extras that mark a table's row headers.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| {
    let features = [Feature::A11yExtras].into_iter().collect();
    LazyHash::new(Library::builder().with_features(features).build())
});

/// A file of the project root.
fn file_id(path: &str) -> FileId {
    let path = VirtualPath::new(path).expect("a valid absolute path");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

/// One document to typeset: the template and its data.
pub struct Sheet {
    template: Source,
    data_id: FileId,
    data: Bytes,
}

impl Sheet {
    /// The template over `data`, serialized as JSON.
    pub fn new(data: &Data) -> serde_json::Result<Self> {
        Ok(Self {
            template: Source::new(file_id("/general_plan.typ"), TEMPLATE.to_owned()),
            data_id: file_id("/data.json"),
            data: Bytes::new(serde_json::to_vec(data)?),
        })
    }
}

impl World for Sheet {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.template.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.template.id() {
            Ok(self.template.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.template.id() {
            Ok(Bytes::from_string(self.template.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    /// No date: the template does not ask for one, and the same outline gives the same pages.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
