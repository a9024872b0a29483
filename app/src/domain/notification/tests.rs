use super::preferences::{DigestFrequency, KindChoice, Preferences};
use super::{Kind, MailMode, Notification, by_day};
use crate::domain::community::CommunitySlug;

fn slug(text: &str) -> CommunitySlug {
    CommunitySlug::parse(text).unwrap()
}

fn at(id: i64, created_at: i64) -> Notification {
    Notification {
        id,
        kind: Kind::News,
        subject: format!("Notizia {id}"),
        actor: None,
        href: format!("/notizie/{id}"),
        created_at,
        read: false,
    }
}

#[test]
fn the_list_is_grouped_by_italian_day() {
    // 2024-10-26 23:30 and 2024-10-27 00:30 in Italy (summer time), then 10:00.
    let list = [
        at(3, 1_729_981_800 + 3600 * 10),
        at(2, 1_729_981_800),
        at(1, 1_729_978_200),
    ];
    let days: Vec<(String, Vec<i64>)> = by_day(&list)
        .into_iter()
        .map(|(day, items)| (day, items.iter().map(|n| n.id).collect()))
        .collect();
    assert_eq!(
        days,
        [
            ("2024-10-27".to_owned(), vec![3, 2]),
            ("2024-10-26".to_owned(), vec![1])
        ]
    );
}

#[test]
fn mentions_and_deadlines_are_mailed_at_once_the_rest_weekly() {
    let preferences = Preferences::default();
    assert_eq!(preferences.digest, DigestFrequency::Weekly);
    for kind in Kind::ALL.iter().copied() {
        let delivery = preferences.delivery(kind, None).unwrap();
        assert!(delivery.in_app, "{kind:?}");
        let expected = match kind {
            Kind::Mention | Kind::Deadline => MailMode::Now,
            _ => MailMode::Digest,
        };
        assert_eq!(delivery.mail, expected, "{kind:?}");
    }
}

#[test]
fn a_silenced_community_keeps_only_mentions() {
    let preferences = Preferences {
        muted: vec![slug("dati")],
        ..Preferences::default()
    };
    assert_eq!(preferences.delivery(Kind::News, Some(&slug("dati"))), None);
    assert!(
        preferences
            .delivery(Kind::News, Some(&slug("imprese")))
            .is_some()
    );
    assert!(
        preferences
            .delivery(Kind::Mention, Some(&slug("dati")))
            .is_some()
    );
}

#[test]
fn with_the_digest_off_digest_kinds_stay_in_the_application() {
    let mut preferences = Preferences {
        digest: DigestFrequency::Off,
        ..Preferences::default()
    };
    let news = preferences.delivery(Kind::News, None).unwrap();
    assert_eq!((news.in_app, news.mail), (true, MailMode::Off));
    preferences.kinds[Kind::ALL.iter().position(|&k| k == Kind::News).unwrap()] = KindChoice {
        kind: Kind::News,
        in_app: false,
        mail: MailMode::Digest,
    };
    assert_eq!(
        preferences.delivery(Kind::News, None),
        None,
        "nowhere to go"
    );
    let mention = preferences.delivery(Kind::Mention, None).unwrap();
    assert_eq!(
        mention.mail,
        MailMode::Now,
        "the digest does not touch mails sent at once"
    );
}
