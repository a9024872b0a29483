//! Server-only code: state, storage, authentication and mail. No view code lives here.

pub mod admin;
pub mod auth;
pub mod board;
pub mod calendars;
pub mod clock;
pub mod db;
pub mod demo;
pub mod documents;
pub mod enti;
pub mod general_plans;
pub mod http;
pub mod mail;
pub mod meetings;
pub mod membership;
pub mod my_sessions;
pub mod news;
pub mod numbers;
pub mod plans;
pub mod profile;
pub mod request;
pub mod reviews;
pub mod seed;
pub mod settings;
pub mod signup;
pub mod state;
pub mod tokens;
