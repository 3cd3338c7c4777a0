//! Anchoring on any text with any selectors: `describe` then `anchor` finds the same place
//! again, and anchoring arbitrary selectors never panics and only returns places in the text.
//! Input: 8 bytes (two offsets), then UTF-8 "text\0exact\0prefix\0suffix".
#![no_main]

use libfuzzer_sys::fuzz_target;
use margin_core::anchor::{Anchorer, Selectors, TextPositionSelector, TextQuoteSelector};

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let (numbers, rest) = data.split_at(8);
    let Ok(rest) = std::str::from_utf8(rest) else {
        return;
    };
    let n = |i: usize| u32::from_le_bytes(numbers[i..i + 4].try_into().unwrap()) as usize;
    let mut parts = rest.split('\0');
    let text = parts.next().unwrap_or_default();
    let quote = TextQuoteSelector {
        exact: parts.next().unwrap_or_default().to_string(),
        prefix: parts.next().unwrap_or_default().to_string(),
        suffix: parts.next().unwrap_or_default().to_string(),
    };
    let anchorer = Anchorer::new(text);
    let len = text.chars().count();

    // Any selectors: a place inside the text, or none.
    let selectors = Selectors {
        quote,
        position: Some(TextPositionSelector {
            start: n(0),
            end: n(4),
        }),
    };
    if !selectors.quote.exact.is_empty() {
        let found = anchorer.anchor(&selectors);
        if let Some(p) = found.position {
            assert!(p.start < p.end && p.end <= len, "{p:?} outside 0..{len}");
        }
        assert!((0.0..=1.0).contains(&found.score), "score {}", found.score);
    }

    // A passage described from this text is found again where it is.
    if len > 0 {
        let start = n(0) % len;
        let end = start + 1 + n(4) % (len - start);
        if let Ok(described) = anchorer.describe(start, end) {
            let found = anchorer.anchor(&described);
            let place = found.position.map(|p| (p.start, p.end));
            assert_eq!(place, Some((start, end)), "described {described:?}");
        }
    }
});
