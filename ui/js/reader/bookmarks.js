// Bookmarks: the current section (b, or the button) or the exact reading position, each with an
// optional label; listed in the panel, marked in the table of contents, one click to jump back.

import { api, errorMessage } from "./api.js";
import { currentPosition, topInset } from "./reader.js";
import { showToast } from "./toast.js";

export function initBookmarks({ article, toc }) {
  const articleId = article.meta.id;
  const list = document.getElementById("bm-list");
  const sectionTitle = new Map(article.sections.map((s) => [s.id, s.title]));
  let bookmarks = [];

  function sectionOfPosition() {
    const pos = currentPosition(article);
    const block = article.blocks.find((b) => b.id === pos.block_id);
    return { pos, section: block.section };
  }

  function jump(b) {
    const el = document.getElementById(b.block_id);
    if (!el) return;
    let y = window.scrollY + el.getBoundingClientRect().top - topInset() - 8;
    if (b.kind === "position") {
      const block = article.blocks.find((x) => x.id === b.block_id);
      const fraction = (b.text_offset - block.start) / Math.max(1, block.end - block.start);
      y += fraction * el.getBoundingClientRect().height;
    }
    window.scrollTo({ top: Math.max(0, y), behavior: "instant" });
  }

  function render() {
    const marked = new Set(bookmarks.map((b) => b.section_id));
    toc.markBookmarks(marked);
    list.replaceChildren();
    if (!bookmarks.length) {
      const li = document.createElement("li");
      li.className = "empty";
      li.textContent = "No bookmarks yet. Press B to bookmark the section you are reading.";
      list.append(li);
    }
    for (const b of bookmarks) {
      const li = document.createElement("li");
      li.className = "bm-item";
      li.dataset.id = b.id;
      const go = document.createElement("button");
      go.type = "button";
      go.className = "bm-jump";
      const title = document.createElement("span");
      title.className = "bm-title";
      title.textContent = b.label || sectionTitle.get(b.section_id) || b.section_id;
      const kind = document.createElement("span");
      kind.className = "bm-kind";
      kind.textContent = b.kind === "section" ? `Section · ${sectionTitle.get(b.section_id)}` : `Position in ${sectionTitle.get(b.section_id)}`;
      go.append(title, kind);
      go.addEventListener("click", () => jump(b));
      const label = document.createElement("input");
      label.className = "bm-label";
      label.placeholder = "Label (optional)";
      label.value = b.label;
      label.maxLength = 200;
      label.setAttribute("aria-label", "Bookmark label");
      label.addEventListener("change", async () => {
        try {
          await api.renameBookmark(b.id, label.value);
          await load();
        } catch (error) {
          showToast(errorMessage(error));
        }
      });
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "link-button";
      remove.textContent = "Remove";
      remove.addEventListener("click", () => removeBookmark(b.id));
      li.append(go, label, remove);
      list.append(li);
    }
    document.documentElement.dataset.bookmarks = String(bookmarks.length);
  }

  function show(list) {
    bookmarks = list;
    render();
  }

  async function load() {
    show(await api.listBookmarks(articleId));
  }

  async function removeBookmark(id) {
    try {
      await api.deleteBookmark(id);
      await load();
    } catch (error) {
      showToast(errorMessage(error));
    }
  }

  /** b: bookmarks the section being read, or removes its bookmark if it has one. */
  async function toggleSection() {
    const { pos, section } = sectionOfPosition();
    const existing = bookmarks.find((b) => b.kind === "section" && b.section_id === section);
    try {
      if (existing) {
        await api.deleteBookmark(existing.id);
        showToast(`Bookmark removed: ${sectionTitle.get(section)}`, 2500);
      } else {
        await api.createBookmark(articleId, { kind: "section", block_id: pos.block_id, text_offset: null, label: "" });
        showToast(`Bookmarked: ${sectionTitle.get(section)}`, 2500);
      }
      await load();
    } catch (error) {
      showToast(`Could not bookmark: ${errorMessage(error)}`);
    }
  }

  async function addPosition() {
    const { pos } = sectionOfPosition();
    try {
      await api.createBookmark(articleId, { kind: "position", block_id: pos.block_id, text_offset: pos.text_offset, label: "" });
      showToast("Bookmarked this place.", 2500);
      await load();
    } catch (error) {
      showToast(`Could not bookmark: ${errorMessage(error)}`);
    }
  }

  document.getElementById("bm-add-section").addEventListener("click", toggleSection);
  document.getElementById("bm-add-position").addEventListener("click", addPosition);
  document.getElementById("bookmark-button").addEventListener("click", toggleSection);
  return { show, load, toggleSection, addPosition };
}
