// Bookmarks: the current section (b, or the button) or the exact reading position, each with an
// optional label; listed in the panel, marked in the table of contents, one click to jump back.

import { api, errorMessage } from "../shared/api.js";
import { button, el } from "../shared/dom.js";
import { t, translate } from "../shared/i18n.js";
import { showToast } from "../shared/toast.js";
import { currentPosition, scrollToBlock } from "./reader.js";
import { sectionTitles } from "./sections.js";

let article = null;
let toc = null;
let titles = new Map();
let bookmarks = [];

function jump(b) {
  let fraction = 0;
  if (b.kind === "position") {
    const block = article.blocks.find((x) => x.id === b.block_id);
    fraction = (b.text_offset - block.start) / Math.max(1, block.end - block.start);
  }
  scrollToBlock(b.block_id, { fraction });
}

async function rename(b, input) {
  try {
    await api.renameBookmark(b.id, input.value);
    await load();
  } catch (error) {
    showToast(errorMessage(error));
  }
}

function item(b) {
  const li = el("li", "bm-item");
  li.dataset.id = b.id;
  const go = button("bm-jump");
  const section = titles.get(b.section_id) || b.section_id;
  const kind = b.kind === "section" ? "bm-kind-section" : "bm-kind-position";
  go.append(el("span", "bm-title", b.label || section), el("span", "bm-kind", t(kind, { section })));
  go.addEventListener("click", () => jump(b));
  const label = translate(el("input", "bm-label"), "bm-label");
  label.value = b.label;
  label.maxLength = 200;
  label.addEventListener("change", () => rename(b, label));
  const remove = translate(button("link-button"), "bm-remove");
  remove.addEventListener("click", () => removeBookmark(b.id));
  li.append(go, label, remove);
  return li;
}

function render() {
  toc.markBookmarks(new Set(bookmarks.map((b) => b.section_id)));
  const list = document.getElementById("bm-list");
  list.replaceChildren(...bookmarks.map(item));
  if (!bookmarks.length) list.append(translate(el("li", "empty"), "bm-empty"));
  document.documentElement.dataset.bookmarks = String(bookmarks.length);
  refreshButton();
}

function show(list) {
  bookmarks = list;
  render();
}

async function load() {
  show(await api.listBookmarks(article.meta.id));
}

async function removeBookmark(id) {
  try {
    await api.deleteBookmark(id);
    await load();
  } catch (error) {
    showToast(errorMessage(error));
  }
}

/** Creates a bookmark of `kind` at the reading position and says so. */
async function add(kind, pos, message) {
  const textOffset = kind === "position" ? pos.text_offset : null;
  await api.createBookmark(article.meta.id, { kind, block_id: pos.block_id, text_offset: textOffset, label: "" });
  showToast(message, 2500);
}

/** b: bookmarks the section being read (the one the TOC marks), or removes its bookmark. */
async function toggleSection() {
  const section = toc.currentSection();
  const existing = sectionBookmark(section.id);
  const title = titles.get(section.id);
  try {
    if (existing) {
      await api.deleteBookmark(existing.id);
      showToast(t("toast-bookmark-removed", { section: title }), 2500);
    } else {
      await add("section", { block_id: section.target, text_offset: null }, t("toast-bookmarked-section", { section: title }));
    }
    await load();
  } catch (error) {
    showToast(t("toast-bookmark-failed", { error: errorMessage(error) }));
  }
}

const sectionBookmark = (id) => bookmarks.find((b) => b.kind === "section" && b.section_id === id);

/** The toolbar's bookmark button says whether the section being read is bookmarked, and what a
 *  press will do. */
function refreshButton() {
  const button = document.getElementById("bookmark-button");
  // The section the TOC marked last: reading the layout here, while the reader is being
  // painted at start, would lay the page out an extra time. The first mark calls this again.
  const section = toc.markedSection();
  if (!section) return;
  const on = !!sectionBookmark(section.id);
  button.setAttribute("aria-pressed", String(on));
  translate(button, on ? "toolbar-unbookmark" : "toolbar-bookmark");
  translate(button.querySelector(".visually-hidden"), on ? "toolbar-unbookmark-label" : "toolbar-bookmark-label");
}

async function addPosition() {
  try {
    await add("position", currentPosition(article), t("toast-bookmarked-place"));
    await load();
  } catch (error) {
    showToast(t("toast-bookmark-failed", { error: errorMessage(error) }));
  }
}

export function initBookmarks(options) {
  ({ article, toc } = options);
  titles = sectionTitles(article);
  document.getElementById("bm-add-section").addEventListener("click", toggleSection);
  document.getElementById("bm-add-position").addEventListener("click", addPosition);
  document.getElementById("bookmark-button").addEventListener("click", toggleSection);
  toc.onCurrentChange(refreshButton);
  return { show, load, toggleSection, addPosition };
}
