// Margin's own context menu in place of the web view's (Back, Reload, Inspect Element): on a
// selection the highlight colours, Note, Copy and Copy with citation; on a highlight its actions;
// elsewhere none at all. Text fields keep the system's menu (cut, copy, paste). It opens from the
// mouse and from the keyboard (the Menu key, Shift+F10), moves with the arrow keys, and gives
// focus back where it was when it closes.

import { button } from "../shared/dom.js";
import { t } from "../shared/i18n.js";
import { showToast } from "../shared/toast.js";
import { colourName, colours, meaning } from "./highlights/colours.js";

let menu = null;
let opener = null;
let highlights = null;
let article = null;

const editable = (el) => el.closest && el.closest("input, textarea, select, [contenteditable=true]");

/** "“quote” — Author, *Title*, Source, year": the article's own metadata, so any article cites. */
export function citation(quote, meta) {
  return t("citation", { quote, author: meta.author, title: meta.title, source: meta.source, year: meta.published.slice(0, 4) });
}

function copy(text) {
  navigator.clipboard.writeText(text).then(() => showToast(t("toast-copied"), 1500), () => showToast(t("toast-copy-failed")));
}

function item(label, run, className = "") {
  const b = button(`menu-item ${className}`.trim(), label);
  b.setAttribute("role", "menuitem");
  b.tabIndex = -1;
  b.addEventListener("click", () => {
    close();
    run();
  });
  return b;
}

/** What the menu offers for the selection `offsets`. */
function selectionItems(offsets) {
  const items = colours().map((c) => {
    const b = item(t("menu-highlight", { colour: colourName(c.name), meaning: meaning(c.name) }), () => highlights.highlightSelection(c.name));
    b.prepend(button(`swatch hl-${c.name}`));
    b.firstChild.tabIndex = -1;
    b.firstChild.setAttribute("aria-hidden", "true");
    return b;
  });
  return [...items,
    item(t("menu-note"), () => highlights.highlightSelection(undefined, "note")),
    item(t("menu-copy"), () => copy(offsets.exact)),
    item(t("menu-copy-citation"), () => copy(citation(offsets.exact, article.meta)))];
}

/** What the menu offers for highlight `a`. */
function highlightItems(a) {
  return [
    item(t("menu-edit"), () => highlights.openEditor(a.id)),
    item(t("menu-copy"), () => copy(a.quote.exact)),
    item(t("menu-copy-citation"), () => copy(citation(a.quote.exact, article.meta))),
    item(t("menu-delete"), () => highlights.remove(a.id), "danger"),
  ];
}

function place(x, y) {
  menu.hidden = false;
  menu.style.left = `${Math.max(4, Math.min(x, window.innerWidth - menu.offsetWidth - 4))}px`;
  menu.style.top = `${Math.max(4, Math.min(y, window.innerHeight - menu.offsetHeight - 4))}px`;
}

/** The menu's items for a right click at (x, y) on `target`, or null for none. */
function itemsFor(target, x, y) {
  const offsets = highlights.selectionOffsets();
  if (offsets) return selectionItems(offsets);
  const id = document.getElementById("article").contains(target) ? highlights.at(x, y) : null;
  return id ? highlightItems(highlights.get(id)) : null;
}

function open(event) {
  if (editable(event.target)) return; // the system's menu: cut, copy, paste
  event.preventDefault();
  close({ restoreFocus: false });
  const keyboard = event.button !== 2 || (event.clientX === 0 && event.clientY === 0);
  const rect = keyboard ? (window.getSelection().rangeCount ? window.getSelection().getRangeAt(0).getBoundingClientRect() : null) : null;
  const x = rect ? rect.left : event.clientX;
  const y = rect ? rect.bottom + 4 : event.clientY;
  const items = itemsFor(event.target, x, y);
  if (!items) return;
  opener = document.activeElement === document.body ? document.getElementById("article") : document.activeElement;
  menu.replaceChildren(...items);
  place(x, y);
  // After the press that opened it has moved focus (to the article) by default.
  setTimeout(() => { if (!menu.hidden) items[0].focus({ preventScroll: true }); }, 0);
}

function close({ restoreFocus = true } = {}) {
  if (menu.hidden) return;
  const hadFocus = menu.contains(document.activeElement);
  menu.hidden = true;
  menu.replaceChildren();
  if (restoreFocus && hadFocus && opener && opener.isConnected) opener.focus({ preventScroll: true });
  opener = null;
}

function onKey(event) {
  const items = [...menu.querySelectorAll("[role=menuitem]")];
  const at = items.indexOf(document.activeElement);
  const moves = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
  if (event.key in moves) items[(moves[event.key] + items.length) % items.length].focus();
  else if (event.key === "Escape" || event.key === "Tab") close();
  else return;
  event.preventDefault();
  event.stopPropagation();
}

export function initContextMenu(options) {
  ({ highlights, article } = options);
  menu = document.getElementById("context-menu");
  document.addEventListener("contextmenu", open);
  menu.addEventListener("keydown", onKey);
  document.addEventListener("mousedown", (event) => { if (!menu.contains(event.target)) close({ restoreFocus: false }); });
  window.addEventListener("scroll", () => close({ restoreFocus: false }), { passive: true });
  window.addEventListener("blur", () => close({ restoreFocus: false }));
  return { close, isOpen: () => !menu.hidden };
}
