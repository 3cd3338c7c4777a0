// The help (keyboard shortcuts) and About dialogs. Built with DOM calls and textContent only.
// A modal <dialog> gives focus back to what had it when it closes.

import { api } from "../shared/api.js";
import { el } from "../shared/dom.js";
import { formatDate } from "../shared/format.js";
import { t } from "../shared/i18n.js";
import { isKeyName, SHORTCUTS } from "./shortcuts.js";

function fillHelp() {
  const body = document.getElementById("help-shortcuts");
  for (const { keys, l10nId } of SHORTCUTS) {
    const cell = el("td");
    keys.forEach((k, i) => {
      if (i) cell.append(" ");
      cell.append(el("kbd", undefined, isKeyName(k) ? t(k) : k));
    });
    const row = el("tr");
    row.append(cell, el("td", undefined, t(l10nId)));
    body.append(row);
  }
}

function articleFacts(m) {
  const list = el("dl", "about-list");
  const add = (term, value, lang) => {
    const dd = el("dd", undefined, value);
    if (lang) dd.lang = lang;
    list.append(el("dt", undefined, t(term)), dd);
  };
  add("about-article", m.title, m.language);
  add("about-author", m.author);
  add("about-published", formatDate(m.published));
  add("about-updated", formatDate(m.updated));
  add("about-source", m.source);
  if (m.byline) add("about-byline", m.byline, m.byline_language);
  return list;
}

function fillAbout(article, info) {
  const m = article.meta;
  const body = document.getElementById("about-body");
  body.append(el("h3", undefined, t("about-the-article")), articleFacts(m));
  if (m.figures_credit) {
    const credit = el("p", undefined, m.figures_credit);
    credit.lang = m.language;
    body.append(el("h3", undefined, t("about-figures")), credit);
  }
  body.append(el("h3", undefined, t("about-margin")));
  body.append(el("p", undefined, t("about-margin-text", { version: info.version })));
  const [before, after] = t("about-data-location", { path: "\u0000" }).split("\u0000");
  const where = el("p", undefined, before);
  where.append(el("code", undefined, info.database), after || "");
  body.append(where);
}

/** `settings` and `print` are the dialogs other modules own (reading settings, print): keys ask
 *  here whether any dialog is open, and `openPrint` opens the print one. */
export function initDialogs(article, settings, print) {
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
  return { openHelp, openAbout, openPrint: print.open, anyOpen: () => help.open || about.open || settings.isOpen() || print.isOpen() };
}
