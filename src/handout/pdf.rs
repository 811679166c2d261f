//! PDF through svg2pdf, then put in one canonical order.
//!
//! svg2pdf keeps its fonts and page resources in hash maps, so the order of the font
//! objects and of the resource entries changes from run to run. [`canonical`] renumbers
//! the objects in the order they are reached from the catalogue and sorts the entries of
//! every dictionary written one per line, so the same drawing gives the same bytes.
//!
//! That reading relies on how svg2pdf 0.13.0 writes a PDF, so Cargo.toml pins that exact
//! version; `canonical_form_is_stable_and_its_offsets_point_at_objects` fails if an
//! upgrade writes it differently.

use crate::Error;

/// See [`super::to_pdf`].
pub fn to_pdf(svg: &str) -> Result<Vec<u8>, Error> {
    let tree = super::fonts::tree(svg, "a PDF")?;
    // The tree is in CSS pixels (96 per inch): so the page keeps its true size in points.
    let page = svg2pdf::PageOptions { dpi: 96.0 };
    let pdf = svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), page)
        .map_err(|e| super::internal("a PDF", e))?;
    canonical(&pdf).ok_or_else(|| super::internal("a PDF", "unexpected PDF structure"))
}

/// One indirect object: its dictionary (or other value) text and its stream bytes.
struct Object {
    num: u32,
    head: Vec<u8>,
    stream: Option<Vec<u8>>,
}

