// The recovery screen: when Margin cannot open the user's database (damaged, not Margin's, from
// a newer Margin, held by another program, in a folder it cannot write), the window says what
// happened in plain words instead of the reader, and offers what is safe: start with an empty
// database (the old file is renamed beside it, never deleted), try again, or quit.

import { api, errorMessage } from "../shared/api.js";
import { localize, setCatalogues, t } from "../shared/i18n.js";
import { showToast } from "../shared/toast.js";

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
  locked: { what: "recovery-locked", retry: true },
  read_only: { what: "recovery-read-only", retry: true },
  failed: { what: "recovery-failed", retry: true },
};

/** Where the last start-fresh moved the old file, told once the reader is open again. */
const MOVED_KEY = "margin-moved-aside";

/** After a reload that followed "start fresh", says where the old database went. */
export function tellMovedAside() {
  const moved = sessionStorage.getItem(MOVED_KEY);
  if (!moved) return;
  sessionStorage.removeItem(MOVED_KEY);
  showToast(t("toast-moved-aside", { path: moved }), 15000);
}

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
  $("recovery-choice").textContent = t(status.can_start_fresh ? "recovery-choice-fresh" : "recovery-choice-keep");
  const fresh = $("recovery-fresh");
  const retry = $("recovery-retry");
  fresh.hidden = !status.can_start_fresh;
  retry.hidden = !known.retry;
  fresh.addEventListener("click", () => act(fresh, async () => {
    sessionStorage.setItem(MOVED_KEY, await api.recoveryStartFresh());
    window.location.reload();
  }));
  retry.addEventListener("click", () => act(retry, async () => {
    await api.recoveryRetry();
    window.location.reload();
  }));
  $("recovery-quit").addEventListener("click", () => act($("recovery-quit"), () => api.quit()));
  $("recovery").hidden = false;
  // The first choice is the gentlest that helps: trying again where that may do, then starting
  // fresh, then quitting.
  (known.retry ? retry : status.can_start_fresh ? fresh : $("recovery-quit")).focus();
  document.documentElement.dataset.ready = "recovery";
  return true;
}
