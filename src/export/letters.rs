//! The pack that leaves the room (`cpconf letters`): for each parent or
//! carer their own decision letter and their own copy, each addressed to
//! that person alone and leaving out what they were not in the room for;
//! one letter for the professionals; and a letter in plain words for each
//! child the chair writes to.

use crate::config::Config;
use crate::model::{Child, Outcome, Session};

use super::doc::{Block, Document};
use super::family;
use super::letter::{self, LetterFor};
use super::parts::{Reader, family_members};
use super::words::{self, first_name, long_date};

/// One document of the pack and the name its file is given (without the
/// extension).
#[derive(Clone, Debug, PartialEq)]
pub struct PackItem {
    pub file_stem: String,
    /// Who it is for, for the list printed after writing.
    pub recipient: String,
    pub doc: Document,
}

/// Every letter and copy of the pack, in a stable order.
pub fn pack(s: &Session, rules: &Config) -> Vec<PackItem> {
    let cleaned = super::clean::session_without_controls(s);
    let s = &cleaned;
    let mut items = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    let mut stem = |base: String| {
        let mut name = base.clone();
        let mut n = 2;
        while taken.contains(&name) {
            name = format!("{base}-{n}");
            n += 1;
        }
        taken.push(name.clone());
        name
    };
    for a in family_members(s) {
        let slug = slug(&a.name);
        items.push(PackItem {
            file_stem: stem(format!("letter-{slug}")),
            recipient: a.name.trim().to_string(),
            doc: letter::build_for(s, rules, LetterFor::Family(Reader::Member(a))),
        });
        items.push(PackItem {
            file_stem: stem(format!("copy-{slug}")),
            recipient: a.name.trim().to_string(),
            doc: family::build_for(s, rules, Reader::Member(a)),
        });
    }
    items.push(PackItem {
        file_stem: stem("letter-professionals".into()),
        recipient: "the professionals".into(),
        doc: letter::build_for(s, rules, LetterFor::Professionals),
    });
    for c in s.children.iter().filter(|c| c.own_letter) {
        items.push(PackItem {
            file_stem: stem(format!("letter-child-{}", slug(&c.name))),
            recipient: words::or(&c.name, "the child"),
            doc: child_letter(s, c),
        });
    }
    items
}

/// A file name part from a name: lower-case letters and digits joined by
/// hyphens ("Dean Fairlie" becomes "dean-fairlie").
fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "unnamed".into()
    } else {
        words.join("-")
    }
}

/// A letter to a child in plain words: what was decided for them, who
/// will help, and who to tell if they are worried. It never repeats what
/// anyone said at the conference, the child's own words included.
pub fn child_letter(s: &Session, child: &Child) -> Document {
    let name = first_name(s, &child.id);
    let mut doc = Document::new(format!("A letter for {name}"));
    if !s.is_finalised() {
        doc.lead.push(Block::Notice(
            "DRAFT — not finalised. Not to be given to the child yet.".into(),
        ));
    }
    let chair = words::or(&s.setup.chair, "the chair");
    let when = s
        .setup
        .date
        .map(|d| format!("On {}, ", long_date(d)))
        .unwrap_or_default();
    let decision = s.decisions.iter().find(|d| d.child == child.id);
    let worker = decision
        .and_then(|d| d.plan.lead_social_worker.as_ref())
        .map(|a| s.attendee_name(a))
        .and_then(|n| n.split_whitespace().next().map(str::to_string));
    let others: Vec<String> = s
        .children
        .iter()
        .filter(|c| c.id != child.id)
        .map(|c| first_name(s, &c.id))
        .collect();
    let you = if others.is_empty() {
        "you".to_string()
    } else {
        format!("you and {}", words::join_and(&others))
    };
    // A short letter: no headings, just paragraphs after the title.
    let mut body = super::doc::Section::default();
    let sec = &mut body;
    sec.para(format!("Dear {name},"));
    sec.para(format!(
        "{when}some grown-ups who help your family met to talk about how to make sure {you} \
         are safe and well looked after. I was in charge of the meeting. My name is {chair}."
    ));
    let heard = s
        .child_voices
        .iter()
        .any(|v| v.child == child.id && !v.words.trim().is_empty());
    if heard {
        sec.para("Thank you for telling us what you think and feel. It helped us decide.");
    }
    let worker_line = worker
        .as_ref()
        .map(|w| format!(" {w} is your social worker and will keep coming to see you."))
        .unwrap_or_default();
    sec.para(match decision.map(|d| d.outcome) {
        Some(Outcome::ChildProtectionPlan) => format!(
            "We decided that you will have a child protection plan. This means the grown-ups \
             will work together with your family to help keep you safe.{worker_line} A small \
             group of grown-ups will meet often to check that things are getting better, and \
             we will all meet again to see how things are going."
        ),
        Some(Outcome::ChildInNeed) => format!(
            "We decided that a social worker will keep helping your family, with a plan \
             called a child in need plan.{worker_line}"
        ),
        Some(Outcome::NoFurtherAction) => "We decided that your family does not need a social \
             worker any more. Your school and your doctor are still there to help you."
            .into(),
        _ => "We have not finished deciding yet. Someone will tell you when we have.".into(),
    });
    let tell = match &worker {
        Some(w) => format!("{w}, your teacher or another grown-up you trust"),
        None => "your teacher or another grown-up you trust".into(),
    };
    sec.para(format!(
        "If you are worried about anything, or want to talk, you can tell {tell}. You can \
         also call Childline free on 0800 1111. If you are ever in danger, call 999."
    ));
    sec.para(format!("From {chair}"));
    doc.lead.extend(body.blocks);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_file_name_parts() {
        assert_eq!(slug("Dean Fairlie"), "dean-fairlie");
        assert_eq!(slug("  Zoë O'Neill "), "zoë-o-neill");
        assert_eq!(slug("../.."), "unnamed");
    }
}
