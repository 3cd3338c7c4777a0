// Starts the reader: loads the article, preferences and everything the user made, paints it all,
// restores the reading position, then wires the panels, dialogs and keys.

import { api, errorMessage } from "./api.js";
import { initPreferences } from "./prefs.js";
import { renderArticle, restorePosition, trackPosition } from "./reader.js";
import { initToc } from "./toc.js";
import { initViewer } from "./viewer.js";
import { initDialogs } from "./dialogs.js";
import { initKeys } from "./keys.js";
import { createTextMap } from "./textmap.js";
import { initHighlights } from "./highlights.js";
import { initSidebar } from "./sidebar.js";
import { initBookmarks } from "./bookmarks.js";
import { initNotes } from "./notes.js";
import { showToast } from "./toast.js";

// Startup marks, milliseconds after navigation, printed with the ready line (MARGIN_TRACE_STARTUP).
const marks = [["scripts", performance.now()]];

async function start() {
  const opening = await api.openReader();
  marks.push(["data", performance.now()]);
  const { article } = opening;
  // Everything is painted in this one task, highlights included, before the webview lays the
  // page out: the article is laid out and drawn once, not once bare and again with its marks.
  const prefs = initPreferences(opening.preferences);
  renderArticle(article);
  const toc = initToc(article);
  const textMap = createTextMap(article);
  const highlights = initHighlights({ article, textMap, colours: opening.colours, prefs });
  const sidebar = initSidebar({ article, highlights });
  const bookmarks = initBookmarks({ article, toc });
  const notes = initNotes({ article });
  highlights.show(opening.annotations);
  bookmarks.show(opening.bookmarks);
  notes.show(opening.notes);
  marks.push(["painted", performance.now()]);

  const viewer = initViewer();
  const dialogs = initDialogs(article);
  initKeys({ prefs, toc, viewer, dialogs, highlights, sidebar, bookmarks });

  restorePosition(article, opening.position);
  trackPosition(article, toc);
  marks.push(["laid out", performance.now()]);
  document.documentElement.dataset.ready = "true";
  // Once a frame with all of it has been rendered: the startup marker (MARGIN_TRACE_STARTUP).
  requestAnimationFrame(() => requestAnimationFrame(() => api.startupReady(performance.now(), marks)));
}

start().catch((error) => {
  console.error("Margin could not start:", errorMessage(error));
  showToast(`Margin could not open the article: ${errorMessage(error)}`);
});
