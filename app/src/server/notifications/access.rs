//! Whether a person may still read what a notification is about: checked when the list is
//! shown and before a mail goes out, so that someone who lost access is not told of it.

use std::collections::HashMap;

use super::scope;
use crate::domain::community::CommunitySlug;
use crate::domain::cycle::Phase;
use crate::domain::person::PersonId;
use crate::domain::policy::{Action, allows};
use crate::domain::role::Viewer;
use crate::error::AppError;
use crate::server::db::{self, Db};

/// Answers for many notifications at once, reading each person and cycle once.
pub struct Access<'a> {
    db: &'a Db,
    viewers: HashMap<String, Option<Viewer>>,
    phases: HashMap<i32, Option<Phase>>,
}

impl<'a> Access<'a> {
    pub fn new(db: &'a Db) -> Self {
        Self {
            db,
            viewers: HashMap::new(),
            phases: HashMap::new(),
        }
    }

    /// Answers for `viewer`, already read (the person of the request), without reading them again.
    pub fn of(db: &'a Db, viewer: &Viewer) -> Self {
        let mut access = Self::new(db);
        let known = Some(viewer.clone());
        access.viewers.insert(viewer.person_id.0.clone(), known);
        access
    }

    /// Whether `person` may read what `scope` names; an unknown scope is not readable.
    pub async fn allows(&mut self, person: &PersonId, scope: &str) -> Result<bool, AppError> {
        let Some(needed) = self.action(scope).await? else {
            return Ok(false);
        };
        let Some(action) = needed else {
            return Ok(true);
        };
        if !self.viewers.contains_key(&person.0) {
            let viewer = db::people::viewer(self.db, person).await?;
            self.viewers.insert(person.0.clone(), viewer);
        }
        let viewer = self.viewers.get(&person.0).and_then(Option::as_ref);
        Ok(viewer.is_some() && allows(viewer, &action))
    }

    /// The action reading `scope` takes (`Some(None)` for a public one), or `None` when the
    /// scope is unknown or its cycle is gone.
    async fn action(&mut self, scope: &str) -> Result<Option<Option<Action>>, AppError> {
        if scope == scope::PUBLIC {
            return Ok(Some(None));
        }
        let parts: Vec<&str> = scope.split(':').collect();
        let year = match parts.get(1).map(|year| year.parse::<i32>()) {
            Some(Ok(year)) => year,
            _ => return Ok(None),
        };
        let Some(phase) = self.phase(year).await? else {
            return Ok(None);
        };
        Ok(match parts.as_slice() {
            [scope::PLAN, _, community] => CommunitySlug::parse(community)
                .ok()
                .map(|community| Some(Action::ReadPlan(community, phase))),
            [scope::REMARKS, _, community] => CommunitySlug::parse(community)
                .ok()
                .map(|community| Some(Action::ReadRemarks(community, phase))),
            [scope::BOARD, _] => Some(Some(Action::ReadBoard(phase))),
            [scope::VALIDATION, _] => Some(Some(Action::ReadValidation(phase))),
            _ => None,
        })
    }

    async fn phase(&mut self, year: i32) -> Result<Option<Phase>, AppError> {
        if !self.phases.contains_key(&year) {
            let phase = db::cycles::find(self.db, year).await?.map(|c| c.phase);
            self.phases.insert(year, phase);
        }
        Ok(self.phases.get(&year).copied().flatten())
    }
}
