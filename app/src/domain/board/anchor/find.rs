//! Finding a quoted passage again in a block's text: exactly (the occurrence whose context
//! matches best), ignoring whitespace, or approximately, between what is left of its context.
//! Positions are in characters; nothing here indexes without checking.

use std::cmp::Reverse;

use super::Anchor;

/// Longest quote looked for approximately; longer ones are only found exactly.
const FUZZY_MAX: usize = 600;
/// How similar (0 to 1, by edit distance) an approximate match must be to the quote.
const MIN_SIMILARITY: f64 = 0.6;

/// A text, and its characters.
struct Text {
    string: String,
    chars: Vec<char>,
}

impl Text {
    fn new(chars: impl Iterator<Item = char>) -> Self {
        let chars: Vec<char> = chars.collect();
        Self {
            string: chars.iter().collect(),
            chars,
        }
    }

    /// The text without its whitespace.
    fn squeezed(&self) -> Self {
        Self::new(self.chars.iter().copied().filter(|c| !c.is_whitespace()))
    }
}

/// What is looked for.
struct Wanted {
    quote: Text,
    prefix: Text,
    suffix: Text,
    start: usize,
}

/// Where `anchor`'s quote is in `text` now, as a range of characters.
pub(super) fn passage(anchor: &Anchor, text: &str) -> Option<(usize, usize)> {
    let text = Text::new(text.chars());
    let wanted = Wanted {
        quote: Text::new(anchor.quote.chars()),
        prefix: Text::new(anchor.prefix.chars()),
        suffix: Text::new(anchor.suffix.chars()),
        start: usize::try_from(anchor.start).unwrap_or(usize::MAX),
    };
    exact(&text, &wanted)
        .or_else(|| ignoring_whitespace(&text, &wanted))
        .or_else(|| approximate(&text, &wanted))
}

/// The exact occurrence of the quote whose surroundings match the context best, the nearest
/// to where it was on a tie.
fn exact(text: &Text, wanted: &Wanted) -> Option<(usize, usize)> {
    let length = wanted.quote.chars.len();
    occurrences(text, &wanted.quote)
        .into_iter()
        .max_by_key(|&at| {
            let score = context_score(&text.chars, at, length, wanted);
            (score, Reverse(at.abs_diff(wanted.start)))
        })
        .map(|at| (at, at + length))
}

/// The quote found with all whitespace taken out of it and of the text, mapped back.
fn ignoring_whitespace(text: &Text, wanted: &Wanted) -> Option<(usize, usize)> {
    let kept: Vec<usize> = (0..text.chars.len())
        .filter(|&i| text.chars.get(i).is_some_and(|c| !c.is_whitespace()))
        .collect();
    let squeezed = Wanted {
        quote: wanted.quote.squeezed(),
        prefix: wanted.prefix.squeezed(),
        suffix: wanted.suffix.squeezed(),
        start: kept.partition_point(|&i| i < wanted.start),
    };
    let (start, end) = exact(&text.squeezed(), &squeezed)?;
    let first = kept.get(start)?;
    let last = kept.get(end.checked_sub(1)?)?;
    Some((*first, last + 1))
}

/// The text between what is left of the prefix and of the suffix (or the edges of the block),
/// when it is about as long as the quote and similar enough to it.
fn approximate(text: &Text, wanted: &Wanted) -> Option<(usize, usize)> {
    let length = wanted.quote.chars.len();
    if length == 0 || length > FUZZY_MAX {
        return None;
    }
    let total = text.chars.len();
    let after_prefix = if wanted.prefix.chars.is_empty() {
        Some(0)
    } else {
        let ends = occurrences(text, &wanted.prefix)
            .into_iter()
            .map(|at| at + wanted.prefix.chars.len());
        ends.min_by_key(|end| end.abs_diff(wanted.start))
    };
    let suffixes = if wanted.suffix.chars.is_empty() {
        vec![total]
    } else {
        occurrences(text, &wanted.suffix)
    };
    let mut candidates = Vec::new();
    if let Some(start) = after_prefix {
        if let Some(end) = suffixes.iter().copied().find(|&end| end >= start) {
            candidates.push((start, end));
        }
        candidates.push((start, start.saturating_add(length).min(total)));
    }
    let expected_end = wanted.start.saturating_add(length);
    let nearest_suffix = suffixes.iter().copied();
    if let Some(end) = nearest_suffix.min_by_key(|end| end.abs_diff(expected_end)) {
        candidates.push((end.saturating_sub(length), end));
    }
    candidates
        .into_iter()
        .filter(|(start, end)| {
            let found = end.saturating_sub(*start);
            2 * found >= length && found <= 2 * length
        })
        .filter_map(|(start, end)| {
            let similar = similarity(text.chars.get(start..end)?, &wanted.quote.chars);
            (similar >= MIN_SIMILARITY).then_some((similar, start, end))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, start, end)| (start, end))
}

/// The character positions of every occurrence of `needle` in `text`, overlapping ones
/// included (a linear-time search per occurrence).
fn occurrences(text: &Text, needle: &Text) -> Vec<usize> {
    let Some(step) = needle.string.chars().next().map(char::len_utf8) else {
        return Vec::new();
    };
    let haystack = text.string.as_str();
    let mut found = Vec::new();
    let (mut from, mut counted_bytes, mut counted_chars) = (0, 0, 0);
    while let Some(offset) = haystack
        .get(from..)
        .and_then(|rest| rest.find(&needle.string))
    {
        let at = from + offset;
        counted_chars += haystack
            .get(counted_bytes..at)
            .map_or(0, |s| s.chars().count());
        counted_bytes = at;
        found.push(counted_chars);
        from = at + step;
    }
    found
}

/// How many characters of context agree around `chars[at..at + length]`: the end of the text
/// before it with the end of the prefix, and the start of the text after it with the suffix.
fn context_score(chars: &[char], at: usize, length: usize, wanted: &Wanted) -> usize {
    let before = chars.get(..at).unwrap_or_default();
    let after = chars.get(at + length..).unwrap_or_default();
    let left = before
        .iter()
        .rev()
        .zip(wanted.prefix.chars.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let right = after
        .iter()
        .zip(&wanted.suffix.chars)
        .take_while(|(a, b)| a == b)
        .count();
    left + right
}

/// One minus the edit distance between `a` and `b` divided by the longer length.
fn similarity(a: &[char], b: &[char]) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = i;
        let mut left = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or_default();
            let cell = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(left + 1);
            if let Some(slot) = row.get_mut(j + 1) {
                *slot = cell;
            }
            diagonal = above;
            left = cell;
        }
        if let Some(slot) = row.first_mut() {
            *slot = i + 1;
        }
    }
    let distance = row.last().copied().unwrap_or(longest);
    1.0 - distance as f64 / longest as f64
}
