//! Bytes of a GEDCOM file to text.
//!
//! Covered: UTF-8 with or without a byte-order mark, UTF-16 (little or big endian) with a
//! byte-order mark or starting with `0` as its first character, and the 8-bit character
//! sets declared in `HEAD.CHAR`: `ASCII`, `ANSI` (read as Windows-1252), `LATIN1` /
//! `ISO-8859-1` (read as Windows-1252, which agrees on every letter) and `ANSEL` (the
//! spacing letters and the combining diacritics, composed with the letter that follows
//! when Unicode has a precomposed letter for the pair).
//!
//! A file whose bytes are valid UTF-8 is read as UTF-8 even when it declares an 8-bit set:
//! many programs write UTF-8 and keep an old header. A declared set this module does not
//! know (`IBMPC`, `MACINTOSH`) is read as Windows-1252 with a warning.

use crate::diag::{Diagnostic, LineCol, Span};

/// Decoded text, with line breaks normalised to `\n`, and a warning when the character
/// set had to be guessed.
#[derive(Debug)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// A note about the character set, when the reading is uncertain.
    pub warning: Option<Diagnostic>,
}

/// Decodes the bytes of a GEDCOM file.
///
/// # Errors
///
/// A diagnostic at the first offending character when the file declares UTF-8 or UTF-16
/// but is not, or contains a NUL character.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Diagnostic> {
    let mut warning = None;
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else if bytes.starts_with(b"0\0") {
        utf16(bytes, u16::from_le_bytes)?
    } else if bytes.starts_with(b"\x000") {
        utf16(bytes, u16::from_be_bytes)?
    } else {
        let declared = declared_charset(bytes);
        let is_utf8 = std::str::from_utf8(bytes).is_ok();
        match declared.as_deref() {
            _ if bytes.is_ascii() => ascii(bytes),
            Some("ANSEL") if !is_utf8 => ansel(bytes),
            Some("ANSI" | "WINDOWS-1252" | "CP1252" | "LATIN1" | "ISO-8859-1" | "ISO8859-1")
                if !is_utf8 =>
            {
                windows_1252(bytes)
            }
            None | Some("UTF-8" | "UTF8" | "UNICODE") => utf8(bytes)?,
            _ if is_utf8 => utf8(bytes)?,
            Some(other) => {
                let (line, _) = line_of(bytes, bytes.iter().position(|b| *b >= 0x80).unwrap_or(0));
                warning = Some(
                    Diagnostic::warning(
                        Span::point(LineCol::one_based(line, 1)),
                        format!(
                            "the file declares the character set `{}`, which is read here as Windows-1252",
                            crate::diag::short(other)
                        ),
                    )
                    .with_help("check names with accented letters; export the file as UTF-8 if your program can"),
                );
                windows_1252(bytes)
            }
        }
    };
    let text = normalise_breaks(&text);
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() + 1;
        return Err(Diagnostic::error(
            Span::point(LineCol::one_based(line, 1)),
            "the file contains a NUL character, so it is not a GEDCOM text file",
        )
        .with_help("export the family tree again as GEDCOM from your genealogy program"));
    }
    Ok(Decoded { text, warning })
}

/// The value of `1 CHAR` in the header, upper-cased, read from the raw bytes (the header
/// itself is always ASCII).
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    for (i, line) in head
        .split(|b| *b == b'\n' || *b == b'\r')
        .map(|l| l.trim_ascii())
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if i > 0 && line.starts_with(b"0") {
            return None;
        }
        if let Some(v) = line.strip_prefix(b"1 CHAR") {
            let v = String::from_utf8_lossy(v).trim().to_ascii_uppercase();
            return (!v.is_empty()).then_some(v);
        }
    }
    None
}

/// Line (from 1) and byte column of byte offset `at`.
fn line_of(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let crlf = before.windows(2).filter(|w| w == b"\r\n").count();
    let breaks = before
        .iter()
        .filter(|b| **b == b'\n' || **b == b'\r')
        .count()
        - crlf;
    let col = before
        .iter()
        .rev()
        .take_while(|b| **b != b'\n' && **b != b'\r')
        .count();
    (breaks + 1, col + 1)
}

fn ascii(bytes: &[u8]) -> String {
    bytes.iter().map(|b| char::from(*b)).collect()
}

