//! The keys of the booklet, all made by the renderer's own compact key
//! ([`crate::render::key_svg`]), so the booklet never keeps a second copy of what the
//! marks mean or which of them a drawing uses.
//!
//! Each genogram's key is its own, laid out as wide as its page allows. The opening
//! page's key lists every mark the booklet's genograms use: the renderer makes it from
//! the members' families set side by side as one family ([`together`]), so that it shows
//! what the booklet's drawings show and nothing else.

use crate::diag::Spanned;
use crate::graph::FamilyGraph;
use crate::model::{Family, OpenWord};
use crate::render::{self, RenderOptions, Trace};

use super::Options;

/// A key as an SVG document to nest in a page, and its size in drawing pixels.
pub struct Key {
    /// The key as a self-contained SVG document.
    pub content: String,
    /// Width in pixels.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
}

impl Key {
    /// The key of the renderer's output: an SVG document and its size.
    pub fn from((svg, (width, height)): (String, (f64, f64))) -> Key {
        Key {
            content: svg,
            width: width.max(1.0),
            height: height.max(1.0),
        }
    }
}

/// The opening page's key, laid out for `width` pixels: the compact key of the members'
/// families drawn together as the booklet draws each (anonymised, and with the trace of
/// `opts.skill`, when the booklet is). `None` when the families cannot be put together
/// (which the tests rule out for every sample).
pub fn opening(families: &[&FamilyGraph], opts: &Options, width: f64) -> Option<Key> {
    let graph = together(families)?;
    let layout = crate::layout::layout(&graph, &crate::layout::LayoutOptions::default());
    let trace = opts.skill.as_ref().map(|s| {
        let analysis = crate::analysis::AnalysisOptions {
            skills: vec![s.clone()],
            ..Default::default()
        };
        Trace::from_report(&graph, &crate::analysis::analyse(&graph, &analysis), s)
    });
    let render = RenderOptions {
        anonymize: opts.anonymize,
        trace,
        key: render::Key::Compact,
        ..RenderOptions::default()
    };
    Some(Key::from(render::key_svg(&graph, &layout, &render, width)))
}

/// The families as one family of several unconnected branches: every id is prefixed by
/// the member's number, so that no two clash; the index person is the first member's.
/// Conditions in a file's own words are left out: each genogram's key gives them letters
/// of its own (`D: diabetes` in one is `D: depression` in another), so one key for all
/// would mislead; the opening page says that each genogram's key names them.
fn together(families: &[&FamilyGraph]) -> Option<FamilyGraph> {
    let mut all = Family::default();
    for (i, graph) in families.iter().enumerate() {
        let f = graph.family().clone();
        let id = |s: &Spanned<String>| Spanned {
            value: format!("m{}-{}", i + 1, s.value),
            span: s.span,
        };
        if all.index.is_none() {
            all.index = f.index.as_ref().map(id);
        }
        for s in f.skills {
            if !all.skills.iter().any(|d| d.name.value == s.name.value) {
                all.skills.push(s);
            }
        }
        for mut p in f.people {
            p.id = id(&p.id);
            if let Some(r) = &mut p.raised_by {
                for by in r.iter_mut() {
                    *by = id(by);
                }
            }
            p.conditions
                .retain(|c| !matches!(c.value, OpenWord::Other(_)));
            all.people.push(p);
        }
        for mut c in f.couples {
            for p in &mut c.partners {
                *p = id(p);
            }
            for ch in &mut c.children {
                ch.id = id(&ch.id);
            }
            all.couples.push(c);
        }
        for mut r in f.relationships {
            r.a = id(&r.a);
            r.b = id(&r.b);
            all.relationships.push(r);
        }
    }
    crate::validate::validate(all).ok().map(FamilyGraph::build)
}

