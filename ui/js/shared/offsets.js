// Converting between the UTF-16 indices JavaScript strings use and the Unicode code points
// Margin's anchors count (as the W3C model does). Pure functions; tested with node --test.

/** Number of code points in `s`. */
export function codePointLength(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The code-point offset of UTF-16 index `index` in `s` (an index inside a pair counts as the
 *  pair's start). */
export function utf16ToCodePoint(s, index) {
  return codePointLength(s.slice(0, Math.max(0, Math.min(index, s.length))).replace(/[\ud800-\udbff]$/, ""));
}

/** The UTF-16 index of code-point offset `cp` in `s` (clamped to the string). */
export function codePointToUtf16(s, cp) {
  let i = 0;
  let n = 0;
  while (i < s.length && n < cp) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length &&
      s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
    i += pair ? 2 : 1;
    n++;
  }
  return i;
}

/** Code points `start..end` of `s`. */
export function sliceCodePoints(s, start, end) {
  return s.slice(codePointToUtf16(s, start), codePointToUtf16(s, end));
}
