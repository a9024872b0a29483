use super::form::{MeetingForm, is_web_link};
use super::{Audience, AudienceKind};
use crate::domain::community::CommunitySlug;
use crate::domain::validation::Problem;

fn known() -> Vec<CommunitySlug> {
    ["dati", "imprese"]
        .map(|s| CommunitySlug::parse(s).unwrap())
        .to_vec()
}

fn form() -> MeetingForm {
    MeetingForm {
        title: "  Incontro della comunità Dati  ".into(),
        audience: AudienceKind::Communities.code().into(),
        communities: vec!["dati".into(), "imprese".into(), "dati".into()],
        starts: "2026-10-25T10:00".into(),
        ends: "2026-10-25T12:30".into(),
        place: "Sala 1, viale Aldo Moro 52".into(),
        address: "Viale Aldo Moro 52, Bologna".into(),
        online_url: "https://meet.example.it/dati".into(),
        agenda: "- Apertura\n- Piano 2027".into(),
        minutes: String::new(),
    }
}

fn problems(form: &MeetingForm) -> Vec<(String, Problem)> {
    form.check(&known()).unwrap_err().problems
}

#[test]
fn a_good_meeting_is_trimmed_and_deduplicated() {
    let draft = form().check(&known()).unwrap();
    assert_eq!(draft.title, "Incontro della comunità Dati");
    assert_eq!(draft.audience.communities().len(), 2);
    assert_eq!(draft.ends_at - draft.starts_at, 9_000);
    // 10:00 on the day summer time ends is 09:00 UTC.
    assert_eq!(draft.starts_at % 86_400, 9 * 3600);
    let online_only = MeetingForm {
        place: String::new(),
        audience: "coordinatori".into(),
        ..form()
    };
    assert_eq!(
        online_only.check(&known()).unwrap().audience,
        Audience::Leads
    );
}

#[test]
fn every_field_is_checked_at_once_and_what_was_typed_comes_back() {
    let bad = MeetingForm {
        title: " ".into(),
        audience: "comunita".into(),
        communities: vec!["dati".into(), "'; DROP TABLE meetings; --".into()],
        starts: "2026-03-29T02:30".into(),
        ends: "domani".into(),
        place: String::new(),
        online_url: "javascript:alert(1)".into(),
        agenda: "a".repeat(5_001),
        ..form()
    };
    let rejection = bad.check(&known()).unwrap_err();
    let fields: Vec<&str> = rejection.problems.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        [
            "titolo",
            "comunita",
            "inizio",
            "fine",
            "collegamento",
            "ordine_del_giorno"
        ]
    );
    assert_eq!(rejection.problem("inizio"), Some(&Problem::SkippedTime));
    assert_eq!(rejection.problem("fine"), Some(&Problem::InvalidDateTime));
    assert_eq!(rejection.typed("collegamento"), "javascript:alert(1)");
    assert_eq!(rejection.typed_all("comunita").len(), 2);
}

#[test]
fn times_and_audiences_must_make_sense() {
    let backwards = MeetingForm {
        ends: "2026-10-25T09:59".into(),
        ..form()
    };
    assert_eq!(
        problems(&backwards),
        [("fine".to_owned(), Problem::EndBeforeStart)]
    );
    let endless = MeetingForm {
        ends: "2026-11-02T10:00".into(),
        ..form()
    };
    assert_eq!(
        problems(&endless),
        [("fine".to_owned(), Problem::MeetingTooLong)]
    );
    let nobody = MeetingForm {
        communities: vec![],
        ..form()
    };
    assert_eq!(
        problems(&nobody),
        [("comunita".to_owned(), Problem::NoCommunity)]
    );
    let unknown = MeetingForm {
        audience: "tutti-quanti".into(),
        ..form()
    };
    assert_eq!(
        problems(&unknown),
        [("destinatari".to_owned(), Problem::UnknownChoice)]
    );
}

#[test]
fn only_web_links_are_links() {
    assert!(is_web_link("https://meet.example.it/a?b=c#d"));
    assert!(is_web_link("http://example.it"));
    for bad in [
        "https://",
        "https:///path",
        "ftp://example.it",
        "javascript:alert(1)",
        "https://exa mple.it",
        "https://example.it/\n",
        "example.it",
    ] {
        assert!(!is_web_link(bad), "{bad}");
    }
}

#[test]
fn meetings_say_when_in_italian_time() {
    let draft = form().check(&known()).unwrap();
    let meeting = super::Meeting {
        id: 1,
        title: draft.title,
        audience: draft.audience,
        starts_at: draft.starts_at,
        ends_at: draft.ends_at,
        place: String::new(),
        address: String::new(),
        online_url: String::new(),
        agenda: String::new(),
        minutes: String::new(),
        revision: 0,
        updated_at: String::new(),
        materials: vec![],
        attending: 0,
    };
    assert_eq!(meeting.when(), "domenica 25 ottobre 2026, 10:00–12:30");
    assert_eq!(
        super::machine_time(meeting.starts_at),
        "2026-10-25T09:00:00Z"
    );
    let overnight = super::Meeting {
        ends_at: meeting.starts_at + 86_400,
        ..meeting
    };
    assert_eq!(
        overnight.when(),
        "domenica 25 ottobre 2026, 10:00 – lunedì 26 ottobre 2026, 10:00"
    );
}
