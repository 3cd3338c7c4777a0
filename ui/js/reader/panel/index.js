// The side panel: tabs for highlights (filterable by colour, tag and text), bookmarks and notes,
// plus export and import. Everything user-written is put in with textContent.

import { api, errorMessage } from "./api.js";
import { showToast } from "./toast.js";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function initSidebar({ article, highlights }) {
  const panel = document.getElementById("panel");
  const toggle = document.getElementById("panel-toggle");
  const list = document.getElementById("hl-list");
  const count = document.getElementById("hl-count");
  const search = document.getElementById("hl-search");
  const tagSelect = document.getElementById("hl-tag");
  const colourFilter = document.getElementById("hl-colours");
  const colourNames = document.getElementById("colour-meanings");
  const sectionTitle = new Map(article.sections.map((s) => [s.id, s.title]));
  const activeColours = new Set();
  // The highlights list is built while the panel is open, and on opening if highlights changed
  // while it was closed: with 1,000 highlights it is several thousand elements that a reader
  // with the panel closed never sees, built at start for nothing (docs/performance.md).
  let listStale = true;

  // --- open, close, tabs --------------------------------------------------------------------

  function setOpen(open) {
    document.body.classList.toggle("panel-open", open);
    toggle.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
    if (open && listStale) refreshList();
  }
  const isOpen = () => !panel.hidden;

  function showTab(name) {
    setOpen(true);
    for (const t of panel.querySelectorAll("[role=tab]")) {
      const on = t.dataset.tab === name;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
    }
  }
  for (const t of panel.querySelectorAll("[role=tab]")) t.addEventListener("click", () => showTab(t.dataset.tab));
  toggle.addEventListener("click", () => (isOpen() ? setOpen(false) : showTab(currentTab())));
  document.getElementById("panel-close").addEventListener("click", () => setOpen(false));
  const currentTab = () => (panel.querySelector("[role=tab][aria-selected=true]") || { dataset: { tab: "highlights" } }).dataset.tab;

  // --- colours: filters and meanings -------------------------------------------------------

  function renderColours() {
    colourFilter.replaceChildren();
    colourNames.replaceChildren();
    for (const c of highlights.colours()) {
      const chip = el("button", `swatch hl-${c.name}`);
      chip.type = "button";
      chip.dataset.colour = c.name;
      chip.title = `Show only ${c.meaning}`;
      chip.setAttribute("aria-label", `Filter ${c.name} (${c.meaning})`);
      chip.setAttribute("aria-pressed", String(activeColours.has(c.name)));
      chip.addEventListener("click", () => {
        if (activeColours.has(c.name)) activeColours.delete(c.name);
        else activeColours.add(c.name);
        renderColours();
        renderList();
      });
      colourFilter.append(chip);

      const row = el("label", "meaning-row");
      row.append(el("span", `swatch hl-${c.name}`));
      const input = el("input");
      input.value = c.meaning;
      input.maxLength = 40;
      input.setAttribute("aria-label", `Meaning of ${c.name}`);
      input.addEventListener("change", async () => {
        try {
          highlights.setColours(await api.renameColour(c.name, input.value));
          renderColours();
        } catch (error) {
          showToast(errorMessage(error));
          input.value = c.meaning;
        }
      });
      row.append(input);
      colourNames.append(row);
    }
  }

  // --- the list ----------------------------------------------------------------------------

  function matches(a) {
    if (activeColours.size && !activeColours.has(a.colour)) return false;
    if (tagSelect.value && !a.tags.includes(tagSelect.value)) return false;
    const q = search.value.trim().toLowerCase();
    if (q && ![a.quote.exact, a.note, ...a.tags].some((t) => t.toLowerCase().includes(q))) return false;
    return true;
  }

  function renderTags(all) {
    const tags = [...new Set(all.flatMap((a) => a.tags))].sort();
    const keep = tagSelect.value;
    tagSelect.replaceChildren(el("option", undefined, "All tags"));
    tagSelect.firstChild.value = "";
    for (const t of tags) {
      const o = el("option", undefined, t);
      o.value = t;
      tagSelect.append(o);
    }
    tagSelect.value = tags.includes(keep) ? keep : "";
  }

  function item(a) {
    const li = el("li", `hl-item hl-border-${a.colour}`);
    li.dataset.id = a.id;
    const button = el("button", "hl-jump");
    button.type = "button";
    const where = a.position ? sectionTitle.get(a.section_id) || "" : "Not found in the current text";
    button.append(el("span", "hl-section", where));
    button.append(el("span", "hl-quote", a.quote.exact));
    if (a.note) button.append(el("span", "hl-note", a.note));
    if (a.position) button.addEventListener("click", () => highlights.flash(a.id));
    else button.disabled = true;
    li.append(button);
    if (a.tags.length) {
      const tags = el("ul", "tag-list");
      for (const t of a.tags) tags.append(el("li", "tag", t));
      li.append(tags);
    }
    if (a.position) {
      const edit = el("button", "link-button", "Edit");
      edit.type = "button";
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
    count.textContent = all.length === shown.length ? `${all.length}` : `${shown.length} of ${all.length}`;
    list.replaceChildren(...shown.map(item));
    if (!all.length) list.append(el("li", "empty", "No highlights yet. Select text in the article to highlight it."));
    else if (!shown.length) list.append(el("li", "empty", "No highlight matches the filters."));
  }

  function refreshList() {
    listStale = false;
    renderTags(highlights.list());
    renderList();
  }

  search.addEventListener("input", renderList);
  tagSelect.addEventListener("change", renderList);
  highlights.onChange(() => {
    if (isOpen()) refreshList();
    else listStale = true;
  });

  // --- export and import -------------------------------------------------------------------

  async function exportAs(format) {
    const ext = format === "w3c" ? "jsonld" : "md";
    try {
      const path = await api.saveDialog({
        title: format === "w3c" ? "Export as W3C Web Annotations" : "Export as Markdown",
        defaultPath: `margin-${article.meta.id}.${ext}`,
        filters: [{ name: format === "w3c" ? "W3C Web Annotation (JSON-LD)" : "Markdown", extensions: [ext] }],
      });
      if (!path) return;
      const done = await api.exportAnnotations(format, path);
      showToast(`Exported to ${done.path}`);
    } catch (error) {
      showToast(`Export failed: ${errorMessage(error)}`);
    }
  }

  async function importFile() {
    try {
      const path = await api.openDialog({
        title: "Import W3C Web Annotations",
        multiple: false,
        directory: false,
        filters: [{ name: "W3C Web Annotation (JSON-LD)", extensions: ["jsonld", "json"] }],
      });
      if (!path) return;
      const r = await api.importAnnotations(path);
      await highlights.load();
      showToast(`Imported: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.orphaned} not found in the text.`, 8000);
    } catch (error) {
      showToast(`Import failed: ${errorMessage(error)}`, 8000);
    }
  }

  document.getElementById("export-w3c").addEventListener("click", () => exportAs("w3c"));
  document.getElementById("export-markdown").addEventListener("click", () => exportAs("markdown"));
  document.getElementById("import-w3c").addEventListener("click", importFile);

  renderColours();
  return { showTab, setOpen, isOpen, toggle: () => (isOpen() ? setOpen(false) : showTab(currentTab())), renderColours };
}
