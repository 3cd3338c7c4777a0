// Find in the article (Ctrl+F or /, issue 15): a bar under the toolbar. Every match is painted
// with the Custom Highlight API the highlights use (layers "find-hit" and "find-current"), case
// and accents ignored (shared/fold.js); Enter and Shift+Enter (n and N outside the bar) move
// between matches through the reader's one reveal(); h or the bar's button highlights the
// current match; Esc closes the bar and gives focus back to where it was.

import { t } from "../shared/i18n.js";
import { findAll, foldText } from "../shared/fold.js";
import { topInset } from "./reader.js";

const canPaint = typeof Highlight === "function" && typeof CSS !== "undefined" && "highlights" in CSS;

export function initFind({ textMap, highlights }) {
  const $ = (id) => document.getElementById(id);
  const bar = $("find-bar");
  const input = $("find-input");
  const count = $("find-count");
  const folded = foldText(textMap.text);
  const chars = [...textMap.text];
  let hits = [];
  let current = -1;
  let returnTo = null;

  function layer(name, priority) {
    if (!canPaint) return null;
    let h = CSS.highlights.get(name);
    if (!h) {
      h = new Highlight();
      h.priority = priority;
      CSS.highlights.set(name, h);
    }
    return h;
  }

  function paint() {
    const all = layer("find-hit", 2);
    const now = layer("find-current", 3);
    if (!all) return;
    all.clear();
    now.clear();
    hits.forEach((hit, i) => {
      for (const range of textMap.ranges(hit.start, hit.end)) (i === current ? now : all).add(range);
    });
  }

  function showCount() {
    if (!input.value.trim()) count.textContent = "";
    else if (!hits.length) count.textContent = t("find-none");
    else count.textContent = t("find-count", { current: current + 1, total: hits.length });
  }

  /** The first match at or below the top of the view, so finding starts where one is reading. */
  function firstInView() {
    const top = topInset();
    const i = hits.findIndex((hit) => {
      const [first] = textMap.ranges(hit.start, hit.end);
      if (!first) return false;
      // The map gives StaticRanges, which cannot measure: a live copy can.
      const range = document.createRange();
      range.setStart(first.startContainer, first.startOffset);
      range.setEnd(first.endContainer, first.endOffset);
      return range.getBoundingClientRect().bottom > top;
    });
    return Math.max(0, i);
  }

  function search() {
    hits = findAll(folded, input.value);
    current = hits.length ? firstInView() : -1;
    paint();
    showCount();
    if (current >= 0) highlights.reveal(hits[current].start, hits[current].end);
  }

  function move(step) {
    if (!hits.length) return;
    current = (current + step + hits.length) % hits.length;
    paint();
    showCount();
    highlights.reveal(hits[current].start, hits[current].end);
  }

  function open() {
    if (bar.hidden) returnTo = document.activeElement;
    bar.hidden = false;
    input.focus();
    input.select();
  }

  function close() {
    if (bar.hidden) return;
    bar.hidden = true;
    hits = [];
    current = -1;
    paint();
    showCount();
    const back = returnTo && returnTo.isConnected && returnTo !== document.body ? returnTo : $("article");
    back.focus({ preventScroll: true });
  }

  /** Highlights the current match in the last colour used; resolves to the highlight or null. */
  function highlightCurrent() {
    const hit = hits[current];
    if (!hit) return Promise.resolve(null);
    const exact = chars.slice(hit.start, hit.end).join("");
    return highlights.highlightSelection(undefined, null, { start: hit.start, end: hit.end, exact });
  }

  input.addEventListener("input", search);
  bar.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === "Enter" && event.target === input) {
      event.preventDefault();
      move(event.shiftKey ? -1 : 1);
    } else if (event.key === "h" && event.target !== input && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      event.stopPropagation();
      highlightCurrent();
    }
  });
  $("find-next").addEventListener("click", () => move(1));
  $("find-prev").addEventListener("click", () => move(-1));
  $("find-highlight").addEventListener("click", () => highlightCurrent());
  $("find-close").addEventListener("click", close);

  return {
    open,
    close,
    isOpen: () => !bar.hidden,
    hasHits: () => hits.length > 0,
    next: () => move(1),
    previous: () => move(-1),
    highlightCurrent,
  };
}
