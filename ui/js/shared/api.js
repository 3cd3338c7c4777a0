// The only module that talks to the app's Rust side. Every command returns a promise; a failure
// rejects with `{kind, message}` (see core's Error).

import { hasCatalogues, t } from "./i18n.js";

// Tauri's own bridge, the one @tauri-apps/api's invoke() and convertFileSrc() call. The UI has no
// build step to import that package, and its global bundle (withGlobalTauri) would be evaluated
// in the page at every start for the two functions Margin uses: 0.7 MiB (docs/performance.md).
const tauri = window.__TAURI_INTERNALS__;

function invoke(command, args) {
  return tauri.invoke(command, args);
}

export const api = {
  /** Everything the reader shows at start, in one call, with the UI's catalogues for the saved
   *  language or the first of `locales` Margin speaks: see `open_reader` (commands/reader.rs). */
  openReader: (articleId, locales) => invoke("open_reader", { articleId, locales }),
  updatePreferences: (patch) => invoke("update_preferences", { patch }),
  saveReadingPosition: (articleId, position) => invoke("save_reading_position", { articleId, position }),
  getAppInfo: () => invoke("get_app_info"),
  startupReady: (webviewMs, marks) => invoke("startup_ready", { webviewMs, marks }),
  /** Why the database could not be opened (null when it is), with the UI's catalogues. */
  recoveryStatus: (locales) => invoke("recovery_status", { locales }),
  /** Sets the unopenable database aside and starts an empty one; resolves to where it went. */
  recoveryStartFresh: () => invoke("recovery_start_fresh"),
  recoveryRetry: () => invoke("recovery_retry"),
  quit: () => invoke("quit"),

  listAnnotations: (articleId) => invoke("list_annotations", { articleId }),
  createAnnotation: (articleId, annotation) => invoke("create_annotation", { articleId, annotation }),
  updateAnnotation: (articleId, id, patch) => invoke("update_annotation", { articleId, id, patch }),
  deleteAnnotation: (id) => invoke("delete_annotation", { id }),
  restoreAnnotation: (articleId, id) => invoke("restore_annotation", { articleId, id }),
  renameColour: (colour, meaning) => invoke("rename_colour", { colour, meaning }),
  renderMarkdown: (markdown) => invoke("render_markdown", { markdown }),
  renderNotes: (notes) => invoke("render_notes", { notes }),

  listBookmarks: (articleId) => invoke("list_bookmarks", { articleId }),
  createBookmark: (articleId, bookmark) => invoke("create_bookmark", { articleId, bookmark }),
  renameBookmark: (id, label) => invoke("rename_bookmark", { id, label }),
  deleteBookmark: (id) => invoke("delete_bookmark", { id }),

  listNotes: (articleId) => invoke("list_notes", { articleId }),
  saveNote: (articleId, sectionId, body) => invoke("save_note", { articleId, sectionId, body }),
  /** Searches every article, highlight and note: results grouped by article, each
   *  { article, title, kind, id, field, snippet, marks, start, end, colour?, exact, score }. */
  search: (query, limit = null) => invoke("search", { query, limit }),
  /** Turns the engine's caret browsing on or off; resolves to whether the engine has it. */
  setCaretBrowsing: (on) => invoke("set_caret_browsing", { on }),

  /** Shows the OS save dialog (from the Rust side: the page never names a path) and exports
   *  there; resolves to { path, bytes }, or null if the user cancelled. `dialog`: { title,
   *  file_type }, the dialog's words. */
  exportAnnotations: (format, dialog) => invoke("export_annotations", { format, dialog }),
  /** Shows the OS open dialog and imports the W3C file picked; resolves to the report or null. */
  importAnnotations: (dialog) => invoke("import_annotations", { dialog }),
  /** The backups beside the database, newest first: [{ name, taken_at, kind, bytes }]. */
  listBackups: () => invoke("list_backups"),
  backupNow: () => invoke("backup_now"),
  /** Puts the backup called `name` (from the list) in place of the user's data; resolves to
   *  the backup made of what was there. */
  restoreBackup: (name) => invoke("restore_backup", { name }),
  /** As restoreBackup, for a file picked in the OS open dialog; null if cancelled. */
  restoreBackupFile: (dialog) => invoke("restore_backup_file", { dialog }),
  /** Recovery: sets the unopenable file aside and restores backup `name`; resolves to where the
   *  old file went. */
  recoveryRestore: (name) => invoke("recovery_restore", { name }),
  /** The system's print dialog for this page (Tauri's webview print). */
  print: () => invoke("plugin:webview|print", {}),
};

/** The URL the webview loads a built-in figure from (scheme differs per OS; Tauri knows). */
export function figureUrl(path) {
  return tauri.convertFileSrc(path, "margin");
}

/** A readable sentence for an error from a command. Core's message keeps its particulars (the
 *  limit, the id); each catalogue says how to put it with the kind of error. */
export function errorMessage(error) {
  if (!error || typeof error !== "object" || !("message" in error)) return String(error);
  if (!hasCatalogues()) return error.message;
  return t("error-message", { kind: error.kind || "other", message: error.message });
}
