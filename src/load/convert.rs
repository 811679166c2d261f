//! Reads the parsed YAML into the [`Family`] model, collecting every problem on the way.
//!
//! The walk goes over the document's [`Yaml`] tree, in which every value keeps the place
//! it was written. Nothing stops at the
//! first problem: an unknown key, a wrong type or a misspelt word is recorded and the walk
//! goes on, so that one run of `genogram check` lists everything to fix.

use std::borrow::Cow;
use std::fmt::{self, Display};

use super::limits::{MAX_ID_CHARS, MAX_TEXT_CHARS};
use super::suggest::{did_you_mean, list};
use super::tree::{Kind, Yaml};
use crate::diag::{Diagnostic, Span, Spanned, short};
use crate::model::{
    Child, Couple, DEFAULT_SKILLS, Family, KnownCondition, KnownGender, KnownSource, Level, Link,
    OpenWord, PartialDate, PastRating, Person, PersonKind, RelKind, Relation, Relationship, Sex,
    SkillDef, SkillRating, TwinSet,
};
use crate::parallel::THREADS;

// From this many people on, they are read on [`THREADS`] threads.
use crate::parallel::PARALLEL_FROM as PARALLEL_PEOPLE;

const TOP_KEYS: &[&str] = &[
    "title",
    "index",
    "skills",
    "people",
    "couples",
    "relationships",
];
const PERSON_KEYS: &[&str] = &[
    "name",
    "sex",
    "gender",
    "kind",
    "born",
    "died",
    "deceased",
    "occupation",
    "location",
    "conditions",
    "notes",
    "skills",
    "raised_by",
];
const RATING_KEYS: &[&str] = &["level", "learned", "since", "note", "history"];
const HISTORY_KEYS: &[&str] = &["date", "level", "note", "by"];
const COUPLE_KEYS: &[&str] = &[
    "partners",
    "relation",
    "married",
    "separated",
    "divorced",
    "ended",
    "since",
    "children",
];
const CHILD_KEYS: &[&str] = &["id", "link", "adopted"];
const TWIN_KEYS: &[&str] = &["twins", "identical"];
const RELATIONSHIP_KEYS: &[&str] = &["between", "from", "to", "kind", "since", "until", "note"];

/// A node of the document, as the reader walks it.
type Node<'a> = &'a Yaml;

/// "`born` of `rosa`": a field of an entry, as messages name it. Written out only when a
/// message needs it; formatting it for every field of every person was most of the
/// reader's allocations on large families.
#[derive(Clone, Copy)]
struct Of<'a>(&'a str, &'a str);

