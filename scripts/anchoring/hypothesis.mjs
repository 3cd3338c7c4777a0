// The Hypothesis method of re-anchoring, for the side-by-side benchmark
// (core/examples/anchor_revisions.rs writes the input and reads the output).
//
// What Hypothesis does (client, src/annotator/anchoring: html.ts and match-quote.ts), written
// here from its description: if the stored position still holds the quote, that is the place;
// otherwise every verbatim occurrence of the quote is a candidate, and only when there is none,
// the approximate matches with at most min(256, length / 2) errors that npm approx-string-match
// (the library Hypothesis uses) returns: those with the fewest errors it finds. Each candidate scores (50 quote + 20 prefix + 20 suffix +
// 2 position) / 92, where quote = 1 - errors / length, a context side is 1 - (fewest edits
// aligning the stored context inside the text of the same length beside the candidate) /
// context length (1 when nothing was stored, 0 when the text beside it is empty), and position
// = 1 - |start - old start| / text length. The best candidate wins; there is no threshold.
// Offsets are UTF-16 code units, as in a browser; input and output here are code points.
//
// Usage: node scripts/anchoring/hypothesis.mjs IN.json OUT.json
import { readFileSync, writeFileSync } from "node:fs";
import approxSearch from "approx-string-match";

/** Candidates for `pattern` in `text`: the verbatim ones if any, else approximate ones. */
function candidates(text, pattern, maxErrors) {
  const verbatim = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    verbatim.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return verbatim.length > 0 ? verbatim : approxSearch(text, pattern, maxErrors);
}

/** How much of `context` the stretch `beside` keeps, from 0 to 1. */
function contextSimilarity(beside, context) {
  if (context.length === 0 || beside.length === 0) return 0;
  const found = candidates(beside, context, context.length);
  return 1 - found[0].errors / context.length;
}

function bestPlace(text, quote, prefix, suffix, hint) {
  if (quote.length === 0) return null;
  const found = candidates(text, quote, Math.min(256, quote.length / 2));
  let best = null;
  for (const c of found) {
    const q = 1 - c.errors / quote.length;
    const p = prefix ? contextSimilarity(text.slice(Math.max(0, c.start - prefix.length), c.start), prefix) : 1;
    const s = suffix ? contextSimilarity(text.slice(c.end, c.end + suffix.length), suffix) : 1;
    const near = 1 - Math.abs(c.start - hint) / text.length;
    const score = (50 * q + 20 * p + 20 * s + 2 * near) / 92;
    if (best === null || score > best.score) best = { start: c.start, end: c.end, score };
  }
  return best;
}

/** Code point offset -> UTF-16 offset, for every offset of `text` and its end. */
function unitsOf(text) {
  const out = [0];
  for (const ch of text) out.push(out[out.length - 1] + ch.length);
  return out;
}

/** UTF-16 offset -> code point offset (a unit inside a pair maps to its code point). */
function pointsOf(text) {
  const out = new Array(text.length + 1);
  let point = 0;
  for (let unit = 0; unit < text.length; ) {
    const width = text.codePointAt(unit) > 0xffff ? 2 : 1;
    for (let k = 0; k < width; k++) out[unit + k] = point;
    unit += width;
    point += 1;
  }
  out[text.length] = point;
  return out;
}

function anchorAll(text, annotations) {
  return annotations.map((a) => {
    if (text.slice(a.start, a.end) === a.exact) return [a.start, a.end];
    const m = bestPlace(text, a.exact, a.prefix, a.suffix, a.start);
    return m ? [m.start, m.end] : null;
  });
}

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const texts = new Map();
for (const t of input.texts) {
  const units = unitsOf(t.original);
  const annotations = t.annotations.map((a) => ({ ...a, start: units[a.start], end: units[a.end] }));
  texts.set(t.name, annotations);
}
const cases = input.cases.map((c) => {
  const annotations = texts.get(c.text);
  let placed = anchorAll(c.revised, annotations);
  const times = [];
  for (let run = 0; run < input.runs; run++) {
    const t0 = process.hrtime.bigint();
    placed = anchorAll(c.revised, annotations);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const points = pointsOf(c.revised);
  return {
    ms: times[Math.floor(times.length / 2)],
    placements: placed.map((p) => (p ? [points[p[0]], points[p[1]]] : null)),
  };
});
writeFileSync(process.argv[3], JSON.stringify({ cases }));
