// The small toolbar over a text selection: a button per colour, Note, Tag and Copy. It follows
// the selection (placed above it, or below near the top of the window) and hides while the
// highlight editor is open.

import { button } from "../../shared/dom.js";
import { t } from "../../shared/i18n.js";
import { showToast } from "../../shared/toast.js";
import { colourName, colours, meaning } from "./colours.js";

const SETTLE_MS = 120;

let bar = null;
let textMap = null;
let editorOpen = () => false;
let timer = 0;

/** Canonical offsets of the selection in the article ({start, end, exact}), or null. */
export function selectionOffsets() {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  if (!document.getElementById("article").contains(range.commonAncestorContainer)) return null;
  return textMap.rangeOffsets(range);
}

export function hideBar() {
  clearTimeout(timer);
  bar.hidden = true;
}

function placeBar() {
  if (editorOpen()) return hideBar();
  if (!selectionOffsets()) return hideBar();
  const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
  bar.hidden = false;
  const width = bar.offsetWidth;
  const left = Math.min(window.innerWidth - width - 8, Math.max(8, rect.left + rect.width / 2 - width / 2));
  const top = rect.top > 70 ? rect.top - bar.offsetHeight - 8 : rect.bottom + 8;
  bar.style.left = `${left}px`;
  bar.style.top = `${top}px`;
}

/** Names each colour button after its colour and what it means now. */
export function refreshBarColours() {
  for (const b of bar.querySelectorAll(".swatch")) {
    const c = b.dataset.colour;
    b.title = `${colourName(c)}: ${meaning(c)}`;
    b.setAttribute("aria-label", t("bar-highlight-colour", { colour: colourName(c), meaning: meaning(c) }));
  }
}

/** Copies `text` to the clipboard and says so (or why not). */
export function copyText(text) {
  if (!navigator.clipboard || !navigator.clipboard.writeText) {
    showToast(t("toast-copy-unavailable"));
    return;
  }
  navigator.clipboard.writeText(text).then(
    () => showToast(t("toast-copied"), 1500),
    () => showToast(t("toast-copy-failed")),
  );
}

/** `highlight(colour, then)` makes the highlight (then: open the editor on "note" or "tag"). */
export function initSelectionBar({ map, highlight, isEditorOpen }) {
  bar = document.getElementById("selection-bar");
  textMap = map;
  editorOpen = isEditorOpen;
  for (const c of colours()) {
    const b = button(`swatch hl-${c.name}`);
    b.dataset.colour = c.name;
    b.addEventListener("click", () => highlight(c.name));
    bar.querySelector(".bar-colours").append(b);
  }
  refreshBarColours();
  // Pressing a button must not take the selection away before the click.
  bar.addEventListener("mousedown", (e) => e.preventDefault());
  bar.querySelector("[data-action=note]").addEventListener("click", () => highlight(undefined, "note"));
  bar.querySelector("[data-action=tag]").addEventListener("click", () => highlight(undefined, "tag"));
  bar.querySelector("[data-action=copy]").addEventListener("click", () => {
    const offsets = selectionOffsets();
    if (offsets) copyText(offsets.exact);
    hideBar();
  });
  document.addEventListener("selectionchange", () => {
    clearTimeout(timer);
    timer = setTimeout(placeBar, SETTLE_MS);
  });
  window.addEventListener("scroll", () => { if (!bar.hidden) placeBar(); }, { passive: true });
}
