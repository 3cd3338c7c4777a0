// Global keyboard shortcuts (see shortcuts.js for the list the user sees).

const LINE = 60;

function isTyping(target) {
  return target.closest && target.closest("input, textarea, select, [contenteditable=true]");
}

export function initKeys({ prefs, toc, viewer, dialogs }) {
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (isTyping(event.target) || viewer.isOpen() || dialogs.anyOpen()) return;
    const actions = {
      j: () => window.scrollBy({ top: LINE, behavior: "instant" }),
      k: () => window.scrollBy({ top: -LINE, behavior: "instant" }),
      n: () => toc.step(1),
      p: () => toc.step(-1),
      t: () => toc.toggle(),
      d: () => prefs.cycleTheme(),
      "+": () => prefs.changeFont(1),
      "=": () => prefs.changeFont(1),
      "-": () => prefs.changeFont(-1),
      "?": () => dialogs.openHelp(),
      i: () => dialogs.openAbout(),
      Escape: () => toc.close(),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
}
