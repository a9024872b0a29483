//! News through the router: staff publish for everyone, a coordinator drafts and publishes for
//! their community, drafts stay hidden, changes on an old revision are refused; the Atom feeds
//! read back by an independent parser (Python `feedparser`, through `scripts/read_feed.py`).

use app::api::news::{EditNewsForm, ListNews, ReadNews, SaveNews};
use app::domain::news::form::NewsForm;
use app::domain::news::{NewsFormPage, NewsList, NewsPage};
use app::domain::role::RoleKind;
use app::domain::validation::Problem;
use app::error::AppError;
use app::server::db::Db;
use axum::http::StatusCode;
use serde_json::Value;

use crate::feed_reader;
use crate::support::{Page, TestApp, admin, lead, ok};

on_both_databases!(
    news_is_drafted_published_and_followed,
    the_demo_has_its_news
);

const HOSTILE: &str = "<script>alert('x')</script> & Nicolò D'Alì";

pub fn form(title: &str, communities: &[&str], state: &str) -> NewsForm {
    NewsForm {
        title: title.into(),
        summary: format!("Sommario di {title}"),
        body: "Primo paragrafo.\n\n- un punto\n- <b>due</b>".into(),
        communities: communities.iter().map(|c| (*c).to_owned()).collect(),
        meetings: vec![],
        state: state.into(),
    }
}

pub async fn save(
    app: &TestApp,
    session: Option<&str>,
    id: i64,
    revision: i64,
    form: NewsForm,
) -> Page {
    let args = SaveNews {
        id,
        revisione: revision,
        form,
    };
    app.call(&args, session).await
}

/// The number of the post a successful save redirected to.
pub fn saved_id(page: &Page) -> i64 {
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let location = page.location();
    location
        .strip_prefix("/notizie/")
        .and_then(|rest| rest.strip_suffix("?salvata=1"))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("unexpected redirect {location}"))
}

async fn list(app: &TestApp, session: Option<&str>, community: &str) -> NewsList {
    let args = ListNews {
        comunita: community.into(),
    };
    ok(&app.call(&args, session).await)
}

/// What `read_feed.py` makes of `page`'s body, checked well-formed Atom.
fn read_back(page: &Page) -> Value {
    let content_type = "application/atom+xml; charset=utf-8";
    let read = feed_reader::read_back("read_feed.py", page, content_type);
    assert_eq!(read["wellformed"], true, "{read}");
    assert_eq!(read["version"], "atom10");
    read
}

fn titles(feed: &Value) -> Vec<String> {
    feed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["title"].as_str().unwrap().to_owned())
        .collect()
}

