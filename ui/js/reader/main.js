// Starts the reader: loads the article named in the page's URL (?article=<id>; the default one
// without), its preferences, catalogues and everything the user made, paints it all, restores
// the reading position, then wires the panels, dialogs and keys.

import { api, errorMessage } from "../shared/api.js";
import { hasCatalogues, localize, setCatalogues, t } from "../shared/i18n.js";
import { showToast, showToldAfterReload } from "../shared/toast.js";
import { initPreferences } from "./prefs.js";
import { renderArticle, restorePosition, trackPosition } from "./reader.js";
import { initToc } from "./toc.js";
import { initViewer } from "./viewer.js";
import { initDialogs } from "./dialogs.js";
import { initKeys } from "./keys.js";
import { initFind } from "./find.js";
import { initSearch } from "./search.js";
import { initCursor } from "./cursor.js";
import { createTextMap } from "./textmap.js";
import { initHighlights } from "./highlights/index.js";
import { initPanel } from "./panel/index.js";
import { initBookmarks } from "./bookmarks.js";
import { initNotes } from "./notes.js";
import { initContextMenu } from "./context-menu.js";
import { initSettings } from "./settings.js";

// Startup marks, milliseconds after navigation, printed with the ready line (MARGIN_TRACE_STARTUP).
const marks = [["scripts", performance.now()]];

/** Paints the article with everything the user made on it, in this one task. */
function paintAll(opening, beforeReload) {
  const { article } = opening;
  const prefs = initPreferences(opening.preferences, { beforeReload: () => beforeReload() });
  renderArticle(article);
  const toc = initToc(article);
  const textMap = createTextMap(article);
  const highlights = initHighlights({ article, textMap, colours: opening.colours, prefs });
  const panel = initPanel({ article, highlights });
  const bookmarks = initBookmarks({ article, toc });
  const notes = initNotes({ article });
  highlights.show(opening.annotations);
  bookmarks.show(opening.bookmarks);
  notes.show(opening.notes);
  const find = initFind({ textMap, highlights });
  const cursor = initCursor({ article, textMap });
  return { prefs, toc, highlights, panel, bookmarks, notes, find, cursor };
}

/** Printing, loaded the first time it is asked for: most sessions never print, and its modules
 *  (the print view, the article copy) cost memory and parse time at start for nothing. */
function lazyPrint(parts) {
  let loaded = null;
  const dialog = document.getElementById("print-dialog");
  return {
    open() {
      loaded ??= import("./print.js").then((m) => m.initPrint(parts));
      loaded.then((print) => print.open()).catch((error) => showToast(t("toast-print-failed", { error: errorMessage(error) })));
    },
    isOpen: () => dialog.open,
  };
}

async function start() {
  const articleId = new URLSearchParams(window.location.search).get("article") || undefined;
  const opening = await api.openReader(articleId, [...navigator.languages]);
  marks.push(["data", performance.now()]);
  setCatalogues(opening.ui.language, opening.ui.messages);
  localize();
  // Everything is painted in this one task, highlights included, before the webview lays the
  // page out: the article is laid out and drawn once, not once bare and again with its marks.
  let tracker = null;
  const parts = paintAll(opening, () => Promise.all([parts.notes.flush(), tracker.save()]));
  marks.push(["painted", performance.now()]);

  const viewer = initViewer();
  const settings = initSettings(parts.prefs);
  const print = lazyPrint({ article: opening.article, highlights: parts.highlights, notes: parts.notes });
  const dialogs = initDialogs(opening.article, settings, print);
  const menu = initContextMenu({ highlights: parts.highlights, article: opening.article });
  const search = initSearch({ article: opening.article, ...parts });
  initKeys({ ...parts, viewer, dialogs, menu, search });

  // Opened for reading only: said for as long as the reader is open.
  document.getElementById("read-only-notice").hidden = !opening.read_only;
  restorePosition(opening.position);
  revealAsked(parts.highlights);
  tracker = trackPosition(opening.article, parts.toc, parts.prefs);
  marks.push(["laid out", performance.now()]);
  document.documentElement.dataset.ready = "true";
  // A restore or the recovery screen's "start fresh" reloads here, with something to say.
  showToldAfterReload();
  // Once a frame with all of it has been rendered: the startup marker (MARGIN_TRACE_STARTUP).
  requestAnimationFrame(() => requestAnimationFrame(() => api.startupReady(performance.now(), marks)));
}

/** A search result in another article opens it with ?reveal=<start>-<end> (code points): that
 *  passage is shown instead of the reading position. */
function revealAsked(highlights) {
  const asked = /^(\d+)-(\d+)$/.exec(new URLSearchParams(window.location.search).get("reveal") || "");
  if (asked && Number(asked[2]) > Number(asked[1])) highlights.reveal(Number(asked[1]), Number(asked[2]));
}

/** The database could not be opened: the recovery screen, loaded only then. */
async function recover() {
  const { showRecovery } = await import("./recovery.js");
  return showRecovery();
}

start().catch(async (error) => {
  if (error && error.kind === "unopenable" && (await recover().catch(() => false))) return;
  console.error("Margin could not start:", errorMessage(error));
  // The catalogues come with the article: without them, the sentence can only be English.
  const message = errorMessage(error);
  showToast(hasCatalogues() ? t("toast-cannot-open", { error: message }) : `Margin could not open the article: ${message}`);
});
