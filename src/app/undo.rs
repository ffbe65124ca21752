//! The undo history as patches rather than whole copies of the session.
//!
//! Why: a large session (10 children, 2,000 map items, 50 KB notes) is a
//! few MB in memory; keeping 500 whole copies for undo took gigabytes. A
//! patch keeps only what one change altered: for a list, the run of records
//! between the unchanged start and the unchanged end; for a text, the
//! changed span; for anything else, the old value if it differs. Applying
//! a patch puts the old values back and returns the patch that redoes it.
//!
//! Behaviour is that of whole snapshots: undo restores every field as it
//! was before the change, except the stage times and the audit trail (facts,
//! never rewound) and `updated_at` (set to now), exactly as before. Patches
//! apply in strict stack order (a new change clears redo), and nothing else
//! changes the patched fields between a change and its undo, so positions
//! recorded in a patch still point at the same records when it is applied.

use serde::Serialize;

use crate::model::Session;

/// One field's old value, ready to be put back.
trait Part: Send {
    /// Puts the old value back; returns the part that undoes this.
    fn apply(self: Box<Self>, s: &mut Session) -> Box<dyn Part>;
    fn bytes(&self) -> usize;
}

/// A whole (small) value.
struct Whole<T> {
    get: fn(&mut Session) -> &mut T,
    value: T,
}

impl<T: Send + 'static> Part for Whole<T> {
    fn apply(mut self: Box<Self>, s: &mut Session) -> Box<dyn Part> {
        std::mem::swap((self.get)(s), &mut self.value);
        self
    }
    fn bytes(&self) -> usize {
        std::mem::size_of::<T>()
    }
}

/// Records `at..at + len` of a list are to be replaced by `items`.
struct Splice<T> {
    get: fn(&mut Session) -> &mut Vec<T>,
    at: usize,
    len: usize,
    items: Vec<T>,
    bytes: usize,
}

impl<T: Serialize + Send + 'static> Part for Splice<T> {
    fn apply(self: Box<Self>, s: &mut Session) -> Box<dyn Part> {
        let Splice {
            get,
            at,
            len,
            items,
            ..
        } = *self;
        let list = get(s);
        let new_len = items.len();
        let removed: Vec<T> = list.splice(at..at + len, items).collect();
        Box::new(Splice {
            get,
            at,
            len: new_len,
            bytes: approx_bytes(&removed),
            items: removed,
        })
    }
    fn bytes(&self) -> usize {
        self.bytes
    }
}

/// Bytes `at..at + len` of a text are to be replaced by `text`.
struct TextSplice {
    get: fn(&mut Session) -> &mut String,
    at: usize,
    len: usize,
    text: String,
}

impl Part for TextSplice {
    fn apply(self: Box<Self>, s: &mut Session) -> Box<dyn Part> {
        let field = (self.get)(s);
        let removed = field[self.at..self.at + self.len].to_string();
        field.replace_range(self.at..self.at + self.len, &self.text);
        Box::new(TextSplice {
            get: self.get,
            at: self.at,
            len: self.text.len(),
            text: removed,
        })
    }
    fn bytes(&self) -> usize {
        self.text.len() + std::mem::size_of::<Self>()
    }
}

/// About how much memory a value holds: its JSON length (counted, not
/// written) plus its inline size. Only used to bound the history.
fn approx_bytes<T: Serialize>(items: &[T]) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0 += b.len();
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut c = Count(0);
    let _ = serde_json::to_writer(&mut c, items);
    c.0 + std::mem::size_of_val(items)
}

fn whole<T: PartialEq + Send + 'static>(
    parts: &mut Vec<Box<dyn Part>>,
    get: fn(&mut Session) -> &mut T,
    before: T,
    after: &T,
) {
    if before != *after {
        parts.push(Box::new(Whole { get, value: before }));
    }
}

