//! The type-ahead of mentions in the board's text areas: typing `@` and the start of a name
//! offers the people and groups who read the board; the arrows move through them, Enter or Tab
//! completes, Escape closes. The text area keeps the focus (`aria-activedescendant`). Only
//! rendered in the browser, like the forms it serves.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

use super::context::board_context;
use crate::domain::notification::mentions::{complete, suggest, typing};
use crate::i18n::board_texts;

/// How many suggestions show at once.
const SHOWN: usize = 6;

/// The suggestions for one text area whose text lives in `draft`.
#[derive(Clone, Copy)]
pub struct MentionPicker {
    textarea: StoredValue<String>,
    draft: RwSignal<String>,
    options: RwSignal<Vec<String>>,
    active: RwSignal<usize>,
    /// Where the mention being typed starts (its `@`) and ends (the caret), in bytes.
    typed: RwSignal<(usize, usize)>,
}

impl MentionPicker {
    pub fn new(textarea: &str, draft: RwSignal<String>) -> Self {
        Self {
            textarea: StoredValue::new(textarea.to_owned()),
            draft,
            options: RwSignal::new(Vec::new()),
            active: RwSignal::new(0),
            typed: RwSignal::new((0, 0)),
        }
    }

    fn list_id(self) -> String {
        format!("{}-menzioni", self.textarea.get_value())
    }

    /// The id of the list while it shows, for the text area's `aria-controls`.
    pub fn controls(self) -> Option<String> {
        let open = self.options.with(|options| !options.is_empty());
        open.then(|| self.list_id())
    }

    /// The id of the suggestion the arrows are on, for `aria-activedescendant`.
    pub fn active_id(self) -> Option<String> {
        let open = self.options.with(|options| !options.is_empty());
        open.then(|| format!("{}-{}", self.list_id(), self.active.get()))
    }

    /// After each input or caret move: what is being typed, and who matches it.
    pub fn update(self) {
        let Some(area) = self.element() else {
            return;
        };
        let text = area.value();
        let caret = byte_at(&text, area.selection_start().ok().flatten().unwrap_or(0));
        let found = typing(&text, caret).map(|(at, typed)| {
            let all = board_context()
                .view
                .with_untracked(|v| v.me.mentionable.clone());
            let options: Vec<String> = suggest(&all, typed, SHOWN)
                .into_iter()
                .map(str::to_owned)
                .collect();
            (at, options)
        });
        match found {
            Some((at, options)) if !options.is_empty() => {
                self.typed.set((at, caret));
                self.active.set(0);
                self.options.set(options);
            }
            _ => self.close(),
        }
    }

    /// The keys of the suggestions, while they show.
    pub fn key(self, ev: &KeyboardEvent) {
        let count = self.options.with(Vec::len);
        if count == 0 {
            return;
        }
        match ev.key().as_str() {
            "ArrowDown" => self.active.update(|at| *at = (*at + 1) % count),
            "ArrowUp" => self.active.update(|at| *at = (*at + count - 1) % count),
            "Enter" | "Tab" => self.choose(self.active.get_untracked()),
            "Escape" => {
                // Closes the suggestions, not the dialog around them.
                ev.stop_propagation();
                self.close();
            }
            _ => return,
        }
        ev.prevent_default();
    }

    fn choose(self, index: usize) {
        let Some(choice) = self.options.with_untracked(|o| o.get(index).cloned()) else {
            return;
        };
        let (at, caret) = self.typed.get_untracked();
        let text = self.draft.get_untracked();
        if text.get(at..caret).is_none() {
            return self.close();
        }
        let (text, caret) = complete(&text, at, caret, &choice);
        self.draft.set(text.clone());
        if let Some(area) = self.element() {
            area.set_value(&text);
            let caret = u32::try_from(text[..caret].encode_utf16().count()).unwrap_or(0);
            let _ = area.set_selection_range(caret, caret);
            let _ = area.focus();
        }
        self.close();
    }

    fn close(self) {
        if self.options.with_untracked(|o| !o.is_empty()) {
            self.options.set(Vec::new());
        }
    }

    fn element(self) -> Option<HtmlTextAreaElement> {
        document()
            .get_element_by_id(&self.textarea.get_value())?
            .dyn_into()
            .ok()
    }
}

/// The byte index in `text` of the caret at `utf16` (what the browser counts).
fn byte_at(text: &str, utf16: u32) -> usize {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        if units >= utf16 as usize {
            return at;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The suggestions under the text area, when there are any.
#[component]
pub fn MentionList(picker: MentionPicker) -> impl IntoView {
    let list_id = picker.list_id();
    move || {
        let options = picker.options.get();
        (!options.is_empty()).then(|| {
            let items = options
                .into_iter()
                .enumerate()
                .map(|(index, name)| {
                    view! {
                        <li
                            role="option"
                            id=format!("{list_id}-{index}")
                            aria-selected=move || (picker.active.get() == index).to_string()
                            on:mousedown=move |ev| {
                                ev.prevent_default();
                                picker.choose(index);
                            }
                        >
                            "@"
                            {name}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ul
                    class="mention-list"
                    role="listbox"
                    id=list_id.clone()
                    aria-label=board_texts().mention_list
                >
                    {items}
                </ul>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::byte_at;

    #[test]
    fn the_browser_caret_is_found_in_the_text() {
        let text = "Nicolò 😀 D'Alì";
        assert_eq!(byte_at(text, 0), 0);
        assert_eq!(byte_at(text, 6), "Nicolò".len());
        // The emoji counts two UTF-16 units.
        assert_eq!(byte_at(text, 9), "Nicolò 😀".len());
        assert_eq!(byte_at(text, 10), "Nicolò 😀 ".len());
        assert_eq!(byte_at(text, 99), text.len());
    }
}
