// The article as printed: a copy of the painted article with the user's highlights as <mark>
// elements. The screen paints highlights with the CSS Custom Highlight API, which WebKit does not
// paint on paper, and the article's own DOM must stay as core wrote it; so print gets a copy,
// built when the user prints. A highlight with a note carries its number (data-n, shown by CSS),
// the same number as its entry in the notes after the article.

import { figureUrl } from "../shared/api.js";
import { codePointToUtf16 } from "../shared/offsets.js";

const FIGURE_WAIT_MS = 5000;

/** Gives every figure its source (they load as they come near the view) and waits for them, a
 *  few seconds at most: a figure that will not load is printed as its empty box. */
export async function loadFigures() {
  const images = [...document.querySelectorAll("#article .figure img")];
  for (const img of images) {
    img.loading = "eager";
    if (!img.getAttribute("src")) img.src = figureUrl(img.dataset.figure);
  }
  const loaded = Promise.all(images.map((img) => img.decode().catch(() => {})));
  await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, FIGURE_WAIT_MS))]);
}

/** Wraps UTF-16 range [from, to) of `root`'s text in marks made by `make()`; returns the last. */
function wrapRange(root, from, to, make) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const pieces = [];
  let pos = 0;
  for (let node = walker.nextNode(); node && pos < to; node = walker.nextNode()) {
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.data.length);
    if (start < end) pieces.push({ node, start: start - pos, end: end - pos });
    pos += node.data.length;
  }
  let mark = null;
  for (const { node, start, end } of pieces) {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    mark = make();
    range.surroundContents(mark);
  }
  return mark;
}

/**
 * A copy of #article (ids removed, so the page's own stay unique) with `list` marked: each
 * highlight in its colour over every block it covers; `numbers` maps the id of a highlight that
 * has a note to its number.
 */
export function printedArticle(article, list, numbers) {
  const copy = document.getElementById("article").cloneNode(true);
  for (const node of [copy, ...copy.querySelectorAll("[id]")]) node.removeAttribute("id");
  copy.removeAttribute("tabindex");
  copy.removeAttribute("title");
  const blocks = article.blocks;
  const elements = [...copy.querySelectorAll("[data-block]")];
  for (const a of list) {
    if (!a.position) continue;
    let last = null;
    blocks.forEach((b, i) => {
      if (b.end <= a.position.start || b.start >= a.position.end) return;
      const from = codePointToUtf16(b.text, Math.max(a.position.start, b.start) - b.start);
      const to = codePointToUtf16(b.text, Math.min(a.position.end, b.end) - b.start);
      if (from < to) last = wrapRange(elements[i], from, to, () => Object.assign(document.createElement("mark"), { className: `print-mark hl-${a.colour}` })) || last;
    });
    if (last && numbers.has(a.id)) last.dataset.n = String(numbers.get(a.id));
  }
  return copy;
}
