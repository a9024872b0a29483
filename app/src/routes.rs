//! The route table, in groups, each group the routes of one code bundle (see [`crate::bundles`]):
//! members' pages, the public pages with something interactive, and the pages a visitor only
//! reads. Every route renders completely on the server (`SsrMode::Async`), so pages read well
//! before, and without, JavaScript.

use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::Route;
use leptos_router::{SsrMode, path};

use crate::pages::{AccessibilityPage, LegalNotesPage};
use crate::pages::{
    AdminPage, AuditLogPage, BoardPage, CalendarPage, CommunitiesPage, CommunityPage, HomePage,
    LoginLinkPage, LoginPage, NumbersPage, PersonalDataPage, PlanEditPage, PlanPage,
    PlanVersionsPage, PlansPage, PrivacyPage, ProfilePage, SignupConfirmPage, SignupDonePage,
    SignupPage,
};
use crate::pages::{GeneralPlanEditPage, GeneralPlanPage, GeneralPlanVersionsPage};
use crate::pages::{IntegratedActionsPage, SynergyPage};
use crate::pages::{
    MeetingEditPage, MeetingNewPage, MeetingPage, MeetingPhotoPage, MeetingPhotosPage, MeetingsPage,
};
use crate::pages::{
    NewsEditPage, NewsNewPage, NewsPage, NewsPostPage, NotificationsPage, UnsubscribePage,
};
use crate::pages::{RemarksPage, ReviewPage};

/// A member's own pages: profile, personal data, notifications.
#[component(transparent)]
pub fn AccountRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/profilo") view=ProfilePage ssr=SsrMode::Async />
        <Route path=path!("/profilo/dati") view=PersonalDataPage ssr=SsrMode::Async />
        <Route path=path!("/notifiche") view=NotificationsPage ssr=SsrMode::Async />
    }
    .into_inner()
    .into_any_nested_route()
}

/// Regional staff's pages: people and roles, the audit log.
#[component(transparent)]
pub fn AdminRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/amministrazione") view=AdminPage ssr=SsrMode::Async />
        <Route path=path!("/amministrazione/registro") view=AuditLogPage ssr=SsrMode::Async />
    }
    .into_inner()
    .into_any_nested_route()
}

/// Writing news and organising meetings.
#[component(transparent)]
pub fn PublishingRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/notizie/nuova") view=NewsNewPage ssr=SsrMode::Async />
        <Route path=path!("/notizie/:id/modifica") view=NewsEditPage ssr=SsrMode::Async />
        <Route path=path!("/incontri/nuovo") view=MeetingNewPage ssr=SsrMode::Async />
        <Route path=path!("/incontri/:id/modifica") view=MeetingEditPage ssr=SsrMode::Async />
    }
    .into_inner()
    .into_any_nested_route()
}

/// A community's plan: reading, editing, its versions and the remarks on it.
#[component(transparent)]
pub fn PlanEditingRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/piani/:year/:slug") view=PlanPage ssr=SsrMode::Async />
        <Route path=path!("/piani/:year/:slug/modifica") view=PlanEditPage ssr=SsrMode::Async />
        <Route path=path!("/piani/:year/:slug/versioni") view=PlanVersionsPage ssr=SsrMode::Async />
        <Route path=path!("/piani/:year/:slug/osservazioni") view=RemarksPage ssr=SsrMode::Async />
    }
    .into_inner()
    .into_any_nested_route()
}

/// The cross-reading board, its synergies and integrated actions.
#[component(transparent)]
pub fn BoardRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/lettura-trasversale") view=BoardPage ssr=SsrMode::Async />
        <Route path=path!("/lettura-trasversale/sinergie") view=SynergyPage ssr=SsrMode::Async />
        <Route
            path=path!("/lettura-trasversale/azioni-integrate")
            view=IntegratedActionsPage
            ssr=SsrMode::Async
        />
    }
    .into_inner()
    .into_any_nested_route()
}

/// Consolidating the general plan and validating it.
#[component(transparent)]
pub fn GeneralPlanEditingRoutes() -> AnyNestedRoute {
    view! {
        <Route
            path=path!("/piano-generale/:year/modifica")
            view=GeneralPlanEditPage
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/piano-generale/:year/versioni")
            view=GeneralPlanVersionsPage
            ssr=SsrMode::Async
        />
        <Route path=path!("/piano-generale/:year/validazione") view=ReviewPage ssr=SsrMode::Async />
    }
    .into_inner()
    .into_any_nested_route()
}

