//! Annotating a selected passage: when the selection lies in one block of a plan, a floating
//! «Annota la selezione» button appears by it (with a mouse, the keyboard or touch).

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use send_wrapper::SendWrapper;

use super::annotate::AnnotateForm;
use super::context::board_context;
use crate::domain::board::Anchor;
use crate::domain::board::anchor::blocks;
use crate::i18n::board_texts;

/// Room kept for the floating button on the right of the screen (it stays on screen), in CSS
/// pixels.
const BUTTON_PX: f64 = 240.0;
/// Room kept for it at the bottom.
const BUTTON_HEIGHT_PX: f64 = 64.0;
/// How long the selection must rest before the button moves to it, in milliseconds.
const SETTLE_MS: u32 = 200;

/// A selected passage: characters `start..end` of a block's plain text, and where it ends on
/// screen.
#[derive(Clone, Debug, PartialEq)]
struct Passage {
    community: String,
    item: String,
    field: String,
    start: usize,
    end: usize,
    x: f64,
    y: f64,
}

/// The selection as the board sees it.
#[derive(Clone, Copy)]
pub struct Selection {
    passage: RwSignal<Option<Passage>>,
    timer: StoredValue<Option<SendWrapper<Timeout>>>,
}

impl Selection {
    /// Follows the selection once hydrated, until the page goes.
    pub fn start() -> Self {
        let selection = Self {
            passage: RwSignal::new(None),
            timer: StoredValue::new(None),
        };
        Effect::new(move |_| {
            use leptos::wasm_bindgen::closure::Closure;
            let changed = Closure::<dyn Fn()>::new(move || selection.check_soon()).into_js_value();
            let _ = document()
                .add_event_listener_with_callback("selectionchange", changed.unchecked_ref());
            let scroll = window_event_listener(leptos::ev::scroll, move |_| selection.check());
            let changed = SendWrapper::new(changed);
            on_cleanup(move || {
                let _ = document().remove_event_listener_with_callback(
                    "selectionchange",
                    changed.unchecked_ref(),
                );
                scroll.remove();
            });
        });
        selection
    }

    /// Reads the selection now.
    pub fn check(self) {
        self.passage.set(read());
    }

    /// Reads the selection once it rests.
    fn check_soon(self) {
        let timeout = Timeout::new(SETTLE_MS, move || self.check());
        self.timer.set_value(Some(SendWrapper::new(timeout)));
    }

    /// Opens the form on the selected passage.
    fn annotate(self, form: AnnotateForm) {
        let Some(passage) = self.passage.get_untracked() else {
            return;
        };
        let found = board_context().view.with_untracked(|v| {
            let plan = v
                .plans
                .iter()
                .find(|p| p.community.as_str() == passage.community)?;
            let block = blocks(&plan.content)
                .into_iter()
                .find(|b| b.item == passage.item && b.field == passage.field)?;
            Some((plan.community.clone(), block.text))
        });
        let Some((community, text)) = found else {
            return;
        };
        let anchor = Anchor::passage(
            &passage.item,
            &passage.field,
            &text,
            passage.start,
            passage.end,
        );
        if let Ok(Some(selection)) = window().get_selection() {
            let _ = selection.remove_all_ranges();
        }
        self.passage.set(None);
        form.open(community, anchor, None);
    }
}

/// The floating button; nothing while no passage is selected.
#[component]
pub fn SelectionButton(selection: Selection) -> impl IntoView {
    let form = expect_context::<AnnotateForm>();
    move || {
        selection.passage.get().map(|p| {
            view! {
                <button
                    type="button"
                    class="btn btn-primary btn-sm board-selection"
                    style:left=format!("{}px", p.x.round())
                    style:top=format!("{}px", p.y.round())
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=move |_| selection.annotate(form)
                >
                    {board_texts().annotate_selection}
                </button>
            }
        })
    }
}

/// The selected passage, when it starts in a block (it is cut at the block's end).
fn read() -> Option<Passage> {
    let selection = window().get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let (start_node, start_offset) = (range.start_container().ok()?, range.start_offset().ok()?);
    let block = block_of(&start_node)?;
    let end_node = range.end_container().ok()?;
    let (end_node, end_offset) = if block.contains(Some(&end_node)) {
        (end_node, range.end_offset().ok()?)
    } else {
        (block.clone().into(), block.child_nodes().length())
    };
    let before = document().create_range().ok()?;
    before.set_start(&block, 0).ok()?;
    before.set_end(&start_node, start_offset).ok()?;
    let chosen = document().create_range().ok()?;
    chosen.set_start(&start_node, start_offset).ok()?;
    chosen.set_end(&end_node, end_offset).ok()?;
    let quote = String::from(chosen.to_string());
    if quote.trim().is_empty() {
        return None;
    }
    let start = String::from(before.to_string()).chars().count();
    let rect = chosen.get_bounding_client_rect();
    let width = window().inner_width().ok()?.as_f64()?;
    let height = window().inner_height().ok()?.as_f64()?;
    Some(Passage {
        community: block
            .closest("[data-plan]")
            .ok()??
            .get_attribute("data-plan")?,
        item: block.get_attribute("data-item")?,
        field: block.get_attribute("data-field")?,
        start,
        end: start + quote.chars().count(),
        x: rect.left().min(width - BUTTON_PX).max(8.0),
        y: rect.bottom().min(height - BUTTON_HEIGHT_PX).max(0.0),
    })
}

/// The block holding `node`, if any.
fn block_of(node: &web_sys::Node) -> Option<web_sys::Element> {
    let element = match node.dyn_ref::<web_sys::Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    element.closest("[data-item][data-field]").ok()?
}
