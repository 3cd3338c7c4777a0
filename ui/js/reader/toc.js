// The table of contents: jumps on click, marks the section being read and the bookmarked ones.

import { el } from "../shared/dom.js";
import { translate } from "../shared/i18n.js";
import { scrollToBlock, topInset } from "./reader.js";
import { markLanguage, sectionTitle } from "./sections.js";

const NARROW = window.matchMedia("(max-width: 1099px)");

let article = null;
let sections = [];
const links = new Map();

const sectionTarget = (section) => document.getElementById(section.target);

function jumpTo(id) {
  const section = sections.find((s) => s.id === id);
  const target = section && scrollToBlock(section.target);
  if (target) target.focus({ preventScroll: true });
}

/** The section whose heading is the last one above the top third of the window, or, at the
 *  end of the page (where the last sections cannot scroll that high), the last one in view. */
function currentSectionIndex() {
  const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
  const line = atEnd ? window.innerHeight : topInset() + window.innerHeight / 3;
  let index = 0;
  sections.forEach((section, i) => {
    const target = sectionTarget(section);
    if (target && target.getBoundingClientRect().top <= line) index = i;
  });
  return index;
}

/** The section being read: the one definition the TOC's mark, `b`, the bookmark button and the
 *  bookmarks tab share. */
const currentSection = () => sections[currentSectionIndex()];
const currentListeners = new Set();
let marked = null;

function markCurrent() {
  const current = currentSection();
  for (const [id, a] of links) {
    if (id === current.id) a.setAttribute("aria-current", "location");
    else a.removeAttribute("aria-current");
  }
  if (current !== marked) {
    marked = current;
    currentListeners.forEach((fn) => fn(current));
  }
  return current;
}

function step(delta) {
  const i = Math.min(sections.length - 1, Math.max(0, currentSectionIndex() + delta));
  jumpTo(sections[i].id);
}

/** What had focus before the drawer (narrow windows) opened: it gets it back on closing. */
let opener = null;

function setOpen(open) {
  const nav = document.getElementById("toc");
  const wasOpen = nav.classList.contains("open");
  nav.classList.toggle("open", open);
  document.getElementById("toc-toggle").setAttribute("aria-expanded", String(open));
  if (open && !wasOpen) opener = document.activeElement;
  if (open) (links.get(sections[currentSectionIndex()].id) || nav).focus();
  // Closed by Esc or the toggle with focus still inside: back to where it was. (A jump moves
  // focus to the section's heading instead.)
  else if (wasOpen && nav.contains(document.activeElement) && opener && opener.isConnected) opener.focus();
}

function toggleOpen() {
  if (NARROW.matches) setOpen(!document.getElementById("toc").classList.contains("open"));
  else document.body.classList.toggle("toc-hidden");
}

/** Shows a bookmark mark beside the sections in `ids`. */
function markBookmarks(ids) {
  for (const [id, a] of links) {
    const mark = a.querySelector(".toc-bookmark");
    if (ids.has(id) && !mark) {
      const m = el("span", "toc-bookmark");
      m.setAttribute("role", "img");
      a.append(translate(m, "toc-bookmarked"));
    } else if (!ids.has(id) && mark) {
      mark.remove();
    }
  }
}

function link(section) {
  const a = markLanguage(el("a", undefined, sectionTitle(section)), section, article);
  a.href = `#${section.target}`;
  a.dataset.section = section.id;
  a.addEventListener("click", (event) => {
    event.preventDefault();
    jumpTo(section.id);
    if (NARROW.matches) setOpen(false);
  });
  links.set(section.id, a);
  const li = el("li");
  li.append(a);
  return li;
}

export function initToc(theArticle) {
  article = theArticle;
  sections = article.sections;
  document.getElementById("toc-list").append(...sections.map(link));
  document.getElementById("toc-toggle").addEventListener("click", toggleOpen);
  NARROW.addEventListener("change", () => setOpen(false));
  return {
    markCurrent,
    markBookmarks,
    jumpTo,
    step,
    currentSection,
    /** The section marked last (no layout read), or null before the first mark. */
    markedSection: () => marked,
    /** `fn(section)` runs whenever the section being read changes. */
    onCurrentChange: (fn) => currentListeners.add(fn),
    toggle: toggleOpen,
    close: () => setOpen(false),
  };
}
