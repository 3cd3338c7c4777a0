// The table of contents: jumps on click, marks the section being read.

import { topInset } from "./reader.js";

const NARROW = window.matchMedia("(max-width: 1099px)");

export function initToc(article) {
  const list = document.getElementById("toc-list");
  const nav = document.getElementById("toc");
  const toggle = document.getElementById("toc-toggle");
  const links = new Map();

  for (const section of article.sections) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = `#${section.target}`;
    a.textContent = section.title;
    a.dataset.section = section.id;
    a.addEventListener("click", (event) => {
      event.preventDefault();
      jumpTo(section.id);
      if (NARROW.matches) setOpen(false);
    });
    li.append(a);
    list.append(li);
    links.set(section.id, a);
  }

  function sectionTarget(id) {
    const section = article.sections.find((s) => s.id === id);
    return section && document.getElementById(section.target);
  }

  function jumpTo(id) {
    const target = sectionTarget(id);
    if (!target) return;
    const y = window.scrollY + target.getBoundingClientRect().top - topInset() - 8;
    window.scrollTo({ top: Math.max(0, y), behavior: "instant" });
    target.focus({ preventScroll: true });
  }

  /** The section whose heading is the last one above the top third of the window, or, at the
   *  end of the page (where the last sections cannot scroll that high), the last one in view. */
  function currentSectionIndex() {
    const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    const line = atEnd ? window.innerHeight : topInset() + window.innerHeight / 3;
    let index = 0;
    article.sections.forEach((section, i) => {
      const target = sectionTarget(section.id);
      if (target && target.getBoundingClientRect().top <= line) index = i;
    });
    return index;
  }

  function markCurrent() {
    const current = article.sections[currentSectionIndex()];
    for (const [id, a] of links) {
      if (id === current.id) a.setAttribute("aria-current", "location");
      else a.removeAttribute("aria-current");
    }
  }

  function step(delta) {
    const i = Math.min(article.sections.length - 1, Math.max(0, currentSectionIndex() + delta));
    jumpTo(article.sections[i].id);
  }

  function setOpen(open) {
    nav.classList.toggle("open", open);
    toggle.setAttribute("aria-expanded", String(open));
    if (open) (links.get(article.sections[currentSectionIndex()].id) || nav).focus();
  }

  function toggleOpen() {
    if (NARROW.matches) setOpen(!nav.classList.contains("open"));
    else document.body.classList.toggle("toc-hidden");
  }

  /** Shows a bookmark mark beside the sections in `ids`. */
  function markBookmarks(ids) {
    for (const [id, a] of links) {
      const mark = a.querySelector(".toc-bookmark");
      if (ids.has(id) && !mark) {
        const m = document.createElement("span");
        m.className = "toc-bookmark";
        m.setAttribute("role", "img");
        m.setAttribute("aria-label", "bookmarked");
        m.title = "Bookmarked";
        a.append(m);
      } else if (!ids.has(id) && mark) {
        mark.remove();
      }
    }
  }

  toggle.addEventListener("click", toggleOpen);
  NARROW.addEventListener("change", () => setOpen(false));
  return { markCurrent, markBookmarks, jumpTo, step, toggle: toggleOpen, close: () => setOpen(false) };
}
