// Search everything (Ctrl+K or Ctrl+Shift+F, issue 15): a dialog that searches the text of every
// article, the user's highlights (quote, note, tags) and free notes in core's FTS5 index as the
// user types, results grouped by article with the matched words marked (snippets are core's,
// cut from the original text, so they keep their accents). Up and Down choose a result, Enter
// opens it: in this article through the reader's one reveal(), in another by opening that
// article at the passage (?article=<id>&reveal=<start>-<end>). The dialog is modal, so closing it
// gives focus back to what had it.

import { api, errorMessage } from "../shared/api.js";
import { closeOnBackdrop, el } from "../shared/dom.js";
import { t } from "../shared/i18n.js";

/** How long typing may pause before the query is sent, in ms. */
const TYPING_PAUSE = 60;
const KIND = { passage: "search-kind-passage", highlight: "search-kind-highlight", note: "search-kind-note" };

export function initSearch({ article, highlights, panel, notes }) {
  const $ = (id) => document.getElementById(id);
  const state = {
    articleId: article.meta.id,
    highlights,
    panel,
    notes,
    dialog: $("search-dialog"),
    input: $("search-input"),
    status: $("search-status"),
    list: $("search-results"),
    hits: [],
    active: -1,
    asked: 0,
    timer: 0,
  };
  wire(state);
  $("search-button").addEventListener("click", () => open(state));
  return { open: () => open(state), isOpen: () => state.dialog.open };
}

function wire(state) {
  const { dialog, input, list } = state;
  dialog.querySelector("[data-close]").addEventListener("click", () => dialog.close());
  closeOnBackdrop(dialog);
  input.addEventListener("input", () => {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => run(state), TYPING_PAUSE);
  });
  input.addEventListener("keydown", (event) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step && state.hits.length) {
      event.preventDefault();
      setActive(state, (state.active + step + state.hits.length) % state.hits.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (state.active >= 0) go(state, state.hits[state.active]);
    }
  });
  list.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) go(state, state.hits[Number(option.dataset.index)]);
  });
}

function open(state) {
  if (state.dialog.open) return;
  state.dialog.showModal();
  state.input.focus();
  state.input.select();
}

/** Sends the query; only the answer to the latest one is shown. */
async function run(state) {
  const query = state.input.value;
  const asked = ++state.asked;
  if (!query.trim()) return show(state, [], "");
  try {
    const hits = await api.search(query);
    if (asked === state.asked) show(state, hits, hits.length ? t("search-count", { count: hits.length }) : t("search-none"));
  } catch (error) {
    if (asked === state.asked) show(state, [], t("search-failed", { error: errorMessage(error) }));
  }
}

function show(state, hits, status) {
  state.hits = hits;
  state.status.textContent = status;
  state.list.replaceChildren(...groups(hits));
  state.input.setAttribute("aria-expanded", String(hits.length > 0));
  setActive(state, hits.length ? 0 : -1);
}

/** The results, one group per article (core sends them grouped, in the order to show). */
function groups(hits) {
  const out = [];
  let group = null;
  hits.forEach((hit, index) => {
    if (!group || group.dataset.article !== hit.article) {
      group = el("div", "search-group");
      group.setAttribute("role", "group");
      group.dataset.article = hit.article;
      const heading = el("div", "search-group-title", hit.title);
      heading.id = `search-group-${out.length}`;
      heading.setAttribute("role", "presentation");
      group.setAttribute("aria-labelledby", heading.id);
      group.append(heading);
      out.push(group);
    }
    group.append(option(hit, index));
  });
  return out;
}

function option(hit, index) {
  const node = el("div", `search-hit search-hit-${hit.kind}`);
  node.id = `search-hit-${index}`;
  node.dataset.index = String(index);
  node.setAttribute("role", "option");
  node.setAttribute("aria-selected", "false");
  // A note on the whole article says so instead of "Note".
  const label = hit.kind === "note" && !hit.id ? t("search-article-note") : t(KIND[hit.kind]);
  const kind = el("span", "search-kind", label);
  if (hit.colour) kind.dataset.colour = hit.colour;
  const where = { note: "search-field-note", tags: "search-field-tags" }[hit.field];
  if (where) kind.append(" ", el("span", "search-field", t(where)));
  node.append(kind, snippet(hit));
  return node;
}

/** The snippet with its marks as <mark> elements, built from text nodes only. */
function snippet(hit) {
  const chars = [...hit.snippet];
  const p = el("span", "search-snippet");
  let at = 0;
  for (const [start, end] of hit.marks) {
    p.append(chars.slice(at, start).join(""), el("mark", undefined, chars.slice(start, end).join("")));
    at = end;
  }
  p.append(chars.slice(at).join(""));
  return p;
}

function setActive(state, index) {
  const options = state.list.querySelectorAll("[role=option]");
  options.forEach((o, i) => o.setAttribute("aria-selected", String(i === index)));
  state.active = index;
  if (index < 0) {
    state.input.removeAttribute("aria-activedescendant");
    return;
  }
  state.input.setAttribute("aria-activedescendant", options[index].id);
  options[index].scrollIntoView({ block: "nearest" });
}

/** Opens a result: the passage, the highlight or the note it is about. */
function go(state, hit) {
  if (hit.article !== state.articleId) {
    const params = new URLSearchParams({ article: hit.article });
    if (hit.start != null) params.set("reveal", `${hit.start}-${hit.end}`);
    window.location.search = params.toString();
    return;
  }
  state.dialog.close();
  if (hit.kind === "note") {
    if (hit.start != null) state.highlights.reveal(hit.start, hit.end);
    state.panel.showTab("notes");
    state.notes.focus(hit.id);
  } else if (hit.start != null) {
    state.highlights.reveal(hit.start, hit.end);
  } else {
    // An orphaned highlight has no place in the text: the list shows it with its quote.
    state.panel.showTab("highlights", { focus: true });
  }
}
