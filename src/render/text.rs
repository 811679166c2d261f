//! Text in the drawing: cleaning user text, estimating widths, wrapping label lines,
//! Roman numerals and short skill and condition initials.
//!
//! No font is embedded, so widths are estimates for the generic sans-serif stack
//! (DejaVu Sans is the widest common one): 0.6 em per character, which errs on the wide
//! side so that labels fit in every viewer.

use std::borrow::Cow;

use crate::diag::is_unsafe_char;

/// The font stack of every text: no external font is ever referenced.
pub const FONT_FAMILY: &str = "'DejaVu Sans', Arial, Helvetica, sans-serif";

/// Font size of names, in pixels.
pub const NAME_SIZE: f64 = 12.0;
/// Font size of secondary label lines (occupation, location, dates), in pixels.
pub const SMALL_SIZE: f64 = 11.0;
/// Line height as a multiple of the font size.
pub const LINE_HEIGHT: f64 = 1.2;

/// Removes control characters and bidirectional overrides, and folds every run of
/// whitespace into one space, so user text cannot reorder or hide parts of the drawing.
pub fn clean(s: &str) -> String {
    clean_cow(s).into_owned()
}

/// [`clean`], borrowing `s` when it is clean already (most text is), so that cleaning the
/// names of a large family does not copy each of them three times.
pub fn clean_cow(s: &str) -> Cow<'_, str> {
    if is_clean(s) {
        return Cow::Borrowed(s);
    }
    let kept: String = s.chars().filter(|&c| !is_unsafe_char(c)).collect();
    Cow::Owned(kept.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Whether [`clean`] would give `s` back: no unsafe character, and words separated by
/// single spaces with no other whitespace, none at either end.
fn is_clean(s: &str) -> bool {
    let mut after_space = true;
    for c in s.chars() {
        if is_unsafe_char(c) {
            return false;
        }
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    s.is_empty() || !after_space
}

/// Estimated width of `s` at `size` pixels.
pub fn width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.6
}

/// Wraps `s` into lines no wider than `max` at `size` pixels, breaking at spaces; a word
/// longer than a line is cut. At most `max_lines` lines: the last one ends with `…` when
/// text was left out.
pub fn wrap(s: &str, size: f64, max: f64, max_lines: usize) -> Vec<String> {
    let per_line = chars_per_line(size, max);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in s.split_whitespace() {
        // Past `max_lines` nothing more is shown: stop, so that a very long text (or one
        // very long word) costs no more than the lines that are drawn.
        if lines.len() > max_lines {
            break;
        }
        let mut word: Vec<char> = word.chars().collect();
        loop {
            if lines.len() > max_lines {
                break;
            }
            let used = current.chars().count();
            let room = if used == 0 {
                per_line
            } else {
                per_line.saturating_sub(used + 1)
            };
            if word.len() <= room {
                if used > 0 {
                    current.push(' ');
                }
                current.extend(word.iter());
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut current));
                continue;
            }
            // A single word longer than a whole line: cut it.
            let rest = word.split_off(per_line);
            lines.push(word.iter().collect());
            word = rest;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let mut chars: Vec<char> = last.chars().collect();
            chars.truncate(per_line.saturating_sub(1));
            *last = chars.into_iter().collect::<String>() + "…";
        }
    }
    lines
}

/// How many characters [`wrap`] puts on a line of width `max` at `size` pixels.
fn chars_per_line(size: f64, max: f64) -> usize {
    ((max / (size * 0.6)).floor() as usize).max(4)
}

/// Calls `line` with each line [`wrap`] gives, in order. Most labels are short and already
/// clean (one space between words): they are one line as they stand, handed over without
/// building a vector of new strings, which mattered for families of 100,000 people.
pub fn for_each_line(s: &str, size: f64, max: f64, max_lines: usize, mut line: impl FnMut(&str)) {
    if max_lines > 0 && is_one_line(s, chars_per_line(size, max)) {
        line(s);
        return;
    }
    for l in wrap(s, size, max, max_lines) {
        line(&l);
    }
}

