// Theme, font size and the UI's language: applied at once, saved through the app, restored at
// start. A new language takes a reload of the page (every string is written once, at start).

import { api, errorMessage } from "../shared/api.js";
import { el } from "../shared/dom.js";
import { currentLanguage, LANGUAGES, t, translate } from "../shared/i18n.js";
import { showToast } from "../shared/toast.js";

export const THEMES = ["system", "light", "sepia", "dark"];
export const FONT_MIN = 14;
export const FONT_MAX = 28;

const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
const $ = (id) => document.getElementById(id);
let current = {};

function apply() {
  const theme = current.theme === "system" ? (darkQuery.matches ? "dark" : "light") : current.theme;
  document.documentElement.dataset.theme = theme;
  document.documentElement.dataset.themeSetting = current.theme;
  $("theme-select").value = current.theme;
  document.documentElement.style.setProperty("--font-size", `${current.font_size}px`);
  $("font-smaller").disabled = current.font_size <= FONT_MIN;
  $("font-larger").disabled = current.font_size >= FONT_MAX;
  const root = document.documentElement.dataset;
  root.font = current.font_family;
  root.spacing = current.line_spacing;
  root.width = current.column_width;
}

// Changes are applied at once and sent in order, one at a time: the app runs commands
// concurrently, so two quick presses of D must not be able to arrive swapped.
let queue = Promise.resolve();
let latest = 0;
function update(patch) {
  const before = { ...current };
  const seq = ++latest;
  current = { ...current, ...patch };
  apply();
  queue = queue.then(async () => {
    try {
      const saved = await api.updatePreferences(patch);
      if (seq === latest) current = saved;
      document.documentElement.dataset.prefsSaved = String(seq);
    } catch (error) {
      if (seq === latest) current = before;
      showToast(t("toast-preference-failed", { error: errorMessage(error) }));
    }
    apply();
  });
  return queue;
}

function changeFont(step) {
  const size = Math.min(FONT_MAX, Math.max(FONT_MIN, current.font_size + step));
  if (size !== current.font_size) update({ font_size: size });
}

function cycleTheme() {
  const next = THEMES[(THEMES.indexOf(current.theme) + 1) % THEMES.length];
  update({ theme: next });
  showToast(t("toast-theme", { theme: $("theme-select").options[THEMES.indexOf(next)].text }), 1500);
}

/** The language picker: the OS's language, or one of the UI's own, each named in itself. */
function fillLanguages(select) {
  const system = translate(el("option"), "language-system");
  system.value = "system";
  select.append(system, ...LANGUAGES.map(({ code, name }) => Object.assign(el("option", undefined, name), { value: code, lang: code })));
  select.value = current.language || "system";
}

/** `beforeReload()` saves what is being typed and the reading position. */
function watchLanguage(beforeReload) {
  const select = $("language-select");
  fillLanguages(select);
  select.addEventListener("change", async () => {
    const language = select.value;
    await update({ language });
    if (current.language !== language) {
      select.value = current.language || "system"; // not saved: the picker says what is in force
      return;
    }
    const resolved = language === "system" ? null : language;
    if (resolved === currentLanguage()) return;
    await beforeReload();
    window.location.reload();
  });
}

export function initPreferences(initial, { beforeReload = async () => {} } = {}) {
  current = { ...initial };
  darkQuery.addEventListener("change", apply);
  $("theme-select").addEventListener("change", () => update({ theme: $("theme-select").value }));
  $("font-smaller").addEventListener("click", () => changeFont(-1));
  $("font-larger").addEventListener("click", () => changeFont(1));
  watchLanguage(beforeReload);
  apply();
  return {
    changeFont,
    cycleTheme,
    /** The reading setting `key` (font_family, line_spacing, column_width) now. */
    get: (key) => current[key],
    /** Changes one reading setting, at once and saved. */
    set: (key, value) => update({ [key]: value }),
    highlightColour: () => current.highlight_colour,
    setHighlightColour: (colour) => {
      if (colour !== current.highlight_colour) update({ highlight_colour: colour });
    },
  };
}
