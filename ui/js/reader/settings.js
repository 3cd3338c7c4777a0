// Settings: the font, line spacing and column width, and the backups (backups.js), in a dialog
// opened from the toolbar. Each choice applies at once and is saved (prefs.js); the reader keeps its place while
// the text reflows (reader.js). A modal <dialog> gives focus back to the button when it closes.

import { closeOnBackdrop } from "../shared/dom.js";

const $ = (id) => document.getElementById(id);

export function initSettings(prefs) {
  const dialog = $("reading-settings");
  const sync = () => {
    for (const input of dialog.querySelectorAll("input[type=radio]")) input.checked = prefs.get(input.name) === input.value;
  };
  dialog.addEventListener("change", (event) => {
    const input = event.target;
    // Shows what is in force once saved (a refused change is put back).
    if (input.type === "radio" && input.checked) prefs.set(input.name, input.value).then(sync);
  });
  dialog.querySelector("[data-close]").addEventListener("click", () => dialog.close());
  closeOnBackdrop(dialog);
  function open() {
    sync();
    // The backups section's code and list, only when Settings is opened.
    import("./backups.js").then((m) => m.initBackups());
    if (!dialog.open) dialog.showModal();
    (dialog.querySelector("input:checked") || dialog.querySelector("input")).focus();
  }
  $("settings-button").addEventListener("click", open);
  return { open, isOpen: () => dialog.open };
}