/// The PDF with objects renumbered in reading order from the catalogue and dictionary
/// entries sorted; `None` when it is not laid out as pdf-writer writes.
pub(crate) fn canonical(pdf: &[u8]) -> Option<Vec<u8>> {
    // The header runs to the line of the first object.
    let first = find(pdf, b" 0 obj\n")?;
    let header_end = pdf[..first]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let header = &pdf[..header_end];
    let mut objects = Vec::new();
    let mut at = header_end;
    loop {
        while at < pdf.len() && pdf[at].is_ascii_whitespace() {
            at += 1;
        }
        if pdf[at..].starts_with(b"xref") {
            break;
        }
        let line_end = at + find(&pdf[at..], b"\n")?;
        let line = std::str::from_utf8(&pdf[at..line_end]).ok()?;
        let num: u32 = line.strip_suffix(" 0 obj")?.parse().ok()?;
        let body = line_end + 1;
        let end = body + find(&pdf[body..], b"endobj")?;
        let stream_at = find(&pdf[body..end], b"\nstream\n");
        let object = match stream_at {
            None => {
                at = end + b"endobj".len();
                Object {
                    num,
                    head: sort_entries(&pdf[body..end]),
                    stream: None,
                }
            }
            Some(s) => {
                let head = &pdf[body..body + s];
                let len = length(head)?;
                let data = body + s + b"\nstream\n".len();
                let data_end = data.checked_add(len)?;
                let tail = pdf.get(data_end..)?;
                let rest = find(tail, b"endobj")?;
                at = data_end + rest + b"endobj".len();
                Object {
                    num,
                    head: sort_entries(head),
                    stream: Some(pdf[data..data_end].to_vec()),
                }
            }
        };
        objects.push(object);
    }
    let trailer_at = at + find(&pdf[at..], b"trailer")?;
    let trailer_end = trailer_at + find(&pdf[trailer_at..], b"startxref")?;
    let trailer = &pdf[trailer_at..trailer_end];
    // Number the objects in the order they are reached from the trailer.
    let by_num: std::collections::BTreeMap<u32, usize> = objects
        .iter()
        .enumerate()
        .map(|(i, o)| (o.num, i))
        .collect();
    let mut order: Vec<u32> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut queue: std::collections::VecDeque<u32> = refs(trailer).into();
    while let Some(n) = queue.pop_front() {
        if !by_num.contains_key(&n) || !seen.insert(n) {
            continue;
        }
        order.push(n);
        queue.extend(refs(&objects[by_num[&n]].head));
    }
    for o in &objects {
        if seen.insert(o.num) {
            order.push(o.num);
        }
    }
    let new_num: std::collections::BTreeMap<u32, u32> = order
        .iter()
        .enumerate()
        .map(|(i, &n)| (n, i as u32 + 1))
        .collect();
    let mut out = header.to_vec();
    let mut offsets = Vec::new();
    for &n in &order {
        let o = &objects[by_num.get(&n).copied()?];
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", new_num[&n]).as_bytes());
        out.extend_from_slice(&renumber(&o.head, &new_num));
        if let Some(data) = &o.stream {
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(data);
            out.extend_from_slice(b"\nendstream\n");
        }
        out.extend_from_slice(b"endobj\n\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f\r\n", order.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n\r\n").as_bytes());
    }
    out.extend_from_slice(&renumber(trailer, &new_num));
    out.extend_from_slice(format!("startxref\n{xref}\n%%EOF").as_bytes());
    Some(out)
}

/// Where `needle` first occurs in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The direct `/Length` of a stream dictionary.
fn length(head: &[u8]) -> Option<usize> {
    let at = find(head, b"/Length ")? + b"/Length ".len();
    let digits: Vec<u8> = head[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .copied()
        .collect();
    let after = head.get(at + digits.len()).copied();
    // An indirect length (`/Length 5 0 R`) is not what pdf-writer writes for these streams.
    if after == Some(b' ') && head[at + digits.len()..].starts_with(b" 0 R") {
        return None;
    }
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

/// The start, end and object number of every `N 0 R` in `text`.
fn ref_spans(text: &[u8]) -> Vec<(usize, usize, u32)> {
    let mut v = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let boundary = i == 0 || !(text[i - 1].is_ascii_alphanumeric() || text[i - 1] == b'.');
        if boundary && text[i].is_ascii_digit() {
            let mut j = i;
            while j < text.len() && text[j].is_ascii_digit() {
                j += 1;
            }
            let rest = &text[j..];
            let ends = rest.get(4).is_none_or(|b| !b.is_ascii_alphanumeric());
            if rest.starts_with(b" 0 R") && ends {
                if let Some(n) = std::str::from_utf8(&text[i..j])
                    .ok()
                    .and_then(|s| s.parse().ok())
                {
                    v.push((i, j + 4, n));
                }
                i = j + 4;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    v
}

/// The objects `text` refers to, in order.
fn refs(text: &[u8]) -> Vec<u32> {
    ref_spans(text).into_iter().map(|(_, _, n)| n).collect()
}

/// `text` with every reference renumbered.
fn renumber(text: &[u8], map: &std::collections::BTreeMap<u32, u32>) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut last = 0;
    for (s, e, n) in ref_spans(text) {
        out.extend_from_slice(&text[last..s]);
        let m = map.get(&n).copied().unwrap_or(n);
        out.extend_from_slice(format!("{m} 0 R").as_bytes());
        last = e;
    }
    out.extend_from_slice(&text[last..]);
    out
}

/// Sorts runs of neighbouring one-line `/Key value` entries at the same indentation by key:
/// dictionary order carries no meaning in PDF, and svg2pdf's changes from run to run.
fn sort_entries(text: &[u8]) -> Vec<u8> {
    let lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
    let entry = |l: &[u8]| -> Option<usize> {
        let indent = l.iter().take_while(|&&b| b == b' ').count();
        let rest = &l[indent..];
        let simple = rest.first() == Some(&b'/')
            && !rest
                .iter()
                .any(|&b| matches!(b, b'<' | b'>' | b'[' | b']' | b'(' | b')'));
        simple.then_some(indent)
    };
    let mut out: Vec<&[u8]> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        match entry(lines[i]) {
            Some(indent) => {
                let mut j = i;
                while j < lines.len() && entry(lines[j]) == Some(indent) {
                    j += 1;
                }
                let mut run = lines[i..j].to_vec();
                run.sort_by(|a, b| key(a).cmp(key(b)));
                out.extend(run);
                i = j;
            }
            None => {
                out.push(lines[i]);
                i += 1;
            }
        }
    }
    out.join(&b'\n')
}

/// The `/Key` of an entry line.
fn key(line: &[u8]) -> &[u8] {
    let t = line.trim_ascii_start();
    let end = t[1..]
        .iter()
        .position(|&b| b == b' ' || b == b'/')
        .map_or(t.len(), |p| p + 1);
    &t[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><text x="10" y="40" font-family="sans-serif">Ольга</text><text x="10" y="80" font-weight="bold" font-family="sans-serif">Νίκος</text></svg>"#;

    #[test]
    fn canonical_form_is_stable_and_its_offsets_point_at_objects() {
        let pdf = to_pdf(SVG).unwrap();
        assert_eq!(
            canonical(&pdf).unwrap(),
            pdf,
            "canonical twice is canonical once"
        );
        let text = String::from_utf8_lossy(&pdf);
        let xref = text.rfind("\nxref\n").unwrap() + 1;
        let entries: Vec<&str> = text[xref..]
            .lines()
            .skip(3)
            .map(|l| l.trim_end_matches('\r'))
            .take_while(|l| l.ends_with(" n"))
            .collect();
        assert!(entries.len() > 5, "{entries:?}");
        for (n, line) in entries.iter().enumerate() {
            let off: usize = line[..10].parse().unwrap();
            assert!(pdf[off..].starts_with(format!("{} 0 obj\n", n + 1).as_bytes()));
        }
    }

    #[test]
    fn dictionary_entries_sorted_by_key() {
        let sorted = sort_entries(b"<<\n  /fo1 2 0 R\n  /fo0 1 0 R\n>>");
        assert_eq!(sorted, b"<<\n  /fo0 1 0 R\n  /fo1 2 0 R\n>>".to_vec());
    }
}