fn utf8(bytes: &[u8]) -> Result<String, Diagnostic> {
    std::str::from_utf8(bytes).map(str::to_owned).map_err(|e| {
        let (line, col) = line_of(bytes, e.valid_up_to());
        Diagnostic::error(
            Span::point(LineCol::one_based(line, col)),
            format!(
                "the file is not valid UTF-8 text (byte 0x{:02x} cannot start a character here)",
                bytes[e.valid_up_to()]
            ),
        )
        .with_help("export the file again as UTF-8, or declare its character set in the header, as in `1 CHAR ANSI`")
    })
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, Diagnostic> {
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                let line = text.matches('\n').count() + 1;
                return Err(Diagnostic::error(
                    Span::point(LineCol::one_based(line, 1)),
                    "the file is not valid UTF-16 text (a broken surrogate pair)",
                )
                .with_help("export the file again, as UTF-8 if your program can"));
            }
        }
    }
    if !bytes.len().is_multiple_of(2) {
        let line = text.matches('\n').count() + 1;
        return Err(Diagnostic::error(
            Span::point(LineCol::one_based(line, 1)),
            "the file is UTF-16 text but has an odd number of bytes, so it is cut short",
        )
        .with_help("export the file again, as UTF-8 if your program can"));
    }
    Ok(text)
}

/// Windows-1252: Latin-1 plus printable characters in 0x80–0x9F.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// ANSEL (ANSI/NISO Z39.47): combining marks come before the letter they go on.
fn ansel(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut marks: Vec<char> = Vec::new();
    for &b in bytes {
        if let Some(m) = ansel_combining(b) {
            marks.push(m);
            continue;
        }
        let c = ansel_spacing(b);
        if marks.is_empty() {
            out.push(c);
            continue;
        }
        // Unicode puts combining marks after the letter; compose when possible.
        let mut base = c;
        let mut rest = Vec::new();
        for m in marks.drain(..).rev() {
            match compose(base, m) {
                Some(composed) if rest.is_empty() => base = composed,
                _ => rest.push(m),
            }
        }
        out.push(base);
        out.extend(rest);
    }
    out.extend(marks);
    out
}

fn ansel_spacing(b: u8) -> char {
    match b {
        0x00..=0x7F => char::from(b),
        0xA1 => 'Ł',
        0xA2 => 'Ø',
        0xA3 => 'Đ',
        0xA4 => 'Þ',
        0xA5 => 'Æ',
        0xA6 => 'Œ',
        0xA7 => 'ʹ',
        0xA8 => '·',
        0xA9 => '♭',
        0xAA => '®',
        0xAB => '±',
        0xAC => 'Ơ',
        0xAD => 'Ư',
        0xAE => 'ʼ',
        0xB0 => 'ʻ',
        0xB1 => 'ł',
        0xB2 => 'ø',
        0xB3 => 'đ',
        0xB4 => 'þ',
        0xB5 => 'æ',
        0xB6 => 'œ',
        0xB7 => 'ʺ',
        0xB8 => 'ı',
        0xB9 => '£',
        0xBA => 'ð',
        0xBC => 'ơ',
        0xBD => 'ư',
        0xC0 => '°',
        0xC1 => 'ℓ',
        0xC2 => '℗',
        0xC3 => '©',
        0xC4 => '♯',
        0xC5 => '¿',
        0xC6 => '¡',
        0xC7 | 0xCF => 'ß',
        0xC8 => '€',
        _ => '\u{FFFD}',
    }
}

fn ansel_combining(b: u8) -> Option<char> {
    Some(match b {
        0xE0 => '\u{309}',
        0xE1 => '\u{300}',
        0xE2 => '\u{301}',
        0xE3 => '\u{302}',
        0xE4 => '\u{303}',
        0xE5 => '\u{304}',
        0xE6 => '\u{306}',
        0xE7 => '\u{307}',
        0xE8 => '\u{308}',
        0xE9 => '\u{30C}',
        0xEA => '\u{30A}',
        0xEB => '\u{FE20}',
        0xEC => '\u{FE21}',
        0xED => '\u{315}',
        0xEE => '\u{30B}',
        0xEF => '\u{310}',
        0xF0 => '\u{327}',
        0xF1 => '\u{328}',
        0xF2 => '\u{323}',
        0xF3 => '\u{324}',
        0xF4 => '\u{325}',
        0xF5 => '\u{333}',
        0xF6 => '\u{332}',
        0xF7 => '\u{326}',
        0xF8 => '\u{31C}',
        0xF9 => '\u{32E}',
        0xFA => '\u{FE22}',
        0xFB => '\u{FE23}',
        0xFE => '\u{313}',
        _ => return None,
    })
}