/// Whether [`wrap`] gives `s` itself as its only line: `s` is not empty, has at most
/// `per_line` characters, and its words are separated by single spaces with no other
/// whitespace (so that splitting at whitespace and joining with spaces gives it back).
fn is_one_line(s: &str, per_line: usize) -> bool {
    let mut count = 0;
    let mut after_space = true;
    for c in s.chars() {
        count += 1;
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    count > 0 && count <= per_line && !after_space
}

/// The Roman numeral of a generation number (1 → `I`); 0 is written `0`.
pub fn roman(mut n: u32) -> String {
    if n == 0 {
        return "0".into();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Short, distinct abbreviations of words: the capitalised first letter, lengthened
/// (up to the whole word) until no two words share one. Same order as `words`.
pub fn initials(words: &[String]) -> Vec<String> {
    let chars: Vec<Vec<char>> = words.iter().map(|w| clean(w).chars().collect()).collect();
    let mut len = vec![1usize; words.len()];
    for _ in 0..8 {
        let abbrevs: Vec<String> = chars
            .iter()
            .zip(&len)
            .map(|(c, &n)| abbreviate(c, n))
            .collect();
        let mut changed = false;
        for i in 0..words.len() {
            let clash = (0..words.len()).any(|j| j != i && abbrevs[j] == abbrevs[i]);
            if clash && len[i] < chars[i].len() {
                len[i] += 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    chars
        .iter()
        .zip(&len)
        .map(|(c, &n)| abbreviate(c, n))
        .collect()
}

fn abbreviate(chars: &[char], n: usize) -> String {
    let mut out = String::new();
    for (i, c) in chars.iter().take(n).enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.push(*c);
        }
    }
    if out.is_empty() { "?".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Clean text is borrowed as it is; anything else is what the full cleaning gives.
    #[test]
    fn clean_borrows_only_clean_text() {
        let full = |s: &str| -> String {
            let kept: String = s.chars().filter(|&c| !is_unsafe_char(c)).collect();
            kept.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        for s in [
            "",
            " ",
            "Anna",
            "Anna Maria",
            "Anna  Maria",
            " Anna",
            "Anna ",
            "Anna\tMaria",
            "Anna\u{a0}Maria",
            "A\u{202e}B",
            "A\u{0}B",
            "\u{200f}",
            "李 小龙",
            "a \u{202e} b",
        ] {
            let cow = clean_cow(s);
            assert_eq!(cow, full(s), "{s:?}");
            assert_eq!(matches!(cow, Cow::Borrowed(_)), cow == s, "{s:?}");
        }
    }

    /// The shortcut for labels that fit gives exactly the lines of [`wrap`].
    #[test]
    fn each_line_is_what_wrap_gives() {
        for s in [
            "",
            " ",
            "Anna",
            "Anna Maria",
            "Anna  Maria",
            " Anna",
            "Anna ",
            "Anna\tMaria",
            "Anna\u{a0}Maria",
            "Anna Maria Josefina von Habsburg-Lothringen",
            "Abcdefghijklmnopqrstuvwxyz0123456789",
            "李 小龙",
            " [3]",
        ] {
            for (max, lines) in [(104.0, 2), (30.0, 2), (1000.0, 1), (104.0, 0), (10.0, 3)] {
                let mut got = Vec::new();
                for_each_line(s, 12.0, max, lines, |l| got.push(l.to_string()));
                assert_eq!(got, wrap(s, 12.0, max, lines), "{s:?} {max} {lines}");
            }
        }
    }

    #[test]
    fn clean_strips_controls_and_bidi() {
        assert_eq!(clean("Ann\u{202e}a\u{0007}  Lee\n"), "Anna Lee");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_long_words() {
        let lines = wrap("primary school teacher", 10.0, 80.0, 3);
        assert_eq!(lines, vec!["primary", "school", "teacher"]);
        let lines = wrap("abcdefghijklmnopqrstuvwxyz", 10.0, 60.0, 9);
        assert_eq!(lines, vec!["abcdefghij", "klmnopqrst", "uvwxyz"]);
    }

    #[test]
    fn wrap_marks_left_out_text() {
        let lines = wrap("one two three four five six", 10.0, 60.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(14), "XIV");
    }

    #[test]
    fn initials_are_distinct() {
        let words: Vec<String> = ["openness", "honesty", "humility", "directness"]
            .map(String::from)
            .into();
        assert_eq!(initials(&words), vec!["O", "Ho", "Hu", "D"]);
    }
}
