//! The body of the drawing (couples, loose lines, relationships, people), written as text
//! in pieces, on several threads when the family is large.
//!
//! The pieces are contiguous runs of couples and of people, each drawn into its own
//! `String` with its own set of notation used. Whatever thread draws a piece, the pieces
//! are put back in their order and the sets merged (a union, which does not depend on the
//! order), so the text is the same for any number of threads and any cut into pieces.

use std::ops::Range;

use super::{Ctx, Used, lines, relationships, symbols};
use crate::parallel::{PARALLEL_FROM, THREADS};

/// How the drawing is cut and how many threads draw it.
#[derive(Clone, Copy, Debug)]
pub struct Split {
    /// Threads drawing at once (1: only the calling thread).
    pub threads: usize,
    /// Couples or people per piece (at least 1).
    pub chunk: usize,
}

impl Split {
    /// One piece on the calling thread below [`PARALLEL_FROM`] people; otherwise
    /// [`THREADS`] threads, with a few pieces per thread so that they finish together.
    pub fn for_size(people: usize) -> Split {
        if people < PARALLEL_FROM {
            return Split {
                threads: 1,
                chunk: usize::MAX,
            };
        }
        Split {
            threads: THREADS,
            chunk: people.div_ceil(4 * THREADS).max(256),
        }
    }
}

/// One piece of the drawing.
#[derive(Clone, Debug)]
enum Piece {
    /// Couples, by index.
    Couples(Range<usize>),
    /// The structural lines that belong to no couple.
    Loose,
    /// Every relationship (they are few, and fanned out by pair across the whole list).
    Relationships,
    /// People, by index in `layout.people`.
    People(Range<usize>),
}

/// The couples, loose lines, relationships and people, as the pieces of text to write in
/// order (each element on a new line), and the notation they use.
pub fn draw(ctx: &Ctx, split: Split) -> (Vec<String>, Used) {
    let pieces = plan(ctx, split.chunk.max(1));
    let drawn = crate::parallel::map(&pieces, split.threads, |piece| {
        let mut used = Used::new();
        let text = draw_piece(ctx, piece, &mut used);
        (text, used)
    });
    let mut texts = Vec::with_capacity(drawn.len());
    let mut used = Used::new();
    for (text, piece_used) in drawn {
        texts.push(text);
        used.extend(piece_used);
    }
    (texts, used)
}

/// The pieces in drawing order: couples, loose lines, relationships, people.
fn plan(ctx: &Ctx, chunk: usize) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let couples = ctx.couple_lines.len();
    pieces.extend(runs(couples, chunk).map(Piece::Couples));
    pieces.push(Piece::Loose);
    pieces.push(Piece::Relationships);
    pieces.extend(runs(ctx.layout.people.len(), chunk).map(Piece::People));
    pieces
}

/// `0..n` cut into runs of at most `chunk`.
fn runs(n: usize, chunk: usize) -> impl Iterator<Item = Range<usize>> {
    (0..n)
        .step_by(chunk)
        .map(move |start| start..n.min(start.saturating_add(chunk)))
}

fn draw_piece(ctx: &Ctx, piece: &Piece, used: &mut Used) -> String {
    let mut out = String::new();
    match piece {
        Piece::Couples(range) => {
            sized(&mut out, range.clone(), |out, range| {
                lines::couples(ctx, range, out, used)
            });
        }
        Piece::Loose => lines::loose(ctx, &mut out),
        Piece::Relationships => relationships::all(ctx, &mut out, used),
        Piece::People(range) => {
            let count = ctx.graph.family().people.len();
            sized(&mut out, range.clone(), |out, range| {
                for pp in &ctx.layout.people[range] {
                    if pp.person.0 < count {
                        symbols::person(ctx, pp.person, pp, out, used);
                    }
                }
            });
        }
    }
    out
}

/// Draws the first of `range`, reserves room for the rest at the same size and a little
/// more, then draws the rest: a large piece is not grown by repeated reallocation.
fn sized(out: &mut String, range: Range<usize>, mut draw: impl FnMut(&mut String, Range<usize>)) {
    let Range { start, end } = range;
    if start >= end {
        return;
    }
    draw(out, start..start + 1);
    let rest = end - start - 1;
    out.reserve(out.len().saturating_mul(rest).saturating_add(rest * 64) / 8 * 9);
    draw(out, start + 1..end);
}
