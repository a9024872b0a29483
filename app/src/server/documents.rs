//! Documents the server writes for download: the general plan as an OpenDocument text.

pub mod odt;
