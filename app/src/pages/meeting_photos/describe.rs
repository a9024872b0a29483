//! Describing a photo (its alternative text publishes it) and removing it.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::photos::{DescribePhoto, RemovePhoto};
use crate::components::action_error::ActionError;
use crate::components::form_field::{FieldError, field_error, rejection_of};
use crate::components::photo_image::PhotoImage;
use crate::domain::photo::{MAX_TEXT, Photo};
use crate::i18n::photo_texts;

/// The alternative text and caption of `photo`, as typed last, and the button that removes it.
/// Both actions lead back to the gallery, which says what they did.
#[component]
pub fn DescribeForm(photo: Photo) -> impl IntoView {
    let t = photo_texts();
    let describe = ServerAction::<DescribePhoto>::new();
    let remove = ServerAction::<RemovePhoto>::new();
    let rejection = Signal::derive(move || rejection_of(describe.value().get()));
    let alt_error = field_error(rejection, "testo_alternativo");
    let caption_error = field_error(rejection, "didascalia");
    let id = photo.id;
    let (alt_id, caption_id) = (format!("alt-{id}"), format!("didascalia-{id}"));
    let (alt_hint, alt_error_id) = (format!("alt-{id}-aiuto"), format!("alt-{id}-errore"));
    let caption_error_id = format!("didascalia-{id}-errore");
    let alt_described = format!("{alt_hint} {alt_error_id}");
    view! {
        <div class="photo-description">
            <PhotoImage photo=photo.clone() sizes="160px" decorative=true />
            <ActionForm action=describe>
                <input type="hidden" name="foto" value=id />
                <div class="form-group">
                    <label for=alt_id.clone()>{t.field_alt}</label>
                    <p id=alt_hint class="hint">
                        {t.field_alt_hint}
                    </p>
                    <input
                        id=alt_id
                        name="testo_alternativo"
                        required
                        maxlength=MAX_TEXT
                        value=photo.alt.clone()
                        aria-describedby=alt_described
                        aria-invalid=move || alt_error.with(Option::is_some).then_some("true")
                    />
                    <FieldError id=alt_error_id error=alt_error />
                </div>
                <div class="form-group">
                    <label for=caption_id.clone()>{t.field_caption}</label>
                    <input
                        id=caption_id
                        name="didascalia"
                        maxlength=MAX_TEXT
                        value=photo.caption.clone()
                        aria-describedby=caption_error_id.clone()
                        aria-invalid=move || caption_error.with(Option::is_some).then_some("true")
                    />
                    <FieldError id=caption_error_id error=caption_error />
                </div>
                <button type="submit" class="btn btn-primary">
                    {t.describe_button}
                </button>
            </ActionForm>
            <ActionError result=Signal::derive(move || describe.value().get()) />
            <ActionForm action=remove>
                <input type="hidden" name="foto" value=id />
                <button type="submit" class="btn btn-outline">
                    {t.remove_button}
                </button>
            </ActionForm>
            <ActionError result=Signal::derive(move || remove.value().get()) />
        </div>
    }
}
