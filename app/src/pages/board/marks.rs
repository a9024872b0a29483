//! Where the annotations of one plan land in it, kept up to date as annotations change.

use leptos::prelude::*;

use super::context::board_context;
use crate::domain::board::AnnotationId;
use crate::domain::board::anchor::{Placement, locate};
use crate::domain::community::CommunitySlug;
use crate::domain::plan::PlanContent;

/// One annotation, placed.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Placed {
    id: AnnotationId,
    open: bool,
    placement: Placement,
}

/// The annotations on one block of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BlockMarks {
    /// Every annotation there, oldest first.
    pub ids: Vec<AnnotationId>,
    /// The character ranges of the open ones, in the block's plain text.
    pub ranges: Vec<(usize, usize)>,
}

/// The placements of the (not deleted) annotations on one plan.
#[derive(Clone, Copy)]
pub struct Marks {
    placed: Memo<Vec<Placed>>,
}

impl Marks {
    /// Places the annotations on `community`'s plan, whose text is `content`.
    pub fn new(community: CommunitySlug, content: PlanContent) -> Self {
        let view = board_context().view;
        let placed = Memo::new(move |_| {
            view.with(|v| {
                v.annotations
                    .iter()
                    .filter(|a| a.community == community && !a.deleted)
                    .map(|a| Placed {
                        id: a.id.clone(),
                        open: a.is_open(),
                        placement: locate(&a.anchor, &content),
                    })
                    .collect()
            })
        });
        Self { placed }
    }

    /// The annotations on the text of `field` of `item`.
    pub fn on_block(self, item: &str, field: &str) -> Memo<BlockMarks> {
        let (item, field) = (item.to_owned(), field.to_owned());
        let placed = self.placed;
        Memo::new(move |_| {
            let mut marks = BlockMarks::default();
            placed.with(|all| {
                for p in all {
                    if let Placement::Passage {
                        item: on_item,
                        field: on_field,
                        start,
                        end,
                    } = &p.placement
                        && *on_item == item
                        && *on_field == field
                    {
                        marks.ids.push(p.id.clone());
                        if p.open && start < end {
                            marks.ranges.push((*start, *end));
                        }
                    }
                }
            });
            marks
        })
    }

    /// The annotations on the whole of `item`.
    pub fn on_item(self, item: &str) -> Memo<Vec<AnnotationId>> {
        let item = item.to_owned();
        self.select(move |placement| matches!(placement, Placement::Item { item: i } if *i == item))
    }

    /// The annotations whose text is gone from the plan.
    pub fn detached(self) -> Memo<Vec<AnnotationId>> {
        self.select(|placement| *placement == Placement::Detached)
    }

    fn select(
        self,
        keep: impl Fn(&Placement) -> bool + Send + Sync + 'static,
    ) -> Memo<Vec<AnnotationId>> {
        let placed = self.placed;
        Memo::new(move |_| {
            placed.with(|all| {
                all.iter()
                    .filter(|p| keep(&p.placement))
                    .map(|p| p.id.clone())
                    .collect()
            })
        })
    }
}

/// `text` cut into runs, each marked or not, by the character `ranges` (which may overlap).
pub fn segments(text: &str, ranges: &[(usize, usize)]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let marked: Vec<bool> = (0..chars.len())
        .map(|i| ranges.iter().any(|&(start, end)| start <= i && i < end))
        .collect();
    let mut out: Vec<(String, bool)> = Vec::new();
    for (c, m) in chars.into_iter().zip(marked) {
        match out.last_mut() {
            Some((run, last)) if *last == m => run.push(c),
            _ => out.push((c.to_string(), m)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::segments;

    #[test]
    fn text_is_cut_at_the_marked_ranges() {
        assert_eq!(segments("", &[(0, 2)]), vec![]);
        assert_eq!(segments("àbcdè", &[]), vec![("àbcdè".into(), false)]);
        assert_eq!(
            segments("àbcdè", &[(1, 3), (2, 4)]),
            vec![
                ("à".into(), false),
                ("bcd".into(), true),
                ("è".into(), false)
            ]
        );
        assert_eq!(segments("ab", &[(0, 9)]), vec![("ab".into(), true)]);
    }
}