/// The signup form and the pages that follow it.
#[component(transparent)]
pub fn SignupRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/iscriviti") view=SignupPage ssr=SsrMode::Async />
        <Route path=path!("/iscriviti/fatto") view=SignupDonePage ssr=SsrMode::Async />
        <Route path=path!("/iscriviti/conferma/:token") view=SignupConfirmPage ssr=SsrMode::Async />
    }
    .into_inner()
    .into_any_nested_route()
}

/// The ways in: password or emailed link.
#[component(transparent)]
pub fn LoginRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/accedi") view=LoginPage ssr=SsrMode::Async />
        <Route path=path!("/accedi/link/:token") view=LoginLinkPage ssr=SsrMode::Async />
    }
    .into_inner()
    .into_any_nested_route()
}

/// The home page (its phase's countdown).
#[component(transparent)]
pub fn HomeRoutes() -> AnyNestedRoute {
    let route = view! { <Route path=path!("/") view=HomePage ssr=SsrMode::Async /> };
    route.into_inner().into_any_nested_route()
}

/// The communities (their filter).
#[component(transparent)]
pub fn CommunitiesRoutes() -> AnyNestedRoute {
    let route = view! { <Route path=path!("/comunita") view=CommunitiesPage ssr=SsrMode::Async /> };
    route.into_inner().into_any_nested_route()
}

/// The numbers (the day's form, answered in place).
#[component(transparent)]
pub fn NumbersRoutes() -> AnyNestedRoute {
    let route = view! { <Route path=path!("/numeri") view=NumbersPage ssr=SsrMode::Async /> };
    route.into_inner().into_any_nested_route()
}

/// The calendar of the cycle (its countdown).
#[component(transparent)]
pub fn CalendarRoutes() -> AnyNestedRoute {
    let route = view! { <Route path=path!("/calendario") view=CalendarPage ssr=SsrMode::Async /> };
    route.into_inner().into_any_nested_route()
}

/// The plans of a year (its countdown).
#[component(transparent)]
pub fn PlansRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/piani") view=PlansPage ssr=SsrMode::Async />
        <Route path=path!("/piani/:year") view=PlansPage ssr=SsrMode::Async />
    }
    .into_inner()
    .into_any_nested_route()
}

/// The general plan of a year.
#[component(transparent)]
pub fn GeneralPlanRoutes() -> AnyNestedRoute {
    let route = view! { <Route path=path!("/piano-generale/:year") view=GeneralPlanPage ssr=SsrMode::Async /> };
    route.into_inner().into_any_nested_route()
}

/// The accessibility statement (its report form).
#[component(transparent)]
pub fn AccessibilityRoutes() -> AnyNestedRoute {
    let route =
        view! { <Route path=path!("/accessibilita") view=AccessibilityPage ssr=SsrMode::Async /> };
    route.into_inner().into_any_nested_route()
}

/// The public pages a visitor only reads, or whose form works as well without code.
#[component(transparent)]
pub fn ReadingRoutes() -> AnyNestedRoute {
    view! {
        <Route
            path=path!("/notifiche/disiscrizione/:token")
            view=UnsubscribePage
            ssr=SsrMode::Async
        />
        <Route path=path!("/comunita/:slug") view=CommunityPage ssr=SsrMode::Async />
        <Route path=path!("/incontri") view=MeetingsPage ssr=SsrMode::Async />
        <Route path=path!("/notizie") view=NewsPage ssr=SsrMode::Async />
        <Route path=path!("/notizie/:id") view=NewsPostPage ssr=SsrMode::Async />
        <Route path=path!("/incontri/:id") view=MeetingPage ssr=SsrMode::Async />
        <Route path=path!("/incontri/:id/foto") view=MeetingPhotosPage ssr=SsrMode::Async />
        <Route path=path!("/incontri/:id/foto/:foto") view=MeetingPhotoPage ssr=SsrMode::Async />
        <Route path=path!("/privacy") view=PrivacyPage ssr=SsrMode::Async />
        <Route path=path!("/note-legali") view=LegalNotesPage ssr=SsrMode::Async />
    }
    .into_inner()
    .into_any_nested_route()
}
