//! The filters of the annotation list: kind, community, open or resolved. A GET form the server
//! applies without JavaScript (`?tipo=…&comunita=…&stato=…`); once live it filters as it changes.

use leptos::prelude::*;
use leptos_router::params::ParamsMap;

use crate::domain::board::{Annotation, AnnotationKind};
use crate::domain::community::CommunitySlug;
use crate::i18n::board_threads::board_thread_texts;

/// Which threads the list shows by their state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    Open,
    Resolved,
    All,
}

impl StatusFilter {
    const ALL: [Self; 3] = [Self::Open, Self::Resolved, Self::All];

    /// The value in the query (`stato=`).
    fn code(self) -> &'static str {
        match self {
            Self::Open => "aperte",
            Self::Resolved => "risolte",
            Self::All => "tutte",
        }
    }

    fn label(self) -> &'static str {
        board_thread_texts().status_filters[self as usize]
    }
}

/// What the list shows; `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<AnnotationKind>,
    pub community: Option<CommunitySlug>,
    pub status: StatusFilter,
}

impl Filter {
    /// The filter of `?tipo=…&comunita=…&stato=…`; unknown values mean the default.
    pub fn from_query(query: &ParamsMap) -> Self {
        let status = query.get("stato").unwrap_or_default();
        Self {
            kind: query
                .get("tipo")
                .and_then(|code| AnnotationKind::parse(&code)),
            community: query
                .get("comunita")
                .and_then(|slug| CommunitySlug::parse(&slug).ok()),
            status: StatusFilter::ALL
                .into_iter()
                .find(|s| s.code() == status)
                .unwrap_or_default(),
        }
    }

    /// A filter that shows everything.
    pub fn everything() -> Self {
        Self {
            status: StatusFilter::All,
            ..Self::default()
        }
    }

    /// Whether `annotation` is shown.
    pub fn matches(&self, annotation: &Annotation) -> bool {
        self.kind.is_none_or(|kind| annotation.kind == kind)
            && self
                .community
                .as_ref()
                .is_none_or(|c| &annotation.community == c)
            && match self.status {
                StatusFilter::Open => annotation.is_open(),
                StatusFilter::Resolved => !annotation.is_open(),
                StatusFilter::All => true,
            }
    }
}

/// The filter form and the count of annotations shown.
#[component]
pub fn ThreadFilters(
    filter: RwSignal<Filter>,
    /// The plans' communities: slug and name.
    communities: Vec<(CommunitySlug, String)>,
    count: Signal<usize>,
    /// The plan the board shows (`?piano=`), kept when the form is sent without JavaScript.
    plan: Option<String>,
) -> impl IntoView {
    let t = board_thread_texts();
    let initial = filter.get_untracked();
    let kinds = AnnotationKind::ALL.iter().map(|&kind| {
        let selected = initial.kind == Some(kind);
        view! {
            <option value=kind.code() selected=selected>
                {(t.kind)(kind)}
            </option>
        }
    });
    let community_options = communities.into_iter().map(|(slug, name)| {
        let selected = initial.community.as_ref() == Some(&slug);
        view! {
            <option value=slug.to_string() selected=selected>
                {name}
            </option>
        }
    });
    let statuses = StatusFilter::ALL.into_iter().map(|status| {
        view! {
            <option value=status.code() selected=initial.status == status>
                {status.label()}
            </option>
        }
    });
    let on_kind = move |ev| {
        let kind = AnnotationKind::parse(&event_target_value(&ev));
        filter.update(|f| f.kind = kind);
    };
    let on_community = move |ev| {
        let community = CommunitySlug::parse(&event_target_value(&ev)).ok();
        filter.update(|f| f.community = community);
    };
    let on_status = move |ev| {
        let code = event_target_value(&ev);
        let status = StatusFilter::ALL.into_iter().find(|s| s.code() == code);
        filter.update(|f| f.status = status.unwrap_or_default());
    };
    view! {
        <form
            class="form thread-filters"
            method="get"
            on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()
        >
            <fieldset>
                <legend>{t.filters_legend}</legend>
                {plan.map(|plan| view! { <input type="hidden" name="piano" value=plan /> })}
                <div class="form-group">
                    <label for="filtro-annotazioni-tipo">{t.filter_kind}</label>
                    <select
                        id="filtro-annotazioni-tipo"
                        name="tipo"
                        prop:value=move || filter.with(|f| f.kind.map_or("", |k| k.code()))
                        on:change=on_kind
                    >
                        <option value="">{t.all_kinds}</option>
                        {kinds.collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label for="filtro-annotazioni-comunita">{t.filter_community}</label>
                    <select
                        id="filtro-annotazioni-comunita"
                        name="comunita"
                        prop:value=move || {
                            filter
                                .with(|f| {
                                    f.community.as_ref().map(|c| c.to_string()).unwrap_or_default()
                                })
                        }
                        on:change=on_community
                    >
                        <option value="">{t.all_communities}</option>
                        {community_options.collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label for="filtro-annotazioni-stato">{t.filter_status}</label>
                    <select
                        id="filtro-annotazioni-stato"
                        name="stato"
                        prop:value=move || filter.with(|f| f.status.code())
                        on:change=on_status
                    >
                        {statuses.collect_view()}
                    </select>
                </div>
                <button type="submit" class="btn btn-outline btn-sm thread-filters-submit">
                    {t.filter_submit}
                </button>
            </fieldset>
        </form>
        <p class="results-count" role="status">
            {move || (t.threads_count)(count.get())}
        </p>
    }
}
