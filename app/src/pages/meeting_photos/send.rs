//! Sending one photo from the browser, with the progress of its bytes: `fetch` cannot report an
//! upload's progress, `XMLHttpRequest` can.

use std::cell::RefCell;
use std::rc::Rc;

use futures::channel::oneshot;
use leptos::wasm_bindgen::JsCast;
use leptos::wasm_bindgen::closure::Closure;
use web_sys::{File, FormData, ProgressEvent, XmlHttpRequest};

use crate::domain::photo::{PhotoProblem, UploadOutcome, file_label};

/// Sends `file` alone to `url` as the form would, calling `progress` with the bytes sent so far;
/// how it went, as the server says.
pub async fn send(url: &str, file: &File, progress: impl Fn(f64) + 'static) -> UploadOutcome {
    let name = file_label(&file.name());
    let interrupted = UploadOutcome {
        file: name.clone(),
        result: Err(PhotoProblem::Interrupted),
    };
    let Ok(request) = XmlHttpRequest::new() else {
        return interrupted;
    };
    let Ok(form) = FormData::new() else {
        return interrupted;
    };
    let ready = form
        .append_with_blob_and_filename("foto", file, &file.name())
        .and_then(|()| request.open("POST", url))
        .and_then(|()| request.set_request_header("Accept", "application/json"));
    if ready.is_err() {
        return interrupted;
    }
    let on_progress =
        Closure::<dyn Fn(ProgressEvent)>::new(move |event: ProgressEvent| progress(event.loaded()));
    if let Ok(upload) = request.upload() {
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    let (done, finished) = oneshot::channel::<()>();
    let done = Rc::new(RefCell::new(Some(done)));
    let on_end = Closure::<dyn Fn()>::new(move || {
        if let Some(done) = done.borrow_mut().take() {
            let _ = done.send(());
        }
    });
    request.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
    if request.send_with_opt_form_data(Some(&form)).is_err() {
        return interrupted;
    }
    let _ = finished.await;
    let answer = match request.status() {
        Ok(200) => request.response_text().ok().flatten(),
        _ => None,
    };
    answer
        .and_then(|json| serde_json::from_str::<Vec<UploadOutcome>>(&json).ok())
        .and_then(|mut outcomes| outcomes.pop())
        .unwrap_or(interrupted)
}
