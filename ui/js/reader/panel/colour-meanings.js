// "What the colours mean": one field per colour to rename its meaning.

import { api, errorMessage } from "../../shared/api.js";
import { el } from "../../shared/dom.js";
import { t } from "../../shared/i18n.js";
import { showToast } from "../../shared/toast.js";
import { colourName, colours, meaning } from "../highlights/colours.js";

/** `onRenamed(colours)` gets the colours as core returns them after a rename. */
export function renderColourMeanings(onRenamed) {
  const box = document.getElementById("colour-meanings");
  box.replaceChildren(...colours().map((c) => {
    const row = el("label", "meaning-row");
    const input = el("input");
    input.value = meaning(c.name);
    input.maxLength = 40;
    input.setAttribute("aria-label", t("panel-meaning-of", { colour: colourName(c.name) }));
    input.addEventListener("change", async () => {
      try {
        onRenamed(await api.renameColour(c.name, input.value));
        input.value = meaning(c.name); // as core stored it (trimmed)
      } catch (error) {
        showToast(errorMessage(error));
        input.value = meaning(c.name);
      }
    });
    row.append(el("span", `swatch hl-${c.name}`), input);
    return row;
  }));
}
