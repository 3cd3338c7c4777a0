//! What the benches share.

use margin_core::anchor::{Anchorer, Selectors};

/// `n` highlights spread evenly over `text`, 8 to 207 code points long.
pub fn spread(text: &str, n: usize) -> Vec<Selectors> {
    let prepared = Anchorer::new(text);
    let len = prepared.len();
    (0..n)
        .map(|i| {
            let quote = 8 + (i * 37) % 200;
            let start = i * (len - quote) / n;
            prepared.describe(start, start + quote).unwrap()
        })
        .collect()
}
