//! How many live connections each person holds on this instance: a person may open the board in
//! a few tabs and devices, not in hundreds.

use std::collections::HashMap;
use std::sync::Mutex;

use super::Hub;
use crate::domain::person::PersonId;

/// The open connections per person.
#[derive(Default)]
pub(super) struct Seats(Mutex<HashMap<PersonId, usize>>);

/// One of a person's connections; its seat frees when dropped.
pub struct Seat {
    hub: Hub,
    person: PersonId,
}

impl Hub {
    /// A seat for one more connection of `person`, unless they already hold `max`.
    pub fn take_seat(&self, person: &PersonId, max: usize) -> Option<Seat> {
        let mut seats = self
            .shared
            .seats
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let held = seats.entry(person.clone()).or_default();
        if *held >= max {
            return None;
        }
        *held += 1;
        Some(Seat {
            hub: self.clone(),
            person: person.clone(),
        })
    }
}

impl Drop for Seat {
    fn drop(&mut self) {
        let mut seats = self
            .hub
            .shared
            .seats
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(held) = seats.get_mut(&self.person) {
            *held -= 1;
            if *held == 0 {
                seats.remove(&self.person);
            }
        }
    }
}
