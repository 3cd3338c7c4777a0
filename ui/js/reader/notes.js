// Free notes: one on the whole article and one per section, in Markdown, saved as you type
// (debounced) with a visible saved state, and a rendered preview.

import { api, errorMessage } from "../shared/api.js";
import { button, el } from "../shared/dom.js";
import { currentLanguage, t, translate } from "../shared/i18n.js";
import { inertLinks, showMarkdown } from "../shared/markdown-view.js";
import { markLanguage, sectionTitle } from "./sections.js";

const SAVE_DELAY_MS = 600;

/** section id ("" for the whole article) -> { set(note), save() } */
const editors = new Map();

const timeOf = (iso) => new Date(iso).toLocaleTimeString(currentLanguage(), { hour: "2-digit", minute: "2-digit" });

function setStatus(status, state, text) {
  status.textContent = text;
  status.dataset.state = state;
}

/** The note's text area, saved as it changes; `saved` tracks what the store holds. */
function noteArea(articleId, sectionId, title, status) {
  const area = translate(el("textarea"), sectionId ? "notes-section-area" : "notes-article-area", { title });
  area.rows = sectionId ? 3 : 5;
  area.dataset.section = sectionId || "";
  let timer = 0;
  let saved = "";
  async function save() {
    clearTimeout(timer);
    const body = area.value;
    if (body === saved) return;
    setStatus(status, "saving", t("notes-saving"));
    try {
      const note = await api.saveNote(articleId, sectionId, body);
      saved = body;
      setStatus(status, "saved", t("notes-saved", { time: timeOf(note.updated_at) }));
    } catch (error) {
      setStatus(status, "error", t("notes-not-saved", { error: errorMessage(error) }));
    }
  }
  area.addEventListener("input", () => {
    setStatus(status, "editing", t("notes-editing"));
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  area.addEventListener("blur", save);
  const set = (note) => {
    area.value = note.body;
    saved = note.body;
    setStatus(status, "saved", t("notes-saved", { time: timeOf(note.updated_at) }));
  };
  return { area, save, set };
}

function previewToggle(area) {
  const preview = el("div", "markdown note-preview");
  preview.hidden = true;
  inertLinks(preview);
  const toggle = translate(button("link-button"), "notes-preview");
  toggle.setAttribute("aria-pressed", "false");
  toggle.addEventListener("click", async () => {
    const on = preview.hidden;
    if (on) await showMarkdown(preview, area.value);
    preview.hidden = !on;
    area.hidden = on;
    toggle.setAttribute("aria-pressed", String(on));
    translate(toggle, on ? "notes-edit" : "notes-preview");
  });
  return { toggle, preview };
}

function noteEditor(articleId, sectionId, title, heading = el("h3", undefined, title)) {
  const status = el("span", "note-status");
  status.setAttribute("aria-live", "polite");
  const note = noteArea(articleId, sectionId, title, status);
  const { toggle, preview } = previewToggle(note.area);
  const head = el("div", "note-head");
  head.append(heading, status, toggle);
  const wrap = el("section", "note-editor");
  wrap.append(head, note.area, preview);
  editors.set(sectionId || "", Object.assign(note, { title }));
  return wrap;
}

export function initNotes({ article }) {
  const id = article.meta.id;
  document.getElementById("notes-list").append(
    noteEditor(id, null, t("notes-whole-article")),
    ...article.sections.map((s) => {
      const title = sectionTitle(s);
      return noteEditor(id, s.id, title, markLanguage(el("h3", undefined, title), s, article));
    }),
  );
  const show = (list) => list.forEach((n) => editors.get(n.section_id || "")?.set(n));
  /** Saves whatever is being typed now (before the window hides, for instance). */
  const flush = () => Promise.all([...editors.values()].map((e) => e.save()));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  /** Every free note as it stands now, with the title of what it is about, in article order. */
  const entries = () => [...editors.values()].map((e) => ({ title: e.title, markdown: e.area.value }));
  /** Shows the notes tab's editor of a section ("" or null: the whole article) and focuses it. */
  const focus = (sectionId) => {
    const editor = editors.get(sectionId || "");
    if (!editor) return;
    editor.area.scrollIntoView({ block: "nearest" });
    editor.area.focus();
  };
  return { show, flush, entries, focus };
}
