//! Drawing. Every function here takes the state by shared reference: the
//! screen is a pure picture of the app and never changes it.

mod cache;
mod chrome;
pub mod clock;
mod overlays;
mod panes;
mod rows;
mod screen;
mod stages;
pub mod text;
pub mod theme;
pub(crate) mod words;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::state::App;
pub use cache::FrameCache;
pub use screen::Screen;
use theme::Theme;

/// Below this the stage cannot be laid out usefully.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Says so, in the middle of the screen, when the terminal is too small.
pub fn draw_too_small(f: &mut Frame, area: Rect) -> bool {
    if area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT {
        return false;
    }
    let msg = format!(
        "terminal too small: need {MIN_WIDTH} x {MIN_HEIGHT} (now {} x {})",
        area.width, area.height
    );
    let lines: Vec<Line> = text::wrap(&msg, area.width as usize)
        .into_iter()
        .map(Line::from)
        .collect();
    let h = (lines.len() as u16).min(area.height);
    let y = area.y + (area.height - h) / 2;
    f.render_widget(
        Paragraph::new(lines).centered(),
        Rect::new(area.x, y, area.width, h),
    );
    true
}

/// The help popup for the given contexts (used by the session list too).
pub fn draw_help_popup(
    f: &mut Frame,
    area: Rect,
    contexts: &[crate::app::keymap::Context],
    theme: Theme,
) {
    overlays::draw_help(f, area, contexts, theme);
}

/// The stage's name, and its time against the plan: a gentle signal when
/// it runs over, never an alarm.
fn stage_title_line(app: &App, theme: Theme) -> Line<'static> {
    use ratatui::text::Span;
    let mut spans = vec![Span::styled(
        format!(" {} · {} ", app.stage().number(), app.stage().title()),
        theme.title(),
    )];
    let planned = app.config().planned(app.stage());
    if planned > 0 {
        let spent = app
            .session()
            .time_in_stage(app.stage(), app.now())
            .num_minutes();
        spans.push(Span::styled(
            format!(" {spent} of {planned} min "),
            theme.muted(),
        ));
        if let Some(over) = app.overrun_minutes(app.stage()) {
            spans.push(Span::styled(
                format!("· {over} min over plan "),
                theme.warning(),
            ));
        }
    }
    Line::from(spans)
}

/// The screen of a session: a pure picture of the app.
pub fn draw(f: &mut Frame, app: &App) {
    let theme = Theme::new(app.theme());
    draw_session(f, app, theme, None);
}

/// The same picture as `draw`, reusing the panes `cache` kept from earlier
/// frames where nothing they show has changed (the runtime's loop keeps
/// one cache for the window).
pub fn draw_cached(f: &mut Frame, app: &App, cache: &mut FrameCache) {
    let theme = Theme::new(app.theme());
    cache.begin(app);
    draw_session(f, app, theme, Some(cache));
}

/// Where the parts of a session's screen go.
struct FrameAreas {
    sidebar: Rect,
    title: Rect,
    stage: Rect,
    status: Rect,
}

fn frame_areas(area: Rect) -> FrameAreas {
    let [body, status] = Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(area);
    let sidebar_w = if body.width >= 120 { 30 } else { 21 };
    let [sidebar, main] =
        Layout::horizontal([Constraint::Length(sidebar_w), Constraint::Min(0)]).areas(body);
    let [title, stage] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(main);
    FrameAreas {
        sidebar,
        title,
        stage,
        status,
    }
}

/// Returns where boxes were drawn over the stage (see `draw_overlays`).
fn draw_session(f: &mut Frame, app: &App, theme: Theme, cache: Option<&mut FrameCache>) -> Rect {
    let area = f.area();
    if draw_too_small(f, area) {
        return Rect::ZERO;
    }
    let a = frame_areas(area);
    let mut cache = cache;
    match cache.as_deref_mut() {
        Some(cache) => {
            let key = cache::SidebarKey::new(app, a.sidebar);
            cache.sidebar(f, key, |f| chrome::draw_sidebar(f, a.sidebar, app, theme));
        }
        None => chrome::draw_sidebar(f, a.sidebar, app, theme),
    }
    f.render_widget(Paragraph::new(stage_title_line(app, theme)), a.title);
    stages::draw_stage(f, a.stage, app, theme, cache.as_deref_mut());
    chrome::draw_status(f, a.status, app, theme);
    // Last, so popups (the help uses the whole screen) sit on top.
    overlays::draw_overlays(f, a.stage, area, app, theme, cache)
}

/// What a mouse click at (x, y) on a screen of `area` lands on, using the
/// same layout as drawing. Nothing while a popup is open.
pub fn hit_test(app: &App, area: Rect, x: u16, y: u16) -> Option<crate::app::update::ClickTarget> {
    use crate::app::panes::PaneContent;
    use crate::app::update::ClickTarget;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT || !app.overlays().is_empty() {
        return None;
    }
    let a = frame_areas(area);
    let at = ratatui::layout::Position::new(x, y);
    if a.sidebar.contains(at) {
        return chrome::stage_at_row(y - a.sidebar.y).map(ClickTarget::Stage);
    }
    let panes = app.panes();
    let layout = stages::stage_layout(app, &panes, a.stage);
    let (index, rect) = layout
        .panes
        .iter()
        .enumerate()
        .find(|(_, r)| r.contains(at))?;
    // Only the block's inner area is wanted here: any theme gives the same.
    let inner = panes::pane_inner(*rect);
    let cursor = app.cursor(index);
    let row = match &panes.get(index)?.content {
        PaneContent::List(kind) => {
            panes::list_row_at(words::Shown::of(app), kind, inner, cursor.row, y)
        }
        PaneContent::Form(fields) => {
            panes::form_row_at(words::Shown::of(app), fields, inner, cursor.row, y)
        }
        PaneContent::Grid(kind) => panes::grid_row_at(app.session(), *kind, inner, cursor.row, y),
    };
    Some(match row {
        Some(row) => ClickTarget::Row { pane: index, row },
        None => ClickTarget::Pane(index),
    })
}
