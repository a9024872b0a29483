//! Server functions: the typed API the pages call. Each authorises, delegates to `server`, and
//! returns domain types or an [`AppError`](crate::error::AppError).

pub mod accessibility;
pub mod account;
pub mod admin;
pub mod board;
pub mod communities;
pub mod general_plan;
pub mod meetings;
pub mod news;
pub mod notifications;
pub mod numbers;
pub mod personal_data;
pub mod photos;
pub mod plans;
pub mod profile;
pub mod review;
