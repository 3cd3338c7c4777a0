// The panel's list of highlights in document order, filtered by colour, tag and text. It is
// built while the panel is open, and on opening if highlights changed while it was closed: with
// 1,000 highlights it is several thousand elements that a reader with the panel closed never
// sees, built at start for nothing (docs/performance.md).

import { api } from "../../shared/api.js";
import { button, el } from "../../shared/dom.js";
import { t, translate } from "../../shared/i18n.js";
import { inertLinks, showHtml } from "../../shared/markdown-view.js";
import { colourName, colours, meaning } from "../highlights/colours.js";
import { sectionTitles } from "../sections.js";

let highlights = null;
/** Sanitised HTML of notes already rendered by core, by their Markdown. */
const rendered = new Map();
let titles = new Map();
const activeColours = new Set();
const $ = (id) => document.getElementById(id);

function matches(a) {
  if (activeColours.size && !activeColours.has(a.colour)) return false;
  const tag = $("hl-tag").value;
  if (tag && !a.tags.includes(tag)) return false;
  const q = $("hl-search").value.trim().toLowerCase();
  return !q || [a.quote.exact, a.note, ...a.tags].some((text) => text.toLowerCase().includes(q));
}

function renderTags(all) {
  const select = $("hl-tag");
  const tags = [...new Set(all.flatMap((a) => a.tags))].sort();
  const keep = select.value;
  const any = translate(el("option"), "panel-all-tags");
  any.value = "";
  select.replaceChildren(any, ...tags.map((tag) => Object.assign(el("option", undefined, tag), { value: tag })));
  select.value = tags.includes(keep) ? keep : "";
}

function item(a) {
  const li = el("li", `hl-item hl-border-${a.colour}`);
  li.dataset.id = a.id;
  const jump = button("hl-jump");
  const where = a.position ? titles.get(a.section_id) || "" : t("panel-orphan");
  jump.append(el("span", "hl-section", where), el("span", "hl-quote", a.quote.exact));
  if (a.position) jump.addEventListener("click", () => highlights.flash(a.id));
  else jump.disabled = true;
  li.append(jump);
  // Placed on what survived of its passage after the article changed (core's "trimmed").
  if (a.status === "trimmed") li.append(translate(el("p", "hl-status"), "panel-trimmed"));
  if (a.note) {
    // Outside the button: a note may hold lists and headings, which a button may not.
    const note = el("div", "hl-note");
    note.dataset.markdown = a.note;
    li.append(note);
  }
  if (a.tags.length) {
    const tags = el("ul", "tag-list");
    tags.append(...a.tags.map((tag) => el("li", "tag", tag)));
    li.append(tags);
  }
  if (a.position) {
    const edit = translate(button("link-button"), "panel-edit");
    edit.addEventListener("click", () => {
      highlights.flash(a.id);
      highlights.openEditor(a.id);
    });
    li.append(edit);
  }
  return li;
}

function renderList() {
  const all = highlights.list();
  const shown = all.filter(matches);
  const count = { shown: shown.length, total: all.length };
  $("hl-count").textContent = all.length === shown.length ? t("panel-count", count) : t("panel-count-filtered", count);
  const list = $("hl-list");
  list.replaceChildren(...shown.map(item));
  if (!all.length) list.append(translate(el("li", "empty"), "panel-empty"));
  else if (!shown.length) list.append(translate(el("li", "empty"), "panel-no-match"));
  fillNotes(list);
}

function showNote(box, html) {
  showHtml(box, html);
  box.classList.toggle("clamped", box.scrollHeight > box.clientHeight + 1);
}

/** Puts each note in the list as core rendered and sanitised it, asking core once for the new ones. */
async function fillNotes(list) {
  const boxes = [...list.querySelectorAll(".hl-note")];
  const missing = [...new Set(boxes.map((b) => b.dataset.markdown).filter((md) => !rendered.has(md)))];
  if (missing.length) {
    try {
      const html = await api.renderNotes(missing);
      missing.forEach((md, i) => rendered.set(md, html[i]));
    } catch {
      // A note core refuses to render is shown as its text.
    }
  }
  for (const box of boxes) {
    if (!box.isConnected) continue;
    if (rendered.has(box.dataset.markdown)) showNote(box, rendered.get(box.dataset.markdown));
    else box.textContent = box.dataset.markdown;
  }
}

/** The colour chips that filter the list. */
export function renderColourFilter() {
  const filter = $("hl-colours");
  filter.replaceChildren(...colours().map((c) => {
    const chip = button(`swatch hl-${c.name}`);
    chip.dataset.colour = c.name;
    chip.title = t("panel-filter-colour-title", { meaning: meaning(c.name) });
    chip.setAttribute("aria-label", t("panel-filter-colour", { colour: colourName(c.name), meaning: meaning(c.name) }));
    chip.setAttribute("aria-pressed", String(activeColours.has(c.name)));
    chip.addEventListener("click", () => {
      if (!activeColours.delete(c.name)) activeColours.add(c.name);
      renderColourFilter();
      renderList();
    });
    return chip;
  }));
}

/** Rebuilds the tag filter and the list from the highlights as they are now. */
export function refreshList() {
  renderTags(highlights.list());
  renderList();
}

export function initHighlightList(article, collection) {
  highlights = collection;
  titles = sectionTitles(article);
  $("hl-search").addEventListener("input", renderList);
  $("hl-tag").addEventListener("change", renderList);
  inertLinks($("hl-list"));
  renderColourFilter();
}
