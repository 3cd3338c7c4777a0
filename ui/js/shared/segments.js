// Sentences and words of a text, as code-point ranges, for the keyboard reading cursor
// (reader/cursor.js). Intl.Segmenter does the segmenting (Unicode's rules, per language); this
// turns its UTF-16 indices into the code points Margin counts and answers "where next".
// Pure functions; tested with node --test.

/** The sentences (trailing spaces left out) or the words (`granularity` "word": word-like
 *  segments only) of `text`, as [start, end) code-point ranges in order. */
export function segmentText(text, granularity, locale) {
  const segmenter = new Intl.Segmenter(locale, { granularity });
  const out = [];
  let cp = 0;
  let at = 0;
  const advance = (to) => {
    for (; at < to; at++) {
      const c = text.charCodeAt(at);
      if (!(c >= 0xdc00 && c <= 0xdfff && at > 0 && text.charCodeAt(at - 1) >= 0xd800 && text.charCodeAt(at - 1) <= 0xdbff)) cp++;
    }
    return cp;
  };
  for (const s of segmenter.segment(text)) {
    if (granularity === "word" && !s.isWordLike) continue;
    const body = granularity === "sentence" ? s.segment.trimEnd() : s.segment;
    if (!body.trim()) continue;
    const start = advance(s.index);
    const end = advance(s.index + body.length);
    out.push([start, end]);
  }
  return out;
}

/** The range that contains `offset`, or the first after it; the last one past the end. */
export function rangeAt(ranges, offset) {
  return ranges.find(([, e]) => e > offset) || ranges[ranges.length - 1] || null;
}

/** The end of the first range ending after `end` (to extend a selection forward), or `end`. */
export function nextEnd(ranges, end) {
  const r = ranges.find(([, e]) => e > end);
  return r ? r[1] : end;
}

/** The end of the last range ending before `end` but after `start` (to shrink a selection
 *  from its end), or `end` when there is none. */
export function previousEnd(ranges, end, start) {
  let found = end;
  for (const [, e] of ranges) {
    if (e >= end) break;
    if (e > start) found = e;
  }
  return found;
}
