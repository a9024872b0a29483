//! One route per file: each page loads its data through server functions and composes components.

mod communities;
mod community;
mod home;

pub use communities::CommunitiesPage;
pub use community::CommunityPage;
pub use home::HomePage;
