use crate::cursor::{DataCursor, ScreenCursor};
use crate::textarea::TextArea;
use crate::util::{char_width, num_digits};
use crate::wrap::{WrapMode, WrappedLine, effective_wrap_width, wrapped_rows};

#[derive(Debug, Clone, Copy)]
pub(crate) struct ScreenLine {
    pub wrapped: WrappedLine,
    pub screen_width: usize,
    pub cursor_max_col: usize,
}

/// One line's screen rows (with `row` 0) for given wrapping settings.
#[derive(Debug, Clone)]
pub(crate) struct LineWrap {
    text: String,
    screens: Vec<ScreenLine>,
    pure_ascii: bool,
}

impl LineWrap {
    fn new(
        line: &str,
        wrap_width: Option<usize>,
        mode: WrapMode,
        tab_len: u8,
        mask: Option<char>,
    ) -> Self {
        let rows = match wrap_width {
            Some(width) => wrapped_rows(&[line.to_string()], mode, width, tab_len, mask),
            None => vec![WrappedLine {
                row: 0,
                start_byte: 0,
                end_byte: line.len(),
                start_col: 0,
                end_col: line.chars().count(),
                first_in_row: true,
                last_in_row: true,
            }],
        };
        let screens = rows
            .into_iter()
            .map(|wrapped| {
                let fragment = &line[wrapped.start_byte..wrapped.end_byte];
                let char_count = wrapped.end_col.saturating_sub(wrapped.start_col);
                let cursor_max_col = if wrapped.last_in_row {
                    display_width(fragment, tab_len, mask)
                } else {
                    screen_col_for_char_offset(
                        fragment,
                        char_count.saturating_sub(1),
                        tab_len,
                        mask,
                    )
                };
                ScreenLine {
                    wrapped,
                    screen_width: display_width(fragment, tab_len, mask),
                    cursor_max_col,
                }
            })
            .collect();
        LineWrap {
            text: line.to_string(),
            screens,
            pure_ascii: is_pure_ascii(line),
        }
    }
}

/// The wrapped rows of every line, for the settings they were made with.
#[derive(Debug, Clone, Default)]
pub(crate) struct WrapCache {
    settings: Option<(Option<usize>, WrapMode, u8, Option<char>)>,
    lines: Vec<LineWrap>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DataLine {
    pub first_screen_line: usize,
    pub screen_line_count: usize,
    pub pure_ascii: bool,
}

fn is_pure_ascii(line: &str) -> bool {
    line.is_ascii() && !line.contains('\t')
}

fn char_display_width(c: char, col: usize, tab_len: u8, mask: Option<char>) -> usize {
    // A masked line is drawn as one mask character per char, so each char is as wide as the mask.
    if let Some(mask) = mask {
        char_width(mask)
    } else if c == '\t' {
        let tab = tab_len.max(1) as usize;
        let pad = tab - (col % tab);
        pad.max(1)
    } else {
        char_width(c)
    }
}

fn display_width(text: &str, tab_len: u8, mask: Option<char>) -> usize {
    let mut col = 0usize;
    for c in text.chars() {
        col += char_display_width(c, col, tab_len, mask);
    }
    col
}

fn screen_col_for_char_offset(
    text: &str,
    char_offset: usize,
    tab_len: u8,
    mask: Option<char>,
) -> usize {
    let mut col = 0usize;
    for c in text.chars().take(char_offset) {
        col += char_display_width(c, col, tab_len, mask);
    }
    col
}

fn char_offset_for_screen_col(
    text: &str,
    screen_col: usize,
    tab_len: u8,
    mask: Option<char>,
) -> usize {
    let mut col = 0usize;
    let mut chars = 0usize;
    for c in text.chars() {
        if col >= screen_col {
            break;
        }
        let width = char_display_width(c, col, tab_len, mask);
        if col + width > screen_col {
            break;
        }
        col += width;
        chars += 1;
    }
    chars
}

impl TextArea<'_> {
    pub(crate) fn screen_map_load(&self) {
        let wrap_width = if self.wrap_mode() != WrapMode::None {
            let width = self.area.get().width;
            if width > 0 {
                let line_number_len = self
                    .line_number_style()
                    .map(|_| num_digits(self.lines.len()));
                Some(effective_wrap_width(width, line_number_len))
            } else {
                None
            }
        } else {
            None
        };
        let (mode, tab_len, mask) = (self.wrap_mode(), self.tab_length(), self.mask_char());

        // cpconf: lines whose text (and wrapping settings) did not change
        // keep their rows from the last load; only changed lines are
        // wrapped again. The maps built are the same as wrapping all lines.
        let mut cache = self.wrap_cache.borrow_mut();
        let settings = (wrap_width, mode, tab_len, mask);
        // cpconf: an edit usually changes a line or two and not how many
        // rows each takes: those rows are put right in place, rather than
        // the maps of every row (thousands, in a 50 KB note) built again.
        if cache.settings == Some(settings) && self.patch_changed_lines(&mut cache) {
            return;
        }
        if cache.settings != Some(settings) {
            cache.lines.clear();
            cache.settings = Some(settings);
        }
        cache.lines.truncate(self.lines.len());

        let mut screen_lines = Vec::with_capacity(self.lines.len());
        let mut data_pointers = Vec::with_capacity(self.lines.len());
        for (row, line) in self.lines.iter().enumerate() {
            let fresh = cache.lines.get(row).is_some_and(|c| c.text == *line);
            if !fresh {
                let wrapped = LineWrap::new(line, wrap_width, mode, tab_len, mask);
                if row < cache.lines.len() {
                    cache.lines[row] = wrapped;
                } else {
                    cache.lines.push(wrapped);
                }
            }
            let wrapped = &cache.lines[row];
            data_pointers.push(DataLine {
                first_screen_line: screen_lines.len(),
                screen_line_count: wrapped.screens.len(),
                pure_ascii: wrapped.pure_ascii,
            });
            screen_lines.extend(wrapped.screens.iter().map(|screen| ScreenLine {
                wrapped: WrappedLine {
                    row,
                    ..screen.wrapped
                },
                ..*screen
            }));
        }

        *self.screen_lines.borrow_mut() = screen_lines;
        *self.data_pointers.borrow_mut() = data_pointers;
    }

