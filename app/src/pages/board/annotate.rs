//! The state of the new-annotation form: kept in its own signals (so live changes never touch
//! what is being typed) and in local storage (so a reload loses nothing), and its submit.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use send_wrapper::SendWrapper;

use super::annotate_problems::{FIELDS, check};
use super::context::BoardContext;
use super::draft::{self, FormDraft};
use super::plan_column::column_body_id;
use super::submit::{random_key, send};
use crate::domain::board::ops::{BoardOp, NewAnnotation};
use crate::domain::board::{Anchor, AnnotationId, AnnotationKind, ItemRef, Proposal};
use crate::domain::community::CommunitySlug;
use crate::domain::validation::Rejection;
use crate::error::AppError;
use crate::i18n::{board_texts, texts};

/// What the open form annotates, and the id the annotation will have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub id: AnnotationId,
    pub community: CommunitySlug,
    pub anchor: Anchor,
}

/// The new-annotation form, provided as a context by the board page.
#[derive(Clone, Copy)]
pub struct AnnotateForm {
    board: BoardContext,
    pub year: i32,
    /// `None` while the form is closed.
    pub target: RwSignal<Option<Target>>,
    pub kind: RwSignal<AnnotationKind>,
    pub body: RwSignal<String>,
    pub synergy: RwSignal<Option<ItemRef>>,
    pub title: RwSignal<String>,
    /// The other communities of a proposal.
    pub communities: RwSignal<Vec<CommunitySlug>>,
    pub problems: RwSignal<Option<Rejection>>,
    /// Why the last submit failed, when not because of a field.
    pub failure: RwSignal<Option<String>>,
    pub sending: RwSignal<bool>,
    /// Whether the form was reopened from a draft left before a reload.
    pub restored: RwSignal<bool>,
    /// Whether a half-written annotation was put aside (Escape): kept, to resume or discard.
    pub set_aside: RwSignal<bool>,
    pub dialog: NodeRef<html::Dialog>,
    /// Where the focus goes back when the form closes. Wrapped: the form is also made while
    /// rendering on the server.
    opener: StoredValue<Option<SendWrapper<web_sys::HtmlElement>>>,
}

impl AnnotateForm {
    /// A closed form for the board of `year`.
    pub fn new(board: BoardContext, year: i32) -> Self {
        Self {
            board,
            year,
            target: RwSignal::new(None),
            kind: RwSignal::new(AnnotationKind::Comment),
            body: RwSignal::new(String::new()),
            synergy: RwSignal::new(None),
            title: RwSignal::new(String::new()),
            communities: RwSignal::new(Vec::new()),
            problems: RwSignal::new(None),
            failure: RwSignal::new(None),
            sending: RwSignal::new(false),
            restored: RwSignal::new(false),
            set_aside: RwSignal::new(false),
            dialog: NodeRef::new(),
            opener: StoredValue::new(None),
        }
    }

    /// Opens the form on `anchor` of `community`'s plan, with a fresh annotation id; the focus
    /// goes back to `opener` afterwards.
    pub fn open(
        self,
        community: CommunitySlug,
        anchor: Anchor,
        opener: Option<web_sys::HtmlElement>,
    ) {
        if self.sending.get_untracked() {
            return;
        }
        self.fill(FormDraft {
            year: self.year,
            id: random_key(),
            community,
            anchor,
            kind: AnnotationKind::Comment,
            body: String::new(),
            synergy: None,
            title: String::new(),
            communities: Vec::new(),
        });
        self.restored.set(false);
        self.set_aside.set(false);
        self.opener.set_value(opener.map(SendWrapper::new));
        self.keep();
        self.show();
    }

    /// Reopens the annotation left half-written in this browser, if it is for this board.
    pub fn restore(self) {
        self.set_aside.set(false);
        let Some(left) = draft::load_form() else {
            return;
        };
        let known = self
            .board
            .view
            .with_untracked(|v| v.plan(&left.community).is_some());
        if left.year != self.year || !known {
            draft::clear_form();
            return;
        }
        self.fill(left);
        self.restored.set(true);
        self.show();
    }

    /// Keeps what the form holds in local storage.
    pub fn keep(self) {
        if let Some(target) = self.target.get_untracked() {
            draft::store_form(&FormDraft {
                year: self.year,
                id: target.id,
                community: target.community,
                anchor: target.anchor,
                kind: self.kind.get_untracked(),
                body: self.body.get_untracked(),
                synergy: self.synergy.get_untracked(),
                title: self.title.get_untracked(),
                communities: self.communities.get_untracked(),
            });
        }
    }

