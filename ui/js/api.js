// The only module that talks to the app's Rust side. Every command returns a promise; a failure
// rejects with `{kind, message}` (see core's Error).

const tauri = window.__TAURI__;

function invoke(command, args) {
  return tauri.core.invoke(command, args);
}

export const api = {
  getArticle: (articleId) => invoke("get_article", { articleId }),
  getPreferences: () => invoke("get_preferences"),
  updatePreferences: (patch) => invoke("update_preferences", { patch }),
  getReadingPosition: (articleId) => invoke("get_reading_position", { articleId }),
  saveReadingPosition: (articleId, position) => invoke("save_reading_position", { articleId, position }),
  getAppInfo: () => invoke("get_app_info"),
};

/** The URL the webview loads a built-in figure from (scheme differs per OS; Tauri knows). */
export function figureUrl(path) {
  return tauri.core.convertFileSrc(path, "margin");
}

/** A readable sentence for an error from a command. */
export function errorMessage(error) {
  if (error && typeof error === "object" && "message" in error) return error.message;
  return String(error);
}