async fn news_is_drafted_published_and_followed(db: Db) {
    let app = TestApp::new(&db);
    let staff = admin(&app).await;
    let coordinator = lead(&app, "Nicolò D'Alì", RoleKind::Coordinator, "dati").await;
    let referent = lead(&app, "Ada Rossi", RoleKind::Referent, "dati").await;

    let everyone =
        saved_id(&save(&app, Some(&staff), 0, 0, form(HOSTILE, &[], "pubblicata")).await);
    let draft = saved_id(
        &save(
            &app,
            Some(&coordinator),
            0,
            0,
            form("Bozza Dati", &["dati"], "bozza"),
        )
        .await,
    );

    // Who may write what.
    let refused = [
        (
            Some(&referent),
            form("Del referente", &["dati"], "pubblicata"),
        ),
        (Some(&coordinator), form("Per tutti", &[], "pubblicata")),
        (
            Some(&coordinator),
            form("Per imprese", &["imprese"], "pubblicata"),
        ),
        (
            Some(&coordinator),
            form("Per due", &["dati", "imprese"], "pubblicata"),
        ),
    ];
    for (session, form) in refused {
        let page = save(&app, session.map(String::as_str), 0, 0, form).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
    }
    let visitor = save(&app, None, 0, 0, form("Anonima", &[], "pubblicata")).await;
    assert_eq!(visitor.status, StatusCode::UNAUTHORIZED);
    let staff_edits = app.call(&EditNewsForm { id: draft }, Some(&staff)).await;
    let _: NewsFormPage = ok(&staff_edits);
    let referent_edits = app.call(&EditNewsForm { id: draft }, Some(&referent)).await;
    assert_eq!(referent_edits.status, StatusCode::FORBIDDEN);

    // A draft is known only to who may publish it.
    for session in [None, Some(referent.as_str())] {
        let hidden = app.call(&ReadNews { id: draft }, session).await;
        assert_eq!(hidden.status, StatusCode::NOT_FOUND);
        let seen = list(&app, session, "").await;
        assert!(seen.drafts.is_empty());
        assert_eq!(
            seen.published.iter().map(|p| p.id).collect::<Vec<_>>(),
            [everyone]
        );
    }
    let theirs = list(&app, Some(&coordinator), "").await;
    assert_eq!(
        theirs.drafts.iter().map(|p| p.id).collect::<Vec<_>>(),
        [draft]
    );
    assert!(theirs.can_publish);

    // Published on top of its revision; a change on an older one is refused.
    saved_id(
        &save(
            &app,
            Some(&coordinator),
            draft,
            0,
            form("Notizia Dati", &["dati"], "pubblicata"),
        )
        .await,
    );
    let stale = save(
        &app,
        Some(&coordinator),
        draft,
        0,
        form("Vecchia", &["dati"], "bozza"),
    )
    .await;
    match stale.error() {
        Some(AppError::Invalid(rejection)) => {
            assert_eq!(rejection.problems, [("titolo".to_owned(), Problem::Stale)])
        }
        other => panic!("not refused: {other:?}"),
    }
    let post: NewsPage = ok(&app.call(&ReadNews { id: draft }, None).await);
    assert_eq!(post.post.title, "Notizia Dati");
    let first_published = post.post.published_at.clone().expect("published");
    saved_id(
        &save(
            &app,
            Some(&coordinator),
            draft,
            1,
            form("Notizia Dati, corretta", &["dati"], "pubblicata"),
        )
        .await,
    );
    let again: NewsPage = ok(&app.call(&ReadNews { id: draft }, None).await);
    assert_eq!(
        again.post.published_at.as_deref(),
        Some(first_published.as_str())
    );
    assert_eq!(list(&app, None, "dati").await.published.len(), 1);
    assert!(list(&app, None, "imprese").await.published.is_empty());

    // Bad input: one Italian message per field, nothing stored.
    let mut bad = form("", &["<script>"], "segreta");
    bad.meetings = vec!["1; DROP TABLE news_posts".into()];
    match save(&app, Some(&staff), 0, 0, bad).await.error() {
        Some(AppError::Invalid(rejection)) => assert_eq!(rejection.problems.len(), 4),
        other => panic!("not refused: {other:?}"),
    }

    // The feeds, read back.
    let all = read_back(&app.get("/notizie.atom", &[]).await);
    assert_eq!(all["title"], "COMTem: notizie");
    assert_eq!(titles(&all), ["Notizia Dati, corretta", HOSTILE]);
    let hostile = &all["entries"][1];
    assert_eq!(hostile["summary"], format!("Sommario di {HOSTILE}"));
    assert_eq!(
        hostile["content"][0],
        "Primo paragrafo.\n\n- un punto\n- <b>due</b>"
    );
    assert!(
        hostile["link"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/notizie/{everyone}"))
    );
    assert_eq!(hostile["author"], "Giulia Ferri");
    let dati = read_back(&app.get("/comunita/dati/notizie.atom", &[]).await);
    assert_eq!(dati["title"], "COMTem: notizie della comunità Dati");
    assert_eq!(titles(&dati), ["Notizia Dati, corretta"]);
    let nowhere = app.get("/comunita/nessuna/notizie.atom", &[]).await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
}

async fn the_demo_has_its_news(db: Db) {
    assert!(app::server::demo::load_if_empty(&db).await.unwrap());
    let app = TestApp::new(&db);
    let news = list(&app, None, "").await;
    let titles: Vec<&str> = news.published.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "La giornata di lettura trasversale dei piani",
            "Le Comunità Tematiche in numeri, al 6 maggio",
            "Presentato agli enti il nuovo modello delle Comunità Tematiche",
        ]
    );
    // The numbers post says the demo's own figures as of 6 May.
    let figures = app::server::numbers::for_request(&app.state.db, Some("2024-05-06"))
        .await
        .unwrap();
    let expected = format!(
        "{} iscrizioni di {} persone da {} enti.",
        figures.signups, figures.people, figures.bodies
    );
    assert_eq!(news.published[1].summary, expected);
    assert_eq!(news.published[2].meetings.len(), 2);
    let feed = read_back(&app.get("/notizie.atom", &[]).await);
    assert_eq!(feed["entries"].as_array().unwrap().len(), 3);
}
