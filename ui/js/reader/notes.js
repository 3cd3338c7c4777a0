// Free notes: one on the whole article and one per section, in Markdown, saved as you type
// (debounced) with a visible saved state, and a rendered preview.

import { api, errorMessage } from "./api.js";
import { showMarkdown, inertLinks } from "./markdown-view.js";

const SAVE_DELAY_MS = 600;

export function initNotes({ article }) {
  const articleId = article.meta.id;
  const container = document.getElementById("notes-list");
  const editors = new Map();

  function timeOf(iso) {
    return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function editor(sectionId, title) {
    const wrap = document.createElement("section");
    wrap.className = "note-editor";
    const head = document.createElement("div");
    head.className = "note-head";
    const h = document.createElement("h3");
    h.textContent = title;
    const status = document.createElement("span");
    status.className = "note-status";
    status.setAttribute("aria-live", "polite");
    const previewToggle = document.createElement("button");
    previewToggle.type = "button";
    previewToggle.className = "link-button";
    previewToggle.textContent = "Preview";
    previewToggle.setAttribute("aria-pressed", "false");
    head.append(h, status, previewToggle);
    const area = document.createElement("textarea");
    area.rows = sectionId ? 3 : 5;
    area.placeholder = sectionId ? "Notes on this section (Markdown)…" : "Notes on the whole article (Markdown)…";
    area.setAttribute("aria-label", `Note: ${title}`);
    area.dataset.section = sectionId || "";
    const preview = document.createElement("div");
    preview.className = "markdown note-preview";
    preview.hidden = true;
    inertLinks(preview);
    wrap.append(head, area, preview);

    let timer = 0;
    let saved = "";
    async function save() {
      clearTimeout(timer);
      const body = area.value;
      if (body === saved) return;
      status.textContent = "Saving…";
      status.dataset.state = "saving";
      try {
        const note = await api.saveNote(articleId, sectionId, body);
        saved = body;
        status.textContent = `Saved ${timeOf(note.updated_at)}`;
        status.dataset.state = "saved";
      } catch (error) {
        status.textContent = `Not saved: ${errorMessage(error)}`;
        status.dataset.state = "error";
      }
    }
    area.addEventListener("input", () => {
      status.textContent = "Editing…";
      status.dataset.state = "editing";
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    });
    area.addEventListener("blur", save);
    previewToggle.addEventListener("click", async () => {
      const on = preview.hidden;
      if (on) await showMarkdown(preview, area.value);
      preview.hidden = !on;
      area.hidden = on;
      previewToggle.setAttribute("aria-pressed", String(on));
      previewToggle.textContent = on ? "Edit" : "Preview";
    });
    editors.set(sectionId || "", {
      set(note) {
        area.value = note.body;
        saved = note.body;
        status.textContent = `Saved ${timeOf(note.updated_at)}`;
        status.dataset.state = "saved";
      },
      save,
    });
    return wrap;
  }

  container.append(editor(null, "The whole article"));
  for (const s of article.sections) container.append(editor(s.id, s.title));

  function show(list) {
    for (const note of list) {
      const e = editors.get(note.section_id || "");
      if (e) e.set(note);
    }
  }

  /** Saves whatever is being typed now (before the window hides, for instance). */
  const flush = () => Promise.all([...editors.values()].map((e) => e.save()));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  return { show, flush };
}
