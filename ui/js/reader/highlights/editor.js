// The highlight editor, a popover by the highlight: its colour, a Markdown note with a preview
// (saved as you type), its tags, and delete. Esc or Done closes it and gives focus back.

import { errorMessage } from "../../shared/api.js";
import { button, el } from "../../shared/dom.js";
import { t } from "../../shared/i18n.js";
import { inertLinks, showMarkdown } from "../../shared/markdown-view.js";
import { showToast } from "../../shared/toast.js";
import { colourName, colours, meaning } from "./colours.js";
import { topInset } from "../reader.js";
import { firstRect, visibleRect } from "./paint.js";

const NOTE_SAVE_DELAY_MS = 500;
const GAP = 8;
/** Below this much room beside its highlight, the editor takes the window's height instead. */
const MIN_ROOM = 180;

let collection = null;
let parts = null;
/** The id of the highlight being edited, and what had focus before the editor opened (and, when
 *  that was a button in the panel's list, which the list redraws on every save, its highlight). */
let current = null;
let opener = null;
let openerItem = null;
let noteTimer = 0;

const setStatus = (id) => { parts.status.textContent = id ? t(id) : ""; };

/** Saves `patch` on highlight `id` and shows the result in the editor if it is still open. */
async function save(patch, id = current) {
  try {
    setStatus("editor-saving");
    await collection.update(id, patch);
    if (id === current) {
      refresh();
      setStatus("editor-saved");
    }
  } catch (error) {
    setStatus(null);
    showToast(t("toast-not-saved", { error: errorMessage(error) }));
  }
}

function flushNote() {
  clearTimeout(noteTimer);
  const a = current && collection.get(current);
  if (a && parts.note.value !== a.note) save({ note: parts.note.value }, current);
}

function refreshSwatches() {
  const a = current && collection.get(current);
  for (const b of parts.swatches.children) {
    const c = b.dataset.colour;
    b.title = `${colourName(c)}: ${meaning(c)}`;
    b.setAttribute("aria-label", t("editor-colour-label", { colour: colourName(c), meaning: meaning(c) }));
    b.setAttribute("aria-checked", String(!!a && a.colour === c));
  }
}

function renderTags() {
  const a = collection.get(current);
  parts.tags.replaceChildren(...a.tags.map((tag) => {
    const li = el("li", "tag", tag);
    const x = button("tag-remove", "×");
    x.setAttribute("aria-label", t("editor-remove-tag", { tag }));
    x.addEventListener("click", () => save({ tags: a.tags.filter((other) => other !== tag) }));
    li.append(x);
    return li;
  }));
}

function refresh() {
  refreshSwatches();
  renderTags();
}

function setTab(which) {
  const write = which === "write";
  parts.note.hidden = !write;
  parts.preview.hidden = write;
  for (const tab of parts.root.querySelectorAll("[data-tab]")) tab.setAttribute("aria-selected", String(tab.dataset.tab === which));
  if (!write) showMarkdown(parts.preview, parts.note.value).catch((e) => showToast(errorMessage(e)));
}

/** Where the editor goes: below its highlight if it fits, else above, else on the side with more
 *  room, scrolling inside itself; it never reaches past the window or under the toolbar. */
function layout(rect, height) {
  const ceiling = topInset() + GAP;
  const floor = window.innerHeight - GAP;
  const below = floor - (rect.bottom + GAP);
  const above = rect.top - GAP - ceiling;
  if (height <= below) return { top: rect.bottom + GAP };
  if (height <= above) return { top: rect.top - GAP - height };
  if (Math.max(below, above) < MIN_ROOM) return { top: ceiling, max: floor - ceiling };
  return below >= above ? { top: rect.bottom + GAP, max: below } : { top: ceiling, max: above };
}

function place(id) {
  const { root } = parts;
  root.hidden = false;
  const rect = visibleRect(id, topInset()) || firstRect(id) || { left: window.innerWidth / 2, top: 0, bottom: 120 };
  // scrollHeight is the content's whole height even while a max-height cuts it.
  const { top, max } = layout(rect, root.scrollHeight + 2);
  root.style.maxHeight = max ? `${max}px` : "";
  root.style.left = `${Math.min(window.innerWidth - root.offsetWidth - 12, Math.max(12, rect.left))}px`;
  root.style.top = `${Math.max(topInset() + GAP, top)}px`;
}