    /// Closes the form and forgets what it held.
    pub fn cancel(self) {
        draft::clear_form();
        self.close();
    }

    /// Closes the form (Escape); what it held is kept to resume, unless nothing was written.
    pub fn put_aside(self) {
        let written = !self.body.with_untracked(|b| b.trim().is_empty())
            || !self.title.with_untracked(|t| t.trim().is_empty());
        if !written {
            return self.cancel();
        }
        self.keep();
        self.close();
        self.set_aside.set(true);
    }

    /// Forgets the annotation put aside.
    pub fn discard(self) {
        draft::clear_form();
        self.set_aside.set(false);
    }

    /// Checks the form and sends it; closes it once published.
    pub fn submit(self) {
        let Some(target) = self.target.get_untracked() else {
            return;
        };
        if self.sending.get_untracked() {
            return;
        }
        let new = self.annotation(target);
        if let Some(rejection) = check(&new) {
            self.refused(rejection);
            return;
        }
        self.problems.set(None);
        self.failure.set(None);
        self.sending.set(true);
        spawn_local_scoped(async move {
            let result = send(self.year, BoardOp::Create(new)).await;
            self.sending.set(false);
            match result {
                Ok(_) => {
                    self.cancel();
                    self.board
                        .announcement
                        .set(board_texts().published.to_owned());
                }
                Err(AppError::Invalid(rejection)) => self.refused(*rejection),
                Err(AppError::Unavailable | AppError::Internal) => {
                    self.failure.set(Some(board_texts().send_failed.to_owned()));
                }
                Err(error) => self.failure.set(Some(error.message())),
            }
        });
    }

    fn fill(self, draft: FormDraft) {
        self.target.set(Some(Target {
            id: draft.id,
            community: draft.community,
            anchor: draft.anchor,
        }));
        self.kind.set(draft.kind);
        self.body.set(draft.body);
        self.synergy.set(draft.synergy);
        self.title.set(draft.title);
        self.communities.set(draft.communities);
        self.problems.set(None);
        self.failure.set(None);
    }

    /// Shows the dialog once its content is drawn.
    fn show(self) {
        request_animation_frame(move || {
            if let Some(dialog) = self.dialog.get_untracked()
                && !dialog.open()
            {
                let _ = dialog.show_modal();
            }
        });
    }

    fn close(self) {
        let Some(target) = self.target.get_untracked() else {
            return;
        };
        self.target.set(None);
        if let Some(dialog) = self.dialog.get_untracked() {
            dialog.close();
        }
        let opener = self.opener.try_update_value(Option::take).flatten();
        let column = column_body_id(target.community.as_str());
        request_animation_frame(move || {
            let opener = opener.map(SendWrapper::take).filter(|o| o.is_connected());
            let fallback = || {
                use leptos::wasm_bindgen::JsCast;
                let element = document().get_element_by_id(&column)?;
                element.dyn_into::<web_sys::HtmlElement>().ok()
            };
            if let Some(element) = opener.or_else(fallback) {
                let _ = element.focus();
            }
        });
    }

    /// The annotation the form describes.
    fn annotation(self, target: Target) -> NewAnnotation {
        let kind = self.kind.get_untracked();
        let proposal = (kind == AnnotationKind::Proposal).then(|| Proposal {
            title: self.title.get_untracked().trim().to_owned(),
            communities: std::iter::once(target.community.clone())
                .chain(self.communities.get_untracked())
                .collect(),
        });
        NewAnnotation {
            id: target.id,
            community: target.community,
            anchor: target.anchor,
            kind,
            body: self.body.get_untracked().trim().to_owned(),
            synergy: self
                .synergy
                .get_untracked()
                .filter(|_| kind == AnnotationKind::Synergy),
            proposal,
        }
    }

    /// Shows the problems and moves the focus to the first field concerned.
    fn refused(self, rejection: Rejection) {
        let first = FIELDS
            .iter()
            .find(|(field, _)| rejection.problem(field).is_some());
        if first.is_none() {
            self.failure.set(Some(texts().error_invalid.to_owned()));
        }
        let id = first.map(|(_, id)| *id);
        self.problems.set(Some(rejection));
        request_animation_frame(move || {
            use leptos::wasm_bindgen::JsCast;
            let element = id.and_then(|id| document().get_element_by_id(id));
            if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = element.focus();
            }
        });
    }
}
