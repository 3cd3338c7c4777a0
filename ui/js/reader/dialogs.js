// The help (keyboard shortcuts) and About dialogs. Built with DOM calls and textContent only.

import { api } from "./api.js";
import { formatDate } from "./format.js";
import { SHORTCUTS } from "./shortcuts.js";

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function fillHelp() {
  const body = document.getElementById("help-shortcuts");
  for (const { keys, action } of SHORTCUTS) {
    const row = el("tr");
    const cell = el("td");
    keys.forEach((k, i) => {
      if (i) cell.append(" ");
      cell.append(el("kbd", k));
    });
    row.append(cell, el("td", action));
    body.append(row);
  }
}

function fillAbout(article, info) {
  const m = article.meta;
  const body = document.getElementById("about-body");
  const list = el("dl", undefined, "about-list");
  const add = (term, value, lang) => {
    const dd = el("dd", value);
    if (lang) dd.lang = lang;
    list.append(el("dt", term), dd);
  };
  add("Article", m.title);
  add("Author", m.author);
  add("Published", formatDate(m.published));
  add("Updated", formatDate(m.updated));
  add("Source", m.source);
  if (m.byline) add("Original byline", m.byline, m.byline_language);
  body.append(el("h3", "The article"), list);
  body.append(el("h3", "Maps and figures"));
  body.append(el("p", "The original article’s pictures were not available. Margin draws its maps from Natural Earth data — “Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.” (public domain) — and its chart from the numbers the article gives. Lines of troop movements are approximate."));
  body.append(el("h3", "Margin"));
  body.append(el("p", `Margin ${info.version} — an offline reader for learning from an article. It never connects to the network.`));
  const where = el("p", "Your data is kept in ");
  where.append(el("code", info.database), ".");
  body.append(where);
}

export function initDialogs(article) {
  const help = document.getElementById("help");
  const about = document.getElementById("about");
  fillHelp();
  let aboutFilled = false;

  for (const dialog of [help, about]) {
    dialog.querySelector("[data-close]").addEventListener("click", () => dialog.close());
  }

  async function openAbout() {
    if (!aboutFilled) {
      fillAbout(article, await api.getAppInfo());
      aboutFilled = true;
    }
    if (!about.open) about.showModal();
  }

  function openHelp() {
    if (!help.open) help.showModal();
  }

  document.getElementById("help-button").addEventListener("click", openHelp);
  document.getElementById("about-button").addEventListener("click", openAbout);
  return { openHelp, openAbout, anyOpen: () => help.open || about.open };
}
