// The UI's words: every string the reader shows goes through t() (or a data-l10n-id attribute
// that localize() fills), with message ids from the Fluent catalogues in ui/i18n/. The app hands
// the catalogues over with the article (open_reader), most preferred first: for Vietnamese the
// Vietnamese one, then English for any message it lacks.

import { FluentBundle, FluentResource } from "../../vendor/fluent-bundle/index.js";

/** The languages the UI speaks, each named in itself (endonyms are not translated). */
export const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "vi", name: "Tiếng Việt" },
];

let bundles = [];
let language = "en";
const missing = new Set();

/** Uses `sources` (FTL texts; the first in `lang`, the others English) from now on. */
export function setCatalogues(lang, sources) {
  language = lang;
  bundles = sources.map((source, i) => {
    // useIsolating: no invisible Unicode isolation marks around variables; the UI puts values
    // in plain text, and the marks would end up in copied text and in tests' string matches.
    const bundle = new FluentBundle(i === 0 ? lang : "en", { useIsolating: false });
    const errors = bundle.addResource(new FluentResource(source));
    for (const e of errors) console.error(`catalogue ${i}: ${e.message}`);
    return bundle;
  });
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

export const hasCatalogues = () => bundles.length > 0;

/** The UI's language code ("en", "vi"). */
export const currentLanguage = () => language;

function find(id) {
  for (const bundle of bundles) {
    const message = bundle.getMessage(id);
    if (message) return { bundle, message };
  }
  if (!missing.has(id)) {
    missing.add(id);
    console.error(`no message ${id} in the catalogues`);
  }
  return null;
}

/** The message `id` with `args` filled in. */
export function t(id, args) {
  const found = find(id);
  if (!found || !found.message.value) return id;
  return found.bundle.formatPattern(found.message.value, args);
}

/** Attribute `name` of message `id` (e.g. its `.title`). */
export function tAttr(id, name, args) {
  const found = find(id);
  const pattern = found && found.message.attributes[name];
  return pattern ? found.bundle.formatPattern(pattern, args) : id;
}

/** Sets `el`'s text from message `id` (if it has a value) and every attribute the message
 *  defines (title, aria-label, placeholder, alt ...): the one way UI text reaches the DOM. */
export function translate(el, id, args) {
  el.dataset.l10nId = id;
  const found = find(id);
  if (!found) return el;
  const { bundle, message } = found;
  if (message.value) el.textContent = bundle.formatPattern(message.value, args);
  for (const [name, pattern] of Object.entries(message.attributes)) {
    el.setAttribute(name, bundle.formatPattern(pattern, args));
  }
  return el;
}

/** Translates every element under `root` that names its message in `data-l10n-id`. */
export function localize(root = document) {
  for (const el of root.querySelectorAll("[data-l10n-id]")) translate(el, el.dataset.l10nId);
}
