// Printing (Ctrl+P): the article with the user's highlights and, after it, their notes; or a
// print view of the notes alone. A small dialog asks which; then the system's print dialog
// prints the page through Tauri's webview print (window.print() does nothing in WebKitGTK's
// webview). What prints is decided by the print stylesheet (app.css, @media print) and by
// `data-print` on the root; the notes are built into #print-notes, which only print shows, so
// the article's own DOM is never touched.

import { api, errorMessage } from "../shared/api.js";
import { el } from "../shared/dom.js";
import { formatDate } from "../shared/format.js";
import { t } from "../shared/i18n.js";
import { showHtml } from "../shared/markdown-view.js";
import { showToast } from "../shared/toast.js";
import { meaning } from "./highlights/colours.js";
import { loadFigures, printedArticle } from "./print-article.js";
import { sectionTitles } from "./sections.js";

const $ = (id) => document.getElementById(id);

/**
 * One highlight as printed: its number in the text (if it has one), its colour's meaning and
 * date, the quote, the rendered note and the tags.
 */
function printedHighlight(a, noteHtml, lang, number) {
  const li = el("li", `print-item hl-${a.colour}`);
  const quote = el("blockquote", "print-quote", a.quote.exact);
  quote.lang = lang;
  const meta = el("p", "print-meta", [meaning(a.colour), formatDate(a.created_at.slice(0, 10))].join(" · "));
  if (number) meta.prepend(el("span", "print-n", String(number)));
  li.append(meta, quote);
  if (a.note) {
    const note = el("div", "print-note");
    showHtml(note, noteHtml);
    li.append(note);
  }
  if (a.tags.length) li.append(el("p", "print-tags", a.tags.map((tag) => `#${tag}`).join(" ")));
  return li;
}

/** The highlights to print, in the order of the text, placed ones first then those not found. */
function ordered(list) {
  const placed = list.filter((a) => a.position).sort((x, y) => x.position.start - y.position.start || x.position.end - y.position.end);
  return [...placed, ...list.filter((a) => !a.position)];
}

/** Groups highlights under their section's title (orphans under their own heading). */
function bySection(list, titles) {
  const groups = new Map();
  for (const a of list) {
    const title = a.position ? titles.get(a.section_id) || "" : t("panel-orphan");
    if (!groups.has(title)) groups.set(title, []);
    groups.get(title).push(a);
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

/**
 * Fills #print-notes for `what` ("article": the highlights that have a note or tags, numbered as
 * in the marked copy of the article put in #print-article; "notes": every highlight, then the
 * free notes). Notes are core's sanitised HTML.
 */
async function buildView({ article, highlights, notes, what }) {
  const all = ordered(highlights.list());
  const shown = what === "notes" ? all : all.filter((a) => a.note || a.tags.length);
  const numbers = new Map(what === "article" ? shown.map((a, n) => [a.id, n + 1]) : []);
  if (what === "article") {
    await loadFigures();
    $("print-article").replaceChildren(printedArticle(article, all, numbers));
  } else {
    $("print-article").replaceChildren();
  }
  const free = what === "notes" ? notes.entries().filter((n) => n.markdown.trim()) : [];
  const markdown = [...shown.map((a) => a.note), ...free.map((n) => n.markdown)];
  const html = markdown.length ? await api.renderNotes(markdown) : [];
  const lang = article.meta.language;
  const box = $("print-notes");
  box.replaceChildren(header(article.meta, what));
  if (!shown.length && !free.length) box.append(el("p", "print-empty", t("print-nothing")));
  let i = 0;
  for (const [title, group] of bySection(shown, sectionTitles(article))) {
    if (title) box.append(el("h3", undefined, title));
    const list = el("ol", "print-list");
    list.append(...group.map((a) => printedHighlight(a, html[i++], lang, numbers.get(a.id))));
    box.append(list);
  }
  if (free.length) box.append(el("h2", undefined, t("print-free-notes")));
  for (const n of free) {
    const note = el("div", "print-note");
    showHtml(note, html[i++]);
    box.append(el("h3", undefined, n.title), note);
  }
}

export function initPrint({ article, highlights, notes }) {
  const dialog = $("print-dialog");
  dialog.querySelector("[data-close]").addEventListener("click", () => dialog.close());
  dialog.addEventListener("submit", async (event) => {
    event.preventDefault();
    const what = new FormData(event.target).get("print-what");
    dialog.close();
    try {
      await buildView({ article, highlights, notes, what });
      document.documentElement.dataset.print = what;
      await api.print();
    } catch (error) {
      showToast(t("toast-print-failed", { error: errorMessage(error) }));
    }
  });
  function open() {
    if (!dialog.open) dialog.showModal();
    dialog.querySelector("input:checked").focus();
  }
  return { open, isOpen: () => dialog.open };
}
