//! Router tests: real requests through the whole stack with `oneshot`.

use app::server::db::Db;
use axum::http::StatusCode;

use crate::support::get;

on_both_databases!(
    home_lists_the_ten_communities,
    community_page_shows_its_declaratoria,
    unknown_pages_answer_404,
    filter_works_without_javascript,
    healthz_reports_the_database,
    pages_carry_security_headers,
    pages_are_compressed,
);

async fn home_lists_the_ten_communities(db: Db) {
    let page = get(&db, "/", &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"<html lang="it""#));
    assert!(page.body.contains(r##"href="#contenuto""##), "skip link");
    for name in [
        "Internet of Things",
        "Dati",
        "Digital Gender Gap",
        "Documenti",
        "Cybersecurity e Cloud",
        "Cittadini",
    ] {
        assert!(
            page.body.contains(&format!(">{name}</a>")),
            "{name} missing"
        );
    }
    assert_eq!(page.body.matches(r#"<li class="card">"#).count(), 10);
    assert!(page.body.contains("0 iscritti"));
}

async fn community_page_shows_its_declaratoria(db: Db) {
    let page = get(&db, "/comunita/documenti", &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    for heading in [
        "Missione",
        "Temi",
        "Obiettivi di lungo periodo",
        "A chi si rivolge",
    ] {
        assert!(page.body.contains(heading), "{heading} missing");
    }
    assert!(page.body.contains("<title>Documenti · COMTem</title>"));
}

async fn unknown_pages_answer_404(db: Db) {
    for uri in [
        "/comunita/non-esiste",
        "/comunita/%3Cscript%3E",
        "/pagina-inesistente",
        "/comunita/dati/altro",
    ] {
        let page = get(&db, uri, &[]).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(page.body.contains("Pagina non trovata"), "{uri}");
        assert!(!page.body.contains("<script>alert"), "{uri}");
    }
}

async fn filter_works_without_javascript(db: Db) {
    let page = get(&db, "/comunita?q=CLOUD", &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains(r#"href="/comunita/cybersecurity-e-cloud""#)
    );
    assert!(!page.body.contains(r#"href="/comunita/imprese""#));
    let hostile = get(&db, "/comunita?q=%3Cscript%3Ealert(1)%3C/script%3E", &[]).await;
    assert_eq!(hostile.status, StatusCode::OK);
    assert!(
        hostile
            .body
            .contains("Nessuna comunità corrisponde alla ricerca.")
    );
    assert!(!hostile.body.contains("<script>alert(1)"));
}

async fn healthz_reports_the_database(db: Db) {
    let page = get(&db, "/healthz", &[]).await;
    assert_eq!((page.status, page.body.as_str()), (StatusCode::OK, "ok"));
    db.close().await;
    let page = get(&db, "/healthz", &[]).await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
}

async fn pages_carry_security_headers(db: Db) {
    let page = get(&db, "/", &[]).await;
    let header = |name: &str| {
        page.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let csp = header("content-security-policy");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("nonce in CSP");
    assert!(nonce.len() >= 16);
    assert!(
        page.body.contains(&format!(r#"nonce="{nonce}""#)),
        "inline scripts carry the nonce"
    );
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("referrer-policy"), "same-origin");

    let other = get(&db, "/", &[]).await;
    assert_ne!(
        other.headers.get("content-security-policy"),
        page.headers.get("content-security-policy"),
        "fresh nonce"
    );
    let health = get(&db, "/healthz", &[]).await;
    assert!(health.headers.get("content-security-policy").is_some());
}

async fn pages_are_compressed(db: Db) {
    let page = get(&db, "/comunita", &[("accept-encoding", "br")]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.headers.get("content-encoding").unwrap(), "br");
}
