//! Presentational pieces: props in, callbacks out.

pub mod action_error;
pub mod approval;
pub mod bar_chart;
pub mod bell;
pub mod community_card;
pub mod countdown;
pub mod cycle_status;
pub mod data_table;
pub mod ente_picker;
pub mod error_notice;
pub mod error_summary;
pub mod form_field;
pub mod layout;
pub mod loaded_page;
pub mod login_prompt;
pub mod meeting_list;
pub mod news_list;
pub mod not_found;
pub mod photo_image;
pub mod plan_changes;
pub mod plan_document;
pub mod rich_text;
pub mod search_filter;
pub mod totals;
pub mod trend_chart;
pub mod user_menu;
