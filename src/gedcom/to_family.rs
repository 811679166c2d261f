//! GEDCOM records to people and couples, counting everything the family file cannot hold.

use std::collections::{BTreeMap, HashMap};

use super::dates;
use super::names::{self, Name};
use super::records::Node;
use crate::diag::{Diagnostic, short};
use crate::model::PartialDate;
use crate::model::{Link, Relation, Sex};

/// A person as the family file will hold them.
#[derive(Clone, Debug)]
pub struct Person {
    /// Line of the `INDI` record.
    pub line: u32,
    /// The GEDCOM cross-reference (`@I1@`), when the record has one.
    pub xref: Option<String>,
    /// The id in the family file.
    pub id: String,
    /// The name as read.
    pub name: Name,
    /// Sex, when the file says.
    pub sex: Option<Sex>,
    /// Birth date.
    pub born: Option<PartialDate>,
    /// Death date.
    pub died: Option<PartialDate>,
    /// Known to be dead.
    pub deceased: bool,
    /// The first occupation.
    pub occupation: Option<String>,
    /// The place of the first residence.
    pub location: Option<String>,
}

/// A couple as the family file will hold it.
#[derive(Clone, Debug)]
pub struct Couple {
    /// Line of the `FAM` record.
    pub line: u32,
    /// Indices into the people, one or two.
    pub partners: Vec<usize>,
    /// The kind of union.
    pub relation: Relation,
    /// Marriage date.
    pub married: Option<PartialDate>,
    /// Divorce date.
    pub divorced: Option<PartialDate>,
    /// Engagement date, for engaged couples.
    pub since: Option<PartialDate>,
    /// Children in file order.
    pub children: Vec<Child>,
}

/// A child of a couple.
#[derive(Clone, Debug)]
pub struct Child {
    /// Index into the people.
    pub person: usize,
    /// How the child belongs to the couple.
    pub link: Link,
    /// Adoption date, for adopted children.
    pub adopted: Option<PartialDate>,
    /// Line that makes the link.
    pub line: u32,
}

/// What was read, and what was not kept.
#[derive(Debug, Default)]
pub struct Converted {
    /// People in file order.
    pub people: Vec<Person>,
    /// Couples in file order.
    pub couples: Vec<Couple>,
    /// How many of each kind of GEDCOM data the family file cannot hold.
    pub not_kept: BTreeMap<String, usize>,
    /// Contradictions and data that had to be changed or left out.
    pub warnings: Vec<Diagnostic>,
    /// The family's title: "The Smith family", after the surname most people have.
    pub title: Option<String>,
}

impl Converted {
    fn drop_node(&mut self, n: &Node) {
        self.count(label(&n.tag));
    }

    fn count(&mut self, label: String) {
        *self.not_kept.entry(label).or_default() += 1;
    }

    fn date(&mut self, event: &Node, what: &str, who: &str) -> Option<PartialDate> {
        let d = event.child("DATE")?;
        let value = d.value.as_deref().unwrap_or("");
        match dates::parse(value) {
            Ok(date) => Some(date),
            Err(why) => {
                self.count("dates that could not be kept".into());
                self.warnings.push(Diagnostic::warning(
                    d.span(),
                    format!(
                        "the date `{}` of {what} of {who} is not kept: {why}",
                        short(value.trim())
                    ),
                ));
                None
            }
        }
    }

    /// Counts every child of `n` whose tag is not in `used`.
    fn rest(&mut self, n: &Node, used: &[&str]) {
        for c in &n.children {
            if !used.contains(&c.tag.as_str()) {
                self.drop_node(c);
            }
        }
    }
}

/// What each person's `FAMC` (or adoption) line says: (family, person) → (link, adoption date).
type FamcLinks<'a> = HashMap<(&'a str, usize), (Option<Link>, Option<PartialDate>)>;

