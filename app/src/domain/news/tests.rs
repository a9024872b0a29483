use super::form::NewsForm;
use super::publishes;
use crate::domain::community::CommunitySlug;
use crate::domain::person::PersonId;
use crate::domain::role::{Role, RoleKind, Viewer};
use crate::domain::validation::Problem;

fn slug(text: &str) -> CommunitySlug {
    CommunitySlug::parse(text).unwrap()
}

fn form() -> NewsForm {
    NewsForm {
        title: " Le presentazioni del modello ".into(),
        summary: "Due incontri, a Bologna e a Cesena.".into(),
        body: "Il **modello** in breve.\n\n- dieci comunità".into(),
        communities: vec!["dati".into(), "dati".into()],
        meetings: vec!["1".into(), "2".into(), "1".into()],
        state: "pubblicata".into(),
    }
}

#[test]
fn a_good_post_is_trimmed_and_deduplicated() {
    let draft = form().check(&[slug("dati")], &[1, 2, 3]).unwrap();
    assert_eq!(draft.title, "Le presentazioni del modello");
    assert_eq!(draft.communities, [slug("dati")]);
    assert_eq!(draft.meetings, [1, 2]);
    assert!(draft.publish);
}

#[test]
fn every_field_is_checked_and_what_was_typed_comes_back() {
    let bad = NewsForm {
        title: String::new(),
        summary: "s".repeat(601),
        body: "a\u{0}b".into(),
        communities: vec!["<script>".into()],
        meetings: vec!["1 OR 1=1".into()],
        state: "segreta".into(),
    };
    let rejection = bad.check(&[slug("dati")], &[1]).unwrap_err();
    assert_eq!(
        rejection.problems,
        [
            ("titolo".to_owned(), Problem::Required),
            ("sommario".to_owned(), Problem::TooLong { max: 600 }),
            ("testo".to_owned(), Problem::ControlCharacters),
            ("comunita".to_owned(), Problem::UnknownCommunity),
            ("incontri".to_owned(), Problem::UnknownChoice),
            ("stato".to_owned(), Problem::UnknownChoice),
        ]
    );
    assert_eq!(rejection.typed("stato"), "segreta");
    assert_eq!(rejection.typed_all("incontri"), ["1 OR 1=1"]);
}

#[test]
fn staff_publish_everywhere_coordinators_for_their_communities() {
    let viewer = |roles| Viewer {
        person_id: PersonId("p".into()),
        first_name: "Ada".into(),
        roles,
        communities: vec![slug("dati")],
    };
    let staff = viewer(vec![Role::global(RoleKind::Admin)]);
    let coordinator = viewer(vec![Role::in_community(
        RoleKind::Coordinator,
        slug("dati"),
    )]);
    let referent = viewer(vec![Role::in_community(RoleKind::Referent, slug("dati"))]);
    let member = viewer(vec![]);
    let cases = [
        (&staff, vec![], true),
        (&staff, vec![slug("imprese")], true),
        (&coordinator, vec![slug("dati")], true),
        (&coordinator, vec![], false),
        (&coordinator, vec![slug("dati"), slug("imprese")], false),
        (&referent, vec![slug("dati")], false),
        (&member, vec![slug("dati")], false),
    ];
    for (who, communities, allowed) in cases {
        assert_eq!(
            publishes(who, &communities),
            allowed,
            "{who:?} {communities:?}"
        );
    }
}
