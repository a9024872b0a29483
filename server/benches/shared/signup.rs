//! A signup as a browser's form posts it, through the router.

use app::api::account::SignUp;
use app::domain::signup_form::SignupForm;
use axum::body::Body;
use axum::http::Request;
use leptos::server_fn::ServerFn;

/// The signup of Nicolò D'Alì at `email` to `communities`, with `password` (empty: none).
pub fn signup_request(email: &str, password: &str, communities: &[&str]) -> Request<Body> {
    let form = SignupForm {
        nome: "Nicolò".into(),
        cognome: "D'Alì".into(),
        email: email.into(),
        ente_nome: "Castel San Pietro Terme".into(),
        ruolo: "Istruttore".into(),
        comunita: communities.iter().map(|slug| slug.to_string()).collect(),
        password: password.into(),
        privacy: Some("on".into()),
        ..SignupForm::default()
    };
    Request::post(SignUp::PATH)
        .header("host", "bench")
        .header("origin", "http://bench")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(serde_qs::to_string(&SignUp { form }).unwrap()))
        .unwrap()
}
