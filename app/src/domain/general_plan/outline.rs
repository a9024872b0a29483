//! The general plan as a sequence of blocks: headings, text, facts, tables and quotes. The web
//! page and the documents are all drawn from this one outline, so they carry the same text.

use serde::{Deserialize, Serialize};

use super::GeneralPlan;
use super::parts::{CALENDAR, INTRODUCTION, NUMBERS, PLANS, SUMMARY};

mod board_parts;
mod plan_part;

use crate::domain::community::CommunitySlug;
use crate::domain::numbers::{Day, thousands};
use crate::i18n::{general_plan_texts, plan_texts};
use board_parts::{integrated, synergies};
use plan_part::community_plan;

/// One block of the outline. Text is the small markdown of plans; everything else is plain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// A heading of `level` 2 to 5 (the title is level 1), with its anchor id.
    Heading {
        level: u8,
        id: String,
        text: String,
    },
    Text(String),
    /// Terms and their values.
    Facts(Vec<(String, String)>),
    Table(Table),
    /// A passage quoted from the board, and who wrote what about it.
    Quote {
        quote: String,
        body: String,
        by: String,
    },
}

/// A table whose rows each start with their header cell; rows may carry an anchor id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<(Option<String>, Vec<String>)>,
}

/// The outline of `plan`, in reading order.
pub fn outline(plan: &GeneralPlan) -> Vec<Block> {
    let t = general_plan_texts();
    let mut blocks = Vec::new();
    let text_part = |id: &str, title: &str, text: &str, blocks: &mut Vec<Block>| {
        blocks.push(heading(2, id, title));
        blocks.push(Block::Text(if text.trim().is_empty() {
            t.not_written.to_owned()
        } else {
            text.to_owned()
        }));
    };
    text_part(
        INTRODUCTION,
        t.introduction,
        &plan.text.introduction,
        &mut blocks,
    );
    text_part(SUMMARY, t.summary, &plan.text.summary, &mut blocks);
    calendar(plan, &mut blocks);
    numbers(plan, &mut blocks);
    integrated(plan, &mut blocks);
    synergies(plan, &mut blocks);
    blocks.push(heading(2, PLANS, t.plans));
    for part in &plan.plans {
        community_plan(part, &mut blocks);
    }
    blocks
}

/// The entries of the table of contents: the headings of levels 2 and 3.
pub fn contents(blocks: &[Block]) -> Vec<(u8, &str, &str)> {
    blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, id, text } if *level <= 3 => {
                Some((*level, id.as_str(), text.as_str()))
            }
            _ => None,
        })
        .collect()
}

pub(super) fn heading(level: u8, id: &str, text: &str) -> Block {
    Block::Heading {
        level,
        id: id.to_owned(),
        text: text.to_owned(),
    }
}

fn calendar(plan: &GeneralPlan, blocks: &mut Vec<Block>) {
    let t = general_plan_texts();
    blocks.push(heading(2, CALENDAR, t.calendar));
    let rows = plan
        .assembled
        .deadlines
        .iter()
        .map(|d| {
            (
                None,
                vec![d.phase.label().to_owned(), plan_texts().long_date(&d.day)],
            )
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: (t.calendar_caption)(plan.year),
        head: vec![t.calendar_phase.to_owned(), t.calendar_deadline.to_owned()],
        rows,
    }));
}

fn numbers(plan: &GeneralPlan, blocks: &mut Vec<Block>) {
    let t = general_plan_texts();
    let numbers = &plan.assembled.numbers;
    blocks.push(heading(2, NUMBERS, t.numbers));
    let day = Day::parse_any(&numbers.day).map_or_else(|_| numbers.day.clone(), |d| d.long());
    blocks.push(Block::Text((t.numbers_line)(
        &day,
        &thousands(numbers.signups),
        &thousands(numbers.bodies),
        &thousands(numbers.people),
    )));
    let rows = numbers
        .by_community
        .iter()
        .map(|c| (None, vec![c.name.clone(), thousands(c.signups)]))
        .collect();
    blocks.push(Block::Table(Table {
        caption: t.numbers_caption.to_owned(),
        head: vec![t.numbers_community.to_owned(), t.numbers_signups.to_owned()],
        rows,
    }));
}

pub(super) fn community_name(plan: &GeneralPlan, slug: &CommunitySlug) -> String {
    plan.plans
        .iter()
        .find(|p| &p.community == slug)
        .map_or_else(|| slug.to_string(), |p| p.name.clone())
}

pub(super) fn joined(items: &[String]) -> String {
    if items.is_empty() {
        plan_texts().none.to_owned()
    } else {
        items.join("; ")
    }
}
