// A short message at the bottom of the window, read out by screen readers (role=status), with
// an optional action button (e.g. Undo).

let timer = 0;

export function showToast(message, ms = 5000, action = null) {
  const toast = document.getElementById("toast");
  const text = document.createElement("span");
  text.textContent = message;
  toast.replaceChildren(text);
  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "toast-action";
    button.textContent = action.label;
    button.addEventListener("click", () => {
      toast.hidden = true;
      action.run();
    });
    toast.append(button);
  }
  toast.hidden = false;
  clearTimeout(timer);
  timer = setTimeout(() => {
    toast.hidden = true;
  }, ms);
}

/** Where a message waits for the page to reload (after a restore or a fresh start). */
const AFTER_RELOAD = "margin-after-reload";

/** Reloads the page and shows `message` once the reader is up again. */
export function reloadAndTell(message) {
  sessionStorage.setItem(AFTER_RELOAD, message);
  window.location.reload();
}

/** Shows the message a reload was asked to carry, if there is one. */
export function showToldAfterReload() {
  const message = sessionStorage.getItem(AFTER_RELOAD);
  if (!message) return;
  sessionStorage.removeItem(AFTER_RELOAD);
  showToast(message, 15000);
}
