//! One route per file: each page loads its data through server functions and composes components.

mod admin;
mod communities;
mod community;
mod home;
mod login;
mod login_link;
mod numbers;
mod privacy;
mod profile;
mod signup;
mod signup_done;

pub use admin::AdminPage;
pub use communities::CommunitiesPage;
pub use community::CommunityPage;
pub use home::HomePage;
pub use login::LoginPage;
pub use login_link::LoginLinkPage;
pub use numbers::NumbersPage;
pub use privacy::PrivacyPage;
pub use profile::ProfilePage;
pub use signup::SignupPage;
pub use signup_done::SignupDonePage;