    /// The changed lines wrapped again and their rows replaced in the maps,
    /// when the lines are as many as before and each changed line takes as
    /// many rows as before; false otherwise (the caller builds the maps
    /// again, reusing the lines wrapped here).
    fn patch_changed_lines(&self, cache: &mut WrapCache) -> bool {
        let (mut screen_lines, mut data) =
            (self.screen_lines.borrow_mut(), self.data_pointers.borrow_mut());
        if cache.lines.len() != self.lines.len() || data.len() != self.lines.len() {
            return false;
        }
        let settings = cache.settings.expect("checked by the caller");
        let (wrap_width, mode, tab_len, mask) = settings;
        for (row, line) in self.lines.iter().enumerate() {
            if cache.lines[row].text == *line {
                continue;
            }
            cache.lines[row] = LineWrap::new(line, wrap_width, mode, tab_len, mask);
            let wrapped = &cache.lines[row];
            let at = &mut data[row];
            if wrapped.screens.len() != at.screen_line_count {
                return false;
            }
            at.pure_ascii = wrapped.pure_ascii;
            let first = at.first_screen_line;
            for (i, screen) in wrapped.screens.iter().enumerate() {
                screen_lines[first + i] = ScreenLine {
                    wrapped: WrappedLine {
                        row,
                        ..screen.wrapped
                    },
                    ..*screen
                };
            }
        }
        true
    }

    pub(crate) fn screen_lines_count(&self) -> usize {
        self.screen_lines.borrow().len()
    }

    pub(crate) fn screen_line_width(&self, row: usize) -> usize {
        self.screen_lines.borrow()[row].screen_width
    }

    pub(crate) fn screen_line_max_cursor_col(&self, row: usize) -> usize {
        self.screen_lines.borrow()[row].cursor_max_col
    }

    pub(crate) fn screen_line(&self, row: usize) -> ScreenLine {
        self.screen_lines.borrow()[row]
    }

    pub(crate) fn screen_to_array(&self, screen: ScreenCursor) -> DataCursor {
        if let Some(dc) = screen.dc {
            return dc;
        }

        let line = self.screen_line(screen.row);
        let fragment =
            &self.lines[line.wrapped.row][line.wrapped.start_byte..line.wrapped.end_byte];
        let char_offset =
            char_offset_for_screen_col(fragment, screen.col, self.tab_length(), self.mask_char());
        DataCursor(line.wrapped.row, line.wrapped.start_col + char_offset)
    }

