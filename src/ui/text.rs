//! Text layout by display width, so names in any script line up.

use unicode_width::UnicodeWidthStr;

/// Wraps text to `width` columns; blank lines are kept, control characters
/// are shown as spaces so they can never move the cursor.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_at_most(text, width, 0).0
}

/// The first `max_lines` lines of `wrap(text, width)` (all when 0), and how
/// many lines the whole text wraps to. Texts are wrapped once per width and
/// then served from a cache ([`WrapCache`] for long ones, [`ShortWraps`]
/// for the rest), so a frame does not wrap again what the last one did:
/// wrapping (an optimal fit) was most of the cost of drawing a long list.
pub fn wrap_at_most(text: &str, width: usize, max_lines: usize) -> (Vec<String>, usize) {
    let lines = if text.len() < WrapCache::FROM_BYTES {
        SHORT_WRAPS.with(|c| c.borrow_mut().get(text, width))
    } else {
        WRAP_CACHE.with(|c| c.borrow_mut().get(text, width))
    };
    let total = lines.len();
    let take = if max_lines == 0 { total } else { max_lines };
    (lines.iter().take(take).cloned().collect(), total)
}

thread_local! {
    /// See [`ShortWraps`].
    static SHORT_WRAPS: std::cell::RefCell<ShortWraps> = std::cell::RefCell::new(ShortWraps::default());
}

/// Recently wrapped short texts, found by width and exact text (a hash
/// lookup is far cheaper than wrapping). Bounded: when full it is emptied
/// and refills with what the next frames draw.
#[derive(Default)]
struct ShortWraps {
    by_width: std::collections::HashMap<
        usize,
        std::collections::HashMap<String, std::rc::Rc<Vec<String>>>,
    >,
    entries: usize,
}

impl ShortWraps {
    /// Several screens of list items at a few widths.
    const ENTRIES: usize = 4_096;

    fn get(&mut self, text: &str, width: usize) -> std::rc::Rc<Vec<String>> {
        if let Some(lines) = self.by_width.get(&width).and_then(|m| m.get(text)) {
            return lines.clone();
        }
        if self.entries >= Self::ENTRIES {
            self.by_width.clear();
            self.entries = 0;
        }
        let lines = std::rc::Rc::new(wrap_now(text, width));
        self.by_width
            .entry(width)
            .or_default()
            .insert(text.to_string(), lines.clone());
        self.entries += 1;
        lines
    }
}

thread_local! {
    /// Lives with the drawing code, outside `App`: drawing never changes
    /// the state it draws, it only remembers how it laid out long texts.
    /// Entries are found by exact text and width, so a stale entry is never
    /// used; the cache is bounded and thread-local (drawing happens on one
    /// thread), so it needs no locking.
    static WRAP_CACHE: std::cell::RefCell<WrapCache> = std::cell::RefCell::new(WrapCache::default());
}

/// Recently wrapped long texts, newest last, within a memory budget.
#[derive(Default)]
struct WrapCache {
    entries: Vec<(usize, String, std::rc::Rc<Vec<String>>)>,
    /// About how many bytes the entries hold (text and lines).
    bytes: usize,
}

impl WrapCache {
    /// Texts from this size up are kept here; shorter ones in [`ShortWraps`].
    const FROM_BYTES: usize = 2_048;
    /// Enough for every long text on a screen at two widths (a form and
    /// its record overlay), small enough to scan.
    const ENTRIES: usize = 64;
    /// Each edit of a 50 KB note is a new text; old ones go once this is
    /// reached rather than piling up to `ENTRIES` of them (several MB).
    const BYTES: usize = 1 << 20;

    fn get(&mut self, text: &str, width: usize) -> std::rc::Rc<Vec<String>> {
        // Length and width first: the text comparison runs only on likely hits.
        if let Some(i) = self
            .entries
            .iter()
            .rposition(|(w, t, _)| *w == width && t.len() == text.len() && t == text)
        {
            let hit = self.entries.remove(i);
            let lines = hit.2.clone();
            self.entries.push(hit);
            return lines;
        }
        let lines = std::rc::Rc::new(wrap_now(text, width));
        let size = Self::size(text, &lines);
        while !self.entries.is_empty()
            && (self.entries.len() >= Self::ENTRIES || self.bytes + size > Self::BYTES)
        {
            let (_, t, l) = self.entries.remove(0);
            self.bytes -= Self::size(&t, &l);
        }
        self.bytes += size;
        self.entries.push((width, text.to_string(), lines.clone()));
        lines
    }

