//! Files that are not what they claim, too many or too large, and people who may not add photos.

use std::time::Instant;

use app::api::photos::RemovePhoto;
use app::domain::photo::PhotoProblem;
use app::domain::role::RoleKind;
use app::server::db::Db;
use axum::http::StatusCode;
use serde_json::Value;

use super::{describe, fixture, gallery, meeting_of_dati, upload};
use crate::support::{lead, logged_in};

on_both_databases!(
    hostile_files_are_refused_each_with_its_reason,
    only_the_organisers_add_describe_and_remove_photos,
);

/// The problem of each file, in order, as the JSON answer gives them (`None`: accepted).
fn problems(body: &str) -> Vec<(String, Option<PhotoProblem>)> {
    let outcomes: Vec<Value> = serde_json::from_str(body).unwrap_or_else(|_| panic!("{body}"));
    outcomes
        .iter()
        .map(|outcome| {
            let problem = outcome["result"]["Err"]
                .as_str()
                .map(|code| PhotoProblem::parse(code).unwrap());
            (outcome["file"].as_str().unwrap().to_owned(), problem)
        })
        .collect()
}

async fn hostile_files_are_refused_each_with_its_reason(db: Db) {
    let (app, coordinator, id) = meeting_of_dati(&db).await;
    let files = [
        fixture("finta.jpg"),
        fixture("iphone.heic"),
        fixture("vuota.jpg"),
        fixture("bomba.png"),
        fixture("bomba-quadrata.png"),
        (
            "../../Nicolò D'Alì <b>.jpg".to_owned(),
            fixture("foto.webp").1,
        ),
    ];
    let started = Instant::now();
    let page = upload(&app, Some(&coordinator), id, &files, true).await;
    let elapsed = started.elapsed();
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(
        problems(&page.body),
        [
            ("finta.jpg".to_owned(), Some(PhotoProblem::NotAPhoto)),
            ("iphone.heic".to_owned(), Some(PhotoProblem::Heic)),
            ("vuota.jpg".to_owned(), Some(PhotoProblem::Empty)),
            ("bomba.png".to_owned(), Some(PhotoProblem::TooManyPixels)),
            (
                "bomba-quadrata.png".to_owned(),
                Some(PhotoProblem::TooManyPixels)
            ),
            ("Nicolò D'Alì <b>.jpg".to_owned(), None),
        ]
    );
    // The bombs are refused from their headers: nothing near their 400 megapixels is decoded.
    assert!(elapsed.as_secs() < 20, "{elapsed:?}");
    assert!(PhotoProblem::Heic.message().contains("JPEG"));
    // Without JavaScript the form is redirected to the gallery, which tells the same.
    let page = upload(&app, Some(&coordinator), id, &files[..2], false).await;
    assert_eq!(
        page.location(),
        format!(
            "/incontri/{id}/foto?caricate=0&rifiutata=formato~finta.jpg&rifiutata=heic~iphone.heic"
        )
    );
    let told = app.get_as(page.location(), &coordinator).await;
    assert!(
        told.body.contains("iphone.heic: È una foto HEIC"),
        "{}",
        told.body
    );
    // Thirty at once are taken; the thirty-first is refused with the reason.
    let many: Vec<(String, Vec<u8>)> = (1..=31)
        .map(|n| (format!("foto-{n}.webp"), fixture("foto.webp").1))
        .collect();
    let outcome = problems(&upload(&app, Some(&coordinator), id, &many, true).await.body);
    assert_eq!(outcome.iter().filter(|(_, p)| p.is_none()).count(), 30);
    assert_eq!(
        outcome[30],
        ("foto-31.webp".to_owned(), Some(PhotoProblem::TooManyFiles))
    );
    assert_eq!(
        gallery(&app, Some(&coordinator), id)
            .await
            .undescribed
            .len(),
        31
    );
    // An unknown meeting has no photos to add to.
    let page = upload(&app, Some(&coordinator), 999_999, &files[5..], true).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
}

async fn only_the_organisers_add_describe_and_remove_photos(db: Db) {
    let (app, coordinator, id) = meeting_of_dati(&db).await;
    let photo = [fixture("foto.webp")];
    let added = problems(
        &upload(&app, Some(&coordinator), id, &photo, true)
            .await
            .body,
    );
    assert_eq!(added[0].1, None);
    let number = gallery(&app, Some(&coordinator), id).await.undescribed[0].id;
    let member = logged_in(&app, "Sara Socia", &["dati"], None).await;
    let other_lead = lead(&app, "Aldo Altri", RoleKind::Coordinator, "imprese").await;
    let visitor = upload(&app, None, id, &photo, true).await;
    assert_eq!(visitor.status, StatusCode::UNAUTHORIZED);
    for session in [&member, &other_lead] {
        let page = upload(&app, Some(session), id, &photo, true).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
        let page = describe(&app, session, number, "Una sala", "").await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
        let page = app.call(&RemovePhoto { foto: number }, Some(session)).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
        assert!(
            gallery(&app, Some(session), id)
                .await
                .undescribed
                .is_empty()
        );
    }
    // A cross-site form cannot add photos, even with the organiser's cookie.
    let page = app
        .send(
            axum::http::Request::post(format!("/incontri/{id}/foto"))
                .header("host", "comtem.test")
                .header("origin", "https://altro-sito.example")
                .header("cookie", app.cookie("comtem_session", &coordinator))
                .header("content-type", "multipart/form-data; boundary=x")
                .body(axum::body::Body::from("--x--\r\n"))
                .unwrap(),
        )
        .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let admin = crate::support::admin(&app).await;
    let page = describe(&app, &admin, number, "Una sala della Regione", "").await;
    assert!(page.error().is_none(), "{}", page.body);
    let seen = gallery(&app, Some(&coordinator), id).await;
    assert_eq!(
        (seen.photos.len(), seen.undescribed.len()),
        (1, 0),
        "nothing added by others"
    );
}
