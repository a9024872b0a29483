//! The pages whose code is split out of the WASM that every visit downloads. In the release
//! build (`cargo leptos build --split`) each group of pages below is one chunk that the browser
//! fetches the first time it shows one of them; the pages most visits start from stay in the
//! main module. On the server every page renders as an ordinary component.

use leptos::lazy;
use leptos::prelude::*;
use leptos_router::{Lazy, LazyRoute};

use super::*;

/// Declares a group of pages served from one chunk: the module `group` renders any of them (the
/// split point), and each `Route => Page` is a route type that shows its page through it.
macro_rules! split_pages {
    ($group:ident: $which:ident { $($route:ident => $page:ident),* $(,)? }) => {
        /// Which page of the group to render (a plain byte across the split).
        #[derive(Clone, Copy)]
        #[repr(u8)]
        #[allow(clippy::enum_variant_names)]
        enum $which {
            $($page),*
        }

        mod $group {
            use super::*;

            /// Renders a page of the group, once the group's chunk has loaded.
            #[lazy($group)]
            pub(super) fn render(page: $which) -> AnyView {
                match page {
                    $($which::$page => $page().into_any()),*
                }
            }
        }

        $(
            #[doc = concat!("The route that loads [`", stringify!($page), "`] on demand.")]
            pub struct $route;

            impl $route {
                /// The view to give `<Route>`: the page, loaded on demand.
                pub fn lazy() -> Lazy<Self> {
                    Lazy::new()
                }
            }

            impl LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                async fn view(_route: Self) -> AnyView {
                    $group::render($which::$page).await
                }

                async fn preload() {
                    #[cfg(feature = "hydrate")]
                    $group::__preload_render().await;
                }
            }
        )*
    };
}

split_pages!(board_pages: BoardPages {
    BoardRoute => BoardPage,
    SynergyRoute => SynergyPage,
    IntegratedActionsRoute => IntegratedActionsPage,
});

split_pages!(plan_tools: PlanTools {
    PlanEditRoute => PlanEditPage,
    PlanVersionsRoute => PlanVersionsPage,
});

split_pages!(account_pages: AccountPages {
    ProfileRoute => ProfilePage,
    AdminRoute => AdminPage,
});

split_pages!(signup_page: SignupPages { SignupRoute => SignupPage });

split_pages!(numbers_page: NumbersPages { NumbersRoute => NumbersPage });

split_pages!(community_page: CommunityPages { CommunityRoute => CommunityPage });

split_pages!(calendar_page: CalendarPages { CalendarRoute => CalendarPage });
