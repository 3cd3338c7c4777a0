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

async function start() {
  const [article, preferences, colours] = await Promise.all([
    api.getArticle(), api.getPreferences(), api.getColours(),
  ]);
  const articleId = article.meta.id;
  const positionLoaded = api.getReadingPosition(articleId);
  const prefs = initPreferences(preferences);
  renderArticle(article);
  const toc = initToc(article);
  const textMap = createTextMap(article);
  const highlights = initHighlights({ article, textMap, colours, prefs });
  const sidebar = initSidebar({ article, highlights });
  const bookmarks = initBookmarks({ article, toc });
  const notes = initNotes({ article });
  await Promise.all([highlights.load(), bookmarks.load(), notes.load()]);

  const viewer = initViewer();
  const dialogs = initDialogs(article);
  initKeys({ prefs, toc, viewer, dialogs, highlights, sidebar, bookmarks });

  restorePosition(article, await positionLoaded);
  trackPosition(article, toc);
  document.documentElement.dataset.ready = "true";
  // Once a frame with all of it has been rendered: the startup marker (MARGIN_TRACE_STARTUP).
  requestAnimationFrame(() => requestAnimationFrame(() => api.startupReady(performance.now())));
}

start().catch((error) => {
  console.error("Margin could not start:", errorMessage(error));
  showToast(`Margin could not open the article: ${errorMessage(error)}`);
});
