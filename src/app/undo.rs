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
//!
//! Making a patch: the [`Recorder`] keeps one copy of the session as the
//! last step left it; after a change it compares field by field and copies
//! out only what differs (the old values into the patch, the new into its
//! copy). Nothing copies the whole session per change.

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

/// Brings `dst` to `src`, copying only the run of records that differs.
/// Returns where that run starts, how long it is now, and the records of
/// `dst` it replaced; None when the lists were equal.
fn sync_list<T: Clone + PartialEq>(dst: &mut Vec<T>, src: &[T]) -> Option<(usize, usize, Vec<T>)> {
    let prefix = dst.iter().zip(src).take_while(|(a, b)| a == b).count();
    if prefix == dst.len() && prefix == src.len() {
        return None;
    }
    let room = dst.len().min(src.len()) - prefix;
    let suffix = dst
        .iter()
        .rev()
        .zip(src.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    let new = &src[prefix..src.len() - suffix];
    let end = dst.len() - suffix;
    let old: Vec<T> = dst.splice(prefix..end, new.iter().cloned()).collect();
    Some((prefix, new.len(), old))
}

/// The same for a text: the changed span only (on character boundaries).
fn sync_text(dst: &mut String, src: &str) -> Option<(usize, usize, String)> {
    if dst.as_str() == src {
        return None;
    }
    let (b, a) = (dst.as_bytes(), src.as_bytes());
    let mut prefix = b.iter().zip(a).take_while(|(x, y)| x == y).count();
    while !dst.is_char_boundary(prefix) || !src.is_char_boundary(prefix) {
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
    while !dst.is_char_boundary(b.len() - suffix) || !src.is_char_boundary(a.len() - suffix) {
        suffix -= 1;
    }
    let (end, new) = (b.len() - suffix, &src[prefix..a.len() - suffix]);
    let old = dst[prefix..end].to_string();
    dst.replace_range(prefix..end, new);
    Some((prefix, new.len(), old))
}

/// The same for any other value: a copy when it differs.
fn sync_whole<T: Clone + PartialEq>(dst: &mut T, src: &T) -> Option<T> {
    (dst != src).then(|| std::mem::replace(dst, src.clone()))
}

/// Brings `dst` to `src` field by field, copying only what differs. With
/// `parts`, each field's old value in `dst` is kept there as a part that
/// puts it back. Stage times, the audit trail and `updated_at` are brought
/// over too but never kept (undo does not rewind facts). Returns whether
/// anything differed at all, facts included.
// Long on purpose: the destructuring fails to compile when `Session` gains a
// field, and the line per field below it must then be added beside it; split
// apart, the two lists could drift.
fn sync(dst: &mut Session, src: &Session, mut parts: Option<&mut Vec<Box<dyn Part>>>) -> bool {
    // Destructured so that a new field in `Session` (or in the pre-meeting
    // or the scaling) fails to compile here until it has its place.
    let Session {
        schema_version: _,
        id: _,
        created_at: _,
        updated_at: _,
        status: _,
        finalised: _,
        setup: _,
        children: _,
        attendees: _,
        pre_meeting:
            crate::model::PreMeeting {
                explained_purpose: _,
                explained_how_it_runs: _,
                explained_how_to_contribute: _,
                explained_reports_shared: _,
                explained_supporter_advocate_solicitor: _,
                explained_complaints: _,
                interpreter_needed: _,
                language: _,
                advocate: _,
                parents_views: _,
                exclusions: _,
            },
        opening_statements: _,
        inquorate_reason: _,
        inquorate: _,
        parts: _,
        household: _,
        safety_network: _,
        danger_statements: _,
        map_items: _,
        child_voices: _,
        scaling:
            crate::model::Scaling {
                question: _,
                zero_means: _,
                ten_means: _,
                scores: _,
                notes: _,
                previous_scores: _,
            },
        safety_goals: _,
        bottom_lines: _,
        contingency_plan: _,
        recommendations: _,
        decisions: _,
        chair_summary: _,
        stage_visits: _,
        addenda: _,
        distribution: _,
        audit: _,
        next_id: _,
        drafting: _,
        extra: _,
    } = src;
    let mut changed = false;
    macro_rules! whole {
        ($($f:ident).+) => {
            if let Some(value) = sync_whole(&mut dst.$($f).+, &src.$($f).+) {
                changed = true;
                if let Some(p) = parts.as_deref_mut() {
                    p.push(Box::new(Whole {
                        get: |s| &mut s.$($f).+,
                        value,
                    }));
                }
            }
        };
    }
    macro_rules! list {
        ($($f:ident).+) => {
            if let Some((at, len, items)) = sync_list(&mut dst.$($f).+, &src.$($f).+) {
                changed = true;
                if let Some(p) = parts.as_deref_mut() {
                    p.push(Box::new(Splice {
                        get: |s| &mut s.$($f).+,
                        at,
                        len,
                        bytes: approx_bytes(&items),
                        items,
                    }));
                }
            }
        };
    }
    macro_rules! text {
        ($($f:ident).+) => {
            if let Some((at, len, text)) = sync_text(&mut dst.$($f).+, &src.$($f).+) {
                changed = true;
                if let Some(p) = parts.as_deref_mut() {
                    p.push(Box::new(TextSplice {
                        get: |s| &mut s.$($f).+,
                        at,
                        len,
                        text,
                    }));
                }
            }
        };
    }
    macro_rules! fact {
        ($f:ident, $how:ident) => {
            if $how(&mut dst.$f, &src.$f).is_some() {
                changed = true;
            }
        };
    }
    whole!(schema_version);
    text!(id);
    whole!(created_at);
    whole!(status);
    whole!(finalised);
    whole!(setup);
    list!(children);
    list!(attendees);
    whole!(pre_meeting.explained_purpose);
    whole!(pre_meeting.explained_how_it_runs);
    whole!(pre_meeting.explained_how_to_contribute);
    whole!(pre_meeting.explained_reports_shared);
    whole!(pre_meeting.explained_supporter_advocate_solicitor);
    whole!(pre_meeting.explained_complaints);
    whole!(pre_meeting.interpreter_needed);
    text!(pre_meeting.language);
    text!(pre_meeting.advocate);
    text!(pre_meeting.parents_views);
    list!(pre_meeting.exclusions);
    whole!(opening_statements);
    text!(inquorate_reason);
    whole!(inquorate);
    list!(parts);
    list!(household);
    list!(safety_network);
    list!(danger_statements);
    list!(map_items);
    list!(child_voices);
    text!(scaling.question);
    text!(scaling.zero_means);
    text!(scaling.ten_means);
    list!(scaling.scores);
    text!(scaling.notes);
    list!(scaling.previous_scores);
    list!(safety_goals);
    text!(bottom_lines);
    text!(contingency_plan);
    list!(recommendations);
    list!(decisions);
    whole!(chair_summary);
    list!(addenda);
    list!(distribution);
    whole!(next_id);
    // Facts: kept in step, never rewound.
    fact!(updated_at, sync_whole);
    fact!(stage_visits, sync_list);
    fact!(audit, sync_list);
    // Not undone either: which form is open, and keys kept for other tools.
    fact!(drafting, sync_whole);
    fact!(extra, sync_whole);
    changed
}

/// Keeps a copy of the session as it was after the last step (change,
/// undo or redo), and from it makes each step's patch by copying only what
/// the step altered. This replaces a whole copy of the session before
/// every change, which on a large session cost milliseconds a key.
///
/// The copy is made when first needed (the first change), not when the
/// session opens, so opening stays as fast as reading the file.
#[derive(Default)]
pub struct Recorder {
    shadow: Option<Session>,
}

impl Recorder {
    /// The copy, made now from `live` if there is none yet.
    fn shadow(&mut self, live: &Session) -> &mut Session {
        self.shadow.get_or_insert_with(|| live.clone())
    }

    /// Before a change: takes in the facts that moved on since the last
    /// step without being a step (stage times, mostly), so the copy is
    /// exactly the session the change starts from. Everything else in the
    /// session changes only through steps, which keep the copy in step.
    pub fn begin(&mut self, live: &Session) {
        let shadow = self.shadow(live);
        sync_whole(&mut shadow.updated_at, &live.updated_at);
        sync_list(&mut shadow.stage_visits, &live.stage_visits);
        sync_list(&mut shadow.audit, &live.audit);
    }

    /// Puts `live` back as it was when the change began (the change
    /// failed), copying only what the change had altered.
    pub fn restore(&mut self, live: &mut Session) {
        if let Some(shadow) = &self.shadow {
            sync(live, shadow, None);
        }
    }

    /// After a change: the patch that takes `live` back to how the change
    /// began, or None when nothing at all changed (facts included). The
    /// copy then matches `live` again.
    pub fn record(&mut self, live: &Session) -> Option<Patch> {
        let mut parts = Vec::new();
        sync(self.shadow(live), live, Some(&mut parts)).then_some(Patch {
            parts,
            what: String::new(),
        })
    }

    /// After an undo or redo: the copy follows `live` (nothing is kept).
    pub fn follow(&mut self, live: &Session) {
        if let Some(shadow) = &mut self.shadow {
            sync(shadow, live, None);
        }
    }
}

/// What one change altered, and how to put it back.
pub struct Patch {
    parts: Vec<Box<dyn Part>>,
    /// What the change was, in the chair's words ("deleted map item
    /// 'Ruth visits daily'"): said when it is undone or redone.
    pub what: String,
}

impl Patch {
    /// Puts the old values back into `s`; returns the patch that redoes it.
    pub fn apply(self, s: &mut Session) -> Patch {
        // In reverse: a joined patch (`after`) may touch one field twice,
        // and the later change must be undone first.
        let parts = self.parts.into_iter().rev().map(|p| p.apply(s)).collect();
        Patch {
            parts,
            what: self.what,
        }
    }

    /// One step of this patch and the one made just before it (`earlier`):
    /// undoing it undoes this, then that. Says what this one says.
    pub fn after(mut self, earlier: Patch) -> Patch {
        let mut parts = earlier.parts;
        parts.append(&mut self.parts);
        self.parts = parts;
        self
    }

    /// About how much memory this patch holds.
    pub fn bytes(&self) -> usize {
        std::mem::size_of::<Self>() + self.parts.iter().map(|p| p.bytes() + 16).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{self, Size};

    /// The session without the facts undo leaves alone.
    fn edits(s: &Session) -> Session {
        let mut s = s.clone();
        s.updated_at = s.created_at;
        s.stage_visits.clear();
        s.audit.clear();
        s
    }

    /// A small deterministic generator of changes, touching lists (insert,
    /// remove, edit, move), texts (with multi-byte characters) and values.
    fn change(s: &mut Session, n: u64) {
        let pick = |len: usize, k: u64| (k as usize).checked_rem(len).unwrap_or(0);
        match n % 9 {
            0 => {
                let i = pick(s.map_items.len(), n / 9);
                s.map_items[i].text.push_str(" — ü");
            }
            1 => {
                let i = pick(s.map_items.len() - 1, n / 9);
                s.map_items.swap(i, i + 1);
            }
            2 => {
                let i = pick(s.map_items.len(), n / 7);
                s.map_items.remove(i);
            }
            3 => s
                .bottom_lines
                .insert_str(s.bottom_lines.len() / 2, "Zoë's 子供 "),
            4 => {
                let cut = s.contingency_plan.char_indices().nth(10).map_or(0, |c| c.0);
                s.contingency_plan.replace_range(..cut, "");
            }
            5 => s.pre_meeting.interpreter_needed = !s.pre_meeting.interpreter_needed,
            6 => s.next_id += 1,
            7 => {
                let i = pick(s.attendees.len(), n);
                s.attendees[i].role = format!("role {n}");
                s.pre_meeting.parents_views.push('é');
            }
            _ => {
                // A fact moves on alone: still a step, nothing to rewind.
                s.updated_at += chrono::Duration::seconds(1);
            }
        }
    }

    #[test]
    fn undo_and_redo_by_patches_match_whole_copies() {
        let mut live = generate::session(Size::S, 7);
        let mut rec = Recorder::default();
        let mut copies = vec![edits(&live)];
        let mut undo = Vec::new();
        for n in 0..60u64 {
            rec.begin(&live);
            change(&mut live, n * 31 + 5);
            let patch = rec.record(&live).expect("every change changes something");
            undo.push(patch);
            copies.push(edits(&live));
            // A fact moving on between steps is not part of the next one.
            live.stage_visits.clear();
        }
        // Undo everything, then redo everything, checking each step.
        let mut redo = Vec::new();
        for expected in copies.iter().rev().skip(1) {
            let inverse = undo.pop().unwrap().apply(&mut live);
            rec.follow(&live);
            assert!(edits(&live) == *expected, "undo matches the whole copy");
            redo.push(inverse);
        }
        for expected in copies.iter().skip(1) {
            let inverse = redo.pop().unwrap().apply(&mut live);
            rec.follow(&live);
            assert!(edits(&live) == *expected, "redo matches the whole copy");
            undo.push(inverse);
        }
    }

    #[test]
    fn a_failed_change_is_put_back_exactly() {
        let mut live = generate::session(Size::S, 3);
        let mut rec = Recorder::default();
        rec.begin(&live);
        let before = live.clone();
        change(&mut live, 3);
        change(&mut live, 11);
        change(&mut live, 20);
        rec.restore(&mut live);
        assert!(live == before);
        assert!(rec.record(&live).is_none(), "nothing changed");
    }
}
