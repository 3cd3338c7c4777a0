// The keyboard reading cursor (issue 15): `v` selects the sentence at the top of the view, with
// no mouse at all; ↓ / ↑ move to the next or previous sentence; Shift+→ / Shift+← grow or shrink
// the selection by a word, Shift+↓ / Shift+↑ by a sentence; `h` highlights it (the highlights'
// own path: it is the document's real selection, so the selection bar and the context menu
// work on it too); Esc drops it. What is selected is announced to screen readers.

import { t } from "../shared/i18n.js";
import { nextEnd, previousEnd, rangeAt, segmentText } from "../shared/segments.js";
import { topInset } from "./reader.js";
import { live } from "./highlights/paint.js";

/** The longest stretch of a selection read out, in characters. */
const ANNOUNCE_MAX = 300;

export function initCursor({ article, textMap }) {
  const state = { article, textMap, sentences: null, words: null, start: 0, end: 0, active: false };
  const status = document.getElementById("cursor-status");
  document.addEventListener("selectionchange", () => {
    // Anything else that changes the selection (a click, a highlight made of it) ends the cursor.
    if (state.active && !isOurs(state)) state.active = false;
  });
  return {
    start: () => begin(state, status),
    isActive: () => state.active,
    drop: () => drop(state),
    /** Handles a cursor key while the cursor is on; true when it did. */
    key: (event) => key(state, status, event),
  };
}

function segments(state) {
  const lang = state.article.meta.language;
  state.sentences ||= segmentText(state.textMap.text, "sentence", lang);
  state.words ||= segmentText(state.textMap.text, "word", lang);
}

/** The sentence at the top of the view: the first whose box ends below the toolbar. */
function topSentence(state) {
  const inset = topInset();
  const first = [...document.querySelectorAll("#article [data-block]")].find((el) => el.getBoundingClientRect().bottom > inset);
  if (!first) return null;
  const block = state.textMap.block(first.dataset.block);
  for (const [s, e] of state.sentences) {
    if (e <= block.start) continue;
    const ranges = state.textMap.ranges(s, e);
    const box = ranges.length && live(ranges[ranges.length - 1]).getBoundingClientRect();
    if (box && box.bottom > inset) return [s, e];
  }
  return rangeAt(state.sentences, block.start);
}

function begin(state, status) {
  segments(state);
  const sentence = topSentence(state);
  if (sentence) select(state, status, sentence[0], sentence[1]);
}

function key(state, status, event) {
  if (!state.active || event.ctrlKey || event.metaKey || event.altKey) return false;
  const { sentences, words } = state;
  const moves = {
    ArrowDown: () => rangeAt(sentences, state.end),
    ArrowUp: () => [...sentences].reverse().find(([s]) => s < state.start) || sentences[0],
  };
  const grows = {
    ArrowRight: () => nextEnd(words, state.end),
    ArrowLeft: () => previousEnd(words, state.end, state.start),
    ArrowDown: () => nextEnd(sentences, state.end),
    ArrowUp: () => previousEnd(sentences, state.end, state.start),
  };
  const action = event.shiftKey ? grows[event.key] : moves[event.key];
  if (!action) return false;
  event.preventDefault();
  if (event.shiftKey) select(state, status, state.start, action());
  else {
    const [s, e] = action();
    select(state, status, s, e);
  }
  return true;
}

/** Makes code points start..end the document's selection, keeps it in view and says it. */
function select(state, status, start, end) {
  const ranges = state.textMap.ranges(start, end);
  if (!ranges.length) return;
  const range = document.createRange();
  range.setStart(ranges[0].startContainer, ranges[0].startOffset);
  const last = ranges[ranges.length - 1];
  range.setEnd(last.endContainer, last.endOffset);
  Object.assign(state, { start, end, active: true });
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  const box = range.getBoundingClientRect();
  const inset = topInset();
  if (box.top < inset || box.bottom > window.innerHeight) {
    window.scrollBy({ top: box.top - inset - (window.innerHeight - inset) / 3, behavior: "instant" });
  }
  const text = range.toString();
  status.textContent = t("cursor-selected", { text: text.length > ANNOUNCE_MAX ? `${text.slice(0, ANNOUNCE_MAX)}…` : text });
}

function isOurs(state) {
  const offsets = (() => {
    const sel = window.getSelection();
    return sel && sel.rangeCount && !sel.isCollapsed ? state.textMap.rangeOffsets(sel.getRangeAt(0)) : null;
  })();
  return offsets !== null && offsets.start === state.start && offsets.end === state.end;
}

function drop(state) {
  state.active = false;
  window.getSelection().removeAllRanges();
}
