// Printing (Ctrl+P): the article with the user's highlights and, after it, their notes; or a
// print view of the notes alone. A small dialog asks which; then the system's print dialog
// prints the page through Tauri's webview print (window.print() does nothing in WebKitGTK's
// webview). What prints is decided by the print stylesheet (app.css, @media print) and by
// `data-print` on the root; the notes are built into #print-notes, which only print shows, so
// the article's own DOM is never touched.

import { api, errorMessage } from "../shared/api.js";
import { closeOnBackdrop, el } from "../shared/dom.js";
import { formatDate, localDay } from "../shared/format.js";
import { t } from "../shared/i18n.js";
import { showHtml } from "../shared/markdown-view.js";
import { showToast } from "../shared/toast.js";
import { meaning } from "./highlights/colours.js";
import { loadFigures, printedArticle } from "./print-article.js";
import { sectionTitles } from "./sections.js";

const $ = (id) => document.getElementById(id);

/** Shows a note core rendered, or its text when core could not render it. */
function noteBox(markdown, html) {
  const box = el("div", "print-note");
  if (html === undefined) box.textContent = markdown;
  else showHtml(box, html);
  return box;
}

/**
 * One highlight as printed: its number in the text (if it has one), its colour's meaning and
 * date, the quote, the rendered note and the tags.
 */
function printedHighlight(a, noteHtml, lang, number) {
  const li = el("li", `print-item hl-${a.colour}`);
  const quote = el("blockquote", "print-quote", a.quote.exact);
  quote.lang = lang;
  const meta = el("p", "print-meta", t("print-item-meta", { meaning: meaning(a.colour), date: localDay(a.created_at) }));
  if (number) meta.prepend(el("span", "print-n", `[${number}]`));
  li.append(meta, quote);
  if (a.note) li.append(noteBox(a.note, noteHtml));
  if (a.tags.length) li.append(el("p", "print-tags", a.tags.map((tag) => `#${tag}`).join(" ")));
  return li;
}

/** The highlights to print, in the order of the text, placed ones first then those not found. */
function ordered(list) {
  const placed = list.filter((a) => a.position).sort((x, y) => x.position.start - y.position.start || x.position.end - y.position.end);
  return [...placed, ...list.filter((a) => !a.position)];
}

/** Groups highlights by section, in the order given; orphans go in a group of their own. */
function bySection(list) {
  const groups = new Map();
  for (const a of list) {
    const key = a.position ? a.section_id || "" : null;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(a);
  }
  return groups;
}

function header(meta, what) {
  const head = el("header", "print-head");
  if (what === "notes") {
    const title = el("h1", undefined, meta.title);
    title.lang = meta.language;
    head.append(title, el("p", "print-byline", t("print-byline", { author: meta.author, source: meta.source, published: formatDate(meta.published) })));
  }
  head.append(el("h2", undefined, t(what === "notes" ? "print-notes-title" : "print-your-notes")));
  return head;
}

/** Core's HTML for each note, by key; a note core refuses is left out (shown as its text). */
async function renderAll(entries) {
  const html = new Map();
  if (!entries.length) return html;
  try {
    const out = await api.renderNotes(entries.map(([, md]) => md));
    entries.forEach(([key], i) => html.set(key, out[i]));
  } catch {
    // One refused note must not stop the print: every note is then printed as its text.
  }
  return html;
}

/** The highlights, by section, into `box`. */
function appendHighlights(box, { article, shown, html, numbers }) {
  const titles = sectionTitles(article);
  for (const [section, group] of bySection(shown)) {
    const title = section === null ? t("panel-orphan") : titles.get(section);
    if (title) box.append(el("h3", undefined, title));
    const list = el("ol", "print-list");
    list.append(...group.map((a) => printedHighlight(a, html.get(a.id), article.meta.language, numbers.get(a.id))));
    box.append(list);
  }
}

/**
 * Fills the print view for `what`. "article": the article copied with its highlights marked
 * into #print-article, and after it the highlights that have a note or tags, numbered as in the
 * copy (nothing at all when none has). "notes": every highlight by section, then the free notes.
 * Notes are core's sanitised HTML.
 */
async function buildView({ article, highlights, notes, what }) {
  const all = ordered(highlights.list());
  const shown = what === "notes" ? all : all.filter((a) => a.note || a.tags.length);
  const numbers = new Map(what === "article" ? shown.filter((a) => a.position).map((a, n) => [a.id, n + 1]) : []);
  const free = what === "notes" ? notes.entries().filter((n) => n.markdown.trim()) : [];
  const html = await renderAll([...shown.filter((a) => a.note).map((a) => [a.id, a.note]), ...free.map((n, i) => [`free-${i}`, n.markdown])]);
  if (what === "article") {
    await loadFigures();
    $("print-article").replaceChildren(printedArticle(article, all, numbers));
  } else {
    $("print-article").replaceChildren();
  }
  const box = $("print-notes");
  box.replaceChildren();
  if (what === "article" && !shown.length) return;
  box.append(header(article.meta, what));
  if (!shown.length && !free.length) box.append(el("p", "print-empty", t("print-nothing")));
  appendHighlights(box, { article, shown, html, numbers });
  if (free.length) box.append(el("h2", undefined, t("print-free-notes")));
  free.forEach((n, i) => box.append(el("h3", undefined, n.title), noteBox(n.markdown, html.get(`free-${i}`))));
}

export function initPrint({ article, highlights, notes }) {
  const dialog = $("print-dialog");
  let busy = false;
  dialog.querySelector("[data-close]").addEventListener("click", () => dialog.close());
  closeOnBackdrop(dialog);
  dialog.addEventListener("submit", async (event) => {
    event.preventDefault();
    const what = new FormData(event.target).get("print-what");
    dialog.close();
    busy = true;
    try {
      await buildView({ article, highlights, notes, what });
      document.documentElement.dataset.print = what;
      await api.print();
    } catch (error) {
      showToast(t("toast-print-failed", { error: errorMessage(error) }));
    } finally {
      busy = false;
    }
  });
  function open() {
    // A print being prepared (figures loading) is not started twice.
    if (busy) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector("input:checked").focus();
  }
  return { open, isOpen: () => dialog.open };
}
