// The recovery screen: when Margin cannot open the user's database (damaged, not Margin's, from
// a newer Margin, held by another program, in a folder it cannot write), the window says what
// happened in plain words instead of the reader, and offers what is safe: start with an empty
// database (the old file is renamed beside it, never deleted), try again, or quit.

import { api, errorMessage } from "../shared/api.js";
import { localize, setCatalogues, t } from "../shared/i18n.js";
import { showToast } from "../shared/toast.js";

const $ = (id) => document.getElementById(id);

/** What each problem is called, and what the user can do about it. */
const PROBLEMS = {
  not_a_file: { what: "recovery-not-a-file", fresh: true },
  not_a_database: { what: "recovery-not-a-database", fresh: true },
  damaged: { what: "recovery-damaged", fresh: true },
  not_margins: { what: "recovery-not-margins", fresh: true },
  too_new: { what: "recovery-too-new", fresh: false },
  locked: { what: "recovery-locked", fresh: false, retry: true },
  read_only: { what: "recovery-read-only", fresh: false, retry: true },
  failed: { what: "recovery-failed", fresh: true, retry: true },
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

async function act(button, action) {
  button.disabled = true;
  try {
    await action();
  } catch (error) {
    showToast(errorMessage(error), 10000);
    button.disabled = false;
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
  $("recovery-choice").textContent = t(known.fresh ? "recovery-choice-fresh" : "recovery-choice-keep");
  const fresh = $("recovery-fresh");
  const retry = $("recovery-retry");
  fresh.hidden = !known.fresh;
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
  (known.fresh ? fresh : known.retry ? retry : $("recovery-quit")).focus();
  document.documentElement.dataset.ready = "recovery";
  return true;
}
