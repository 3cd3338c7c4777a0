// Starts the reader: loads the article and preferences, paints, restores the reading position,
// then wires the table of contents, figures, dialogs and keys.

import { api, errorMessage } from "./api.js";
import { initPreferences } from "./prefs.js";
import { renderArticle, restorePosition, trackPosition } from "./reader.js";
import { initToc } from "./toc.js";
import { initViewer } from "./viewer.js";
import { initDialogs } from "./dialogs.js";
import { initKeys } from "./keys.js";
import { showToast } from "./toast.js";

async function start() {
  const [article, preferences] = await Promise.all([api.getArticle(), api.getPreferences()]);
  const prefs = initPreferences(preferences);
  renderArticle(article);
  const toc = initToc(article);
  const viewer = initViewer();
  const dialogs = initDialogs(article);
  initKeys({ prefs, toc, viewer, dialogs });

  const position = await api.getReadingPosition(article.meta.id);
  restorePosition(article, position);
  trackPosition(article, toc);
  document.documentElement.dataset.ready = "true";
}

start().catch((error) => {
  console.error("Margin could not start:", errorMessage(error));
  showToast(`Margin could not open the article: ${errorMessage(error)}`);
});
