//! Pure shared types: no IO, compiled for both the browser and the server.

/// Declares a closed set of codes with their text form, parsing and listing in one place.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $code)] $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The code stored in the database and used in data files and URLs.
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }

            /// Parses a code; `None` when it is not one of [`Self::ALL`].
            pub fn parse(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.code() == code)
            }
        }
    };
}

pub mod accessibility;
pub mod audit;
pub mod board;
pub mod community;
pub mod cycle;
pub mod ente;
pub mod general_plan;
pub mod italian_time;
pub mod local_path;
pub mod markdown;
pub mod meeting;
pub mod my_session;
pub mod news;
pub mod notification;
pub mod numbers;
pub mod percent;
pub mod person;
pub mod personal_data;
pub mod photo;
pub mod plan;
pub mod policy;
pub mod review;
pub mod role;
pub mod search;
pub mod signup;
pub mod signup_form;
pub mod timeline;
pub mod validation;
