//! One route per file: each page loads its data through server functions and composes components.

mod admin;
mod calendar;
mod communities;
mod community;
mod home;
mod login;
mod login_link;
mod numbers;
mod plan;
mod plan_edit;
mod plan_versions;
mod plans;
mod privacy;
mod profile;
mod signup;
mod signup_done;

pub use admin::AdminPage;
pub use calendar::CalendarPage;
pub use communities::CommunitiesPage;
pub use community::CommunityPage;
pub use home::HomePage;
pub use login::LoginPage;
pub use login_link::LoginLinkPage;
pub use numbers::NumbersPage;
pub use plan::PlanPage;
pub use plan_edit::PlanEditPage;
pub use plan_versions::PlanVersionsPage;
pub use plans::PlansPage;
pub use privacy::PrivacyPage;
pub use profile::ProfilePage;
pub use signup::SignupPage;
pub use signup_done::SignupDonePage;
