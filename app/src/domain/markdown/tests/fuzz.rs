//! A bounded-time fuzzer of the markdown parser and of the anchor finder (cargo-fuzz needs a
//! nightly compiler). Ignored by default; run it for `COMTEM_FUZZ_SECS` seconds (default 5):
//!
//! `COMTEM_FUZZ_SECS=5 cargo test -p app --lib --features ssr fuzz:: -- --ignored --nocapture`
//!
//! Inputs are generated like the property tests' or mutated bytewise from a pool seeded with
//! [`CORPUS`]; `COMTEM_FUZZ_SEED` replays a run (the seed is printed).

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngSeed, TestRng, TestRunner};

use super::inputs::{CORPUS, PIECES, check_rendered, markdown_text, render};
use crate::domain::board::anchor::{Anchor, Placement, blocks, field, locate};
use crate::domain::plan::{PlanContent, section};

/// How many inputs the pool of mutation sources keeps.
const POOL: usize = 64;
/// The longest input the pool keeps, in bytes, so that splicing does not grow them forever.
const KEPT_MAX: usize = 8192;

#[test]
#[ignore = "a fuzzer: run with --ignored, COMTEM_FUZZ_SECS bounds it"]
fn markdown_and_anchors() {
    let number = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    let seconds = number("COMTEM_FUZZ_SECS").unwrap_or(5);
    let seed = number("COMTEM_FUZZ_SEED").unwrap_or_else(|| u64::from(std::process::id()));
    println!("fuzzing markdown and anchors for {seconds} s, COMTEM_FUZZ_SEED={seed}");
    let config = Config {
        rng_seed: RngSeed::Fixed(seed),
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let generated = markdown_text();
    let mut pool: Vec<String> = CORPUS.iter().map(|text| (*text).to_owned()).collect();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut runs: u64 = 0;
    while Instant::now() < deadline {
        let input = if runs.is_multiple_of(2) {
            let tree = generated.new_tree(&mut runner).expect("a generated input");
            tree.current()
        } else {
            mutated(&pool, runner.rng())
        };
        let html = render(&input);
        if let Err(problem) = check_rendered(&input, &html) {
            panic!("{problem}\ninput: {input:?}");
        }
        check_anchors(&input, &pool, runner.rng());
        let slot = below(runner.rng(), POOL);
        match pool.get_mut(slot) {
            _ if input.len() > KEPT_MAX => {}
            Some(kept) => *kept = input,
            None => pool.push(input),
        }
        runs += 1;
    }
    println!("ran {runs} inputs in {seconds} s");
    assert!(runs > 0, "no input ran");
}

/// A number below `bound` (which is not zero).
fn below(rng: &mut TestRng, bound: usize) -> usize {
    (rng.next_u64() % bound as u64) as usize
}

/// One to four byte mutations of an input of `pool`, read back as (lossy) UTF-8.
fn mutated(pool: &[String], rng: &mut TestRng) -> String {
    let mut bytes = pool[below(rng, pool.len())].clone().into_bytes();
    for _ in 0..=below(rng, 4) {
        let at = below(rng, bytes.len() + 1);
        match below(rng, 6) {
            0 if at < bytes.len() => bytes[at] ^= 1 << below(rng, 8),
            1 => bytes.insert(at, rng.next_u64() as u8),
            2 => {
                let piece = PIECES[below(rng, PIECES.len())];
                bytes.splice(at..at, piece.bytes());
            }
            3 => {
                let end = (at + below(rng, 16)).min(bytes.len());
                bytes.drain(at..end);
            }
            4 => {
                let end = (at + below(rng, 32)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ => {
                let other = pool[below(rng, pool.len())].as_bytes();
                let from = below(rng, other.len() + 1);
                bytes.splice(at..at, other[from..].iter().copied());
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Anchors a random passage of `input` (as a plan's context) and checks it is found where it
/// is, and again after a paragraph of the pool is put before it; and that neither it, after
/// random edits of the input, nor an anchor made of random pieces lands outside the text.
fn check_anchors(input: &str, pool: &[String], rng: &mut TestRng) {
    let plan = PlanContent {
        context: input.to_owned(),
        ..PlanContent::default()
    };
    let text = blocks(&plan).swap_remove(0).text;
    let length = text.chars().count();
    let start = below(rng, length + 1);
    let end = start + below(rng, length - start + 1);
    let anchor = Anchor::passage(section::CONTEXT, field::TEXT, &text, start, end);
    let whole = (0, length);
    let expected = if start == end { whole } else { (start, end) };
    assert_eq!(found(&anchor, &plan), Some(expected), "input: {input:?}");
    let before = pool[below(rng, pool.len())].clone();
    let edited = PlanContent {
        context: format!("{before}\n\n{input}"),
        ..PlanContent::default()
    };
    let edited_text = blocks(&edited).swap_remove(0).text;
    let range = found(&anchor, &edited).expect("the field is still there");
    let quote: String = edited_text
        .chars()
        .skip(range.0)
        .take(range.1 - range.0)
        .collect();
    if start < end {
        assert_eq!(quote, anchor.quote, "input: {input:?}, before: {before:?}");
    }
    let mangled = PlanContent {
        context: mutated(&[input.to_owned()], rng),
        ..PlanContent::default()
    };
    found(&anchor, &mangled);
    let piece = |rng: &mut TestRng| PIECES[below(rng, PIECES.len())].repeat(below(rng, 3));
    let random = Anchor {
        quote: piece(rng) + &piece(rng),
        prefix: piece(rng),
        suffix: piece(rng),
        start: rng.next_u64() as u32,
        ..anchor
    };
    found(&random, &edited);
}

/// The range `anchor` covers in `plan`, checked to lie within its text; `None` if detached.
fn found(anchor: &Anchor, plan: &PlanContent) -> Option<(usize, usize)> {
    let length = blocks(plan).swap_remove(0).text.chars().count();
    match locate(anchor, plan) {
        Placement::Passage { start, end, .. } => {
            assert!(start <= end && end <= length, "{start}..{end} of {length}");
            Some((start, end))
        }
        Placement::Item { .. } => panic!("a passage anchor placed on a whole item"),
        Placement::Detached => None,
    }
}
