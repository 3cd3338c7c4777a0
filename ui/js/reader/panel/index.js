// The side panel: tabs for highlights, bookmarks and notes, the colours' meanings, and export
// and import. Everything user-written is put in with textContent. Closing it gives focus back
// to what had it before it opened.

import { initTransfer } from "./transfer.js";
import { initHighlightList, refreshList, renderColourFilter } from "./highlight-list.js";
import { renderColourMeanings } from "./colour-meanings.js";

const $ = (id) => document.getElementById(id);
let listStale = true;
let opener = null;

const isOpen = () => !$("panel").hidden;
const currentTab = () => ($("panel").querySelector("[role=tab][aria-selected=true]") || { dataset: { tab: "highlights" } }).dataset.tab;

function setOpen(open) {
  const panel = $("panel");
  if (open && panel.hidden) opener = document.activeElement;
  const hadFocus = panel.contains(document.activeElement);
  document.body.classList.toggle("panel-open", open);
  $("panel-toggle").setAttribute("aria-expanded", String(open));
  panel.hidden = !open;
  if (open && listStale) {
    listStale = false;
    refreshList();
  }
  if (!open && hadFocus) (opener && opener.isConnected && opener !== document.body ? opener : $("panel-toggle")).focus();
}

/** Shows tab `name`; with `focus`, moves focus to its tab (opening the panel by key). */
function showTab(name, { focus = false } = {}) {
  setOpen(true);
  for (const tab of $("panel").querySelectorAll("[role=tab]")) {
    const on = tab.dataset.tab === name;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute("aria-controls")).hidden = !on;
    if (on && focus) tab.focus();
  }
}

const toggle = (options) => (isOpen() ? setOpen(false) : showTab(currentTab(), options));

export function initPanel({ article, highlights }) {
  initHighlightList(article, highlights);
  const renamed = (list) => {
    highlights.setColours(list);
    renderColourFilter();
  };
  renderColourMeanings(renamed);
  initTransfer(article, highlights);
  for (const tab of $("panel").querySelectorAll("[role=tab]")) tab.addEventListener("click", () => showTab(tab.dataset.tab));
  $("panel-toggle").addEventListener("click", () => toggle());
  $("panel-close").addEventListener("click", () => setOpen(false));
  highlights.onChange(() => {
    if (isOpen()) refreshList();
    else listStale = true;
  });
  return { showTab, setOpen, isOpen, toggle };
}
