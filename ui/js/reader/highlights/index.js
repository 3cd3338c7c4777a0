// Highlights: the selection toolbar, painting highlights over the text, the editor popover
// (colour, Markdown note with preview, tags, delete), and undo of deletes.
//
// Painting uses the CSS Custom Highlight API, not <mark> elements: one Highlight per colour in
// CSS.highlights (styled by ::highlight(hl-<colour>) in app.css) holds a StaticRange per block
// each highlight covers, and those with a note are also in "hl-note" (a dotted underline). The
// article's DOM stays as core wrote it: no split text nodes, no extra elements, nothing to lay out
// again when a highlight is added or removed. With 1,000 highlights the marks cost about 9 MiB in
// the web process (docs/performance.md). Hit testing, which <mark> elements gave for free, is done
// from the caret under the pointer (highlightAt).

import { api, errorMessage } from "./api.js";
import { showMarkdown, inertLinks } from "./markdown-view.js";
import { showToast } from "./toast.js";

const NOTE_SAVE_DELAY_MS = 500;
const FLASH_MS = 1200;

export function initHighlights({ article, textMap, colours, prefs }) {
  const articleId = article.meta.id;
  const annotations = new Map();
  /** id -> the StaticRanges it is painted with (one per block it covers). */
  const painted = new Map();
  /** The highlight under the pointer (see highlightAt), and the frame that will look again. */
  let hovered = null;
  let hoverFrame = 0;
  const listeners = new Set();
  const undoStack = [];
  const root = document.getElementById("article");
  const bar = document.getElementById("selection-bar");
  const editor = document.getElementById("editor");
  const note = document.getElementById("editor-note");
  const preview = document.getElementById("editor-preview");
  const status = document.getElementById("editor-status");
  const tagList = document.getElementById("editor-tags");
  const tagInput = document.getElementById("editor-tag-input");
  let current = null;
  let noteTimer = 0;
  let colourList = colours;

  const changed = () => listeners.forEach((fn) => fn());
  const meaning = (c) => (colourList.find((x) => x.name === c) || { meaning: c }).meaning;

  // --- painting ---------------------------------------------------------------------------------

  // Safari 17.2's engine and later (WebKitGTK 2.44, WebView2 105) paint custom highlights. On an
  // older one the highlights are still kept, listed and editable in the panel; the page says
  // why they are not drawn instead of failing to open.
  const canPaint = typeof Highlight === "function" && typeof CSS !== "undefined" && "highlights" in CSS;
  let toldCannotPaint = false;

  /** The named layer in the page's highlight registry, made on first use. */
  function layer(name) {
    let h = CSS.highlights.get(name);
    if (!h) {
      h = new Highlight();
      CSS.highlights.set(name, h);
    }
    return h;
  }

  function paint(a) {
    if (!a.position) return;
    if (!canPaint) {
      if (!toldCannotPaint) {
        toldCannotPaint = true;
        showToast("This system’s web engine cannot draw highlights (it needs the CSS Custom Highlight API). They are saved and listed in the panel (A).", 10000);
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

  function unpaint(id) {
    const ranges = painted.get(id);
    if (!ranges) return;
    for (const h of CSS.highlights.values()) for (const r of ranges) h.delete(r);
    painted.delete(id);
    if (hovered === id) unhover();
  }

  function restyle(a) {
    unpaint(a.id);
    paint(a);
  }

  /** A live Range for measuring a painted StaticRange. */
  function live(r) {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  }

  const inside = (rect, x, y) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

  /** The id of the highlight drawn under viewport point (x, y), or null. Where highlights overlap,
   *  the shortest wins (the innermost, as a nested <mark> would have been). */
  function highlightAt(x, y) {
    const caret = document.caretRangeFromPoint(x, y);
    if (!caret || !root.contains(caret.startContainer)) return null;
    const offset = textMap.offsetAt(caret.startContainer, caret.startOffset);
    if (offset === null) return null;
    let best = null;
    for (const a of annotations.values()) {
      const p = a.position;
      if (!p || offset < p.start || offset > p.end) continue;
      if (best && p.end - p.start >= best.position.end - best.position.start) continue;
      // The caret is the nearest text position: make sure the point is on the painted text.
      const hit = (painted.get(a.id) || []).some((r) => [...live(r).getClientRects()].some((rect) => inside(rect, x, y)));
      if (hit) best = a;
    }
    return best ? best.id : null;
  }

  // Hovering a highlight: a pointer cursor and its colour's meaning as the tooltip. Scrolling
  // moves the text under a still pointer, so it forgets the hovered highlight until the next move.
  function unhover() {
    hovered = null;
    root.classList.remove("on-highlight");
    root.removeAttribute("title");
  }
  root.addEventListener("mousemove", (event) => {
    if (hoverFrame) return;
    hoverFrame = requestAnimationFrame(() => {
      hoverFrame = 0;
      const id = highlightAt(event.clientX, event.clientY);
      if (id === hovered) return;
      hovered = id;
      root.classList.toggle("on-highlight", id !== null);
      if (id) root.title = meaning(annotations.get(id).colour);
      else root.removeAttribute("title");
    });
  });
  root.addEventListener("mouseleave", unhover);
  window.addEventListener("scroll", unhover, { passive: true });

  /** Paints `list` (the article's highlights, as core lists them) in place of what is painted. */
  function show(list) {
    if (canPaint) for (const h of CSS.highlights.values()) h.clear();
    painted.clear();
    unhover();
    annotations.clear();
    for (const a of list) {
      annotations.set(a.id, a);
      paint(a);
    }
    document.documentElement.dataset.highlights = String(list.length);
    changed();
  }

  async function load() {
    show(await api.listAnnotations(articleId));
  }

  // --- creating from the selection ----------------------------------------------------------------

  function selectionOffsets() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
    const range = sel.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer)) return null;
    return textMap.rangeOffsets(range);
  }

  async function highlightSelection(colour = prefs.highlightColour(), then = null) {
    const offsets = selectionOffsets();
    if (!offsets) return null;
    hideBar();
    try {
      const a = await api.createAnnotation(articleId, { ...offsets, colour });
      window.getSelection().removeAllRanges();
      clearTimeout(selectionTimer);
      hideBar();
      annotations.set(a.id, a);
      paint(a);
      prefs.setHighlightColour(colour);
      document.documentElement.dataset.highlights = String(annotations.size);
      changed();
      if (then) openEditor(a.id, then);
      return a;
    } catch (error) {
      showToast(`Could not highlight: ${errorMessage(error)}`);
      return null;
    }
  }

  function placeBar() {
    if (!editor.hidden) return hideBar();
    const offsets = selectionOffsets();
    if (!offsets) return hideBar();
    const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
    bar.hidden = false;
    const width = bar.offsetWidth;
    const left = Math.min(window.innerWidth - width - 8, Math.max(8, rect.left + rect.width / 2 - width / 2));
    const top = rect.top > 70 ? rect.top - bar.offsetHeight - 8 : rect.bottom + 8;
    bar.style.left = `${left}px`;
    bar.style.top = `${top}px`;
  }

  function hideBar() {
    bar.hidden = true;
  }

  for (const c of colours) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = `swatch hl-${c.name}`;
    b.dataset.colour = c.name;
    b.title = `${c.name}: ${c.meaning}`;
    b.setAttribute("aria-label", `Highlight ${c.name} (${c.meaning})`);
    b.addEventListener("mousedown", (e) => e.preventDefault());
    b.addEventListener("click", () => highlightSelection(c.name));
    bar.querySelector(".bar-colours").append(b);
  }
  bar.addEventListener("mousedown", (e) => e.preventDefault());
  bar.querySelector("[data-action=note]").addEventListener("click", () => highlightSelection(undefined, "note"));
  bar.querySelector("[data-action=tag]").addEventListener("click", () => highlightSelection(undefined, "tag"));
  bar.querySelector("[data-action=copy]").addEventListener("click", () => {
    const offsets = selectionOffsets();
    if (offsets) copyText(offsets.exact);
    hideBar();
  });

  let selectionTimer = 0;
  document.addEventListener("selectionchange", () => {
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(placeBar, 120);
  });
  window.addEventListener("scroll", () => { if (!bar.hidden) placeBar(); }, { passive: true });

  // --- the editor popover -------------------------------------------------------------------------

  const swatches = editor.querySelector(".editor-colours");
  for (const c of colours) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = `swatch hl-${c.name}`;
    b.dataset.colour = c.name;
    b.setAttribute("role", "radio");
    b.addEventListener("click", () => update({ colour: c.name }));
    swatches.append(b);
  }

  function refreshSwatches() {
    for (const b of swatches.children) {
      const c = b.dataset.colour;
      b.title = `${c}: ${meaning(c)}`;
      b.setAttribute("aria-label", `${c} (${meaning(c)})`);
      b.setAttribute("aria-checked", String(current && annotations.get(current).colour === c));
    }
  }

  function renderTags() {
    const a = annotations.get(current);
    tagList.replaceChildren();
    for (const tag of a.tags) {
      const li = document.createElement("li");
      li.className = "tag";
      li.append(document.createTextNode(tag));
      const x = document.createElement("button");
      x.type = "button";
      x.className = "tag-remove";
      x.setAttribute("aria-label", `Remove tag ${tag}`);
      x.textContent = "×";
      x.addEventListener("click", () => update({ tags: a.tags.filter((t) => t !== tag) }));
      li.append(x);
      tagList.append(li);
    }
  }

  function setTab(which) {
    const write = which === "write";
    note.hidden = !write;
    preview.hidden = write;
    for (const t of editor.querySelectorAll("[data-tab]")) t.setAttribute("aria-selected", String(t.dataset.tab === which));
    if (!write) showMarkdown(preview, note.value).catch((e) => showToast(errorMessage(e)));
  }
  for (const t of editor.querySelectorAll("[data-tab]")) t.addEventListener("click", () => setTab(t.dataset.tab));
  inertLinks(preview);

  function placeEditor(id) {
    const first = (painted.get(id) || [])[0];
    editor.hidden = false;
    const rect = first ? live(first).getBoundingClientRect() : { left: window.innerWidth / 2, bottom: 120 };
    const width = editor.offsetWidth;
    const left = Math.min(window.innerWidth - width - 12, Math.max(12, rect.left));
    let top = rect.bottom + 8;
    if (top + editor.offsetHeight > window.innerHeight - 8) top = Math.max(56, (rect.top || 0) - editor.offsetHeight - 8);
    editor.style.left = `${left}px`;
    editor.style.top = `${top}px`;
  }

  function openEditor(id, focus = "note") {
    const a = annotations.get(id);
    if (!a) return;
    flushNote();
    current = id;
    note.value = a.note;
    status.textContent = "";
    editor.dataset.id = id;
    setTab("write");
    refreshSwatches();
    renderTags();
    placeEditor(id);
    (focus === "tag" ? tagInput : note).focus({ preventScroll: true });
  }

  function closeEditor() {
    if (editor.hidden) return;
    flushNote();
    editor.hidden = true;
    delete editor.dataset.id;
    current = null;
  }

  async function update(patch, id = current) {
    try {
      status.textContent = "Saving…";
      const a = await api.updateAnnotation(articleId, id, patch);
      annotations.set(a.id, a);
      restyle(a);
      if (id === current) {
        refreshSwatches();
        renderTags();
        status.textContent = "Saved";
      }
      if (patch.colour) prefs.setHighlightColour(patch.colour);
      changed();
    } catch (error) {
      status.textContent = "";
      showToast(`Not saved: ${errorMessage(error)}`);
    }
  }

  function flushNote() {
    clearTimeout(noteTimer);
    if (!current) return;
    const a = annotations.get(current);
    if (a && note.value !== a.note) update({ note: note.value }, current);
  }

  note.addEventListener("input", () => {
    status.textContent = "Editing…";
    clearTimeout(noteTimer);
    noteTimer = setTimeout(flushNote, NOTE_SAVE_DELAY_MS);
  });
  note.addEventListener("blur", flushNote);

  tagInput.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== ",") return;
    event.preventDefault();
    const tag = tagInput.value.trim();
    if (!tag) return;
    const a = annotations.get(current);
    tagInput.value = "";
    if (!a.tags.includes(tag)) update({ tags: [...a.tags, tag] });
  });

  editor.querySelector("#editor-delete").addEventListener("click", () => remove(current));
  editor.querySelector("#editor-close").addEventListener("click", closeEditor);
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      closeEditor();
    }
  });
  document.addEventListener("mousedown", (event) => {
    if (!editor.hidden && !editor.contains(event.target) && !highlightAt(event.clientX, event.clientY)) closeEditor();
  });

  root.addEventListener("click", (event) => {
    if (!window.getSelection().isCollapsed) return;
    const id = highlightAt(event.clientX, event.clientY);
    if (id) openEditor(id);
  });

  // --- delete and undo ------------------------------------------------------------------------

  async function remove(id) {
    if (!id) return;
    try {
      await api.deleteAnnotation(id);
      if (id === current) {
        editor.hidden = true;
        current = null;
      }
      unpaint(id);
      annotations.delete(id);
      undoStack.push(id);
      document.documentElement.dataset.highlights = String(annotations.size);
      changed();
      showToast("Highlight deleted.", 8000, { label: "Undo", run: undo });
    } catch (error) {
      showToast(`Could not delete: ${errorMessage(error)}`);
    }
  }

  async function undo() {
    const id = undoStack.pop();
    if (!id) return false;
    try {
      const a = await api.restoreAnnotation(articleId, id);
      annotations.set(a.id, a);
      paint(a);
      document.documentElement.dataset.highlights = String(annotations.size);
      changed();
      showToast("Highlight restored.", 2500);
    } catch (error) {
      showToast(`Could not undo: ${errorMessage(error)}`);
    }
    return true;
  }

  // --- for the panel ------------------------------------------------------------------------------

  let flashTimer = 0;
  /** Scrolls highlight `id` to the middle of the window and outlines it for a moment. */
  function flash(id) {
    const ranges = painted.get(id);
    if (!ranges || !ranges.length) return;
    const rect = live(ranges[0]).getBoundingClientRect();
    window.scrollBy({ top: rect.top + rect.height / 2 - window.innerHeight / 2, behavior: "instant" });
    const shown = layer("hl-flash");
    shown.priority = 1;
    shown.clear();
    for (const r of ranges) shown.add(r);
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => shown.clear(), FLASH_MS);
  }

  function setColours(list) {
    colourList = list;
    unhover();
    for (const b of bar.querySelectorAll(".swatch")) {
      b.title = `${b.dataset.colour}: ${meaning(b.dataset.colour)}`;
      b.setAttribute("aria-label", `Highlight ${b.dataset.colour} (${meaning(b.dataset.colour)})`);
    }
    changed();
  }

  return {
    show,
    load,
    list: () => [...annotations.values()],
    colours: () => colourList,
    setColours,
    highlightSelection,
    hasSelection: () => selectionOffsets() !== null,
    openEditor,
    closeEditor,
    editorOpen: () => !editor.hidden,
    flash,
    undo,
    onChange: (fn) => listeners.add(fn),
  };
}

function copyText(text) {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(
      () => showToast("Copied.", 1500),
      () => showToast("Could not copy to the clipboard."),
    );
  } else {
    showToast("Copying is not available here; use Ctrl+C.");
  }
}
