//! The invitation list business support sends before a conference, as
//! CSV: a header row naming the columns (name, role, agency, agency kind,
//! gives recommendation; any order, any case; only name is required),
//! then one person a row. Read whole or not at all: one bad row refuses
//! the file, with the line and why.

use super::row::{NewAttendee, from_parts};
use crate::model::{Attendance, Session};

/// The columns a list may have, in the order a row is read.
pub const COLUMNS: [&str; 5] = [
    "name",
    "role",
    "agency",
    "agency kind",
    "gives recommendation",
];

/// Reads an invitation list. The error is one line that says where
/// ("line 4: ...") and why; the caller puts the file's name before it.
pub fn parse_invitees(bytes: &[u8]) -> Result<Vec<NewAttendee>, String> {
    // A spreadsheet's "CSV UTF-8" starts with a byte order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(format!(
            "the file is empty: it needs a header row ({}) and a row per person",
            COLUMNS.join(", ")
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| why(&e, bytes))?
        .iter()
        .map(String::from)
        .collect();
    let at = column_positions(&header)?;
    let mut people = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| why(&e, bytes))?;
        let line = record.position().map(|p| line_at(bytes, p)).unwrap_or(0);
        let parts: Vec<&str> = at
            .iter()
            .map(|i| i.and_then(|i| record.get(i)).unwrap_or(""))
            .collect();
        // A row of empty cells (a spreadsheet's trailing commas) is skipped.
        if parts.iter().all(|p| p.is_empty()) && record.iter().all(str::is_empty) {
            continue;
        }
        people.push(from_parts(&parts).map_err(|e| format!("line {line}: {e}"))?);
    }
    if people.is_empty() {
        return Err("no people in it: only a header row".into());
    }
    Ok(people)
}

/// Where each of `COLUMNS` is in the header (names matched in any case),
/// or why the header will not do.
fn column_positions(original: &[String]) -> Result<[Option<usize>; 5], String> {
    let header: Vec<String> = original.iter().map(|h| h.to_lowercase()).collect();
    let expected = || COLUMNS.join(", ");
    if let Some(unknown) = (0..header.len())
        .find(|i| !COLUMNS.contains(&header[*i].as_str()) && !header[*i].is_empty())
        .map(|i| &original[i])
    {
        let hint = if header.iter().any(|h| h == "name") {
            String::new()
        } else {
            " (the first line must be a header row naming the columns)".into()
        };
        return Err(format!(
            "line 1: unknown column \"{unknown}\"{hint}: the columns are {}",
            expected()
        ));
    }
    let mut at = [None; 5];
    for (slot, column) in at.iter_mut().zip(COLUMNS) {
        let found: Vec<usize> = (0..header.len()).filter(|i| header[*i] == column).collect();
        if found.len() > 1 {
            return Err(format!("line 1: the column \"{column}\" is named twice"));
        }
        *slot = found.first().copied();
    }
    if at[0].is_none() {
        return Err(format!(
            "line 1: no \"name\" column: the header row names the columns {}",
            expected()
        ));
    }
    Ok(at)
}

/// The line a record starts on, counted from the bytes: the reader's own
/// count, and its start of a record, include the blank lines before it.
fn line_at(bytes: &[u8], p: &csv::Position) -> u64 {
    let mut upto = bytes.len().min(p.byte() as usize);
    while upto < bytes.len() && matches!(bytes[upto], b'\n' | b'\r') {
        upto += 1;
    }
    bytes[..upto].iter().filter(|b| **b == b'\n').count() as u64 + 1
}

/// One line from a CSV error: the line and what was wrong.
fn why(e: &csv::Error, bytes: &[u8]) -> String {
    let line = e.position().map(|p| line_at(bytes, p)).unwrap_or(1);
    let what = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} cells where the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "not UTF-8 text (save the list as CSV UTF-8)".into(),
        _ => e.to_string(),
    };
    format!("line {line}: {what}")
}

/// Adds the people to the register, each "invited" until the chair marks
/// who came.
pub fn add_invitees(s: &mut Session, people: Vec<NewAttendee>) {
    add_people(s, people, Attendance::Invited);
}

/// Adds the people to the register with `attendance` (a person typed in
/// during the meeting is usually present); returns their new ids.
pub fn add_people(
    s: &mut Session,
    people: Vec<NewAttendee>,
    attendance: Attendance,
) -> Vec<crate::model::AttendeeId> {
    let mut ids = Vec::new();
    for p in people {
        let id = s.add_attendee();
        if let Some(a) = s.attendees.iter_mut().find(|a| a.id == id) {
            a.name = p.name;
            a.role = p.role;
            a.agency = p.agency;
            a.agency_kind = p.agency_kind;
            a.gives_recommendation = p.gives_recommendation;
            a.attendance = p.attendance.unwrap_or(attendance);
        }
        ids.push(id);
    }
    s.refresh_derived();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AgencyKind;

    #[test]
    fn columns_in_any_order_and_case_and_only_name_required() {
        let people = parse_invitees(
            b"Agency Kind,NAME,Gives recommendation\nhealth,Priya Nurse,y\n,Dana Testwood,\n",
        )
        .unwrap();
        assert_eq!(people.len(), 2);
        assert_eq!(people[0].agency_kind, AgencyKind::Health);
        assert!(people[0].gives_recommendation);
        assert_eq!(people[1].name, "Dana Testwood");
        assert!(!people[1].gives_recommendation);
    }

    #[test]
    fn a_typed_row_joins_the_register_present() {
        let mut s = Session::new("s".into(), chrono::Local::now().fixed_offset());
        let row = crate::register::parse_row("Priya Nurse, Health visitor, NHS Trust, nhs, y");
        let ids = add_people(&mut s, vec![row.unwrap()], Attendance::Present);
        let a = &s.attendees[0];
        assert_eq!(ids, vec![a.id.clone()]);
        assert_eq!(
            (a.name.as_str(), a.agency_kind),
            ("Priya Nurse", AgencyKind::Health)
        );
        assert_eq!(a.attendance, Attendance::Present);
        assert!(a.gives_recommendation);
    }

    #[test]
    fn a_bad_row_names_its_line() {
        let e = parse_invitees(b"name,agency kind\nA,health\n\nB,fire brigade\n").unwrap_err();
        assert!(
            e.starts_with("line 4: \"fire brigade\" is not an agency kind"),
            "{e}"
        );
    }
}