/// Whether some member's file has a condition in its own words, which each genogram's
/// key names by a letter and the opening key leaves out.
pub fn has_own_conditions(families: &[&FamilyGraph]) -> bool {
    families.iter().any(|g| {
        g.family().people.iter().any(|p| {
            p.conditions
                .iter()
                .any(|c| matches!(c.value, OpenWord::Other(_)))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> FamilyGraph {
        let path = format!("{}/samples/{name}", env!("CARGO_MANIFEST_DIR"));
        crate::load_file(std::path::Path::new(&path))
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .1
    }

    const SAMPLES: [&str; 5] = [
        "adoption-foster.yaml",
        "blended-family.yaml",
        "cousin-marriage.yaml",
        "intimacy-cycle.yaml",
        "twins-and-losses.yaml",
    ];

    /// The words of a key's entries (not the text of their samples).
    fn entries(svg: &str) -> Vec<String> {
        let doc = usvg::roxmltree::Document::parse(svg).expect("an SVG document");
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("legend-entry"))
            .map(|e| {
                e.children()
                    .filter(|t| t.has_tag_name("text"))
                    .filter_map(|t| t.text())
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// Whether an entry is a condition in a file's own words (`D: diabetes`).
    fn own_condition(e: &str) -> bool {
        e.split_once(": ").is_some_and(|(letters, _)| {
            !letters.is_empty() && letters.chars().all(|c| c.is_alphabetic())
        })
    }

    /// Whether an entry is the skills' initials (`O openness, H honesty, …`).
    fn skills(e: &str) -> bool {
        e.starts_with("O openness, H honesty")
    }

    #[test]
    fn the_opening_key_is_every_mark_of_the_genograms_and_no_other() {
        let graphs: Vec<FamilyGraph> = SAMPLES.iter().map(|s| sample(s)).collect();
        let refs: Vec<&FamilyGraph> = graphs.iter().collect();
        let opts = Options::default();
        let key = opening(&refs, &opts, 640.0).expect("the samples go together");
        assert!(key.content.contains("legend-compact"), "the compact key");
        let all = entries(&key.content);
        // Every entry of every genogram's own key is in it, but the letters of
        // conditions in the files' own words, which differ from genogram to genogram.
        let mut union = Vec::new();
        for g in &refs {
            let layout = crate::layout::layout(g, &Default::default());
            let (own, _) = render::key_svg(g, &layout, &RenderOptions::default(), 640.0);
            for e in entries(&own) {
                if !union.contains(&e) {
                    union.push(e);
                }
            }
        }
        let missing: Vec<&String> = union
            .iter()
            .filter(|e| !all.contains(e) && !own_condition(e) && !skills(e))
            .collect();
        assert!(
            missing.is_empty(),
            "missing from the opening key: {missing:?}"
        );
        // Only what some genogram shows, no condition in a file's own words, and the
        // skills of all files in one entry.
        for e in &all {
            assert!(
                union.contains(e) || skills(e),
                "{e:?} is in no genogram's key"
            );
            assert!(!own_condition(e), "{e:?}");
        }
        assert!(
            all.contains(&"O openness, H honesty, D directness, R repair".to_string()),
            "{all:?}"
        );
        // A few words each: the compact key.
        assert!(all.iter().all(|e| e.len() < 80), "{all:?}");
        assert!(!all.is_empty());
    }

    #[test]
    fn one_family_alone_gives_its_own_key() {
        let g = sample("intimacy-cycle.yaml");
        let layout = crate::layout::layout(&g, &Default::default());
        let (own, _) = render::key_svg(&g, &layout, &RenderOptions::default(), 640.0);
        let key = opening(&[&g], &Options::default(), 640.0).unwrap();
        assert_eq!(entries(&key.content), entries(&own));
    }

    #[test]
    fn the_opening_key_of_a_traced_booklet_explains_the_trace() {
        let g = sample("intimacy-cycle.yaml");
        let opts = Options {
            skill: Some("openness".into()),
            ..Options::default()
        };
        let plain = opening(&[&g], &Options::default(), 640.0).unwrap();
        let traced = opening(&[&g], &opts, 640.0).unwrap();
        assert!(entries(&traced.content).len() > entries(&plain.content).len());
    }
}
