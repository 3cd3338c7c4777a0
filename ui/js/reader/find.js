// Find in the article (Ctrl+F or /, issue 15): a bar under the toolbar. Every match is painted
// with the Custom Highlight API the highlights use (layers "find-hit" and "find-current"), case
// and accents ignored (shared/fold.js); Enter and Shift+Enter (n and N outside the bar) move
// between matches through the reader's one reveal(); h or the bar's button highlights the
// current match; Esc closes the bar and gives focus back to where it was.

import { t } from "../shared/i18n.js";
import { findAll, foldText } from "../shared/fold.js";
import { topInset } from "./reader.js";
import { live } from "./highlights/paint.js";

const canPaint = typeof Highlight === "function" && typeof CSS !== "undefined" && "highlights" in CSS;

export function initFind({ textMap, highlights }) {
  const $ = (id) => document.getElementById(id);
  const state = {
    textMap,
    highlights,
    folded: foldText(textMap.text),
    chars: [...textMap.text],
    hits: [],
    current: -1,
    returnTo: null,
    bar: $("find-bar"),
    input: $("find-input"),
    count: $("find-count"),
  };
  wire(state);
  return {
    open: () => open(state),
    close: () => close(state),
    isOpen: () => !state.bar.hidden,
    hasHits: () => state.hits.length > 0,
    next: () => move(state, 1),
    previous: () => move(state, -1),
    highlightCurrent: () => highlightCurrent(state),
  };
}

function wire(state) {
  const { bar, input } = state;
  input.addEventListener("input", () => search(state));
  bar.addEventListener("keydown", (event) => {
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close(state);
    } else if (event.key === "Enter" && event.target === input) {
      event.preventDefault();
      move(state, event.shiftKey ? -1 : 1);
    } else if (event.key === "h" && event.target !== input && plain) {
      event.preventDefault();
      event.stopPropagation();
      highlightCurrent(state);
    }
  });
  document.getElementById("find-next").addEventListener("click", () => move(state, 1));
  document.getElementById("find-prev").addEventListener("click", () => move(state, -1));
  document.getElementById("find-highlight").addEventListener("click", () => highlightCurrent(state));
  document.getElementById("find-close").addEventListener("click", () => close(state));
}

function layer(name, priority) {
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    h.priority = priority;
    CSS.highlights.set(name, h);
  }
  return h;
}

function paint({ hits, current, textMap }) {
  if (!canPaint) return;
  const all = layer("find-hit", 2);
  const now = layer("find-current", 3);
  all.clear();
  now.clear();
  hits.forEach((hit, i) => {
    for (const range of textMap.ranges(hit.start, hit.end)) (i === current ? now : all).add(range);
  });
}

function showCount({ input, count, hits, current }) {
  if (!input.value.trim()) count.textContent = "";
  else if (!hits.length) count.textContent = t("find-none");
  else count.textContent = t("find-count", { current: current + 1, total: hits.length });
}

/** The first match at or below the top of the view, so finding starts where one is reading. */
function firstInView({ hits, textMap }) {
  const top = topInset();
  const i = hits.findIndex((hit) => {
    const [first] = textMap.ranges(hit.start, hit.end);
    if (!first) return false;
    // The map gives StaticRanges, which cannot measure: a live copy can.
    return live(first).getBoundingClientRect().bottom > top;
  });
  return Math.max(0, i);
}

/** Paints and counts the matches, and reveals the current one. */
function refresh(state) {
  paint(state);
  showCount(state);
  const hit = state.hits[state.current];
  if (hit) state.highlights.reveal(hit.start, hit.end);
}

function search(state) {
  state.hits = findAll(state.folded, state.input.value);
  state.current = state.hits.length ? firstInView(state) : -1;
  refresh(state);
}

function move(state, step) {
  const n = state.hits.length;
  if (!n) return;
  state.current = (state.current + step + n) % n;
  refresh(state);
}

function open(state) {
  if (state.bar.hidden) state.returnTo = document.activeElement;
  state.bar.hidden = false;
  state.input.focus();
  state.input.select();
}

function close(state) {
  if (state.bar.hidden) return;
  state.bar.hidden = true;
  state.hits = [];
  state.current = -1;
  refresh(state);
  const back = state.returnTo;
  const target = back && back.isConnected && back !== document.body ? back : document.getElementById("article");
  target.focus({ preventScroll: true });
}

/** Highlights the current match in the last colour used; resolves to the highlight or null. */
function highlightCurrent({ hits, current, chars, highlights }) {
  const hit = hits[current];
  if (!hit) return Promise.resolve(null);
  const exact = chars.slice(hit.start, hit.end).join("");
  return highlights.highlightSelection(undefined, null, { start: hit.start, end: hit.end, exact });
}