/// Reads the records of a GEDCOM file.
pub fn convert(records: &[Node]) -> Converted {
    let mut out = Converted::default();
    let mut person_of: HashMap<&str, usize> = HashMap::new();
    let indis: Vec<&Node> = records.iter().filter(|r| r.tag == "INDI").collect();
    for r in &indis {
        if let Some(x) = &r.xref
            && person_of.insert(x.as_str(), out.people.len()).is_some()
        {
            out.warnings.push(Diagnostic::warning(
                r.span(),
                format!(
                    "two records have the identifier `{}`; links to it go to this one",
                    short(x)
                ),
            ));
        }
        let p = person(&mut out, r);
        out.people.push(p);
    }
    assign_ids(&mut out.people);

    // Links from each person's FAMC lines: (family xref, person) -> (link, adoption date).
    let mut famc: FamcLinks<'_> = HashMap::new();
    let mut famc_order: Vec<(&str, usize, u32)> = Vec::new();
    for (i, r) in indis.iter().enumerate() {
        for c in &r.children {
            if c.tag == "FAMC"
                && let Some(f) = c.pointer()
            {
                let link = c.child("PEDI").and_then(|p| pedigree(&mut out, p));
                famc.entry((f, i)).or_insert((link, None));
                famc_order.push((f, i, c.line));
            }
            if c.tag == "ADOP"
                && let Some(f) = c.child("FAMC").and_then(Node::pointer)
            {
                let who = out.people[i].id.clone();
                let date = out.date(c, "the adoption", &format!("`{who}`"));
                let e = famc.entry((f, i)).or_insert((None, None));
                *e = (Some(Link::Adopted), date);
            }
        }
    }

    for r in records {
        match r.tag.as_str() {
            "HEAD" | "TRLR" | "INDI" => {}
            "FAM" => {
                if let Some(c) = family(&mut out, r, &person_of, &famc, &famc_order) {
                    out.couples.push(c);
                }
            }
            _ => out.drop_node(r),
        }
    }
    out.title = main_surname(&out.people).map(|s| format!("The {s} family"));
    out
}

/// The surname most people have (the first in file order among equals): GEDCOM has no
/// title for a family, and its header names the program, not the family.
fn main_surname(people: &[Person]) -> Option<String> {
    let mut count: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        let s = p.name.surname.as_str();
        if !s.is_empty() {
            count.entry(s).or_insert((0, i)).0 += 1;
        }
    }
    // Chosen by count, then first appearance: the map's order does not matter.
    #[allow(clippy::iter_over_hash_type)]
    let best = count
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))?;
    Some(best.0.to_string())
}

fn pedigree(out: &mut Converted, p: &Node) -> Option<Link> {
    let v = p.text().unwrap_or("").to_ascii_lowercase();
    match v.as_str() {
        "birth" | "sealing" => Some(Link::Biological),
        "adopted" => Some(Link::Adopted),
        "foster" => Some(Link::Foster),
        "other" | "step" => Some(Link::Step),
        _ => {
            out.warnings.push(Diagnostic::warning(
                p.span(),
                format!(
                    "the pedigree `{}` is not known; the child is kept as a birth child",
                    short(&v)
                ),
            ));
            None
        }
    }
}

fn person(out: &mut Converted, r: &Node) -> Person {
    let mut p = Person {
        line: r.line,
        xref: r.xref.clone(),
        id: String::new(),
        name: Name::default(),
        sex: None,
        born: None,
        died: None,
        deceased: false,
        occupation: None,
        location: None,
    };
    let who = match r.child("NAME") {
        Some(n) => format!("`{}`", short(&name_of(n).full)),
        None => format!("the person on line {}", r.line),
    };
    let (mut named, mut birth, mut death, mut residence) = (false, false, false, false);
    let mut burial = false;
    for c in &r.children {
        match c.tag.as_str() {
            "NAME" if !named => {
                named = true;
                p.name = name_of(c);
                for part in &c.children {
                    let value = part.text().unwrap_or("").replace('_', " ");
                    let in_name = |v: &str| {
                        v.split_whitespace()
                            .all(|w| p.name.full.to_lowercase().contains(&w.to_lowercase()))
                    };
                    let is_part = matches!(
                        part.tag.as_str(),
                        "GIVN" | "SURN" | "NPFX" | "NSFX" | "SPFX" | "NICK"
                    );
                    if !(is_part && in_name(&value)) && part.tag != "TYPE" {
                        out.drop_node(part);
                    }
                }
            }
            "NAME" => out.count("extra names".into()),
            "SEX" => {
                p.sex = match c.text().map(str::to_ascii_uppercase).as_deref() {
                    Some("M") => Some(Sex::Male),
                    Some("F") => Some(Sex::Female),
                    Some("X") => Some(Sex::Intersex),
                    _ => None,
                };
                out.rest(c, &[]);
            }
            "BIRT" if !birth => {
                birth = true;
                p.born = out.date(c, "the birth", &who);
                out.rest(c, &["DATE"]);
            }
            "DEAT" if !death => {
                death = true;
                p.deceased = true;
                p.died = out.date(c, "the death", &who);
                out.rest(c, &["DATE"]);
            }
            "BIRT" => out.count("extra births".into()),
            "DEAT" => out.count("extra deaths".into()),
            "OCCU" if p.occupation.is_none() && c.text().is_some() => {
                p.occupation = c.text().map(clean);
                out.rest(c, &[]);
            }
            "OCCU" => out.count("extra occupations".into()),
            "RESI" if !residence && c.child("PLAC").and_then(Node::text).is_some() => {
                residence = true;
                p.location = c.child("PLAC").and_then(Node::text).map(clean);
                out.rest(c, &["PLAC"]);
            }
            "FAMS" => out.rest(c, &[]),
            "FAMC" => out.rest(c, &["PEDI"]),
            "ADOP" if c.child("FAMC").and_then(Node::pointer).is_some() => {
                out.rest(c, &["DATE", "FAMC"]);
            }
            "BURI" | "CREM" => {
                burial = true;
                out.drop_node(c);
            }
            _ => out.drop_node(c),
        }
    }
    // A burial means a death, even when the file records no death.
    if burial && !death {
        p.deceased = true;
    }
    p
}

