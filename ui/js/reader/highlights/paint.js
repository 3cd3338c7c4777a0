// Painting highlights over the article, finding the one under the pointer, and reveal(), which
// every feature that shows a passage calls (the panel now; study, search, timeline and map next).
//
// Painting uses the CSS Custom Highlight API, not <mark> elements: one Highlight per colour in
// CSS.highlights (styled by ::highlight(hl-<colour>) in app.css) holds a StaticRange per block
// each highlight covers, and those with a note are also in "hl-note" (a dotted underline). The
// article's DOM stays as core wrote it: no split text nodes, no extra elements, nothing to lay out
// again when a highlight is added or removed. With 1,000 highlights the marks cost about 9 MiB in
// the web process (docs/performance.md). Hit testing, which <mark> elements gave for free, is done
// from the caret under the pointer (highlightAt).

import { t } from "../../shared/i18n.js";
import { showToast } from "../../shared/toast.js";
import { scrollToBlock } from "../reader.js";

const FLASH_MS = 1200;

// Safari 17.2's engine and later (WebKitGTK 2.44, WebView2 105) paint custom highlights. On an
// older one the highlights are still kept, listed and editable in the panel; the page says
// why they are not drawn instead of failing to open.
const canPaint = typeof Highlight === "function" && typeof CSS !== "undefined" && "highlights" in CSS;
let toldCannotPaint = false;

let textMap = null;
/** id -> the StaticRanges it is painted with (one per block it covers). */
const painted = new Map();
let flashTimer = 0;

/** Paints with `map` (the article's text map) from now on. */
export function initPainting(map) {
  textMap = map;
}

/** The named layer in the page's highlight registry, made on first use. */
function layer(name) {
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    CSS.highlights.set(name, h);
  }
  return h;
}

export function paint(a) {
  if (!a.position) return;
  if (!canPaint) {
    if (!toldCannotPaint) {
      toldCannotPaint = true;
      showToast(t("toast-cannot-paint"), 10000);
    }
    return;
  }
  const ranges = textMap.ranges(a.position.start, a.position.end);
  const colour = layer(`hl-${a.colour}`);
  const noted = a.note ? layer("hl-note") : null;
  for (const r of ranges) {
    colour.add(r);
    noted?.add(r);
  }
  painted.set(a.id, ranges);
}

export function unpaint(id) {
  const ranges = painted.get(id);
  if (!ranges) return;
  for (const h of CSS.highlights.values()) for (const r of ranges) h.delete(r);
  painted.delete(id);
}

/** Removes every painted highlight. */
export function unpaintAll() {
  if (canPaint) for (const h of CSS.highlights.values()) h.clear();
  painted.clear();
}

/** A live Range for measuring a StaticRange. */
export function live(r) {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
}

/** The screen rectangle of the first line of highlight `id`, or null if it is not painted. */
export function firstRect(id) {
  const first = (painted.get(id) || [])[0];
  return first ? live(first).getBoundingClientRect() : null;
}

/** The first line of highlight `id` that is on screen between `top` and the window's bottom, or
 *  null when none is (a long highlight may start above the window and go on in it). */
export function visibleRect(id, top) {
  for (const r of painted.get(id) || []) {
    for (const rect of live(r).getClientRects()) {
      if (rect.bottom > top && rect.top < window.innerHeight && rect.width > 0) return rect;
    }
  }
  return null;
}

const inside = (rect, x, y) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

/** The id of the highlight drawn under viewport point (x, y) among `annotations`, or null.
 *  Where highlights overlap, the shortest wins (the innermost, as a nested <mark> would be). */
export function highlightAt(x, y, annotations) {
  const caret = document.caretRangeFromPoint(x, y);
  if (!caret || !document.getElementById("article").contains(caret.startContainer)) return null;
  const offset = textMap.offsetAt(caret.startContainer, caret.startOffset);
  if (offset === null) return null;
  let best = null;
  for (const a of annotations) {
    const p = a.position;
    if (!p || offset < p.start || offset > p.end) continue;
    if (best && p.end - p.start >= best.position.end - best.position.start) continue;
    // The caret is the nearest text position: make sure the point is on the painted text.
    const hit = (painted.get(a.id) || []).some((r) => [...live(r).getClientRects()].some((rect) => inside(rect, x, y)));
    if (hit) best = a;
  }
  return best ? best.id : null;
}

/** Scrolls the passage [start, end) (code points) to the middle of the window and outlines it
 *  for a moment. Returns false if the passage is not in the text. */
export function reveal(start, end) {
  const ranges = textMap.ranges(start, end);
  if (!ranges.length) return false;
  const block = ranges[0].startContainer.parentElement.closest("[data-block]");
  const b = block.getBoundingClientRect();
  const r = live(ranges[0]).getBoundingClientRect();
  scrollToBlock(block.id, { fraction: (r.top + r.height / 2 - b.top) / Math.max(1, b.height), center: true });
  if (!canPaint) return true;
  const shown = layer("hl-flash");
  shown.priority = 1;
  shown.clear();
  for (const range of ranges) shown.add(range);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => shown.clear(), FLASH_MS);
  return true;
}
