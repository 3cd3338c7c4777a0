// Export (W3C Web Annotation JSON-LD, Markdown) to a file the user picks, and import of W3C
// annotations from one.

import { api, errorMessage } from "../../shared/api.js";
import { t } from "../../shared/i18n.js";
import { showToast } from "../../shared/toast.js";

const FORMATS = {
  w3c: { ext: "jsonld", title: () => t("export-w3c-title"), filter: () => t("file-type-w3c") },
  markdown: { ext: "md", title: () => t("export-markdown-title"), filter: () => t("file-type-markdown") },
};

async function exportAs(articleId, format) {
  const { ext, title, filter } = FORMATS[format];
  try {
    const path = await api.saveDialog({
      title: title(),
      defaultPath: `margin-${articleId}.${ext}`,
      filters: [{ name: filter(), extensions: [ext] }],
    });
    if (!path) return;
    const done = await api.exportAnnotations(format, path);
    showToast(t("toast-exported", { path: done.path }));
  } catch (error) {
    showToast(t("toast-export-failed", { error: errorMessage(error) }));
  }
}

async function importFile(highlights) {
  try {
    const path = await api.openDialog({
      title: t("import-title"),
      multiple: false,
      directory: false,
      filters: [{ name: t("file-type-w3c"), extensions: ["jsonld", "json"] }],
    });
    if (!path) return;
    const r = await api.importAnnotations(path);
    await highlights.load();
    showToast(t("toast-imported", r), 8000);
  } catch (error) {
    showToast(t("toast-import-failed", { error: errorMessage(error) }), 8000);
  }
}

export function initTransfer(article, highlights) {
  document.getElementById("export-w3c").addEventListener("click", () => exportAs(article.meta.id, "w3c"));
  document.getElementById("export-markdown").addEventListener("click", () => exportAs(article.meta.id, "markdown"));
  document.getElementById("import-w3c").addEventListener("click", () => importFile(highlights));
}
