//! The editor's state and its saving: a moment after the last keystroke the plan is saved as
//! a new version on top of the version it was loaded from; a refused save keeps everything.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;

use super::draft::{self, Draft};
use crate::api::plans::save_plan;
use crate::domain::plan::check::check;
use crate::domain::plan::pages::{MeetingChoice, SaveOutcome};
use crate::domain::plan::{Plan, PlanContent};
use crate::domain::validation::Rejection;
use crate::error::AppError;

/// How long after the last keystroke the plan is saved, in milliseconds.
const AUTOSAVE_AFTER_MS: u32 = 1_200;
/// The first and the longest wait before saving again after the server did not answer.
const RETRY_FIRST_MS: u32 = 2_000;
const RETRY_MAX_MS: u32 = 60_000;

/// Where the edits stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Saved(i64),
    Dirty,
    Saving,
    Offline,
    Invalid,
    /// Someone saved first; this is their version.
    Conflict(Box<Plan>),
}

/// The plan being edited and everything about its saving. Copy: every part is a signal.
#[derive(Clone, Copy)]
pub struct Editor {
    pub year: i32,
    pub slug: StoredValue<String>,
    pub content: RwSignal<PlanContent>,
    /// The saved version the edits build on, and what it says (for merging).
    pub base: RwSignal<i64>,
    pub base_content: RwSignal<PlanContent>,
    pub status: RwSignal<Status>,
    pub problems: RwSignal<Rejection>,
    /// Bumped when the content is replaced as a whole, so the form is drawn again from it.
    pub generation: RwSignal<u64>,
    pub restored: RwSignal<bool>,
    /// The meetings of `/incontri` the calendar's lines may announce.
    pub meetings: StoredValue<Vec<MeetingChoice>>,
    /// The pending autosave. Wrapped rather than kept in local storage: the editor is also made
    /// while rendering on the server, where it may be dropped on another thread.
    timer: StoredValue<Option<SendWrapper<Timeout>>>,
    in_flight: StoredValue<bool>,
    again: StoredValue<bool>,
    retry_ms: StoredValue<u32>,
}

impl Editor {
    /// An editor on `plan` at its current version, its calendar announcing `meetings`.
    pub fn new(plan: &Plan, meetings: Vec<MeetingChoice>) -> Self {
        Self {
            year: plan.year,
            slug: StoredValue::new(plan.community.to_string()),
            content: RwSignal::new(plan.content.clone()),
            base: RwSignal::new(plan.version.number),
            base_content: RwSignal::new(plan.content.clone()),
            status: RwSignal::new(Status::Saved(plan.version.number)),
            problems: RwSignal::new(Rejection::default()),
            generation: RwSignal::new(0),
            restored: RwSignal::new(false),
            meetings: StoredValue::new(meetings),
            timer: StoredValue::new(None),
            in_flight: StoredValue::new(false),
            again: StoredValue::new(false),
            retry_ms: StoredValue::new(RETRY_FIRST_MS),
        }
    }

    /// Picks up the edits left in this browser: newer than the server's version, they are
    /// restored and saved; built on an older version, saving them leads to the merge.
    pub fn restore_draft(self) {
        let Some(left) = draft::load(self.year, &self.slug.get_value()) else {
            return;
        };
        let server = self.base.get_untracked();
        if left.base > server || left.content == self.content.get_untracked() {
            draft::clear(self.year, &self.slug.get_value());
            return;
        }
        self.base.set(left.base);
        self.base_content.set(left.base_content);
        self.content.set(left.content);
        self.restored.set(true);
        self.redraw();
        self.save_now();
    }

    /// Applies one change typed by the person, keeps it in the browser and schedules a save.
    pub fn edit(self, change: impl FnOnce(&mut PlanContent)) {
        self.content.update(change);
        self.keep_draft();
        if !matches!(self.status.get_untracked(), Status::Conflict(_)) {
            self.status.set(Status::Dirty);
            self.schedule(AUTOSAVE_AFTER_MS);
        }
    }

    /// Replaces the whole content (after a merge) on top of version `base`, and saves it.
    pub fn replace(self, base: i64, base_content: PlanContent, content: PlanContent) {
        self.base.set(base);
        self.base_content.set(base_content);
        self.content.set(content);
        self.status.set(Status::Dirty);
        self.keep_draft();
        self.redraw();
        self.save_now();
    }

    /// Drops the edits and takes `plan` as it was saved.
    pub fn discard_for(self, plan: &Plan) {
        draft::clear(self.year, &self.slug.get_value());
        self.base.set(plan.version.number);
        self.base_content.set(plan.content.clone());
        self.content.set(plan.content.clone());
        self.problems.set(Rejection::default());
        self.status.set(Status::Saved(plan.version.number));
        self.redraw();
    }

    /// Saves now: checks the plan, sends it, and handles the answer.
    pub fn save_now(self) {
        self.timer.update_value(|timer| drop(timer.take()));
        if matches!(self.status.get_untracked(), Status::Conflict(_)) {
            return;
        }
        if self.in_flight.get_value() {
            self.again.set_value(true);
            return;
        }
        let sent = self.content.get_untracked();
        if let Err(rejection) = check(&sent) {
            self.problems.set(rejection);
            self.status.set(Status::Invalid);
            return;
        }
        self.problems.set(Rejection::default());
        self.in_flight.set_value(true);
        self.status.set(Status::Saving);
        let base = self.base.get_untracked();
        spawn_local(async move {
            let answer = save_plan(self.year, self.slug.get_value(), base, sent.clone()).await;
            self.in_flight.set_value(false);
            self.answered(answer, sent);
            if self.again.get_value() {
                self.again.set_value(false);
                self.save_now();
            }
        });
    }

    fn answered(self, answer: Result<SaveOutcome, AppError>, sent: PlanContent) {
        match answer {
            Ok(SaveOutcome::Saved(version)) => {
                self.retry_ms.set_value(RETRY_FIRST_MS);
                self.base.set(version.number);
                self.base_content.set(sent.clone());
                if self.content.with_untracked(|now| *now == sent) {
                    draft::clear(self.year, &self.slug.get_value());
                    self.status.set(Status::Saved(version.number));
                } else {
                    self.keep_draft();
                    self.status.set(Status::Dirty);
                    self.again.set_value(true);
                }
            }
            Ok(SaveOutcome::Conflict(theirs)) => self.status.set(Status::Conflict(theirs)),
            Err(AppError::Invalid(rejection)) => {
                self.problems.set(*rejection);
                self.status.set(Status::Invalid);
            }
            Err(_) => {
                self.status.set(Status::Offline);
                let wait = self.retry_ms.get_value();
                self.retry_ms.set_value((wait * 2).min(RETRY_MAX_MS));
                self.schedule(wait);
            }
        }
    }

    fn schedule(self, after_ms: u32) {
        let timeout = Timeout::new(after_ms, move || self.save_now());
        self.timer.set_value(Some(SendWrapper::new(timeout)));
    }

    fn keep_draft(self) {
        let draft = Draft {
            base: self.base.get_untracked(),
            base_content: self.base_content.get_untracked(),
            content: self.content.get_untracked(),
        };
        draft::store(self.year, &self.slug.get_value(), &draft);
    }

    fn redraw(self) {
        self.generation.update(|g| *g += 1);
    }

    /// The message of the problem with field `key`, if the last check refused it.
    pub fn problem(self, key: &str) -> Option<String> {
        self.problems
            .with(|problems| problems.problem(key).map(|p| p.message()))
    }
}