    pub(crate) fn array_to_screen(&self, array: DataCursor) -> ScreenCursor {
        let data_line = &self.data_pointers.borrow()[array.0];
        let screen_lines = self.screen_lines.borrow();

        let mut screen_idx = data_line.first_screen_line;
        for idx in
            data_line.first_screen_line..data_line.first_screen_line + data_line.screen_line_count
        {
            let line = screen_lines[idx];
            let contains = if line.wrapped.last_in_row {
                line.wrapped.start_col <= array.1 && array.1 <= line.wrapped.end_col
            } else {
                line.wrapped.start_col <= array.1 && array.1 < line.wrapped.end_col
            };
            if contains {
                screen_idx = idx;
                break;
            }
        }

        let line = screen_lines[screen_idx];
        let fragment = &self.lines[array.0][line.wrapped.start_byte..line.wrapped.end_byte];
        let char_offset = array.1.saturating_sub(line.wrapped.start_col);
        let col =
            screen_col_for_char_offset(fragment, char_offset, self.tab_length(), self.mask_char());

        ScreenCursor {
            row: screen_idx,
            col,
            char: self.lines[array.0].chars().nth(array.1),
            dc: Some(array),
        }
    }

    pub(crate) fn data_cursor(&self, screen: ScreenCursor) -> DataCursor {
        screen.to_array_cursor(self)
    }

    pub(crate) fn increment_screen_cursor(&self, screen: ScreenCursor) -> ScreenCursor {
        let dc = self.data_cursor(screen);
        self.array_to_screen(DataCursor(dc.0, dc.1 + 1))
    }

    pub(crate) fn decrement_screen_cursor(&self, screen: ScreenCursor) -> ScreenCursor {
        let dc = self.data_cursor(screen);
        self.array_to_screen(DataCursor(dc.0, dc.1 - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui_core::layout::Rect;

    fn make_textarea(lines: &[&str], wrap_mode: WrapMode, width: u16) -> TextArea<'static> {
        let mut textarea = TextArea::from(lines.iter().copied());
        textarea.set_wrap_mode(wrap_mode);
        textarea.area.set(Rect {
            x: 0,
            y: 0,
            width,
            height: 40,
        });
        textarea.screen_map_load();
        textarea
    }

    /// cpconf: maps kept line by line match maps made from scratch.
    #[test]
    fn kept_rows_match_a_fresh_wrap() {
        let text = [
            "Gran helps every day with school runs and tea.",
            "",
            "Zoë's 子供 stays with her aunt\tat weekends; long words like supercalifragilistic",
            "short",
        ];
        for mode in [WrapMode::Word, WrapMode::Glyph, WrapMode::WordOrGlyph, WrapMode::None] {
            let mut textarea = make_textarea(&text, mode, 17);
            for (i, c) in "ab子 c\nd e".chars().enumerate() {
                if i % 3 == 0 {
                    textarea.move_cursor(crate::CursorMove::Down);
                }
                textarea.insert_char(c);
                let fresh = make_textarea(
                    &textarea.lines().iter().map(String::as_str).collect::<Vec<_>>(),
                    mode,
                    17,
                );
                assert_eq!(
                    format!("{:?}", textarea.screen_lines.borrow()),
                    format!("{:?}", fresh.screen_lines.borrow()),
                    "{mode:?} after {i} keys"
                );
                assert_eq!(
                    *textarea.data_pointers.borrow(),
                    *fresh.data_pointers.borrow(),
                    "{mode:?} after {i} keys"
                );
            }
        }
    }

    fn assert_round_trips(textarea: &TextArea<'_>) {
        for (row, line) in textarea.lines.iter().enumerate() {
            for col in 0..=line.chars().count() {
                let dc = DataCursor(row, col);
                let sc = textarea.array_to_screen(dc);
                assert_eq!(textarea.screen_to_array(sc), dc);

                let detached = ScreenCursor { dc: None, ..sc };
                assert_eq!(textarea.screen_to_array(detached), dc);
                assert_eq!(
                    textarea.array_to_screen(textarea.screen_to_array(detached)),
                    sc
                );
            }
        }
    }

    #[test]
    fn screen_map_round_trips_ascii_word_wrap() {
        let textarea = make_textarea(
            &[
                "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
                "Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
            ],
            WrapMode::Word,
            24,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    #[test]
    fn screen_map_round_trips_cjk_glyph_wrap() {
        let textarea = make_textarea(
            &["混合中文字符和ASCIIabc来验证屏幕坐标与数据坐标的往返转换。"],
            WrapMode::Glyph,
            12,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    #[test]
    fn screen_map_round_trips_multilingual_word_or_glyph_wrap() {
        let textarea = make_textarea(
            &[
                "ASCII and русский текст can share one buffer.",
                "第二行 mixed-width 内容 with English words.",
            ],
            WrapMode::WordOrGlyph,
            18,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }
}
