//! The COMTem HTTP server, as a library so tests can build the same router `main` serves.

pub mod api_status;
pub mod bell;
pub mod calendars;
pub mod cli;
pub mod config;
pub mod csv;
pub mod documents;
pub mod downloads;
pub mod feeds;
pub mod headers;
pub mod materials;
pub mod multipart;
pub mod open_data;
pub mod origin;
pub mod page_cache;
pub mod photos;
pub mod router;
pub mod serve;
pub mod unsubscribe;