fn splice<T: PartialEq + Serialize + Send + 'static>(
    parts: &mut Vec<Box<dyn Part>>,
    get: fn(&mut Session) -> &mut Vec<T>,
    mut before: Vec<T>,
    after: &[T],
) {
    let prefix = before.iter().zip(after).take_while(|(a, b)| a == b).count();
    if prefix == before.len() && prefix == after.len() {
        return;
    }
    let room = before.len().min(after.len()) - prefix;
    let suffix = before
        .iter()
        .rev()
        .zip(after.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    before.truncate(before.len() - suffix);
    let items = before.split_off(prefix);
    parts.push(Box::new(Splice {
        get,
        at: prefix,
        len: after.len() - prefix - suffix,
        bytes: approx_bytes(&items),
        items,
    }));
}

fn text(
    parts: &mut Vec<Box<dyn Part>>,
    get: fn(&mut Session) -> &mut String,
    before: String,
    after: &str,
) {
    if before == after {
        return;
    }
    let (b, a) = (before.as_bytes(), after.as_bytes());
    let mut prefix = b.iter().zip(a).take_while(|(x, y)| x == y).count();
    while !before.is_char_boundary(prefix) || !after.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let room = b.len().min(a.len()) - prefix;
    let mut suffix = b
        .iter()
        .rev()
        .zip(a.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    while !before.is_char_boundary(b.len() - suffix) || !after.is_char_boundary(a.len() - suffix) {
        suffix -= 1;
    }
    parts.push(Box::new(TextSplice {
        get,
        at: prefix,
        len: a.len() - prefix - suffix,
        text: before[prefix..b.len() - suffix].to_string(),
    }));
}

/// What one change altered, and how to put it back.
pub struct Patch {
    parts: Vec<Box<dyn Part>>,
}

impl Patch {
    /// The patch that takes `after` back to `before`, or None when the
    /// change altered nothing at all (stage times and audit included).
    pub fn between(before: Session, after: &Session) -> Option<Patch> {
        // Destructured so that a new field in `Session` fails to compile
        // here until it is given its place in the history.
        let Session {
            schema_version,
            id,
            created_at,
            updated_at,
            status,
            finalised,
            setup,
            children,
            attendees,
            pre_meeting,
            opening_statements,
            inquorate_reason,
            danger_statements,
            map_items,
            child_voices,
            scaling,
            safety_goals,
            bottom_lines,
            contingency_plan,
            recommendations,
            decisions,
            stage_visits,
            addenda,
            audit,
            next_id,
        } = before;
        let p = &mut Vec::new();
        whole(
            p,
            |s| &mut s.schema_version,
            schema_version,
            &after.schema_version,
        );
        text(p, |s| &mut s.id, id, &after.id);
        whole(p, |s| &mut s.created_at, created_at, &after.created_at);
        whole(p, |s| &mut s.status, status, &after.status);
        whole(p, |s| &mut s.finalised, finalised, &after.finalised);
        whole(p, |s| &mut s.setup, setup, &after.setup);
        splice(p, |s| &mut s.children, children, &after.children);
        splice(p, |s| &mut s.attendees, attendees, &after.attendees);
        {
            // Field by field: the parents' views can be a long note.
            let crate::model::PreMeeting {
                explained_purpose,
                explained_how_it_runs,
                explained_how_to_contribute,
                explained_reports_shared,
                explained_supporter_advocate_solicitor,
                explained_complaints,
                interpreter_needed,
                language,
                advocate,
                parents_views,
                exclusions,
            } = pre_meeting;
            let a = &after.pre_meeting;
            let flags = [
                explained_purpose,
                explained_how_it_runs,
                explained_how_to_contribute,
                explained_reports_shared,
                explained_supporter_advocate_solicitor,
                explained_complaints,
                interpreter_needed,
            ];
            let after_flags = [
                a.explained_purpose,
                a.explained_how_it_runs,
                a.explained_how_to_contribute,
                a.explained_reports_shared,
                a.explained_supporter_advocate_solicitor,
                a.explained_complaints,
                a.interpreter_needed,
            ];
            if flags != after_flags {
                p.push(Box::new(Flags(flags)));
            }
            text(p, |s| &mut s.pre_meeting.language, language, &a.language);
            text(p, |s| &mut s.pre_meeting.advocate, advocate, &a.advocate);
            text(
                p,
                |s| &mut s.pre_meeting.parents_views,
                parents_views,
                &a.parents_views,
            );
            splice(
                p,
                |s| &mut s.pre_meeting.exclusions,
                exclusions,
                &a.exclusions,
            );
        }
        whole(
            p,
            |s| &mut s.opening_statements,
            opening_statements,
            &after.opening_statements,
        );
        text(
            p,
            |s| &mut s.inquorate_reason,
            inquorate_reason,
            &after.inquorate_reason,
        );
        splice(
            p,
            |s| &mut s.danger_statements,
            danger_statements,
            &after.danger_statements,
        );
        splice(p, |s| &mut s.map_items, map_items, &after.map_items);
        splice(
            p,
            |s| &mut s.child_voices,
            child_voices,
            &after.child_voices,
        );
        {
            let crate::model::Scaling {
                question,
                scores,
                previous_scores,
            } = scaling;
            let a = &after.scaling;
            text(p, |s| &mut s.scaling.question, question, &a.question);
            splice(p, |s| &mut s.scaling.scores, scores, &a.scores);
            splice(
                p,
                |s| &mut s.scaling.previous_scores,
                previous_scores,
                &a.previous_scores,
            );
        }
        splice(
            p,
            |s| &mut s.safety_goals,
            safety_goals,
            &after.safety_goals,
        );
        text(
            p,
            |s| &mut s.bottom_lines,
            bottom_lines,
            &after.bottom_lines,
        );
        text(
            p,
            |s| &mut s.contingency_plan,
            contingency_plan,
            &after.contingency_plan,
        );
        splice(
            p,
            |s| &mut s.recommendations,
            recommendations,
            &after.recommendations,
        );
        splice(p, |s| &mut s.decisions, decisions, &after.decisions);
        splice(p, |s| &mut s.addenda, addenda, &after.addenda);
        whole(p, |s| &mut s.next_id, next_id, &after.next_id);
        // Never rewound by undo (see the module comment), so not kept; but
        // a change to them alone is still a change.
        let facts_changed = updated_at != after.updated_at
            || stage_visits != after.stage_visits
            || audit != after.audit;
        if p.is_empty() && !facts_changed {
            return None;
        }
        Some(Patch {
            parts: std::mem::take(p),
        })
    }

    /// Puts the old values back into `s`; returns the patch that redoes it.
    pub fn apply(self, s: &mut Session) -> Patch {
        // Parts touch distinct fields, but apply in reverse for clarity.
        let parts = self.parts.into_iter().rev().map(|p| p.apply(s)).collect();
        Patch { parts }
    }

    /// About how much memory this patch holds.
    pub fn bytes(&self) -> usize {
        std::mem::size_of::<Self>() + self.parts.iter().map(|p| p.bytes() + 16).sum::<usize>()
    }
}

/// The pre-meeting's ticks, as one value.
struct Flags([bool; 7]);

impl Part for Flags {
    fn apply(self: Box<Self>, s: &mut Session) -> Box<dyn Part> {
        let m = &mut s.pre_meeting;
        let fields = [
            &mut m.explained_purpose,
            &mut m.explained_how_it_runs,
            &mut m.explained_how_to_contribute,
            &mut m.explained_reports_shared,
            &mut m.explained_supporter_advocate_solicitor,
            &mut m.explained_complaints,
            &mut m.interpreter_needed,
        ];
        let mut old = [false; 7];
        for (i, f) in fields.into_iter().enumerate() {
            old[i] = std::mem::replace(f, self.0[i]);
        }
        Box::new(Flags(old))
    }
    fn bytes(&self) -> usize {
        8
    }
}
