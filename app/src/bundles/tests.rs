use super::held::holds;
use super::*;

/// The bundle of the pages everyone reads: members get it there, visitors no code.
const READING: &str = "reading";

/// A path of every route, with the bundle holding it.
const PAGES: [(&str, &str); 39] = [
    ("/profilo", "account"),
    ("/profilo/dati", "account"),
    ("/notifiche", "account"),
    ("/amministrazione", "admin"),
    ("/amministrazione/registro", "admin"),
    ("/notizie/nuova", "publishing"),
    ("/notizie/3/modifica", "publishing"),
    ("/incontri/nuovo", "publishing"),
    ("/incontri/2/modifica", "publishing"),
    ("/piani/2024/dati", "plan-editing"),
    ("/piani/2024/dati/modifica", "plan-editing"),
    ("/piani/2024/dati/versioni", "plan-editing"),
    ("/piani/2024/dati/osservazioni", "plan-editing"),
    ("/lettura-trasversale", "board"),
    ("/lettura-trasversale/sinergie", "board"),
    ("/lettura-trasversale/azioni-integrate", "board"),
    ("/piano-generale/2024/modifica", "general-plan-editing"),
    ("/piano-generale/2024/versioni", "general-plan-editing"),
    ("/piano-generale/2024/validazione", "general-plan-editing"),
    ("/iscriviti", "signup"),
    ("/iscriviti/fatto", "signup"),
    ("/iscriviti/conferma/abc", "signup"),
    ("/accedi", "login"),
    ("/accedi/link/abc", "login"),
    ("/", "home"),
    ("/comunita", "communities"),
    ("/numeri", "numbers"),
    ("/calendario", "calendar"),
    ("/piani", "plans"),
    ("/piani/2024", "plans"),
    ("/piano-generale/2024", "general-plan"),
    ("/accessibilita", "accessibility"),
    ("/comunita/dati", READING),
    ("/notizie", READING),
    ("/notizie/3", READING),
    ("/incontri/2", READING),
    ("/incontri/2/foto/5", READING),
    ("/notifiche/disiscrizione/abc", READING),
    ("/privacy", READING),
];

#[test]
fn a_member_gets_the_bundle_holding_the_page() {
    for (path, name) in PAGES {
        assert_eq!(code_for(path, true), Some(name), "{path}");
    }
}

#[test]
fn a_visitor_gets_the_same_but_the_countdown_or_no_code_where_nothing_else_is_live() {
    let countdown_only = ["home", "calendar", "plans", "general-plan"];
    for (path, name) in PAGES {
        let expected = match name {
            READING => None,
            name if countdown_only.contains(&name) => Some(COUNTDOWN),
            name => Some(name),
        };
        assert_eq!(code_for(path, false), expected, "{path}");
    }
    for path in ["/nowhere", "/piani/2024/dati/altro"] {
        assert_eq!(code_for(path, true), None, "{path}");
    }
}

#[test]
fn in_the_browser_a_bundle_holds_exactly_the_pages_the_server_starts_it_on() {
    for bundle in BUNDLES {
        for (path, name) in PAGES {
            assert_eq!(
                holds(bundle, path),
                name == bundle.name,
                "{} {path}",
                bundle.name
            );
        }
    }
}

#[test]
fn each_name_finds_its_code_and_none_the_whole_application() {
    for bundle in BUNDLES {
        let found = match named(Some(bundle.name)) {
            Code::Bundle(found) => Some(found.name),
            _ => None,
        };
        assert_eq!(found, Some(bundle.name));
    }
    assert!(matches!(named(Some(COUNTDOWN)), Code::Countdown));
    assert!(matches!(named(None), Code::Whole));
}
