//! Every limit the loader puts on a family file, in one place: what is refused before
//! parsing (size, nesting, long values), while parsing (aliases) and after (long texts and
//! ids). The reading modules take them from here, so none of them needs another's.

/// Files larger than this are refused: a family of 100,000 people takes about 15 MiB.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Deepest nesting accepted. A family file needs about six levels; YAML parsers can take
/// minutes on nesting in the hundreds of thousands, so the depth is measured before
/// parsing, and the fast parser takes nothing deeper either.
pub const MAX_DEPTH: usize = 64;

/// Longest single value (a quoted text, or an unbroken word) looked at, in characters.
/// Any text over [`MAX_TEXT_CHARS`] is refused after parsing with the field's name; this
/// much larger bound refuses pasted data before parsing, where a value of tens of
/// megabytes would take the YAML parsers seconds and gigabytes.
pub const MAX_SCALAR_CHARS: usize = 100_000;

/// Most values that aliases may add to a file by repeating anchored nodes. A family file
/// needs none; the YAML parser's own limit misses a big anchor repeated many times.
pub const MAX_ALIAS_EXPANSION: u64 = 1_000_000;

/// Longest text value accepted (a name, a note, a place), in characters: a long note is a
/// few thousand; anything longer is pasted data.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Longest id accepted, in characters.
pub const MAX_ID_CHARS: usize = 200;