    fn size(text: &str, lines: &[String]) -> usize {
        text.len() + lines.iter().map(|l| l.len() + 24).sum::<usize>()
    }
}

fn wrap_now(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    let mut out = Vec::new();
    for line in clean.split('\n') {
        if line.is_empty() {
            out.push(String::new());
            continue;
        }
        let options = textwrap::Options::new(width).break_words(true);
        out.extend(
            textwrap::wrap(line, options)
                .into_iter()
                .map(std::borrow::Cow::into_owned),
        );
    }
    out
}

/// `text` opens with `words` (letters in either case): a label before it
/// would say the same thing twice ("If nothing changes: If nothing changes").
pub fn starts_with_words(text: &str, words: &str) -> bool {
    text.get(..words.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(words))
}

/// Printable ASCII only: one byte is one character, one grapheme and one
/// column, so laying it out needs no segmentation.
pub fn plain_ascii(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// Cuts text to at most `width` columns, with an ellipsis when cut.
pub fn truncate(text: &str, width: usize) -> String {
    // Plain ASCII (most names, numbers and labels): one byte is one column
    // and one grapheme, so the cut needs no segmentation. Same result.
    if plain_ascii(text) {
        if text.len() <= width {
            return text.to_string();
        }
        if width == 0 {
            return String::new();
        }
        let mut out = String::with_capacity(width + 2);
        out.push_str(&text[..width - 1]);
        out.push('…');
        return out;
    }
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.width() <= width {
        return one_line;
    }
    let mut out = String::new();
    let mut used = 0;
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(one_line.as_str(), true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `pad` for a text already owned: short plain text is padded in place.
pub fn pad_owned(mut text: String, width: usize) -> String {
    if text.len() <= width && plain_ascii(&text) {
        text.extend(std::iter::repeat_n(' ', width - text.len()));
        return text;
    }
    pad(&text, width)
}

/// Pads text with spaces to exactly `width` columns (cutting if longer).
pub fn pad(text: &str, width: usize) -> String {
    let mut t = truncate(text, width);
    let w = t.width();
    t.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    t
}

/// "1h 05m" / "12m" for durations shown to the chair.
pub fn minutes(d: chrono::Duration) -> String {
    let m = d.num_minutes().max(0);
    if m >= 60 {
        format!("{}h {:02}m", m / 60, m % 60)
    } else {
        format!("{m}m")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_wrap_by_display_width() {
        let lines = wrap("子供の安全が最優先です", 10);
        assert!(lines.iter().all(|l| l.width() <= 10), "{lines:?}");
        assert_eq!(lines.concat(), "子供の安全が最優先です");
    }

    #[test]
    fn plain_text_cuts_as_any_text_does() {
        // The ASCII shortcut gives what the grapheme walk gives.
        let slow = |text: &str, width: usize| {
            if text.width() <= width {
                return text.to_string();
            }
            let mut out = String::new();
            let mut used = 0;
            for g in unicode_segmentation::UnicodeSegmentation::graphemes(text, true) {
                if used + g.width() + 1 > width {
                    break;
                }
                out.push_str(g);
                used += g.width();
            }
            if width > 0 {
                out.push('…');
            }
            out
        };
        for text in ["", "a", "Nell Quarry", "0123456789", " spaced  out "] {
            for width in 0..14 {
                assert_eq!(
                    truncate(text, width),
                    slow(text, width),
                    "{text:?} at {width}"
                );
                assert_eq!(pad(text, width).width(), width);
                assert_eq!(pad_owned(text.to_string(), width), pad(text, width));
            }
        }
    }

    #[test]
    fn truncate_never_exceeds_width() {
        for w in 0..12 {
            assert!(truncate("👩‍👧 Zoë Ångström-Nkemelu", w).width() <= w.max(1));
        }
    }

    #[test]
    fn long_texts_wrap_the_same_from_the_cache() {
        let text = "word ".repeat(2_000) + "\n\nend of a long note";
        for width in [10, 37, 80] {
            let fresh = wrap_now(&text, width);
            assert_eq!(wrap(&text, width), fresh);
            assert_eq!(wrap(&text, width), fresh, "second time, from the cache");
            let (head, total) = wrap_at_most(&text, width, 3);
            assert_eq!((head.as_slice(), total), (&fresh[..3], fresh.len()));
        }
    }

    #[test]
    fn control_characters_are_neutralised() {
        assert_eq!(wrap("a\u{1b}[2Jb", 20), vec!["a [2Jb".to_string()]);
    }
}
