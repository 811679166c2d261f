//! "Did you mean …?": finds the known words closest to a misspelt one.

/// Edit distance between two strings (insertions, deletions, substitutions and swaps of
/// neighbouring characters), compared case-insensitively.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut prev2 = vec![0usize; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidates close enough to `word` to be what was meant, closest first (ties keep
/// the candidates' order). At most `limit` are returned.
pub fn closest<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
    limit: usize,
) -> Vec<&'c str> {
    let budget = match word.chars().count() {
        0..=3 => 1,
        4..=6 => 2,
        _ => 3,
    };
    closest_within(word, candidates, limit, budget)
}

/// Like [`closest`], with an explicit number of edits allowed.
pub fn closest_within<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
    limit: usize,
    budget: usize,
) -> Vec<&'c str> {
    let lower = word.to_lowercase();
    let word_len = word.chars().count();
    let mut scored: Vec<(usize, usize, &str)> = candidates
        .into_iter()
        .enumerate()
        .filter_map(|(i, c)| {
            // A prefix ("rosa" for "rosa-maria") is a likely slip even when far in edits.
            let prefix = lower.len() >= 3 && c.to_lowercase().starts_with(&lower);
            // Lengths further apart than the budget cannot be within it; skipping them
            // keeps a pasted megabyte-long word from costing minutes of edit distance.
            if !prefix && word_len.abs_diff(c.chars().count()) > budget {
                return None;
            }
            let d = distance(word, c);
            (d <= budget || prefix).then_some((d, i, c))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(limit).map(|(_, _, c)| c).collect()
}

/// "did you mean `x`?" for the closest candidate, if any is close.
pub fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<String> {
    closest(word, candidates, 1)
        .first()
        .map(|c| format!("did you mean `{c}`?"))
}

/// Joins words as choices: "`a`, `b` or `c`".
pub fn list(words: &[&str]) -> String {
    join(words, "or")
}

/// Joins words as a whole: "`a`, `b` and `c`".
pub fn list_all(words: &[&str]) -> String {
    join(words, "and")
}

fn join(words: &[&str], last_word: &str) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {last_word} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_typos() {
        assert_eq!(distance("nmae", "name"), 1);
        assert_eq!(distance("femal", "female"), 1);
        assert_eq!(distance("abc", "abc"), 0);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn suggests_only_close_words() {
        let keys = ["name", "sex", "born", "died"];
        assert_eq!(
            did_you_mean("nmae", keys).as_deref(),
            Some("did you mean `name`?")
        );
        assert_eq!(did_you_mean("occupation", keys), None);
        assert_eq!(closest("zed", ["zoe", "zara", "ed"], 3), vec!["ed"]);
        assert_eq!(
            closest_within("zed", ["zoe", "zara", "ed"], 3, 2),
            vec!["ed", "zoe"]
        );
    }

    #[test]
    fn lists_words_in_plain_english() {
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` or `c`");
        assert_eq!(list(&["a"]), "`a`");
    }
}