/** While open, the editor moves with its highlight; once the highlight is scrolled out of the
 *  window it closes (saving the note), as a popover whose anchor is gone. */
let followFrame = 0;
function follow() {
  if (!current || followFrame) return;
  followFrame = requestAnimationFrame(() => {
    followFrame = 0;
    if (!current) return;
    if (!visibleRect(current, topInset())) closeEditor();
    else place(current);
  });
}

/** Opens the editor on highlight `id`, focused on its note (or, with "tag", its tag field). */
export function openEditor(id, focus = "note") {
  const a = collection.get(id);
  if (!a) return;
  flushNote();
  if (!current) {
    opener = document.activeElement;
    openerItem = opener && opener.closest ? opener.closest("#hl-list [data-id]")?.dataset.id : null;
  }
  current = id;
  parts.note.value = a.note;
  setStatus(null);
  parts.root.dataset.id = id;
  setTab("write");
  refresh();
  place(id);
  (focus === "tag" ? parts.tagInput : parts.note).focus({ preventScroll: true });
}

/** Where focus goes back to: the opener, or its redrawn twin in the panel's list, or the list. */
function returnTarget() {
  if (opener && opener.isConnected) return opener === document.body ? null : opener;
  if (!openerItem) return null;
  return document.querySelector(`#hl-list [data-id="${CSS.escape(openerItem)}"] .link-button`) || document.getElementById("hl-list");
}

/** Closes the editor, saving the note; focus, if it was in the editor, goes back where it was. */
export function closeEditor({ restoreFocus = true } = {}) {
  if (parts.root.hidden) return;
  flushNote();
  const hadFocus = parts.root.contains(document.activeElement);
  parts.root.hidden = true;
  delete parts.root.dataset.id;
  current = null;
  const target = restoreFocus && hadFocus ? returnTarget() : null;
  if (target) target.focus({ preventScroll: true });
  opener = null;
  openerItem = null;
}

export const editorOpen = () => !parts.root.hidden;
export const editing = () => current;
export { refreshSwatches as refreshEditorColours };

function addTag(event) {
  if (event.key !== "Enter" && event.key !== ",") return;
  event.preventDefault();
  const tag = parts.tagInput.value.trim();
  if (!tag) return;
  const a = collection.get(current);
  parts.tagInput.value = "";
  if (!a.tags.includes(tag)) save({ tags: [...a.tags, tag] });
}

function buildSwatches() {
  for (const c of colours()) {
    const b = button(`swatch hl-${c.name}`);
    b.dataset.colour = c.name;
    b.setAttribute("role", "radio");
    b.addEventListener("click", () => save({ colour: c.name }));
    parts.swatches.append(b);
  }
}

async function removeCurrent() {
  const id = current;
  if (id && await collection.remove(id) && current === id) closeEditor();
}

/** Wires the editor's elements to `highlights` (the collection). */
export function initEditor(highlights) {
  collection = highlights;
  const root = document.getElementById("editor");
  parts = {
    root,
    swatches: root.querySelector(".editor-colours"),
    note: document.getElementById("editor-note"),
    preview: document.getElementById("editor-preview"),
    status: document.getElementById("editor-status"),
    tags: document.getElementById("editor-tags"),
    tagInput: document.getElementById("editor-tag-input"),
  };
  buildSwatches();
  for (const tab of root.querySelectorAll("[data-tab]")) tab.addEventListener("click", () => setTab(tab.dataset.tab));
  inertLinks(parts.preview);
  parts.note.addEventListener("input", () => {
    setStatus("editor-editing");
    clearTimeout(noteTimer);
    noteTimer = setTimeout(flushNote, NOTE_SAVE_DELAY_MS);
  });
  parts.note.addEventListener("blur", flushNote);
  parts.tagInput.addEventListener("keydown", addTag);
  document.getElementById("editor-delete").addEventListener("click", removeCurrent);
  document.getElementById("editor-close").addEventListener("click", () => closeEditor());
  window.addEventListener("scroll", follow, { passive: true });
  window.addEventListener("resize", follow);
  // The note growing, a tag added, the preview shown: place it again so it still fits.
  new ResizeObserver(follow).observe(root);
  // Its highlight deleted (from the editor, the context menu, an undo elsewhere): close.
  collection.onChange(() => {
    if (current && !collection.get(current)) closeEditor();
  });
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    closeEditor();
  });
}
