//! The pages put together into one PDF.
//!
//! Each page's SVG becomes a form (an XObject) through svg2pdf, with its text as text in
//! the embedded DejaVu Sans; pdf-writer (the writer svg2pdf itself uses) makes the
//! document around them: the page tree, one page per form at its true size, and the
//! document information (the booklet's title, nothing from the files). The result goes
//! through the same canonical ordering as a one-page PDF, so the same files give the
//! same bytes.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};

use super::pages::Page;
use crate::Error;

/// The PDF of `pages`, titled `title`.
pub fn document(pages: &[Page], title: &str) -> Result<Vec<u8>, Error> {
    let options = crate::handout::fonts::options();
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree = alloc.bump();
    let info = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_refs = Vec::new();
    let mut chunks = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let svg_tree = usvg::Tree::from_str(&page.svg, &options)
            .map_err(|e| internal(i + 1, e.to_string()))?;
        let (chunk, form) = svg2pdf::to_chunk(&svg_tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| internal(i + 1, e.to_string()))?;
        // Renumber the chunk's objects after the ones already given out; the map is only
        // read, never iterated, so the order of the output does not depend on it.
        let mut map = std::collections::BTreeMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let form = map
            .get(&form)
            .copied()
            .ok_or_else(|| internal(i + 1, "the page's form is missing".into()))?;
        let page_ref = alloc.bump();
        let content_ref = alloc.bump();
        let (w, h) = page.size;
        let mut content = Content::new();
        content
            .save_state()
            .transform([w as f32, 0.0, 0.0, h as f32, 0.0, 0.0])
            .x_object(Name(b"P"))
            .restore_state();
        let mut p = pdf.page(page_ref);
        p.media_box(Rect::new(0.0, 0.0, w as f32, h as f32))
            .parent(tree)
            .contents(content_ref);
        p.resources().x_objects().pair(Name(b"P"), form);
        p.finish();
        pdf.stream(content_ref, &content.finish());
        page_refs.push(page_ref);
        chunks.push(chunk);
    }
    for chunk in &chunks {
        pdf.extend(chunk);
    }
    pdf.pages(tree)
        .kids(page_refs.iter().copied())
        .count(page_refs.len() as i32);
    pdf.catalog(catalog).pages(tree).lang(TextStr("en"));
    pdf.document_info(info)
        .title(TextStr(title))
        .creator(TextStr("genogram booklet"));
    pdf.set_file_id((b"genogram-booklet".to_vec(), b"genogram-booklet".to_vec()));
    let bytes = pdf.finish();
    crate::handout::pdf::canonical(&bytes).ok_or_else(|| {
        Error::Usage(
            "could not put the booklet's pages together (unexpected PDF structure); \
             please report this"
                .into(),
        )
    })
}

/// A page this program made that the PDF converter could not read: a bug, said plainly.
fn internal(page: usize, e: String) -> Error {
    Error::Usage(format!(
        "could not make page {page} of the booklet ({e}); please report this"
    ))
}
