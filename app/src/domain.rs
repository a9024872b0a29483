//! Pure shared types: no IO, compiled for both the browser and the server.

pub mod community;
pub mod ente;
pub mod search;