fn name_of(n: &Node) -> Name {
    let mut name = names::parse(n.value.as_deref().unwrap_or(""));
    if name.full.is_empty() {
        let part = |t: &str| n.child(t).and_then(Node::text).unwrap_or("");
        name = names::parse(&format!(
            "{} {} /{}/ {}",
            part("NPFX"),
            part("GIVN"),
            part("SURN"),
            part("NSFX")
        ));
    }
    name
}

fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if crate::diag::is_unsafe_char(c) {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Ids from names: the first given name when nobody else has it, else with the surname
/// (or second given name), else numbered; the record's identifier when the name gives none.
fn assign_ids(people: &mut [Person]) {
    // An id starts with a letter, so that YAML never reads it as a number.
    // Nor as a boolean or null (`true`, `no`, `null`).
    const RESERVED: &[&str] = &[
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf",
    ];
    let lettered = |s: String| {
        if s.starts_with(|c: char| c.is_ascii_alphabetic()) && !RESERVED.contains(&s.as_str()) {
            s
        } else {
            format!("person-{s}")
        }
    };
    let cands: Vec<(String, String)> = people
        .iter()
        .map(|p| {
            let (a, b) = names::candidates(&p.name);
            let fallback = p
                .xref
                .as_deref()
                .map(names::slug)
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "person".to_string());
            let (a, b) = match (a.is_empty(), b.is_empty()) {
                (true, _) => (fallback.clone(), fallback),
                (false, true) => (a.clone(), a),
                _ => (a, b),
            };
            (lettered(a), lettered(b))
        })
        .collect();
    let mut first_count: HashMap<&str, usize> = HashMap::new();
    for (a, _) in &cands {
        *first_count.entry(a.as_str()).or_default() += 1;
    }
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut chosen: Vec<Option<String>> = vec![None; people.len()];
    // Unique first names first, so that a numbered id never takes a plain one.
    for (i, (a, _)) in cands.iter().enumerate() {
        if first_count[a.as_str()] == 1 && taken.insert(a.clone()) {
            chosen[i] = Some(a.clone());
        }
    }
    for (i, (_, b)) in cands.iter().enumerate() {
        if chosen[i].is_some() {
            continue;
        }
        let mut id = b.clone();
        let mut n = 1;
        while !taken.insert(id.clone()) {
            n += 1;
            id = format!("{b}-{n}");
        }
        chosen[i] = Some(id);
    }
    for (p, id) in people.iter_mut().zip(chosen) {
        p.id = id.unwrap_or_default();
    }
}

