// The recovery screen: when Margin cannot open the user's database (damaged, not Margin's, from
// a newer Margin, held by another program, in a folder it cannot write), the window says what
// happened in plain words instead of the reader, and offers what is safe: restore the newest
// backup or start with an empty database (either way the old file is renamed beside it, never
// deleted), try again, or quit.

import { api, errorMessage } from "../shared/api.js";
import { localDateTime } from "../shared/format.js";
import { localize, setCatalogues, t } from "../shared/i18n.js";
import { reloadAndTell, showToast } from "../shared/toast.js";

const $ = (id) => document.getElementById(id);

/** What each problem is called, and whether trying again may help. Whether starting fresh is
 *  offered is core's call (`can_start_fresh`). */
const PROBLEMS = {
  not_a_file: { what: "recovery-not-a-file" },
  folder_is_a_file: { what: "recovery-folder-is-a-file", retry: true },
  not_a_database: { what: "recovery-not-a-database" },
  damaged: { what: "recovery-damaged" },
  not_margins: { what: "recovery-not-margins" },
  too_new: { what: "recovery-too-new" },
  only_log: { what: "recovery-only-log", retry: true },
  locked: { what: "recovery-locked", retry: true },
  read_only: { what: "recovery-read-only", retry: true },
  failed: { what: "recovery-failed", retry: true },
};

/** Runs one of the screen's choices with every button off meanwhile; on a failure says why and
 *  gives the focus back to the button. */
async function act(button, action) {
  const buttons = [...document.querySelectorAll(".recovery-actions button")];
  for (const b of buttons) b.disabled = true;
  try {
    await action();
  } catch (error) {
    showToast(errorMessage(error), 10000);
    for (const b of buttons) b.disabled = false;
    button.focus();
  }
}

/** Shows the recovery screen if the database could not be opened; false if it is open. */
export async function showRecovery() {
  const status = await api.recoveryStatus([...navigator.languages]);
  if (!status) return false;
  setCatalogues(status.ui.language, status.ui.messages);
  localize();
  const known = PROBLEMS[status.problem] || PROBLEMS.failed;
  document.body.classList.add("recovering");
  // No preferences without a database: the system's light or dark.
  document.documentElement.dataset.theme = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  $("recovery-what").textContent = t(known.what, { found: String(status.found ?? ""), supported: String(status.supported ?? "") });
  $("recovery-path").textContent = status.path;
  const newest = status.backups[0];
  const choice = newest ? "recovery-choice-backup" : status.can_start_fresh ? "recovery-choice-fresh" : "recovery-choice-keep";
  $("recovery-choice").textContent = t(choice);
  const restore = $("recovery-restore");
  restore.hidden = !newest;
  if (newest) {
    restore.textContent = t("recovery-restore", { when: localDateTime(newest.taken_at) });
    restore.addEventListener("click", () => act(restore, async () => {
      const moved = await api.recoveryRestore(newest.name);
      reloadAndTell(t("toast-restored-aside", { when: localDateTime(newest.taken_at), path: moved }));
    }));
  }
  const fresh = $("recovery-fresh");
  const retry = $("recovery-retry");
  fresh.hidden = !status.can_start_fresh;
  retry.hidden = !known.retry;
  fresh.addEventListener("click", () => act(fresh, async () => {
    reloadAndTell(t("toast-moved-aside", { path: await api.recoveryStartFresh() }));
  }));
  retry.addEventListener("click", () => act(retry, async () => {
    await api.recoveryRetry();
    window.location.reload();
  }));
  $("recovery-quit").addEventListener("click", () => act($("recovery-quit"), () => api.quit()));
  $("recovery").hidden = false;
  // The first choice is the gentlest that helps: trying again where that may do, then the
  // newest backup, then starting fresh, then quitting.
  (known.retry ? retry : newest ? restore : status.can_start_fresh ? fresh : $("recovery-quit")).focus();
  document.documentElement.dataset.ready = "recovery";
  return true;
}
