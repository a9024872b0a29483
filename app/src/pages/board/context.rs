//! What every part of the board page shares: the board as it is now, changes applied live.

use leptos::prelude::*;

use crate::domain::board::{AnnotationId, BoardView};

/// The board page's shared state, provided by the page as a context.
#[derive(Clone, Copy)]
pub struct BoardContext {
    /// The board; every change (one's own submits and the live ones) is applied here with
    /// [`BoardView::apply`].
    pub view: RwSignal<BoardView>,
    /// The thread shown open (scrolled to and focused), if any.
    pub open_thread: RwSignal<Option<AnnotationId>>,
    /// The message the polite live region reads out (new annotations from others).
    pub announcement: RwSignal<String>,
}

/// The board context; only parts of the board page call this.
pub fn board_context() -> BoardContext {
    expect_context::<BoardContext>()
}
