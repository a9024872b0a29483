//! The COMTem HTTP server, as a library so tests can build the same router `main` serves.

pub mod config;
pub mod headers;
pub mod router;