/// The precomposed letter for `base` + combining `mark`, for the Latin letters that
/// European names use.
fn compose(base: char, mark: char) -> Option<char> {
    let table: &[(char, &str, &str)] = &[
        ('\u{300}', "AEIOUaeiou", "ÀÈÌÒÙàèìòù"),
        (
            '\u{301}',
            "AEIOUYaeiouyCcNnSsZzLlRrGg",
            "ÁÉÍÓÚÝáéíóúýĆćŃńŚśŹźĹĺŔŕǴǵ",
        ),
        (
            '\u{302}',
            "AEIOUaeiouCcGgHhJjSsWwYy",
            "ÂÊÎÔÛâêîôûĈĉĜĝĤĥĴĵŜŝŴŵŶŷ",
        ),
        ('\u{303}', "ANOanoIiUu", "ÃÑÕãñõĨĩŨũ"),
        ('\u{304}', "AEIOUaeiou", "ĀĒĪŌŪāēīōū"),
        ('\u{306}', "AEGIOUaegiou", "ĂĔĞĬŎŬăĕğĭŏŭ"),
        ('\u{307}', "CEGIZcegz", "ĊĖĠİŻċėġż"),
        ('\u{308}', "AEIOUaeiouyY", "ÄËÏÖÜäëïöüÿŸ"),
        ('\u{30A}', "AaUu", "ÅåŮů"),
        ('\u{30B}', "OoUu", "ŐőŰű"),
        ('\u{30C}', "CcDdEeNnRrSsTtZz", "ČčĎďĚěŇňŘřŠšŤťŽž"),
        ('\u{327}', "CcSsTtGgKkLlNnRr", "ÇçŞşŢţĢģĶķĻļŅņŖŗ"),
        ('\u{328}', "AaEeIiUu", "ĄąĘęĮįŲų"),
    ];
    let (_, from, to) = table.iter().find(|(m, _, _)| *m == mark)?;
    let i = from.chars().position(|c| c == base)?;
    to.chars().nth(i)
}

/// `\r\n` and lone `\r` become `\n`, so that line numbers agree with every editor.
fn normalise_breaks(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        decode(bytes).unwrap().text
    }

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(
            text("0 HEAD\n1 NAME José\n".as_bytes()),
            "0 HEAD\n1 NAME José\n"
        );
        assert_eq!(text("\u{feff}0 HEAD\n".as_bytes()), "0 HEAD\n");
    }

    #[test]
    fn reads_utf16_both_ways_with_and_without_bom() {
        let s = "0 HEAD\r\n1 NAME Zoë\r\n";
        let le: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let want = "0 HEAD\n1 NAME Zoë\n";
        assert_eq!(text(&[&[0xFF, 0xFE][..], &le].concat()), want);
        assert_eq!(text(&[&[0xFE, 0xFF][..], &be].concat()), want);
        assert_eq!(text(&le), want);
        assert_eq!(text(&be), want);
    }

    #[test]
    fn reads_ansel_diacritics_before_the_letter() {
        let bytes =
            b"0 HEAD\n1 CHAR ANSEL\n0 @I1@ INDI\n1 NAME Fran\xF0cois /M\xE8uller/ \xB1od\xE2z\n";
        assert!(text(bytes).ends_with("1 NAME François /Müller/ łodź\n"));
    }

    #[test]
    fn reads_ansi_as_windows_1252() {
        let bytes = b"0 HEAD\n1 CHAR ANSI\n1 NOTE Ren\xE9e \x80 \x93x\x94\n";
        assert!(text(bytes).ends_with("Renée € “x”\n"));
        let latin1 = b"0 HEAD\n1 CHAR LATIN1\n1 NOTE Ol\xE1\n";
        assert!(text(latin1).ends_with("Olá\n"));
    }

    #[test]
    fn prefers_utf8_when_the_header_is_old() {
        let bytes = "0 HEAD\n1 CHAR ANSEL\n1 NOTE Zoë\n".as_bytes();
        assert!(text(bytes).ends_with("Zoë\n"));
    }

    #[test]
    fn unknown_charsets_are_read_as_1252_with_a_warning() {
        let d = decode(b"0 HEAD\n1 CHAR IBMPC\n1 NOTE \xE9\n").unwrap();
        assert!(d.text.ends_with("é\n"));
        let w = d.warning.unwrap();
        assert!(w.message.contains("IBMPC"), "{}", w.message);
        assert_eq!(w.span.start.line, 3);
    }

    #[test]
    fn invalid_utf8_is_an_error_at_its_line() {
        let e = decode(b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME A\xFFb\n").unwrap_err();
        assert_eq!(e.span.start, LineCol::one_based(4, 9));
        assert!(e.message.contains("UTF-8"));
    }

    #[test]
    fn normalises_line_breaks() {
        assert_eq!(text(b"0 HEAD\r1 X\r\n2 Y\n"), "0 HEAD\n1 X\n2 Y\n");
    }

    #[test]
    fn refuses_nul() {
        assert!(decode(b"0 HEAD\n1 X \0\n").is_err());
    }
}
