//! The body type-ahead: an ARIA combobox over the registry once hydrated, a plain text field
//! (resolved by name on the server) without JavaScript.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::api::account::search_enti;
use crate::domain::ente::EnteOption;
use crate::i18n::texts;

/// How long typing must pause before the registry is searched.
const DEBOUNCE_MS: u32 = 250;

/// A text input named `name` that suggests registered bodies as the person types. Arrow keys
/// move through the suggestions, Enter picks one, Escape closes the list.
#[component]
pub fn EntePicker(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    #[prop(into)] value: String,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let options = RwSignal::new(Vec::<EnteOption>::new());
    let active = RwSignal::new(None::<usize>);
    let open = Signal::derive(move || options.with(|o| !o.is_empty()));
    let pending = StoredValue::new(None::<SendWrapper<Timeout>>);
    let list_id = format!("{id}-opzioni");
    let input = NodeRef::<leptos::html::Input>::new();

    let search = move |query: String| {
        let timeout = Timeout::new(DEBOUNCE_MS, move || {
            leptos::task::spawn_local(async move {
                let found = if query.trim().chars().count() < 2 {
                    Vec::new()
                } else {
                    search_enti(query).await.unwrap_or_default()
                };
                options.set(found);
                active.set(None);
            });
        });
        pending.set_value(Some(SendWrapper::new(timeout)));
    };
    let choose = move |index: usize| {
        if let Some(option) = options.with(|o| o.get(index).cloned())
            && let Some(input) = input.get()
        {
            input.set_value(&option.name);
        }
        options.set(Vec::new());
        active.set(None);
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let count = options.with(Vec::len);
        match event.key().as_str() {
            "ArrowDown" if count > 0 => {
                event.prevent_default();
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                event.prevent_default();
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" => {
                if let Some(index) = active.get() {
                    event.prevent_default();
                    choose(index);
                }
            }
            "Escape" => {
                options.set(Vec::new());
                active.set(None);
            }
            _ => {}
        }
    };
    let option_id = move |index: usize| format!("{id}-opzione-{index}");
    let hint_id = format!("{id}-aiuto");
    let error_id = format!("{id}-errore");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match error.with(Option::is_some) {
            true => format!("{hint_id} {error_id}"),
            false => hint_id.clone(),
        }
    };
    view! {
        <div class="form-group combobox" class:has-error=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            <p id=hint_id class="form-hint">
                {hint}
            </p>
            <crate::components::form_field::FieldError id=error_id error />
            <input
                id=id
                name=name
                type="text"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || open.get().to_string()
                aria-activedescendant=move || active.get().map(option_id)
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
                value=value
                node_ref=input
                on:input=move |event| {
                    search(event_target_value(&event));
                }
                on:keydown=on_keydown
            />
            <ul
                id=list_id
                role="listbox"
                class="combobox-options"
                aria-label=label
                hidden=move || !open.get()
            >
                <For
                    each=move || options.get().into_iter().enumerate()
                    key=|(index, option)| (*index, option.code.clone())
                    let((index, option))
                >
                    <li
                        id=option_id(index)
                        role="option"
                        aria-selected=move || (active.get() == Some(index)).to_string()
                        on:mousedown=move |event| {
                            event.prevent_default();
                            choose(index);
                        }
                    >
                        <span class="option-name">{option.name.clone()}</span>
                        <span class="option-details">{option.details()}</span>
                    </li>
                </For>
            </ul>
            <p class="visually-hidden" role="status">
                {move || {
                    let count = options.with(Vec::len);
                    (count > 0).then(|| (texts().ente_suggestions)(count))
                }}
            </p>
        </div>
    }
}
