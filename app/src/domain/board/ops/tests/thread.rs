//! Replies, edits, deletions, resolving and reopening.

use super::*;

/// Ada's comment on the plan of `dati`, as stored.
fn stored() -> Annotation {
    create(new(AnnotationKind::Comment)).expect("created")
}

fn by(who: &str, op: BoardOp, current: &Annotation) -> Result<Annotation, AppError> {
    apply(
        &op,
        Some(current),
        &actor(who),
        2025,
        "2025-03-11T10:00:00Z",
        9,
    )
}

fn id() -> AnnotationId {
    AnnotationId("annotazione001".into())
}

fn reply_op(reply: &str, body: &str) -> BoardOp {
    BoardOp::Reply {
        annotation: id(),
        reply: AnnotationId(reply.into()),
        body: body.into(),
    }
}

fn edit(reply: Option<&str>, body: &str) -> BoardOp {
    BoardOp::Edit {
        annotation: id(),
        reply: reply.map(|r| AnnotationId(r.into())),
        body: body.into(),
    }
}

fn delete(reply: Option<&str>) -> BoardOp {
    BoardOp::Delete {
        annotation: id(),
        reply: reply.map(|r| AnnotationId(r.into())),
    }
}

fn resolve(outcome: Outcome, reason: &str) -> BoardOp {
    BoardOp::Resolve {
        annotation: id(),
        outcome,
        reason: reason.into(),
    }
}

fn reopen() -> BoardOp {
    BoardOp::Reopen { annotation: id() }
}

/// Ada's comment with Bea's reply `risposta0000001`.
fn replied() -> Annotation {
    by(
        "bea",
        reply_op("risposta0000001", " Sì, <b>d'accordo</b> "),
        &stored(),
    )
    .expect("replied")
}

#[test]
fn anyone_replies_to_a_live_thread() {
    let replied = replied();
    assert_eq!(replied.event, 9);
    let [reply] = replied.replies.as_slice() else {
        panic!("one reply expected")
    };
    assert_eq!(reply.id, AnnotationId("risposta0000001".into()));
    assert_eq!(reply.author, actor("bea").author);
    assert_eq!(reply.body, "Sì, <b>d'accordo</b>");
    assert_eq!(reply.created_at, "2025-03-11T10:00:00Z");
    assert!(!reply.deleted && reply.history.is_empty());
    assert_eq!(replied.body, stored().body);

    let twice = by("bea", reply_op("risposta0000001", "ancora"), &replied);
    assert_eq!(problems(twice), problem("id", Problem::Stale));
    let malformed = by("bea", reply_op("R1", "ok"), &replied);
    assert_eq!(problems(malformed), problem("id", Problem::UnknownChoice));
    let long = by(
        "bea",
        reply_op("risposta0000002", &"x".repeat(4001)),
        &replied,
    );
    assert_eq!(
        problems(long),
        problem("testo", Problem::TooLong { max: MAX_BODY })
    );
    let missing = apply(
        &reply_op("risposta0000002", "ok"),
        None,
        &actor("bea"),
        2025,
        NOW,
        9,
    );
    assert_eq!(missing, Err(AppError::NotFound));
    let deleted = by("ada", delete(None), &replied).expect("deleted");
    let on_deleted = by("bea", reply_op("risposta0000002", "ok"), &deleted);
    assert_eq!(on_deleted, Err(AppError::NotFound));
}

#[test]
fn a_change_about_another_annotation_finds_nothing() {
    let mut other = stored();
    other.id = AnnotationId("altraannotazione".into());
    assert_eq!(
        by("bea", reply_op("risposta0000001", "ok"), &other),
        Err(AppError::NotFound)
    );
}

#[test]
fn only_authors_edit_and_the_old_text_is_kept() {
    let edited = by("ada", edit(None, " Nuovo testo "), &replied()).expect("edited");
    assert_eq!(edited.body, "Nuovo testo");
    assert_eq!(
        edited.history,
        [Revision {
            body: "Un commento di Nicolò D'Alì 🎉".into(),
            replaced_at: "2025-03-11T10:00:00Z".into(),
        }]
    );
    assert_eq!(edited.event, 9);
    let reply = by("bea", edit(Some("risposta0000001"), "Meglio"), &edited).expect("edited");
    assert_eq!(reply.replies[0].body, "Meglio");
    assert_eq!(reply.replies[0].history[0].body, "Sì, <b>d'accordo</b>");
    assert_eq!(reply.body, "Nuovo testo");

    assert_eq!(
        by("bea", edit(None, "mio"), &edited),
        Err(AppError::Forbidden)
    );
    let others_reply = by("ada", edit(Some("risposta0000001"), "x"), &edited);
    assert_eq!(others_reply, Err(AppError::Forbidden));
    let no_reply = by("ada", edit(Some("risposta0000009"), "x"), &edited);
    assert_eq!(no_reply, Err(AppError::NotFound));
    assert_eq!(
        problems(by("ada", edit(None, " "), &edited)),
        problem("testo", Problem::Required)
    );
}

