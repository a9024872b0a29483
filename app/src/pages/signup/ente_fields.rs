//! The body fields of the signup form.

use leptos::prelude::*;

use crate::components::ente_picker::EntePicker;
use crate::components::form_field::{FieldError, field_error};
use crate::domain::ente::{EnteKind, Province};
use crate::domain::validation::{Problem, Rejection};
use crate::i18n::texts;

/// The body: a type-ahead over the registry, suggestions when the name was ambiguous, and
/// "my body is not listed".
#[component]
pub(super) fn EnteFields(
    initial: Rejection,
    rejection: Signal<Option<Rejection>>,
) -> impl IntoView {
    let t = texts();
    let suggestions = move || match rejection
        .with(|r| r.as_ref().and_then(|r| r.problem("ente_nome")).cloned())
    {
        Some(Problem::AmbiguousEnte(choices)) => Some(view! {
            <fieldset class="suggestions">
                <legend>{t.ente_pick_one}</legend>
                {choices
                    .into_iter()
                    .enumerate()
                    .map(|(index, (code, name))| {
                        let id = format!("ente-scelta-{index}");
                        view! {
                            <div class="radio">
                                <input type="radio" id=id.clone() name="form[ente]" value=code />
                                <label for=id>{name}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
        }),
        _ => None,
    };
    let is_new = initial.typed("ente_nuovo") == "on";
    let kind = initial.typed("ente_tipo");
    let province = initial.typed("ente_provincia");
    view! {
        <fieldset>
            <legend>{t.signup_ente}</legend>
            <EntePicker
                id="ente-nome"
                name="form[ente_nome]"
                label=t.field_ente
                hint=t.field_ente_hint
                value=initial.typed("ente_nome")
                error=field_error(rejection, "ente_nome")
            />
            {suggestions}
            <details class="unlisted" open=is_new>
                <summary>{t.ente_unlisted_summary}</summary>
                <div class="form-group checkbox">
                    <input
                        id="ente-nuovo"
                        type="checkbox"
                        name="form[ente_nuovo]"
                        value="on"
                        checked=is_new
                    />
                    <label for="ente-nuovo">{t.ente_unlisted_check}</label>
                </div>
                <div class="form-group">
                    <label for="ente-tipo">{t.field_ente_kind}</label>
                    <FieldError
                        id="ente-tipo-errore".to_owned()
                        error=field_error(rejection, "ente_tipo")
                    />
                    <select id="ente-tipo" name="form[ente_tipo]">
                        <option value="">{t.choose}</option>
                        {EnteKind::ALL
                            .iter()
                            .map(|k| {
                                view! {
                                    <option value=k.code() selected=kind == k.code()>
                                        {k.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label for="ente-provincia">{t.field_province}</label>
                    <select id="ente-provincia" name="form[ente_provincia]">
                        <option value="">{t.whole_region}</option>
                        {Province::ALL
                            .iter()
                            .map(|p| {
                                view! {
                                    <option value=p.code() selected=province == p.code()>
                                        {p.name()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </details>
        </fieldset>
    }
}
