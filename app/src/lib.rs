//! COMTem, the platform of the Comunità Tematiche of Emilia-Romagna.
//!
//! One crate compiled twice: to WASM for the browser (feature `hydrate`) and into the axum server
//! (feature `ssr`), so pages, server functions and domain types are shared end to end.

#![recursion_limit = "512"]

pub mod api;
pub mod app;
pub mod bundles;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod pages;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod server;

pub use app::{App, shell};
