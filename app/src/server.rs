//! Server-only code: state, storage and HTTP helpers. No view code lives here.

pub mod db;
pub mod http;
pub mod seed;
pub mod state;
