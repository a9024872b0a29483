//! Which plans the page shows: side by side on a wide screen (chosen, remembered in the
//! browser), one at a time on a phone. `?piano=slug#item` shows that plan at that item.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

use super::draft;
use crate::domain::board::BoardPlan;
use crate::domain::community::CommunitySlug;

/// How many plans are side by side until the person chooses.
const DEFAULT_SHOWN: usize = 3;
/// The narrowest screen, in CSS pixels, that shows the plans as columns.
pub const WIDE_PX: f64 = 900.0;

/// The plans shown, shared by the chooser, the columns and the live connection.
#[derive(Clone, Copy)]
pub struct Columns {
    /// Wide screens: the plans side by side, in board order.
    pub shown: RwSignal<Vec<CommunitySlug>>,
    /// Phones: the one plan shown.
    pub current: RwSignal<Option<CommunitySlug>>,
    /// Wide screens: the column last focused or touched.
    pub focused: RwSignal<Option<CommunitySlug>>,
    /// Whether the screen shows columns (unknown on the server: `false`).
    pub wide: RwSignal<bool>,
    order: StoredValue<Vec<CommunitySlug>>,
}

impl Columns {
    /// The columns of `plans`; the plan named by `?piano=` is current and shown.
    pub fn new(plans: &[BoardPlan]) -> Self {
        let order: Vec<_> = plans.iter().map(|p| p.community.clone()).collect();
        let columns = Self {
            shown: RwSignal::new(order.iter().take(DEFAULT_SHOWN).cloned().collect()),
            current: RwSignal::new(order.first().cloned()),
            focused: RwSignal::new(None),
            wide: RwSignal::new(false),
            order: StoredValue::new(order),
        };
        let query = use_query_map();
        let asked = Memo::new(move |_| query.with(|q| q.get("piano")));
        if let Some(slug) = asked.get_untracked() {
            columns.show(&slug);
        }
        columns.follow_links(asked);
        columns
    }

    /// The plan the person is looking at, for the others' presence lists.
    pub fn viewing(self) -> Signal<Option<CommunitySlug>> {
        Signal::derive(move || {
            if !self.wide.get() {
                return self.current.get();
            }
            let shown = self.shown.get();
            match shown.as_slice() {
                [only] => Some(only.clone()),
                _ => self.focused.get().filter(|slug| shown.contains(slug)),
            }
        })
    }

    /// Shows or hides `slug`'s column (one at least stays) and remembers the choice.
    pub fn toggle(self, slug: &CommunitySlug, on: bool) {
        let order = self.order.get_value();
        let mut shown = self.shown.get_untracked();
        if on {
            shown.push(slug.clone());
        } else if shown.len() > 1 {
            shown.retain(|s| s != slug);
        }
        let shown: Vec<_> = order.into_iter().filter(|s| shown.contains(s)).collect();
        draft::store_columns(&shown);
        self.shown.set(shown);
    }

    /// Makes the plan named `slug` (if on the board) current and shown.
    pub fn show(self, slug: &str) {
        let Some(slug) = self
            .order
            .with_value(|o| o.iter().find(|s| s.as_str() == slug).cloned())
        else {
            return;
        };
        if !self.shown.with_untracked(|s| s.contains(&slug)) {
            let order = self.order.get_value();
            self.shown.update(|shown| {
                shown.push(slug.clone());
                shown.sort_by_key(|s| order.iter().position(|o| o == s));
            });
        }
        self.current.set(Some(slug));
    }

    /// Once hydrated: restores the remembered columns, tracks the screen width, and follows
    /// `?piano=slug#item` links (scrolling the item into view).
    fn follow_links(self, asked: Memo<Option<String>>) {
        Effect::new(move |_| {
            let order = self.order.get_value();
            if let Some(kept) = draft::load_columns() {
                let kept: Vec<_> = order.iter().filter(|s| kept.contains(s)).cloned().collect();
                if !kept.is_empty() {
                    self.shown.set(kept);
                }
            }
            if let Some(slug) = asked.get_untracked() {
                self.show(&slug);
            }
            let measure = move || {
                let width = window().inner_width().ok().and_then(|w| w.as_f64());
                self.wide.set(width.is_some_and(|w| w >= WIDE_PX));
            };
            measure();
            let handle = window_event_listener(leptos::ev::resize, move |_| measure());
            on_cleanup(move || handle.remove());
        });
        let hash = use_location().hash;
        Effect::new(move |first: Option<()>| {
            let (slug, item) = (asked.get(), hash.get());
            let Some(slug) = slug else { return };
            if first.is_some() {
                self.show(&slug);
            }
            let item = item.trim_start_matches('#');
            if !item.is_empty() {
                let id = item_dom_id(&slug, item);
                request_animation_frame(move || {
                    if let Some(element) = document().get_element_by_id(&id) {
                        element.scroll_into_view();
                    }
                });
            }
        });
    }
}

/// The element id of `item` in the column of plan `slug` (item ids repeat across plans).
pub fn item_dom_id(slug: &str, item: &str) -> String {
    format!("piano-{slug}-{item}")
}
