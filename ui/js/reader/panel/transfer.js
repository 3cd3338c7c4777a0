// Export (W3C Web Annotation JSON-LD, Markdown) to a file the user picks, and import of W3C
// annotations from one. The app shows the OS dialogs itself; the page only asks.

import { api, errorMessage } from "../../shared/api.js";
import { t } from "../../shared/i18n.js";
import { reloadAndTell, showToast } from "../../shared/toast.js";

const FORMATS = {
  full: { title: () => t("export-full-title"), fileType: () => t("file-type-full") },
  w3c: { title: () => t("export-w3c-title"), fileType: () => t("file-type-w3c") },
  markdown: { title: () => t("export-markdown-title"), fileType: () => t("file-type-markdown") },
};

export async function exportAs(format) {
  const { title, fileType } = FORMATS[format];
  try {
    const done = await api.exportAnnotations(format, { title: title(), file_type: fileType() });
    if (done) showToast(t("toast-exported", { path: done.path }));
  } catch (error) {
    showToast(t("toast-export-failed", { error: errorMessage(error) }));
  }
}

/** What an import did, in words. */
function importedMessage(r) {
  const { bookmarks, notes, settings } = r.merged;
  const more = bookmarks + notes + settings ? ` ${t("toast-imported-more", r.merged)}` : "";
  return t("toast-imported", r) + more;
}

/** Imports a file picked in the OS dialog; `highlights` (the reader's) reloads what is shown,
 *  or without it the page reloads. */
export async function importFile(highlights) {
  try {
    const r = await api.importAnnotations({ title: t("import-title"), file_type: t("file-type-w3c") });
    if (!r) return;
    const { bookmarks, notes, settings } = r.merged;
    // A full export brought bookmarks, notes or settings too (or the import was asked for
    // outside the reader's panel: no highlights to load): the reader starts again with them.
    if (!highlights || bookmarks + notes + settings) return reloadAndTell(importedMessage(r));
    await highlights.load();
    showToast(t("toast-imported", r), 8000);
  } catch (error) {
    showToast(t("toast-import-failed", { error: errorMessage(error) }), 8000);
  }
}

export function initTransfer(article, highlights) {
  document.getElementById("export-w3c").addEventListener("click", () => exportAs("w3c"));
  document.getElementById("export-markdown").addEventListener("click", () => exportAs("markdown"));
  document.getElementById("import-w3c").addEventListener("click", () => importFile(highlights));
}
