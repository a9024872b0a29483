//! Presentational pieces: props in, callbacks out.

pub mod community_card;
pub mod error_notice;
pub mod layout;
pub mod not_found;
pub mod search_filter;
