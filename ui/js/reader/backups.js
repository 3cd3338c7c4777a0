// The backups section of Settings: the backups Margin keeps beside the database (newest first),
// "Back up now", and restoring one, from the list or from a file picked in the OS dialog. A
// restore asks first, in the row itself; after it the page reloads to show the restored data
// and says that what was there before is kept as a backup. Loaded when Settings first opens.

import { api, errorMessage } from "../shared/api.js";
import { button, el } from "../shared/dom.js";
import { localDateTime } from "../shared/format.js";
import { t } from "../shared/i18n.js";
import { reloadAndTell, showToast } from "../shared/toast.js";
import { exportAs, importFile } from "./panel/transfer.js";

const $ = (id) => document.getElementById(id);

/** What each kind of backup is called. */
const KINDS = {
  daily: "backups-kind-daily",
  manual: "backups-kind-manual",
  before_migration: "backups-kind-before-migration",
  before_restore: "backups-kind-before-restore",
};

/** "48 KB", "1.2 MB": a backup's size, roughly. */
function size(bytes) {
  if (bytes < 1000 * 1000) return t("backups-size-kb", { size: String(Math.max(1, Math.round(bytes / 1000))) });
  return t("backups-size-mb", { size: (bytes / 1000 / 1000).toFixed(1) });
}

/** Restores `name` and reloads; on a failure says why and gives the focus back to `from`. */
async function restore(backup, from) {
  try {
    await api.restoreBackup(backup.name);
    reloadAndTell(t("toast-restored", { when: localDateTime(backup.taken_at) }));
  } catch (error) {
    showToast(t("toast-restore-failed", { error: errorMessage(error) }), 10000);
    from.focus();
  }
}

/** One backup: when and why it was made, its size, and Restore, which asks in the row. */
function row(backup) {
  const li = el("li", "backup");
  const when = el("span", "backup-when", localDateTime(backup.taken_at));
  const what = el("span", "backup-what", `${t(KINDS[backup.kind] || KINDS.manual)} · ${size(backup.bytes)}`);
  const ask = button("small-button", t("backups-restore"));
  ask.setAttribute("aria-label", t("backups-restore-label", { when: when.textContent }));
  const actions = el("span", "backup-actions");
  actions.append(ask);
  ask.addEventListener("click", () => {
    const sure = button("small-button danger-button", t("backups-restore-confirm"));
    const cancel = button("small-button", t("backups-restore-cancel"));
    const question = el("span", "backup-question", t("backups-restore-question"));
    actions.replaceChildren(question, sure, cancel);
    cancel.addEventListener("click", () => {
      actions.replaceChildren(ask);
      ask.focus();
    });
    sure.addEventListener("click", () => restore(backup, cancel));
    cancel.focus();
  });
  li.append(when, what, actions);
  return li;
}

/** Fills the list from the backups folder. */
export async function showBackups() {
  const list = $("backups-list");
  try {
    const backups = await api.listBackups();
    list.replaceChildren(...backups.map(row));
    if (!backups.length) list.append(el("li", "backups-empty", t("backups-none")));
  } catch (error) {
    list.replaceChildren(el("li", "backups-empty", t("toast-backups-failed", { error: errorMessage(error) })));
  }
}

let wired = false;

/** Wires the section's buttons (once) and fills the list. */
export function initBackups() {
  if (!wired) {
    wired = true;
    const now = $("backup-now");
    now.addEventListener("click", async () => {
      try {
        const made = await api.backupNow();
        await showBackups();
        showToast(t("toast-backed-up", { when: localDateTime(made.taken_at) }));
      } catch (error) {
        showToast(t("toast-backups-failed", { error: errorMessage(error) }), 10000);
      }
      now.focus();
    });
    $("export-full").addEventListener("click", () => exportAs("full"));
    $("import-full").addEventListener("click", () => importFile(null));
    const file = $("backup-restore-file");
    file.addEventListener("click", async () => {
      try {
        const dialog = { title: t("backups-file-dialog-title"), file_type: t("backups-file-type") };
        if (await api.restoreBackupFile(dialog)) reloadAndTell(t("toast-restored-file"));
      } catch (error) {
        showToast(t("toast-restore-failed", { error: errorMessage(error) }), 10000);
      }
      file.focus();
    });
  }
  return showBackups();
}
