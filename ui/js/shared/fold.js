// Case- and accent-insensitive matching over code points: what find in the article uses. A text
// is folded once (lower case, combining marks removed after canonical decomposition, đ/Đ to d,
// which decomposition leaves alone, any white space to one space), keeping for every folded
// UTF-16 unit the code point of the text it came from, so a match in the folded text maps back to
// exact code-point offsets of the original, accents and all.

const MARKS = /\p{Mn}/gu;

/** One code point, folded (possibly to several units, possibly to none). */
function foldChar(ch) {
  if (ch === "đ" || ch === "Đ") return "d";
  if (/\s/u.test(ch)) return " ";
  return ch.normalize("NFD").replace(MARKS, "").toLowerCase();
}

/** A string folded for matching (a query). */
export function foldQuery(query) {
  let out = "";
  for (const ch of query) out += foldChar(ch);
  return out;
}

/** `text` folded, with `origin[i]`: the code point of `text` that folded unit `i` came from. */
export function foldText(text) {
  let folded = "";
  const origin = [];
  let cp = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    folded += f;
    for (let i = 0; i < f.length; i++) origin.push(cp);
    cp++;
  }
  return { folded, origin, length: cp };
}

/** Every match of `query` in a folded text, as code-point ranges `{ start, end }` of the
 *  original, in order, not overlapping. An empty query (after folding) matches nothing. */
export function findAll({ folded, origin }, query) {
  const q = foldQuery(query);
  const hits = [];
  if (!q.trim()) return hits;
  let at = folded.indexOf(q);
  while (at !== -1) {
    hits.push({ start: origin[at], end: origin[at + q.length - 1] + 1 });
    at = folded.indexOf(q, at + q.length);
  }
  return hits;
}
