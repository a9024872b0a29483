//! Meetings and news: who organises, attends, adds photos and publishes.
use super::*;

#[test]
fn meetings_are_organised_by_their_leads_and_staff_and_attended_by_their_people() {
    let (dati, imprese) = (slug("dati"), slug("imprese"));
    let lead = |kind, community: &CommunitySlug| {
        let mut person = viewer(vec![Role::in_community(kind, community.clone())]);
        person.communities.clear();
        Some(person)
    };
    let outsider = {
        let mut person = viewer(vec![]);
        person.communities.clear();
        Some(person)
    };
    let audiences = [
        Audience::Everyone,
        Audience::Communities(vec![dati.clone()]),
        Audience::Communities(vec![dati.clone(), imprese.clone()]),
        Audience::Communities(vec![]),
        Audience::Leads,
    ];
    // Per person, per audience: (organise and add photos, attend).
    type Rights = [(bool, bool); 5];
    let people: [(&str, Option<Viewer>, Rights); 7] = [
        ("visitor", None, [(false, false); 5]),
        (
            "member of dati",
            Some(viewer(vec![])),
            [
                (false, true),
                (false, true),
                (false, true),
                (false, false),
                (false, false),
            ],
        ),
        (
            "outsider",
            outsider,
            [
                (false, true),
                (false, false),
                (false, false),
                (false, false),
                (false, false),
            ],
        ),
        (
            "coordinator of dati",
            lead(RoleKind::Coordinator, &dati),
            [
                (false, true),
                (true, true),
                (false, true),
                (false, false),
                (true, true),
            ],
        ),
        (
            "referent of imprese",
            lead(RoleKind::Referent, &imprese),
            [
                (false, true),
                (false, false),
                (false, true),
                (false, false),
                (true, true),
            ],
        ),
        (
            "cner member",
            Some(viewer(vec![Role::global(RoleKind::Cner)])),
            [
                (false, true),
                (false, true),
                (false, true),
                (false, false),
                (false, false),
            ],
        ),
        (
            "admin",
            Some(viewer(vec![Role::global(RoleKind::Admin)])),
            [(true, true); 5],
        ),
    ];
    for (who, person, rights) in &people {
        for (audience, (organise, attend)) in audiences.iter().zip(rights) {
            let organising = allows(person.as_ref(), &Action::OrganiseMeeting(audience.clone()));
            let attending = allows(person.as_ref(), &Action::AttendMeeting(audience.clone()));
            let adding_photos =
                allows(person.as_ref(), &Action::AddMeetingPhotos(audience.clone()));
            assert_eq!(organising, *organise, "{who} organising for {audience:?}");
            assert_eq!(
                adding_photos, *organise,
                "{who} adding photos for {audience:?}"
            );
            assert_eq!(attending, *attend, "{who} attending for {audience:?}");
        }
    }
}

#[test]
fn news_is_published_by_staff_and_by_coordinators_for_their_communities() {
    let dati = slug("dati");
    let coordinator = Some(viewer(vec![Role::in_community(
        RoleKind::Coordinator,
        dati.clone(),
    )]));
    let referent = Some(viewer(vec![Role::in_community(
        RoleKind::Referent,
        dati.clone(),
    )]));
    let admin = Some(viewer(vec![Role::global(RoleKind::Admin)]));
    let member = Some(viewer(vec![]));
    let scopes = [
        vec![],
        vec![dati.clone()],
        vec![dati.clone(), slug("imprese")],
    ];
    let expected: [(&Option<Viewer>, [bool; 3]); 5] = [
        (&None, [false; 3]),
        (&member, [false; 3]),
        (&referent, [false; 3]),
        (&coordinator, [false, true, false]),
        (&admin, [true; 3]),
    ];
    for (who, allowed) in expected {
        for (scope, allow) in scopes.iter().zip(allowed) {
            let action = Action::PublishNews(scope.clone());
            assert_eq!(allows(who.as_ref(), &action), allow, "{who:?} {scope:?}");
        }
    }
}
