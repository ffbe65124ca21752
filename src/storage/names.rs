//! File names for sessions: readable, portable, and never another
//! session's file.

use std::path::{Path, PathBuf};

use crate::model::Session;

/// "2026-11-23-icpc-FAM1234.json": the record's name (`export_stem`) as
/// a session file.
pub fn preferred_file_name(session: &Session) -> String {
    format!("{}.json", export_stem(session))
}

/// "2026-11-23-icpc-FAM4417": the date (or "undated"), the kind's code and
/// the family reference made safe for any file system, from the record as
/// it is now. Exports are named by it: a new session's file is named
/// before its date and reference are typed ("2026-11-30-icpc-new.json"),
/// and a copy that leaves the room must say which conference it is.
pub fn export_stem(session: &Session) -> String {
    let date = session
        .setup
        .date
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "undated".into());
    format!(
        "{date}-{}-{}",
        session.setup.kind.code(),
        sanitise_reference(&session.setup.family_reference)
    )
}

/// Keeps `[A-Za-z0-9_-]`, transliterates common accented Latin letters,
/// turns runs of anything else into one `-`, and gives "new" when nothing
/// is left.
pub fn sanitise_reference(reference: &str) -> String {
    let mut out = String::new();
    for c in reference.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            out.push(c);
        } else if let Some(t) = transliterate(c) {
            out.push_str(t);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    // Keep names short enough for every file system, leaving room for the
    // date, kind and a "-N" suffix.
    let cut: String = trimmed.chars().take(64).collect();
    let cut = cut.trim_matches('-');
    if cut.is_empty() {
        "new".into()
    } else {
        cut.to_string()
    }
}

fn transliterate(c: char) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("ÀÁÂÃÄÅĀĂĄ", "A"),
        ("àáâãäåāăą", "a"),
        ("ÇĆĈĊČ", "C"),
        ("çćĉċč", "c"),
        ("ĎĐÐ", "D"),
        ("ďđð", "d"),
        ("ÈÉÊËĒĔĖĘĚ", "E"),
        ("èéêëēĕėęě", "e"),
        ("ĜĞĠĢ", "G"),
        ("ĝğġģ", "g"),
        ("ĤĦ", "H"),
        ("ĥħ", "h"),
        ("ÌÍÎÏĨĪĬĮİ", "I"),
        ("ìíîïĩīĭįı", "i"),
        ("Ĵ", "J"),
        ("ĵ", "j"),
        ("Ķ", "K"),
        ("ķ", "k"),
        ("ĹĻĽĿŁ", "L"),
        ("ĺļľŀł", "l"),
        ("ÑŃŅŇ", "N"),
        ("ñńņň", "n"),
        ("ÒÓÔÕÖØŌŎŐ", "O"),
        ("òóôõöøōŏő", "o"),
        ("ŔŖŘ", "R"),
        ("ŕŗř", "r"),
        ("ŚŜŞŠȘ", "S"),
        ("śŝşšș", "s"),
        ("ŢŤŦȚ", "T"),
        ("ţťŧț", "t"),
        ("ÙÚÛÜŨŪŬŮŰŲ", "U"),
        ("ùúûüũūŭůűų", "u"),
        ("Ŵ", "W"),
        ("ŵ", "w"),
        ("ÝŶŸ", "Y"),
        ("ýÿŷ", "y"),
        ("ŹŻŽ", "Z"),
        ("źżž", "z"),
        ("Æ", "AE"),
        ("æ", "ae"),
        ("Œ", "OE"),
        ("œ", "oe"),
        ("ß", "ss"),
        ("Þ", "Th"),
        ("þ", "th"),
    ];
    TABLE
        .iter()
        .find(|(from, _)| from.contains(c))
        .map(|(_, to)| *to)
}

/// What `path` is when it is a copy rather than a session's own file: a
/// `.prev` backup or an emergency copy. Such a copy opens read-only; the
/// chair carries on from it as a new session only when they say so.
pub fn copy_kind(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_string_lossy();
    if name.ends_with(".prev") {
        return Some("a backup (the previous version of a session)");
    }
    let in_state = match (
        std::fs::canonicalize(path),
        std::fs::canonicalize(super::recovery::recovery_dir()),
    ) {
        (Ok(file), Ok(state)) => file.starts_with(state),
        _ => false,
    };
    if name.starts_with("cpconf-emergency-") || name.starts_with("emergency-") || in_state {
        return Some("an emergency copy");
    }
    None
}

/// The preferred name in `dir`, or the same with "-2", "-3"... when a file
/// of that name exists and is not `current` (the session's own file).
pub fn unique_path(dir: &Path, session: &Session, current: Option<&Path>) -> PathBuf {
    let name = preferred_file_name(session);
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    for n in 1u32.. {
        let candidate = if n == 1 {
            dir.join(&name)
        } else {
            dir.join(format!("{stem}-{n}.json"))
        };
        let taken = std::fs::symlink_metadata(&candidate).is_ok();
        if !taken || current.is_some_and(|c| same_file(c, &candidate)) {
            return candidate;
        }
    }
    // 4 billion files of one name cannot happen; a fresh id keeps us honest.
    dir.join(format!("{stem}-{}.json", session.id))
}

/// Whether two paths name the same file (by inode where we can tell).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return ma.dev() == mb.dev() && ma.ino() == mb.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_export_is_named_from_the_record_as_it_is_now() {
        let mut s = crate::example::example_icpc();
        s.setup.family_reference = String::new();
        assert_eq!(export_stem(&s), "2026-11-09-icpc-new");
        s.setup.family_reference = "FAM 4417/b".into();
        s.setup.date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23);
        assert_eq!(export_stem(&s), "2026-11-23-icpc-FAM-4417-b");
    }

    use super::*;
    use crate::model::ConferenceKind;
    use chrono::{DateTime, NaiveDate};

    fn session(reference: &str) -> Session {
        let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+00:00").unwrap();
        let mut s = Session::new("s1".into(), now);
        s.setup.family_reference = reference.into();
        s
    }

    #[test]
    fn names_have_date_kind_and_safe_reference() {
        assert_eq!(
            preferred_file_name(&session("FAM1234")),
            "2026-11-23-icpc-FAM1234.json"
        );
        let mut s = session("  Zoë / Müller's  ");
        s.setup.kind = ConferenceKind::Review;
        s.setup.date = None;
        assert_eq!(preferred_file_name(&s), "undated-rcpc-Zoe-Muller-s.json");
        s.setup.date = NaiveDate::from_ymd_opt(2027, 1, 5);
        s.setup.family_reference = "../../etc/passwd".into();
        assert_eq!(preferred_file_name(&s), "2027-01-05-rcpc-etc-passwd.json");
    }

    #[test]
    fn empty_or_foreign_references_become_new() {
        assert_eq!(sanitise_reference(""), "new");
        assert_eq!(sanitise_reference("  "), "new");
        assert_eq!(sanitise_reference("日本"), "new");
        assert_eq!(sanitise_reference("Łódź-7"), "Lodz-7");
        assert_eq!(sanitise_reference(&"x".repeat(300)).len(), 64);
    }
}