fn family(
    out: &mut Converted,
    r: &Node,
    person_of: &HashMap<&str, usize>,
    famc: &FamcLinks<'_>,
    famc_order: &[(&str, usize, u32)],
) -> Option<Couple> {
    let mut c = Couple {
        line: r.line,
        partners: Vec::new(),
        relation: Relation::Unknown,
        married: None,
        divorced: None,
        since: None,
        children: Vec::new(),
    };
    let resolve = |out: &mut Converted, n: &Node| -> Option<usize> {
        let ptr = n.pointer()?;
        let found = person_of.get(ptr).copied();
        if found.is_none() {
            out.warnings.push(Diagnostic::warning(
                n.span(),
                format!(
                    "`{}` points to no person in the file; the link is not kept",
                    short(ptr)
                ),
            ));
        }
        found
    };
    let (mut marr, mut div, mut enga) = (false, false, false);
    let mut child_lines: Vec<(usize, u32, Option<Link>)> = Vec::new();
    let mut who = String::from("this family");
    for n in &r.children {
        match n.tag.as_str() {
            "HUSB" | "WIFE" => {
                if let Some(p) = resolve(out, n) {
                    if c.partners.contains(&p) {
                        out.warnings.push(Diagnostic::warning(
                            n.span(),
                            "the same person is listed twice as a partner in this family; kept once",
                        ));
                    } else if c.partners.len() == 2 {
                        out.count("partners beyond the second".into());
                        out.warnings.push(Diagnostic::warning(
                            n.span(),
                            "this family already has two partners; the family file holds two, so this one is not kept",
                        ));
                    } else {
                        c.partners.push(p);
                    }
                }
                out.rest(n, &[]);
            }
            "CHIL" => {
                if let Some(p) = resolve(out, n) {
                    let rel = frel(n);
                    child_lines.push((p, n.line, rel));
                }
                out.rest(n, &["_FREL", "_MREL"]);
            }
            _ => {}
        }
    }
    match c.partners.as_slice() {
        [a] => who = format!("`{}`", out.people[*a].id),
        [a, b] => who = format!("`{}` and `{}`", out.people[*a].id, out.people[*b].id),
        _ => {}
    }
    for n in &r.children {
        match n.tag.as_str() {
            "HUSB" | "WIFE" | "CHIL" => {}
            "MARR" if !marr => {
                marr = true;
                c.relation = Relation::Married;
                c.married = out.date(n, "the marriage", &who);
                out.rest(n, &["DATE"]);
            }
            "MARR" => {
                out.count("extra marriages".into());
                out.warnings.push(Diagnostic::warning(
                    n.span(),
                    format!("the family of {who} has a second marriage record; only the first marriage is kept"),
                ));
            }
            "DIV" if !div => {
                div = true;
                if n.child("DATE").is_some() {
                    c.divorced = out.date(n, "the divorce", &who);
                } else {
                    out.count("divorces without a date".into());
                }
                out.rest(n, &["DATE"]);
            }
            "DIV" => out.count("extra divorces".into()),
            "ENGA" if !enga => {
                enga = true;
                c.since = out.date(n, "the engagement", &who);
                out.rest(n, &["DATE"]);
            }
            _ => out.drop_node(n),
        }
    }
    if !marr && div {
        c.relation = Relation::Married;
    }
    if !marr && !div && enga {
        c.relation = Relation::Engaged;
    } else if enga {
        // The engagement date only fits a couple that is engaged.
        if c.since.take().is_some() {
            out.count("engagements".into());
        }
    }
    // Children listed by the family, then those that only name it from their own record.
    let xref = r.xref.as_deref().unwrap_or("");
    for (f, p, line) in famc_order {
        if *f == xref && !child_lines.iter().any(|(q, _, _)| q == p) {
            child_lines.push((*p, *line, None));
        }
    }
    for (p, line, rel) in child_lines {
        let (from_famc, adopted) = famc.get(&(xref, p)).copied().unwrap_or((None, None));
        let link = from_famc.or(rel).unwrap_or(Link::Biological);
        c.children.push(Child {
            person: p,
            link,
            adopted: adopted.filter(|_| link == Link::Adopted),
            line,
        });
    }
    if c.partners.is_empty() {
        out.count("families with no partners".into());
        if !c.children.is_empty() || c.married.is_some() {
            out.warnings.push(Diagnostic::warning(
                r.span(),
                format!(
                    "this family names no partners, so it is not kept; {} listed here {} no parents in the family file",
                    plural(c.children.len(), "child", "children"),
                    if c.children.len() == 1 { "has" } else { "have" }
                ),
            ));
        }
        return None;
    }
    Some(c)
}

