//! Text layout by display width, so names in any script line up.

use unicode_width::UnicodeWidthStr;

/// Wraps text to `width` columns; blank lines are kept, control characters
/// are shown as spaces so they can never move the cursor.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
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
                .map(|l| l.into_owned()),
        );
    }
    out
}

/// Cuts text to at most `width` columns, with an ellipsis when cut.
pub fn truncate(text: &str, width: usize) -> String {
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

/// Pads text with spaces to exactly `width` columns (cutting if longer).
pub fn pad(text: &str, width: usize) -> String {
    let t = truncate(text, width);
    let w = t.width();
    format!("{t}{}", " ".repeat(width.saturating_sub(w)))
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
    fn truncate_never_exceeds_width() {
        for w in 0..12 {
            assert!(truncate("👩‍👧 Zoë Ångström-Nkemelu", w).width() <= w.max(1));
        }
    }

    #[test]
    fn control_characters_are_neutralised() {
        assert_eq!(wrap("a\u{1b}[2Jb", 20), vec!["a [2Jb".to_string()]);
    }
}
