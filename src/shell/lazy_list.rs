//! A list that lays out only the items near the view: what keeps the form quick on a
//! release of a thousand blocks.

use egui::{Id, Ui};

/// A list (body blocks, contacts, about sections) that draws only the items on screen,
/// next to it, or holding the cursor, and for the rest only takes the room they
/// took when last drawn: a 50,000-word release has a thousand blocks, and laying them all
/// out every frame is what would make typing slow.
pub struct LazyList {
    id: Id,
    state: ListState,
    /// Room of items passed over and not yet taken.
    skipped: f32,
}

/// What a lazy list remembers from frame to frame.
#[derive(Clone, Default)]
struct ListState {
    rooms: Vec<Room>,
    /// An item was measured for the first time: the guesses for the others can be better.
    measured_more: bool,
}

#[derive(Clone, Copy)]
struct Room {
    /// The height when last drawn, or a guess for an item never drawn.
    height: f32,
    /// It held the keyboard focus when last drawn.
    focus: bool,
    measured: bool,
}

impl LazyList {
    /// `estimate` guesses an item's height at a width, before it has been drawn. With
    /// `calibrate`, guesses are scaled by how far off they were for the items measured so far,
    /// so the scroll bar of a long list is about right before most of it has been seen (for
    /// items alike, as body blocks are; not for the form's sections, each its own size).
    pub fn begin(
        ui: &Ui,
        name: &str,
        n: usize,
        calibrate: bool,
        estimate: impl Fn(usize, f32) -> f32,
    ) -> Self {
        let id = ui.scope_id().with(("lazy-list", name));
        // Taken out, not cloned (a long body's list is thousands of rooms); `end` puts it back.
        let mut state: ListState =
            ui.data_mut(|d| std::mem::take(d.get_temp_mut_or_default::<ListState>(id)));
        let width = ui.available_width();
        let known = state.rooms.len().min(n);
        let unknown = Room {
            height: 0.0,
            focus: false,
            measured: false,
        };
        state.rooms.resize(n, unknown);
        // Only when something was learnt: an idle frame does nothing per item passed over.
        // (One measured at another width, the panel since resized, keeps its height until
        // it is drawn again.)
        let rescale = calibrate && state.measured_more;
        if rescale || known < n {
            let scale = if calibrate {
                Self::scale(&state.rooms, width, &estimate)
            } else {
                1.0
            };
            for (i, r) in state.rooms.iter_mut().enumerate() {
                if !r.measured && (rescale || i >= known) {
                    r.height = estimate(i, width) * scale;
                }
            }
        }
        state.measured_more = false;
        Self {
            id,
            state,
            skipped: 0.0,
        }
    }

    /// How much taller the items measured so far are than guessed.
    fn scale(rooms: &[Room], width: f32, estimate: impl Fn(usize, f32) -> f32) -> f32 {
        let (mut guessed, mut found) = (0.0, 0.0);
        for (i, r) in rooms.iter().enumerate().filter(|(_, r)| r.measured) {
            guessed += estimate(i, width);
            found += r.height;
        }
        if guessed > 0.0 { found / guessed } else { 1.0 }
    }