#[test]
fn deleting_empties_the_text_into_the_history() {
    let deleted = by("ada", delete(None), &replied()).expect("deleted");
    assert!(deleted.deleted);
    assert_eq!(deleted.body, "");
    assert_eq!(deleted.history[0].body, "Un commento di Nicolò D'Alì 🎉");
    assert_eq!(by("ada", delete(None), &deleted), Err(AppError::NotFound));
    assert_eq!(
        by("ada", edit(None, "x"), &deleted),
        Err(AppError::NotFound)
    );
    assert_eq!(
        by("bea", delete(None), &replied()),
        Err(AppError::Forbidden)
    );
    // A reply of a deleted annotation can still be deleted by its author, not edited.
    let reply = Some("risposta0000001");
    assert_eq!(
        by("bea", edit(reply, "x"), &deleted),
        Err(AppError::NotFound)
    );
    let gone = by("bea", delete(reply), &deleted).expect("reply deleted");
    assert!(gone.replies[0].deleted);
    assert_eq!(gone.replies[0].body, "");
    assert_eq!(by("bea", delete(reply), &gone), Err(AppError::NotFound));
}

#[test]
fn authors_and_leads_resolve_and_reopen() {
    let accepted = by("ada", resolve(Outcome::Accepted, ""), &stored()).expect("resolved");
    assert_eq!(
        accepted.status,
        Status::Resolved {
            outcome: Outcome::Accepted,
            reason: String::new(),
            by: actor("ada").author,
            at: "2025-03-11T10:00:00Z".into(),
        }
    );
    assert_eq!(accepted.event, 9);
    let again = by("ada", resolve(Outcome::Parked, ""), &accepted);
    assert_eq!(problems(again), problem("stato", Problem::Stale));

    assert_eq!(
        by("bea", resolve(Outcome::Parked, ""), &stored()),
        Err(AppError::Forbidden)
    );
    let mut lead = actor("bea");
    lead.resolves = vec![slug("imprese"), slug("dati")];
    let parked = apply(
        &resolve(Outcome::Parked, " dopo "),
        Some(&stored()),
        &lead,
        2025,
        NOW,
        10,
    );
    assert!(matches!(
        parked.map(|a| a.status),
        Ok(Status::Resolved { outcome: Outcome::Parked, reason, .. }) if reason == "dopo"
    ));
    let mut elsewhere = actor("bea");
    elsewhere.resolves = vec![slug("imprese")];
    let refused = apply(&reopen(), Some(&accepted), &elsewhere, 2025, NOW, 10);
    assert_eq!(refused, Err(AppError::Forbidden));

    let reopened = apply(&reopen(), Some(&accepted), &lead, 2025, NOW, 11).expect("reopened");
    assert_eq!((reopened.status, reopened.event), (Status::Open, 11));
    assert_eq!(
        problems(by("ada", reopen(), &stored())),
        problem("stato", Problem::Stale)
    );
    let deleted = by("ada", delete(None), &stored()).expect("deleted");
    let closing = by("ada", resolve(Outcome::Accepted, ""), &deleted);
    assert_eq!(closing, Err(AppError::NotFound));
}

#[test]
fn a_rejection_needs_a_sound_reason() {
    let without = by("ada", resolve(Outcome::Rejected, "  "), &stored());
    assert_eq!(problems(without), problem("motivo", Problem::Required));
    let long = by(
        "ada",
        resolve(Outcome::Rejected, &"m".repeat(4001)),
        &stored(),
    );
    assert_eq!(
        problems(long),
        problem("motivo", Problem::TooLong { max: MAX_BODY })
    );
    let control = by("ada", resolve(Outcome::Accepted, "a\u{0}"), &stored());
    assert_eq!(
        problems(control),
        problem("motivo", Problem::ControlCharacters)
    );
    let rejected = by("ada", resolve(Outcome::Rejected, "Fuori tema"), &stored());
    assert!(matches!(
        rejected.map(|a| a.status),
        Ok(Status::Resolved { outcome: Outcome::Rejected, reason, .. }) if reason == "Fuori tema"
    ));
}