/// The link written by Family Tree Maker's `_FREL`/`_MREL` under `CHIL`.
fn frel(n: &Node) -> Option<Link> {
    let words: Vec<String> = ["_FREL", "_MREL"]
        .iter()
        .filter_map(|t| n.child(t).and_then(Node::text))
        .map(str::to_ascii_lowercase)
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    if has("adopted") {
        Some(Link::Adopted)
    } else if has("foster") {
        Some(Link::Foster)
    } else if has("step") {
        Some(Link::Step)
    } else {
        None
    }
}

/// `1 child`, `3 children`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        super::thousands(n),
        if n == 1 { one } else { many }
    )
}

/// Plain words for what a GEDCOM tag holds, in the plural.
pub fn label(tag: &str) -> String {
    let word = match tag {
        "SOUR" => "sources",
        "NOTE" | "SNOTE" => "notes",
        "OBJE" => "multimedia links",
        "PLAC" => "places",
        "REPO" => "repositories",
        "SUBM" => "submitter records",
        "SUBN" => "submission records",
        "TITL" => "titles",
        "BURI" => "burials",
        "CREM" => "cremations",
        "CHR" | "CHRA" => "christenings",
        "BAPM" => "baptisms",
        "RESI" => "residences",
        "EDUC" => "education facts",
        "RELI" => "religions",
        "NATI" => "nationalities",
        "EVEN" => "other events",
        "FACT" => "other facts",
        "EMIG" => "emigrations",
        "IMMI" => "immigrations",
        "NATU" => "naturalisations",
        "CENS" => "censuses",
        "GRAD" => "graduations",
        "RETI" => "retirements",
        "PROB" => "probates",
        "WILL" => "wills",
        "CONF" => "confirmations",
        "FCOM" => "first communions",
        "ORDN" => "ordinations",
        "BARM" | "BASM" | "BLES" => "religious ceremonies",
        "ADOP" => "adoption events",
        "ENGA" => "engagements",
        "MARB" | "MARC" | "MARL" | "MARS" => "marriage banns, contracts and licences",
        "ANUL" => "annulments",
        "DIVF" => "divorce filings",
        "NCHI" | "NMR" => "counts of children or marriages",
        "DSCR" => "physical descriptions",
        "IDNO" | "SSN" => "identity numbers",
        "CAST" => "castes",
        "PROP" => "possessions",
        "ASSO" => "associations",
        "ALIA" => "aliases",
        "ANCI" | "DESI" => "research interests",
        "RFN" | "AFN" | "REFN" | "RIN" | "UID" | "_UID" | "EXID" => "record numbers",
        "CHAN" | "CREA" => "change dates",
        "BAPL" | "CONL" | "ENDL" | "INIL" | "SLGC" | "SLGS" => "LDS ordinances",
        "ADDR" | "PHON" | "EMAIL" | "FAX" | "WWW" => "contact details",
        "AGE" => "ages",
        "TYPE" => "event types",
        "CAUS" => "causes",
        "AGNC" => "agencies",
        "RESN" => "restrictions",
        "LANG" => "languages",
        "DATE" | "TIME" | "PHRASE" => "extra date details",
        "NICK" | "GIVN" | "SURN" | "NPFX" | "NSFX" | "SPFX" | "TRAN" => "name details",
        "PEDI" | "STAT" => "pedigree details",
        "HUSB" | "WIFE" | "CHIL" | "FAMC" | "FAMS" => "links in other places",
        _ => return format!("`{}` entries", short(tag)),
    };
    word.to_string()
}

/// The singular of a label made by [`label`] or by the importer, for counts of one.
pub fn singular(plural: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        (
            "dates that could not be kept",
            "date that could not be kept",
        ),
        ("families with no partners", "family with no partners"),
        ("divorces without a date", "divorce without a date"),
        ("partners beyond the second", "partner beyond the second"),
        ("links in other places", "link in another place"),
        (
            "counts of children or marriages",
            "count of children or marriages",
        ),
        (
            "marriage banns, contracts and licences",
            "marriage bann, contract or licence",
        ),
        ("censuses", "census"),
        ("aliases", "alias"),
    ];
    if let Some((_, one)) = IRREGULAR.iter().find(|(many, _)| *many == plural) {
        return (*one).to_string();
    }
    if let Some(stem) = plural.strip_suffix(" entries") {
        return format!("{stem} entry");
    }
    if let Some(stem) = plural.strip_suffix("ies") {
        return format!("{stem}y");
    }
    plural.strip_suffix('s').unwrap_or(plural).to_string()
}
