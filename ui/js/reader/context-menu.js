// Margin's own context menu in place of the web view's (Back, Reload, Inspect Element): on a
// selection the highlight colours, Note, Copy and Copy with citation; on a highlight its actions;
// elsewhere none at all. Text fields keep the system's menu (cut, copy, paste). It opens from the
// mouse and from the keyboard (the Menu key, Shift+F10), moves with the arrow keys, and gives
// focus back where it was when it closes.

import { button, el } from "../shared/dom.js";
import { t } from "../shared/i18n.js";
import { colourName, colours, meaning } from "./highlights/colours.js";
import { copyText as copy } from "./highlights/selection-bar.js";

let menu = null;
let opener = null;
let highlights = null;
let article = null;
/** Set by the Menu key or Shift+F10 just before the contextmenu event they cause. */
let fromKeyboard = false;

const editable = (el) => el.closest && el.closest("input, textarea, select, [contenteditable=true]");

/** "“quote” — Author, *Title*, Source, year": the article's own metadata, so any article cites. */
export function citation(quote, meta) {
  return t("citation", { quote, author: meta.author, title: meta.title, source: meta.source, year: meta.published.slice(0, 4) });
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

/** What the menu offers for the selection `offsets` (taken when it opened: focus on the menu may
 *  clear the page's selection). */
function selectionItems(offsets) {
  const items = colours().map((c) => {
    const b = item(t("menu-highlight", { colour: colourName(c.name), meaning: meaning(c.name) }), () => highlights.highlightSelection(c.name, null, offsets));
    const swatch = el("span", `swatch hl-${c.name}`);
    swatch.setAttribute("aria-hidden", "true");
    b.prepend(swatch);
    return b;
  });
  return [...items,
    item(t("menu-note"), () => highlights.highlightSelection(undefined, "note", offsets)),
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
  const selected = String(window.getSelection());
  // Text selected outside the article (the panel, say): Copy is all there is to do with it.
  if (selected && !document.getElementById("article").contains(target)) return [item(t("menu-copy"), () => copy(selected))];
  const id = document.getElementById("article").contains(target) ? highlights.at(x, y) : null;
  return id ? highlightItems(highlights.get(id)) : null;
}

/** Where a menu opened from the keyboard goes: under the selection, or by the focused element. */
function keyboardPoint() {
  const sel = window.getSelection();
  const rect = sel.rangeCount && !sel.isCollapsed ? sel.getRangeAt(0).getBoundingClientRect() : document.activeElement.getBoundingClientRect();
  return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
}

function open(event) {
  if (editable(event.target)) return; // the system's menu: cut, copy, paste
  event.preventDefault();
  close({ restoreFocus: false });
  // A modal dialog (help, About, the viewer, settings) is open: nothing of the page behind it.
  if (document.querySelector("dialog[open]")) return;
  const { x, y } = fromKeyboard ? keyboardPoint() : { x: event.clientX, y: event.clientY };
  fromKeyboard = false;
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
  document.addEventListener("keydown", (event) => {
    fromKeyboard = event.key === "ContextMenu" || (event.shiftKey && event.key === "F10");
  }, true);
  document.addEventListener("contextmenu", open);
  menu.addEventListener("keydown", onKey);
  // Pressing an item must not take the page's selection away before the click.
  menu.addEventListener("mousedown", (event) => event.preventDefault());
  document.addEventListener("mousedown", (event) => { if (!menu.contains(event.target)) close({ restoreFocus: false }); });
  window.addEventListener("scroll", () => close(), { passive: true });
  window.addEventListener("blur", () => close());
  return { close, isOpen: () => !menu.hidden };
}
