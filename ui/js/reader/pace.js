// Reading time left, from the reader's own pace: words still to read in the section and in the
// article, divided by the words per minute this reader reads. The pace starts at a typical adult
// reading speed and learns from steady reading forward; jumps (the TOC, a bookmark), going back
// and pauses teach it nothing. Pure functions and a small state object, tested with node --test.

/** A typical adult's silent reading speed, in words per minute, until the reader's own is known. */
export const DEFAULT_WPM = 230;
export const MIN_WPM = 80;
export const MAX_WPM = 700;
/** Reading counts once it has gone on this long (ms) without a jump or a pause. */
const SAMPLE_MS = 15_000;
/** Longer than this (ms) beyond what the words moved take at the slowest pace is a pause. */
const PAUSE_MS = 60_000;
/** More than this many words at once is a jump, not reading. */
const JUMP_WORDS = 400;

export const countWords = (text) => (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) || []).length;

/** Words before a code-point offset of the canonical text, and where each section ends. */
export function createWordIndex(blocks) {
  const counts = blocks.map((b) => countWords(b.text));
  const starts = [];
  let total = 0;
  for (const n of counts) {
    starts.push(total);
    total += n;
  }
  const sectionEnd = new Map();
  blocks.forEach((b, i) => sectionEnd.set(b.section, starts[i] + counts[i]));
  function before(offset) {
    const i = blocks.findIndex((b) => offset < b.end);
    if (i < 0) return total;
    const b = blocks[i];
    const into = Math.max(0, Math.min(1, (offset - b.start) / Math.max(1, b.end - b.start)));
    return starts[i] + Math.round(counts[i] * into);
  }
  return { total, before, sectionEnd: (id) => sectionEnd.get(id) ?? total };
}

/** The reader's pace: `observe(words, now)` as the place moves; true when the pace changed. */
export function createPace(wpm = DEFAULT_WPM) {
  let pace = Math.min(MAX_WPM, Math.max(MIN_WPM, wpm || DEFAULT_WPM));
  let from = null;
  function observe(words, now) {
    const slowest = ((words - (from ? from.words : 0)) / MIN_WPM) * 60_000;
    if (!from || words < from.words || now - from.time > PAUSE_MS + slowest || words - from.words > JUMP_WORDS) {
      from = { words, time: now };
      return false;
    }
    if (now - from.time < SAMPLE_MS) return false;
    const sample = (words - from.words) / ((now - from.time) / 60_000);
    from = { words, time: now };
    if (sample < MIN_WPM || sample > MAX_WPM) return false;
    pace = Math.round(0.7 * pace + 0.3 * sample);
    return true;
  }
  return { observe, wpm: () => pace, minutes: (words) => Math.max(0, Math.ceil(words / pace)) };
}