    /// Item `i`: drawn by `draw` when it is in view, next to an item in view (so Tab and
    /// Shift+Tab reach its fields), holding the keyboard focus, or `force`d (a jump to one
    /// of its fields); else passed over.
    pub fn item(&mut self, ui: &mut Ui, i: usize, force: bool, draw: impl FnOnce(&mut Ui)) {
        let rooms = &self.state.rooms;
        let Room { height, focus, .. } = rooms[i];
        let room = |j: Option<usize>| j.and_then(|j| rooms.get(j)).map_or(0.0, |r| r.height);
        let (above, below) = (room(i.checked_sub(1)), room(Some(i + 1)));
        let top = ui.cursor().top() + self.skipped;
        let view = ui.clip_rect();
        let near = top - above <= view.bottom() && top + height + below >= view.top();
        if !near && !force && !focus {
            self.skipped += height;
            return;
        }
        self.take_skipped(ui);
        let top = ui.cursor().top();
        // An id of its own, so its widgets keep theirs whether or not the items above it were
        // drawn (an id counted from the widgets before it would change, and lose the cursor).
        let id = self.id.with(i);
        let ctx = ui.ctx().clone();
        let discards = || ctx.output(|o| o.request_discard_reasons.len());
        let discards_before = discards();
        ui.scope_builder(egui::UiBuilder::new().scope_id(id), draw);
        // A grid drawn for the first time lays out once only to learn its sizes, and asks
        // egui to lay out the frame again; what that first layout measured is not the real
        // size. (egui lays out twice at most, so the second may be the sizing one.)
        let sizing = discards() > discards_before;
        let bottom = ui.cursor().top();
        // Any focused widget (a text field, a combo box reached with Tab) keeps its item drawn
        // when scrolled away; one not drawn would lose the focus.
        let focus = ui
            .memory(|m| m.focused())
            .and_then(|f| ui.ctx().read_response(f))
            .is_some_and(|r| (top..=bottom).contains(&r.rect.center().y));
        self.state.rooms[i].focus = focus;
        if sizing || ui.ctx().will_discard() {
            return; // measured for real the next time it is drawn
        }
        let height = bottom - top;
        let last = self.state.rooms[i];
        // A height counts as measured once two layouts in a row agree: a grid, a wrapped
        // text field can take a frame or two to settle, and an item seen only in passing
        // (the scroll bar dragged across it) would otherwise keep a wrong height for good.
        let settled = (height - last.height).abs() <= 0.5;
        // A new measurement, or one changed (an edit re-wrapped a paragraph), improves the
        // guesses for the rest.
        self.state.measured_more |= settled != last.measured;
        self.state.rooms[i] = Room {
            height,
            focus,
            measured: settled,
        };
    }

    fn take_skipped(&mut self, ui: &mut Ui) {
        if self.skipped > 0.0 {
            let spacing = ui.spacing().item_spacing.y;
            let width = ui.available_width();
            ui.allocate_space(egui::vec2(width, (self.skipped - spacing).max(0.0)));
            self.skipped = 0.0;
        }
    }

    pub fn end(mut self, ui: &mut Ui) {
        self.take_skipped(ui);
        ui.data_mut(|d| d.insert_temp(self.id, self.state));
    }
}

#[cfg(test)]
mod tests {
    use super::LazyList;

    /// The height a lazy list of `n` items, each `tall` but guessed at `guess`, takes in a
    /// scrolled view, frame after frame.
    fn list_heights(n: usize, tall: f32, guess: f32, calibrate: bool) -> Vec<f32> {
        let ctx = egui::Context::default();
        let input = || egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(400.0, 800.0),
            )),
            ..Default::default()
        };
        (0..4)
            .map(|_| {
                let mut height = 0.0;
                let mut out = ctx.run_ui(input(), |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        let top = ui.cursor().top();
                        let mut list = LazyList::begin(ui, "test", n, calibrate, |_, _| guess);
                        for i in 0..n {
                            list.item(ui, i, false, |ui| {
                                ui.allocate_space(egui::vec2(100.0, tall));
                            });
                        }
                        list.end(ui);
                        height = ui.cursor().top() - top;
                    });
                });
                out.textures_delta.clear();
                height
            })
            .collect()
    }

    #[test]
    fn guesses_for_items_not_yet_drawn_learn_from_those_drawn() {
        let spacing = egui::Style::default().spacing.item_spacing.y;
        let real = 500.0 * (40.0 + spacing);
        // Guessed twice too tall: the first frame is far off; once a few are measured,
        // the rest are scaled to match, and the scroll bar is right.
        let heights = list_heights(500, 40.0, 80.0, true);
        assert!(
            heights[0] > real * 1.5,
            "first guess {} vs {real}",
            heights[0]
        );
        let last = heights[heights.len() - 1];
        assert!((last - real).abs() < real * 0.01, "{last} vs {real}");
        // Without calibration the guesses stay as they were.
        let heights = list_heights(500, 40.0, 80.0, false);
        let last = heights[heights.len() - 1];
        assert!(last > real * 1.5, "{last} vs {real}");
    }
}
