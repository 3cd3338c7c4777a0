// Global keyboard shortcuts (see shortcuts.js for the list the user sees).

const LINE = 60;

function isTyping(target) {
  return target.closest && target.closest("input, textarea, select, [contenteditable=true]");
}

export function initKeys({ prefs, toc, viewer, dialogs, highlights, panel, bookmarks, menu, find }) {
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || viewer.isOpen() || dialogs.anyOpen() || menu.isOpen()) return;
    // Ctrl+P (Cmd+P) prints, with Margin's choice of what first; also from a text field, where
    // the engine's own Ctrl+P does nothing.
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === "p") {
      event.preventDefault();
      dialogs.openPrint();
      return;
    }
    // Ctrl+F (Cmd+F) finds in the article, from a text field too.
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === "f") {
      event.preventDefault();
      find.open();
      return;
    }
    if (isTyping(event.target)) return;
    // Ctrl+Z (Cmd+Z) undoes the last delete of a highlight.
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z") {
      event.preventDefault();
      highlights.undo();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
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
      Escape: () => {
        if (highlights.editorOpen()) highlights.closeEditor();
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
