//! Snapshots pin bytes, not geometry: an accepted snapshot can hold a line through a skill
//! cell. This checks the geometry of every sample's drawing: no family line (partner,
//! descent, bar, child) and no relationship line passes through a symbol, a skill cell or
//! a text. The drawing is read with usvg and the built-in fonts, so every box is where a
//! viewer draws it.

use resvg::tiny_skia::{PathSegment, Point, Rect};
use resvg::usvg::{self, Group, Node};

use crate::util::{genogram, path, samples, stderr, temp_dir, write};

/// A line may touch a box (a line ends at its person's symbol); it may not enter it
/// further than this, in pixels.
const TOUCH: f32 = 1.0;

fn options() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    for font in ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] {
        let file = path("assets/fonts").join(font);
        db.load_font_data(
            std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display())),
        );
    }
    db.set_sans_serif_family("DejaVu Sans");
    usvg::Options {
        font_family: "DejaVu Sans".to_owned(),
        fontdb: std::sync::Arc::new(db),
        ..usvg::Options::default()
    }
}

/// Something no line may cross: what it is and where.
struct Obstacle {
    what: String,
    rect: Rect,
}

/// One straight piece of a line, and the line it belongs to.
struct Segment {
    what: String,
    a: Point,
    b: Point,
}

/// Collects obstacles (everything drawn for a person, and the texts of couples and
/// relationships) and line segments (the paths of couples and relationships).
fn collect(
    g: &Group,
    inside: Option<&str>,
    obstacles: &mut Vec<Obstacle>,
    lines: &mut Vec<Segment>,
) {
    for node in g.children() {
        match node {
            Node::Group(child) => {
                let id = child.id();
                let here = if ["person-", "couple-", "relationship-"]
                    .iter()
                    .any(|p| id.starts_with(p))
                {
                    Some(id)
                } else {
                    inside
                };
                collect(child, here, obstacles, lines);
            }
            Node::Path(p) => match inside {
                Some(owner) if owner.starts_with("person-") => {
                    let r = node.abs_bounding_box();
                    // A filled or outlined shape of the person: symbol, mark or skill cell.
                    obstacles.push(Obstacle {
                        what: format!("a shape of {owner}"),
                        rect: r,
                    });
                }
                Some(owner) => {
                    let t = p.abs_transform();
                    let mut start = None;
                    let mut last = None;
                    for seg in p.data().segments() {
                        let to = match seg {
                            PathSegment::MoveTo(q) => {
                                start = Some(q);
                                last = Some(q);
                                continue;
                            }
                            PathSegment::LineTo(q) => q,
                            PathSegment::QuadTo(_, q) => q,
                            PathSegment::CubicTo(_, _, q) => q,
                            PathSegment::Close => match start {
                                Some(s) => s,
                                None => continue,
                            },
                        };
                        if let Some(from) = last {
                            let (mut a, mut b) = (from, to);
                            t.map_point(&mut a);
                            t.map_point(&mut b);
                            lines.push(Segment {
                                what: format!("a line of {owner}"),
                                a,
                                b,
                            });
                        }
                        last = Some(to);
                    }
                }
                None => {}
            },
            Node::Text(_) => {
                if let Some(owner) = inside {
                    obstacles.push(Obstacle {
                        what: format!("a text of {owner}"),
                        rect: node.abs_bounding_box(),
                    });
                }
            }
            Node::Image(_) => {}
        }
    }
}

/// Whether segment a–b enters rectangle r shrunk by `TOUCH` (Liang–Barsky clipping).
fn enters(a: Point, b: Point, r: &Rect) -> bool {
    let (x0, y0, x1, y1) = (
        r.left() + TOUCH,
        r.top() + TOUCH,
        r.right() - TOUCH,
        r.bottom() - TOUCH,
    );
    if x0 >= x1 || y0 >= y1 {
        return false;
    }
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-dx, a.x - x0),
        (dx, x1 - a.x),
        (-dy, a.y - y0),
        (dy, y1 - a.y),
    ] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 < t1
}

/// Every line that passes through a symbol, skill cell or text, in words.
fn crossings(svg: &str) -> Vec<String> {
    let tree = usvg::Tree::from_str(svg, &options()).expect("usvg reads the drawing");
    let (mut obstacles, mut lines) = (Vec::new(), Vec::new());
    collect(tree.root(), None, &mut obstacles, &mut lines);
    assert!(
        !obstacles.is_empty() && !lines.is_empty(),
        "nothing found to check"
    );
    let mut out = Vec::new();
    for s in &lines {
        for o in &obstacles {
            if enters(s.a, s.b, &o.rect) {
                out.push(format!(
                    "{} ({:.1},{:.1})–({:.1},{:.1}) passes through {}",
                    s.what, s.a.x, s.a.y, s.b.x, s.b.y, o.what
                ));
            }
        }
    }
    out
}

fn drawing(sample: &std::path::Path) -> String {
    let o = genogram(["render", sample.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    String::from_utf8(o.stdout).expect("UTF-8")
}

#[test]
fn the_check_passes_a_clean_drawing_and_finds_a_line_through_a_symbol() {
    // A small family drawn without any crossing: the check finds nothing there.
    let dir = temp_dir("geometry");
    let family = write(
        &dir,
        "family.yaml",
        "people:\n  a: {name: Ann Lee, sex: female, born: 1950}\n  b: {name: Bo Lee, sex: male, born: 1948}\n  \
         c: {name: Cy Lee, sex: male, born: 1975}\n  d: {name: Di Lee, sex: female, born: 1978}\n\
         couples:\n  - {partners: [b, a], married: 1972, children: [c, d]}\n",
    );
    let svg = drawing(&family);
    assert_eq!(crossings(&svg), Vec::<String>::new(), "the clean drawing");
    // A horizontal line through the first person's symbol, inside the drawing's frame.
    let at = svg.find("<g class=\"person").expect("a person");
    let translate = &svg[at..][svg[at..].find("translate(").unwrap() + 10..];
    let (x, rest) = translate.split_once(',').unwrap();
    let y = &rest[..rest.find(')').unwrap()];
    let (x, y): (f64, f64) = (x.parse().unwrap(), y.parse().unwrap());
    let line = format!(
        "<g id=\"couple-99\"><path d=\"M{},{y}L{},{y}\" stroke=\"#000\"/></g>",
        x - 100.0,
        x + 100.0
    );
    let spoiled = svg.replacen("<g class=\"person", &format!("{line}<g class=\"person"), 1);
    let found = crossings(&spoiled);
    assert!(
        found
            .iter()
            .any(|m| m.starts_with("a line of couple-99") && m.contains("a shape of person-")),
        "{found:#?}"
    );
}

#[test]
fn no_line_passes_through_a_symbol_a_skill_cell_or_a_text() {
    let mut problems = Vec::new();
    for sample in samples() {
        for found in crossings(&drawing(&sample)) {
            problems.push(format!("{}: {found}", sample.display()));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
