// Global keyboard shortcuts (see shortcuts.js for the list the user sees).

import { api } from "../shared/api.js";
import { t } from "../shared/i18n.js";
import { showToast } from "../shared/toast.js";

const LINE = 60;

function isTyping(target) {
  return target.closest && target.closest("input, textarea, select, [contenteditable=true]");
}

/** Ctrl (Cmd) chords that work from a text field too: Ctrl+P prints (with Margin's choice of
 *  what first; the engine's own does nothing), Ctrl+F finds in the article, Ctrl+K and
 *  Ctrl+Shift+F search everything. True when the event was one of them. */
function textFieldChord(event, { dialogs, find, search }) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return false;
  const key = event.key.toLowerCase();
  const action = event.shiftKey
    ? { f: search.open }[key]
    : { p: dialogs.openPrint, f: find.open, k: search.open }[key];
  if (!action) return false;
  event.preventDefault();
  action();
  return true;
}

/** F7 turns the engine's caret browsing on and off, where it has one (WebKitGTK). */
function caretBrowsing() {
  let on = false;
  return async () => {
    const supported = await api.setCaretBrowsing(!on).catch(() => false);
    if (!supported) return showToast(t("toast-caret-unsupported"));
    on = !on;
    showToast(t(on ? "toast-caret-on" : "toast-caret-off"));
  };
}

export function initKeys({ prefs, toc, viewer, dialogs, highlights, panel, bookmarks, menu, find, search, cursor }) {
  const toggleCaret = caretBrowsing();
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || viewer.isOpen() || dialogs.anyOpen() || menu.isOpen() || search.isOpen()) return;
    if (textFieldChord(event, { dialogs, find, search })) return;
    if (isTyping(event.target)) return;
    // Ctrl+Z (Cmd+Z) undoes the last delete of a highlight.
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z") {
      event.preventDefault();
      highlights.undo();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (cursor.key(event)) return;
    const actions = {
      j: () => window.scrollBy({ top: LINE, behavior: "instant" }),
      k: () => window.scrollBy({ top: -LINE, behavior: "instant" }),
      // With matches of a find, n and N move between them; otherwise n is the next section.
      n: () => (find.hasHits() ? find.next() : toc.step(1)),
      N: () => find.previous(),
      p: () => toc.step(-1),
      "/": () => find.open(),
      t: () => toc.toggle(),
      d: () => prefs.cycleTheme(),
      "+": () => prefs.changeFont(1),
      "=": () => prefs.changeFont(1),
      "-": () => prefs.changeFont(-1),
      "?": () => dialogs.openHelp(),
      i: () => dialogs.openAbout(),
      h: () => (highlights.hasSelection() ? highlights.highlightSelection() : find.highlightCurrent()),
      a: () => panel.toggle({ focus: true }),
      b: () => bookmarks.toggleSection(),
      v: () => cursor.start(),
      F7: toggleCaret,
      Escape: () => {
        if (highlights.editorOpen()) highlights.closeEditor();
        else if (cursor.isActive()) cursor.drop();
        else if (find.isOpen()) find.close();
        else toc.close();
      },
    };
    const action = actions[event.key];
    if (!action) return;
    // h only means "highlight" with text selected or a find's current match; N only with
    // matches; otherwise leave the key alone.
    if (event.key === "h" && !highlights.hasSelection() && !find.hasHits()) return;
    if (event.key === "N" && !find.hasHits()) return;
    event.preventDefault();
    action();
  });
}
