//! One community's plan in the general plan: its sections and items under anchors that carry
//! the community's slug, since item ids are unique only within their plan.

use super::{Block, Table, heading, joined};
use crate::domain::general_plan::PlanPart;
use crate::domain::general_plan::parts::{item_anchor, plan_anchor};
use crate::domain::plan::{period, section};
use crate::i18n::{general_plan_texts, plan_texts};

pub fn community_plan(part: &PlanPart, blocks: &mut Vec<Block>) {
    let t = plan_texts();
    let slug = &part.community;
    let content = &part.content;
    let anchor = |item: &str| item_anchor(slug, item);
    blocks.push(heading(3, &plan_anchor(slug), &part.name));
    blocks.push(Block::Text((general_plan_texts().plan_version)(
        part.version,
    )));
    blocks.push(heading(4, &anchor(section::CONTEXT), t.section_context));
    if !content.context.trim().is_empty() {
        blocks.push(Block::Text(content.context.clone()));
    }
    blocks.push(heading(
        4,
        &anchor(section::OBJECTIVES),
        t.section_objectives,
    ));
    for (i, objective) in content.objectives.iter().enumerate() {
        blocks.push(heading(
            5,
            &anchor(&objective.id.0),
            &format!("O{} {}", i + 1, objective.title),
        ));
        if !objective.description.trim().is_empty() {
            blocks.push(Block::Text(objective.description.clone()));
        }
    }
    blocks.push(heading(4, &anchor(section::ACTIONS), t.section_actions));
    for (i, action) in content.actions.iter().enumerate() {
        blocks.push(heading(
            5,
            &anchor(&action.id.0),
            &format!("A{} {}", i + 1, action.title),
        ));
        if !action.description.trim().is_empty() {
            blocks.push(Block::Text(action.description.clone()));
        }
        let objectives: Vec<String> = action
            .objectives
            .iter()
            .filter_map(|id| content.objective_label(id))
            .collect();
        let value = |text: &str| {
            if text.trim().is_empty() {
                t.none.to_owned()
            } else {
                text.to_owned()
            }
        };
        blocks.push(Block::Facts(vec![
            (t.action_objectives.to_owned(), joined(&objectives)),
            (
                t.action_period.to_owned(),
                period(action.start_month, action.end_month),
            ),
            (t.action_lead.to_owned(), value(&action.lead)),
            (t.action_bodies.to_owned(), value(&action.bodies)),
            (t.action_outputs.to_owned(), value(&action.outputs)),
            (t.action_audience.to_owned(), value(&action.audience)),
            (t.action_status.to_owned(), action.status_line()),
        ]));
    }
    blocks.push(heading(
        4,
        &anchor(section::INDICATORS),
        t.section_indicators,
    ));
    blocks.push(Block::Table(Table {
        caption: format!("{} · {}", part.name, t.section_indicators),
        head: vec![t.indicator_name.to_owned(), t.indicator_target.to_owned()],
        rows: content
            .indicators
            .iter()
            .map(|i| {
                (
                    Some(anchor(&i.id.0)),
                    vec![i.name.clone(), i.target.clone()],
                )
            })
            .collect(),
    }));
    blocks.push(heading(4, &anchor(section::MEETINGS), t.section_meetings));
    blocks.push(Block::Table(Table {
        caption: format!("{} · {}", part.name, t.section_meetings),
        head: vec![t.meeting_date.to_owned(), t.meeting_title.to_owned()],
        rows: content
            .meetings
            .iter()
            .map(|m| {
                (
                    Some(anchor(&m.id.0)),
                    vec![t.long_date(&m.date), m.title.clone()],
                )
            })
            .collect(),
    }));
}