impl Display for Of<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` of `{}`", self.0, self.1)
    }
}

/// Something named after a prefix, as in "person `rosa`" or "the rating `openness` of
/// `rosa`", written out only when a message needs it.
#[derive(Clone, Copy)]
struct Named<'a, T>(&'a str, T);

impl<T: Display> Display for Named<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0, self.1)
    }
}

/// A key in backquotes, as in "`married`".
#[derive(Clone, Copy)]
struct Quoted<'a>(&'a str);

impl Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.0)
    }
}

/// Collects the family and every problem met while reading it.
struct Reader {
    diags: Vec<Diagnostic>,
}

/// Reads a parsed document into a family, with every problem found. Entries with problems
/// are left out or take their defaults, so the family can still be checked further.
pub fn family(root: &Yaml) -> (Family, Vec<Diagnostic>) {
    let mut reader = Reader { diags: Vec::new() };
    let family = reader.family(root);
    (family, reader.diags)
}

impl Reader {
    fn error(&mut self, diag: Diagnostic) {
        self.diags.push(diag);
    }

    /// The entries of a mapping, with unknown keys reported; `None` (and an error) when the
    /// value is not a mapping.
    fn mapping<'a>(
        &mut self,
        node: Node<'a>,
        what: impl Display + Copy,
        allowed: &[&str],
    ) -> Option<Vec<(Cow<'a, str>, Node<'a>, Node<'a>)>> {
        let Some(entries) = node.entries() else {
            self.error(
                Diagnostic::error(
                    node.span,
                    format!(
                        "{what} must be a mapping of keys to values, not {}",
                        node.describe()
                    ),
                )
                .with_help(format!("the keys it can have are {}", list(allowed))),
            );
            return None;
        };
        let mut out = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            let key = k.scalar_text().unwrap_or_default();
            if allowed.contains(&key.as_ref()) {
                out.push((key, k, v));
            } else {
                let help = did_you_mean(&key, allowed.iter().copied())
                    .unwrap_or_else(|| format!("the keys allowed here are {}", list(allowed)));
                self.error(
                    Diagnostic::error(k.span, format!("unknown key `{}` in {what}", short(&key)))
                        .with_help(help),
                );
            }
        }
        Some(out)
    }

    fn family(&mut self, root: Node<'_>) -> Family {
        let mut family = Family::default();
        if !matches!(root.value, Kind::Map(_)) {
            self.error(
                Diagnostic::error(root.span, format!("a family file must be a mapping with `people:` and other sections, not {}", root.describe()))
                    .with_help("start the file with `people:` and list each person under it; see samples/ for examples"),
            );
            return family;
        }
        let Some(entries) = self.mapping(root, "the file", TOP_KEYS) else {
            return family;
        };
        let mut people_seen = false;
        let mut skills_node = None;
        for (key, _, v) in &entries {
            match key.as_ref() {
                "title" => family.title = self.text(v, "`title`"),
                "index" => family.index = self.id(v, "`index`"),
                "skills" => skills_node = Some(*v),
                _ => {}
            }
        }
        family.skills = match skills_node {
            Some(node) if !node.is_null() => self.skill_defs(node),
            _ => DEFAULT_SKILLS
                .iter()
                .map(|(n, d)| SkillDef {
                    name: Spanned::new((*n).to_string(), Span::file_start()),
                    description: (*d).to_string(),
                })
                .collect(),
        };
        let skill_names: Vec<String> = family.skills.iter().map(|s| s.name.value.clone()).collect();
        for (key, _, v) in &entries {
            match key.as_ref() {
                "people" => {
                    people_seen = true;
                    family.people = self.people(v, &skill_names);
                }
                "couples" => family.couples = self.list_of(v, "`couples`", |r, n| r.couple(n)),
                "relationships" => {
                    family.relationships =
                        self.list_of(v, "`relationships`", |r, n| r.relationship(n));
                }
                _ => {}
            }
        }
        if !people_seen {
            self.error(
                Diagnostic::error(root.span, "the file has no `people:` section")
                    .with_help("add `people:` and list each person under it by id, as in samples/"),
            );
        }
        family
    }

    fn skill_defs(&mut self, node: Node<'_>) -> Vec<SkillDef> {
        let Some(entries) = node.entries() else {
            self.error(
                Diagnostic::error(
                    node.span,
                    format!(
                        "`skills` must map each skill's name to its definition, not {}",
                        node.describe()
                    ),
                )
                .with_help(
                    "write for example `skills: {openness: Shares private thoughts and feelings}`",
                ),
            );
            return Vec::new();
        };
        let mut defs = Vec::new();
        for (k, v) in entries {
            let Some(name) = self.id(k, "a skill name") else {
                continue;
            };
            let description = if v.is_null() {
                String::new()
            } else {
                self.text(v, "a skill's definition").unwrap_or_default()
            };
            defs.push(SkillDef { name, description });
        }
        if defs.is_empty() {
            self.error(
                Diagnostic::error(node.span, "`skills` declares no skill")
                    .with_help("remove `skills:` to rate the three default skills (openness, honesty, directness)"),
            );
        }
        defs
    }

    fn list_of<'a, T>(
        &mut self,
        node: Node<'a>,
        what: impl Display + Copy,
        mut each: impl FnMut(&mut Self, Node<'a>) -> Option<T>,
    ) -> Vec<T> {
        if node.is_null() {
            return Vec::new();
        }
        let Some(items) = node.items() else {
            self.error(Diagnostic::error(
                node.span,
                format!(
                    "{what} must be a list (each entry starting with `- `), not {}",
                    node.describe()
                ),
            ));
            return Vec::new();
        };
        items.iter().filter_map(|n| each(self, n)).collect()
    }

    fn people(&mut self, node: Node<'_>, skills: &[String]) -> Vec<Person> {
        if node.is_null() {
            return Vec::new();
        }
        let Some(entries) = node.entries() else {
            let help = if matches!(node.value, Kind::Seq(_)) {
                "write each person as `id: {name: …}` under `people:`, without a leading `- `"
            } else {
                "list each person under `people:` by id, as in `rosa: {name: Rosa Moreno}`"
            };
            self.error(
                Diagnostic::error(
                    node.span,
                    format!(
                        "`people` must be a mapping of id to person, not {}",
                        node.describe()
                    ),
                )
                .with_help(help),
            );
            return Vec::new();
        };
        if entries.len() < PARALLEL_PEOPLE {
            return self.people_of(entries, skills);
        }
        // People are read independently of each other: a large family is read in runs on
        // several threads, each with its own problems, put back in order.
        let runs: Vec<&[(Yaml, Yaml)]> = entries.chunks(entries.len().div_ceil(THREADS)).collect();
        let runs = crate::parallel::map(&runs, THREADS, |run| {
            let mut reader = Reader { diags: Vec::new() };
            (reader.people_of(run, skills), reader.diags)
        });
        let mut people = Vec::with_capacity(entries.len());
        for (run, diags) in runs {
            people.extend(run);
            self.diags.extend(diags);
        }
        people
    }

    /// The people of some entries of `people`, in order.
    fn people_of(&mut self, entries: &[(Yaml, Yaml)], skills: &[String]) -> Vec<Person> {
        let mut people = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            if let Some(id) = self.id(k, "a person's id") {
                people.push(self.person(id, v, skills));
            }
        }
        people
    }

    fn person(&mut self, id: Spanned<String>, node: Node<'_>, skills: &[String]) -> Person {
        let mut p = Person {
            name: id.value.clone(),
            id,
            sex: Sex::Unknown,
            gender: None,
            kind: PersonKind::Person,
            born: None,
            died: None,
            deceased: false,
            occupation: None,
            location: None,
            conditions: Vec::new(),
            notes: None,
            skills: Vec::new(),
            raised_by: None,
        };
        if node.is_null() {
            return p;
        }
        // Messages name the person by id while `p` is being filled in.
        let pid = p.id.value.clone();
        let Some(entries) = self.mapping(node, Named("person", Quoted(&pid)), PERSON_KEYS) else {
            return p;
        };
        let mut deceased: Option<Spanned<bool>> = None;
        for (key, _, v) in entries {
            let field = Of(&key, &pid);
            match key.as_ref() {
                "name" => {
                    if let Some(n) = self.text(v, field) {
                        p.name = n;
                    }
                }
                "sex" => {
                    p.sex = self
                        .word(v, field, Sex::from_word, Sex::WORDS)
                        .unwrap_or(Sex::Unknown)
                }
                "gender" => {
                    p.gender = self.open_word::<KnownGender>(v, field, KnownGender::from_word)
                }
                "kind" => {
                    p.kind = self
                        .word(v, field, PersonKind::from_word, PersonKind::WORDS)
                        .unwrap_or(PersonKind::Person);
                }
                "born" => p.born = self.date(v, field),
                "died" => p.died = self.date(v, field),
                "deceased" => deceased = self.boolean(v, field).map(|b| Spanned::new(b, v.span)),
                "occupation" => p.occupation = self.text(v, field),
                "location" => p.location = self.text(v, field),
                "notes" => p.notes = self.text(v, field),
                "conditions" => {
                    p.conditions = self.list_of(v, field, |r, n| {
                        let w = r.open_word::<KnownCondition>(
                            n,
                            "a condition",
                            KnownCondition::from_word,
                        )?;
                        Some(Spanned::new(w, n.span))
                    });
                }
                "skills" => p.skills = self.ratings(v, &pid, skills),
                "raised_by" => {
                    let mut ids = Vec::new();
                    match v.items() {
                        Some(items) => ids.extend(
                            items
                                .iter()
                                .filter_map(|n| self.id(n, "an id in `raised_by`")),
                        ),
                        // One caregiver may be written without brackets.
                        None => ids.extend(self.id(v, field)),
                    }
                    p.raised_by = Some(ids);
                }
                _ => {}
            }
        }
        match (deceased, &p.died) {
            (Some(d), Some(died)) if !d.value => self.error(
                Diagnostic::error(
                    d.span,
                    format!(
                        "`{}` has `deceased: false` but also a date of death",
                        p.id.value
                    ),
                )
                .with_note(died.span, "the date of death is here")
                .with_help("remove one of the two"),
            ),
            (Some(d), _) => p.deceased = d.value || p.died.is_some(),
            (None, died) => p.deceased = died.is_some(),
        }
        p
    }

    fn ratings(&mut self, node: Node<'_>, person: &str, skills: &[String]) -> Vec<SkillRating> {
        if node.is_null() {
            return Vec::new();
        }
        let Some(entries) = node.entries() else {
            self.error(
                Diagnostic::error(node.span, format!("`skills` of `{person}` must map each skill to a level, not {}", node.describe()))
                    .with_help("write for example `skills: {openness: none, honesty: some, directness: strong}`"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (k, v) in entries {
            let Some(skill) = k.scalar_text() else {
                continue;
            };
            if !skills.iter().any(|s| *s == skill) {
                let help = did_you_mean(&skill, skills.iter().map(String::as_str)).unwrap_or_else(|| {
                    let names: Vec<&str> = skills.iter().map(String::as_str).collect();
                    format!("the skills this file rates are {}; declare others under `skills:` at the top of the file", list(&names))
                });
                self.error(
                    Diagnostic::error(
                        k.span,
                        format!("`{}` is not a skill this file declares", short(&skill)),
                    )
                    .with_help(help),
                );
                continue;
            }
            let field = Of(&skill, person);
            let mut rating = SkillRating {
                skill: Spanned::new(String::new(), k.span),
                level: Level::Unknown,
                learned: None,
                since: None,
                note: None,
                history: Vec::new(),
            };
            if v.entries().is_some() {
                let Some(fields) = self.mapping(v, Named("the rating", field), RATING_KEYS) else {
                    continue;
                };
                for (key, _, f) in fields {
                    match key.as_ref() {
                        "level" => rating.level = self.level(f, field).unwrap_or(Level::Unknown),
                        "learned" => {
                            rating.learned = self.open_word::<KnownSource>(
                                f,
                                "`learned`",
                                KnownSource::from_word,
                            )
                        }
                        "since" => rating.since = self.date(f, "`since`"),
                        "note" => rating.note = self.text(f, "`note`"),
                        "history" => rating.history = self.history(f, field),
                        _ => {}
                    }
                }
                self.check_history(&rating, field);
            } else if !v.is_null() {
                rating.level = self.level(v, field).unwrap_or(Level::Unknown);
            }
            rating.skill.value = skill.into_owned();
            out.push(rating);
        }
        out
    }

    /// A rating's `history`: a list of `{date, level, note, by}`. Entries without a date
    /// or a level are refused and left out.
    fn history(&mut self, node: Node<'_>, field: Of<'_>) -> Vec<PastRating> {
        let what = Named("the `history` of", field);
        self.list_of(node, what, |r, item| {
            let entries = r.mapping(
                item,
                Named("an entry of the `history` of", field),
                HISTORY_KEYS,
            )?;
            let (mut date, mut level, mut note, mut by) = (None, None, None, None);
            let (mut has_date, mut has_level) = (false, false);
            for (key, _, f) in entries {
                match key.as_ref() {
                    "date" => {
                        has_date = !f.is_null();
                        date = r.date(f, "`date`");
                    }
                    "level" => {
                        has_level = !f.is_null();
                        level = r.level(f, "`level`");
                    }
                    "note" => note = r.text(f, "`note`"),
                    "by" => by = r.text(f, "`by`"),
                    _ => {}
                }
            }
            let missing: Vec<&str> = [("`date`", has_date), ("`level`", has_level)]
                .into_iter()
                .filter_map(|(k, present)| (!present).then_some(k))
                .collect();
            if !missing.is_empty() {
                r.error(
                    Diagnostic::error(
                        item.span,
                        format!(
                            "this entry of the `history` of {field} has no {}",
                            missing.join(" and no ")
                        ),
                    )
                    .with_help("write each earlier rating as `{date: 2016-09, level: none}`"),
                );
            }
            Some(PastRating {
                date: date?,
                level: level?,
                note,
                by,
            })
        })
    }

    /// The history is oldest first, and no entry of it is later than the current rating's
    /// `since` (the current rating is the newest).
    fn check_history(&mut self, rating: &SkillRating, field: Of<'_>) {
        for pair in rating.history.windows(2) {
            let (before, after) = (&pair[0].date, &pair[1].date);
            if after.value.cmp_known(&before.value).is_lt() {
                self.error(
                    Diagnostic::error(
                        after.span,
                        format!(
                            "the `history` of {field} is not in date order: {} comes after {}",
                            after.value, before.value
                        ),
                    )
                    .with_note(before.span, "the entry before it is dated here")
                    .with_help("list the earlier ratings oldest first"),
                );
            }
        }
        if let (Some(since), Some(last)) = (&rating.since, rating.history.last())
            && last.date.value.cmp_known(&since.value).is_gt()
        {
            self.error(
                Diagnostic::error(
                    last.date.span,
                    format!(
                        "the `history` of {field} has a rating dated {}, after the current rating's `since` ({})",
                        last.date.value, since.value
                    ),
                )
                .with_note(since.span, "the current rating is dated here")
                .with_help("`level` and `since` are the newest rating; move the newer rating there, or check the dates"),
            );
        }
    }

    fn level(&mut self, node: Node<'_>, field: impl Display + Copy) -> Option<Level> {
        self.word(node, field, Level::from_word, Level::WORDS)
    }

    fn couple(&mut self, node: Node<'_>) -> Option<Couple> {
        let entries = self.mapping(node, "a couple", COUPLE_KEYS)?;
        let mut c = Couple {
            span: node.span,
            partners: Vec::new(),
            relation: Relation::Married,
            married: None,
            separated: None,
            divorced: None,
            ended: None,
            since: None,
            children: Vec::new(),
            twins: Vec::new(),
        };
        let mut has_partners = false;
        for (key, _, v) in entries {
            let field = Quoted(&key);
            match key.as_ref() {
                "partners" => {
                    has_partners = true;
                    c.partners = match v.items() {
                        Some(items) => items
                            .iter()
                            .filter_map(|n| self.id(n, "a partner"))
                            .collect(),
                        None => self.id(v, "`partners`").into_iter().collect(),
                    };
                    if c.partners.is_empty() || c.partners.len() > 2 {
                        self.error(
                            Diagnostic::error(v.span, format!("a couple has one or two partners, not {}", c.partners.len()))
                                .with_help("write `partners: [a, b]`, or `partners: [a]` when the other parent is unknown"),
                        );
                    }
                }
                "relation" => {
                    c.relation = self
                        .word(v, "`relation`", Relation::from_word, Relation::WORDS)
                        .unwrap_or(Relation::Married)
                }
                "married" => c.married = self.date(v, field),
                "separated" => c.separated = self.date(v, field),
                "divorced" => c.divorced = self.date(v, field),
                "ended" => c.ended = self.date(v, field),
                "since" => c.since = self.date(v, field),
                "children" => self.children(v, &mut c),
                _ => {}
            }
        }
        if !has_partners {
            self.error(
                Diagnostic::error(node.span, "a couple has no `partners`")
                    .with_help("write `partners: [a, b]` with the ids of the two partners"),
            );
        }
        Some(c)
    }

    fn children(&mut self, node: Node<'_>, couple: &mut Couple) {
        let items = self.list_of(node, "`children`", |_, n| Some(n));
        for item in items {
            let is_twins = item.entries().is_some_and(|e| {
                e.iter()
                    .any(|(k, _)| k.scalar_text().as_deref() == Some("twins"))
            });
            if !is_twins {
                if let Some(child) = self.child(item) {
                    couple.children.push(child);
                }
                continue;
            }
            let Some(fields) = self.mapping(item, "a set of twins", TWIN_KEYS) else {
                continue;
            };
            let mut set = TwinSet {
                members: Vec::new(),
                identical: None,
            };
            let mut count_span = item.span;
            for (key, _, v) in fields {
                match key.as_ref() {
                    "twins" => {
                        count_span = v.span;
                        for n in self.list_of(v, "`twins`", |_, n| Some(n)) {
                            if let Some(child) = self.child(n) {
                                set.members.push(couple.children.len());
                                couple.children.push(child);
                            }
                        }
                    }
                    "identical" => set.identical = self.boolean(v, "`identical`"),
                    _ => {}
                }
            }
            if set.members.len() < 2 {
                self.error(
                    Diagnostic::error(count_span, "a set of twins needs at least two children")
                        .with_help("write `{twins: [a, b]}`, or list a single child on its own"),
                );
            }
            couple.twins.push(set);
        }
    }

    fn child(&mut self, node: Node<'_>) -> Option<Child> {
        if node.entries().is_none() {
            let id = self.id(node, "a child")?;
            return Some(Child {
                id,
                link: Link::Biological,
                adopted: None,
            });
        }
        let fields = self.mapping(node, "a child", CHILD_KEYS)?;
        let mut id = None;
        let mut link = Link::Biological;
        let mut adopted = None;
        for (key, _, v) in fields {
            match key.as_ref() {
                "id" => id = self.id(v, "`id`"),
                "link" => {
                    link = self
                        .word(v, "`link`", Link::from_word, Link::WORDS)
                        .unwrap_or(Link::Biological)
                }
                "adopted" => adopted = self.date(v, "`adopted`"),
                _ => {}
            }
        }
        if id.is_none() {
            self.error(
                Diagnostic::error(node.span, "a child written as a mapping needs an `id`")
                    .with_help("write for example `{id: tomas, link: adopted}`"),
            );
        }
        Some(Child {
            id: id?,
            link,
            adopted,
        })
    }

    fn relationship(&mut self, node: Node<'_>) -> Option<Relationship> {
        let fields = self.mapping(node, "a relationship", RELATIONSHIP_KEYS)?;
        let mut between: Option<(Vec<Spanned<String>>, Span)> = None;
        let (mut from, mut to, mut kind, mut since, mut until, mut note) =
            (None, None, None, None, None, None);
        let mut kind_written = false;
        for (key, _, v) in fields {
            match key.as_ref() {
                "between" => {
                    let ids = match v.items() {
                        Some(items) => items
                            .iter()
                            .filter_map(|n| self.id(n, "an id in `between`"))
                            .collect(),
                        None => {
                            self.error(Diagnostic::error(
                                v.span,
                                "`between` must list two people, as in `between: [a, b]`",
                            ));
                            Vec::new()
                        }
                    };
                    between = Some((ids, v.span));
                }
                "from" => from = self.id(v, "`from`"),
                "to" => to = self.id(v, "`to`"),
                "kind" => {
                    kind_written = true;
                    kind = self
                        .word(v, "`kind`", RelKind::from_word, RelKind::WORDS)
                        .map(|k| Spanned::new(k, v.span));
                }
                "since" => since = self.date(v, "`since`"),
                "until" => until = self.date(v, "`until`"),
                "note" => note = self.text(v, "`note`"),
                _ => {}
            }
        }
        let Some(kind) = kind else {
            if kind_written {
                return None;
            }
            self.error(
                Diagnostic::error(node.span, "a relationship needs a `kind`")
                    .with_help(format!("the kinds are {}", list(RelKind::WORDS))),
            );
            return None;
        };
        let (a, b, directed) = match (between, from, to) {
            (Some((ids, span)), None, None) => {
                if kind.value.is_directed() {
                    self.error(
                        Diagnostic::error(
                            kind.span,
                            format!(
                                "`{}` goes from one person to another, so it needs `from` and `to`",
                                kind.value
                            ),
                        )
                        .with_help(format!(
                            "write `{{from: a, to: b, kind: {}}}` instead of `between`",
                            kind.value
                        )),
                    );
                    return None;
                }
                if ids.len() != 2 {
                    self.error(Diagnostic::error(
                        span,
                        format!("`between` must list exactly two people, not {}", ids.len()),
                    ));
                    return None;
                }
                let mut ids = ids.into_iter();
                (ids.next()?, ids.next()?, false)
            }
            (None, Some(a), Some(b)) => (a, b, true),
            (Some(_), _, _) => {
                self.error(
                    Diagnostic::error(node.span, "a relationship has either `between` or `from`/`to`, not both")
                        .with_help("use `between: [a, b]` for mutual kinds and `from: a, to: b` for directed ones"),
                );
                return None;
            }
            (None, _, _) => {
                self.error(
                    Diagnostic::error(node.span, "a relationship needs the two people it joins")
                        .with_help(
                            "write `between: [a, b]`, or `from: a, to: b` for directed kinds",
                        ),
                );
                return None;
            }
        };
        Some(Relationship {
            span: node.span,
            a,
            b,
            directed,
            kind,
            since,
            until,
            note,
        })
    }

    /// A text value; numbers and booleans are taken as written.
    fn text(&mut self, node: Node<'_>, field: impl Display + Copy) -> Option<String> {
        self.text_ref(node, field).map(Cow::into_owned)
    }

    /// A text value as written in the document, for words that are looked up and not kept.
    fn text_ref<'a>(&mut self, node: Node<'a>, field: impl Display + Copy) -> Option<Cow<'a, str>> {
        if node.is_null() {
            return None;
        }
        let t = node.scalar_text();
        if t.is_none() {
            self.error(Diagnostic::error(
                node.span,
                format!("{field} must be a text, not {}", node.describe()),
            ));
        }
        let t = t?;
        let length = t.chars().count();
        if length > MAX_TEXT_CHARS {
            // A text this long is not a label or a note but pasted data; drawing it
            // would take minutes and bury the genogram.
            self.error(
                Diagnostic::error(
                    node.span,
                    format!(
                        "{field} is {length} characters long; the longest text accepted is {MAX_TEXT_CHARS} characters"
                    ),
                )
                .with_help("shorten it; long notes belong in a separate document"),
            );
            return None;
        }
        Some(t)
    }

    /// An id: letters, digits, `-` and `_`.
    fn id(&mut self, node: Node<'_>, field: impl Display + Copy) -> Option<Spanned<String>> {
        let Some(text) = node
            .scalar_text()
            .filter(|_| !matches!(node.value, Kind::Bool(_)))
        else {
            self.error(
                Diagnostic::error(
                    node.span,
                    format!(
                        "{field} must be an id such as `rosa`, not {}",
                        node.describe()
                    ),
                )
                .with_help("ids are made of letters, digits, `-` and `_`"),
            );
            return None;
        };
        let length = text.chars().count();
        if length > MAX_ID_CHARS {
            self.error(
                Diagnostic::error(
                    node.span,
                    format!(
                        "{field} is an id of {length} characters; ids are at most {MAX_ID_CHARS} characters"
                    ),
                )
                .with_help("use a short id such as `rosa`; the full name goes under `name:`"),
            );
            return None;
        }
        if text.is_empty()
            || !text
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            let bad = text
                .chars()
                .find(|c| !(c.is_alphanumeric() || *c == '-' || *c == '_'));
            let suggestion: String = text
                .trim()
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || c == '-' {
                        c.to_ascii_lowercase()
                    } else {
                        '_'
                    }
                })
                .collect();
            let mut d = Diagnostic::error(
                node.span,
                match bad {
                    Some(c) => format!(
                        "`{text}` is not a valid id: it contains `{}`",
                        c.escape_debug()
                    ),
                    None => "an id cannot be empty".to_string(),
                },
            )
            .with_help(
                "ids are made of letters, digits, `-` and `_`; put the full name under `name:`",
            );
            if !suggestion.is_empty() && suggestion != text {
                d = d.with_help(format!("for example `{}`", short(&suggestion)));
            }
            self.error(d);
            return None;
        }
        Some(Spanned::new(text.into_owned(), node.span))
    }

    fn boolean(&mut self, node: Node<'_>, field: impl Display + Copy) -> Option<bool> {
        match node.value {
            Kind::Bool(b) => Some(b),
            _ => {
                self.error(Diagnostic::error(
                    node.span,
                    format!("{field} must be `true` or `false`, not {}", node.describe()),
                ));
                None
            }
        }
    }

    fn date(&mut self, node: Node<'_>, field: impl Display + Copy) -> Option<Spanned<PartialDate>> {
        if node.is_null() {
            return None;
        }
        let parsed = match &node.value {
            Kind::Number(n) if n.is_u64() => n
                .to_string()
                .parse::<PartialDate>()
                .map_err(|e| format!("{field}: {}", e.0)),
            Kind::Str(s) => s
                .parse::<PartialDate>()
                .map_err(|e| format!("{field}: {}", e.0)),
            _ => Err(format!(
                "{field} must be a date such as `1950`, `1950-04` or `~1900`, not {}",
                node.describe()
            )),
        };
        match parsed {
            Ok(d) => Some(Spanned::new(d, node.span)),
            Err(message) => {
                self.error(
                    Diagnostic::error(node.span, message)
                        .with_help("dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; put `~` in front of a guess, as in `~1900`"),
                );
                None
            }
        }
    }

    fn word<T>(
        &mut self,
        node: Node<'_>,
        field: impl Display + Copy,
        parse: fn(&str) -> Option<T>,
        words: &[&str],
    ) -> Option<T> {
        let text = node.scalar_text();
        if let Some(v) = text.as_deref().and_then(parse) {
            return Some(v);
        }
        let shown = text.map_or_else(
            || node.describe().to_string(),
            |t| format!("`{}`", short(&t)),
        );
        let d = Diagnostic::error(
            node.span,
            format!("{field} is {shown}, which is not one of its words"),
        )
        .with_help_opt(
            node.scalar_text()
                .and_then(|t| did_you_mean(&t, words.iter().copied())),
        )
        .with_help(format!("the words are {}", list(words)));
        self.error(d);
        None
    }

    /// A known word or free text. A near miss of a known word ("grup-therapy") is most
    /// likely a typo, so it is refused with a suggestion rather than kept as free text.
    fn open_word<K: Copy + WordList>(
        &mut self,
        node: Node<'_>,
        field: impl Display + Copy,
        parse: fn(&str) -> Option<K>,
    ) -> Option<OpenWord<K>> {
        if node.is_null() {
            return None;
        }
        let text = self.text_ref(node, field)?;
        if let Some(k) = parse(&text) {
            return Some(OpenWord::Known(k));
        }
        if let Some(help) =
            did_you_mean(&text, K::words().iter().copied()).filter(|_| text.chars().count() > 3)
        {
            self.error(
                Diagnostic::error(
                    node.span,
                    format!(
                        "{field} is `{}`, which looks like a misspelt word",
                        short(&text)
                    ),
                )
                .with_help(help)
                .with_help(format!(
                    "the known words are {}; other text is kept as written",
                    list(K::words())
                )),
            );
            return None;
        }
        Some(OpenWord::Other(text.into_owned()))
    }
}

/// The known words of an open list, for suggestions.
trait WordList {
    fn words() -> &'static [&'static str];
}

impl WordList for KnownCondition {
    fn words() -> &'static [&'static str] {
        KnownCondition::WORDS
    }
}
impl WordList for KnownSource {
    fn words() -> &'static [&'static str] {
        KnownSource::WORDS
    }
}
impl WordList for KnownGender {
    fn words() -> &'static [&'static str] {
        KnownGender::WORDS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys the loader reads are the keys the JSON Schema allows, object by object:
    /// both are written by hand, so this holds them together.
    #[test]
    fn the_loader_and_the_schema_know_the_same_keys() {
        use std::collections::BTreeSet;
        let schema = crate::schema::schema();
        let keys = |v: &serde_json::Value| -> BTreeSet<String> {
            v.as_object()
                .unwrap_or_else(|| panic!("an object of properties: {v}"))
                .keys()
                .cloned()
                .collect()
        };
        // The object form among the alternatives of `anyOf`.
        let object = |v: &serde_json::Value| -> serde_json::Value {
            v["anyOf"]
                .as_array()
                .and_then(|a| a.iter().find(|x| x.get("properties").is_some()))
                .map(|x| x["properties"].clone())
                .unwrap_or_else(|| panic!("no object form in {v}"))
        };
        let ours = |k: &[&str]| -> BTreeSet<String> { k.iter().map(|s| s.to_string()).collect() };
        let d = &schema["definitions"];
        let mut relationship = keys(&d["relationship"]["anyOf"][0]["properties"]);
        relationship.extend(keys(&d["relationship"]["anyOf"][1]["properties"]));
        for (what, schema_keys, loader_keys) in [
            ("top", keys(&schema["properties"]), TOP_KEYS),
            ("person", keys(&d["person"]["properties"]), PERSON_KEYS),
            ("rating", keys(&object(&d["rating"])), RATING_KEYS),
            (
                "history",
                keys(&object(&d["rating"])["history"]["items"]["properties"]),
                HISTORY_KEYS,
            ),
            ("couple", keys(&d["couple"]["properties"]), COUPLE_KEYS),
            ("child", keys(&object(&d["child"])), CHILD_KEYS),
            (
                "twins",
                keys(&object(&d["couple"]["properties"]["children"]["items"])),
                TWIN_KEYS,
            ),
            ("relationship", relationship, RELATIONSHIP_KEYS),
        ] {
            assert_eq!(schema_keys, ours(loader_keys), "{what}");
        }
    }

    /// A skill's `history` is read oldest first with its notes and raters; missing dates
    /// and levels are refused where the entry starts.
    #[test]
    fn reads_a_skills_history() {
        let text = "people:\n  mia:\n    skills:\n      openness:\n        level: strong\n        since: 2018\n        history: [{date: 2016-09, level: none, by: Dr K}, {date: 2017-06, level: some, note: spoke up}]\n";
        let tree = super::super::onepass::tree(text).expect("a tree");
        let (read, diags) = family(&tree);
        assert!(diags.is_empty(), "{diags:?}");
        let h = &read.people[0].skills[0].history;
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].date.value.to_string(), "2016-09");
        assert_eq!(h[0].level, Level::None);
        assert_eq!(h[0].by.as_deref(), Some("Dr K"));
        assert_eq!(h[1].note.as_deref(), Some("spoke up"));
        assert_eq!(
            (h[1].date.span.start.line, h[1].date.span.start.col),
            (7, 66)
        );

        let text = "people:\n  mia:\n    skills:\n      openness:\n        level: strong\n        history: [{date: 2016}, {level: some}, {date: 2017, level: some}]\n";
        let tree = super::super::onepass::tree(text).expect("a tree");
        let (read, diags) = family(&tree);
        let places: Vec<(u32, u32, &str)> = diags
            .iter()
            .map(|d| (d.span.start.line, d.span.start.col, d.message.as_str()))
            .collect();
        assert_eq!(
            places,
            [
                (
                    6,
                    19,
                    "this entry of the `history` of `openness` of `mia` has no `level`"
                ),
                (
                    6,
                    33,
                    "this entry of the `history` of `openness` of `mia` has no `date`"
                ),
            ]
        );
        assert_eq!(
            read.people[0].skills[0].history.len(),
            1,
            "the good entry is kept"
        );
    }

    /// Read on several threads, a large family gives the people and the problems that one
    /// thread gives, in the same order.
    #[test]
    fn people_read_on_threads_are_those_read_on_one() {
        let mut text = crate::generate::family_yaml(PARALLEL_PEOPLE + 1_000, 2);
        for id in ["p10", "p2999", "p3000", "p5900"] {
            text = text.replacen(
                &format!("  {id}: {{"),
                &format!("  {id}: {{nme: x, kind: persn, "),
                1,
            );
        }
        let tree = super::super::onepass::tree(&text).expect("a tree");
        let (family, diags) = family(&tree);
        assert_eq!(diags.len(), 8, "{diags:?}");
        let people = tree
            .entries()
            .and_then(|e| {
                e.iter()
                    .find(|(k, _)| k.scalar_text().as_deref() == Some("people"))
            })
            .and_then(|(_, v)| v.entries())
            .expect("people");
        let names: Vec<String> = DEFAULT_SKILLS.iter().map(|(n, _)| n.to_string()).collect();
        let mut one = Reader { diags: Vec::new() };
        let expected = one.people_of(people, &names);
        assert_eq!(format!("{:?}", family.people), format!("{expected:?}"));
        assert_eq!(diags, one.diags);
    }
}
