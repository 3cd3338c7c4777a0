// The five highlight colours and what each means to this user. A meaning the user never renamed
// is core's default, shown in the UI's language; a renamed one is shown as the user wrote it.

import { t } from "../../shared/i18n.js";

let list = [];

/** Takes the colours as core lists them: `[{ name, meaning, renamed }]`. */
export function setColours(colours) {
  list = colours;
}

export const colours = () => list;

/** The colour's name in the UI's language, in lower case ("yellow"). */
export const colourName = (name) => t("colour-name", { colour: name });

/** What the colour means ("Key idea"), translated unless the user renamed it. */
export function meaning(name) {
  const c = list.find((x) => x.name === name);
  if (!c) return colourName(name);
  return c.renamed ? c.meaning : t("colour-default-meaning", { colour: name });
}
