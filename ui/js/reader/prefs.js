// Theme and font size: applied at once, saved through the app, restored at start.

import { api, errorMessage } from "./api.js";
import { showToast } from "./toast.js";

export const THEMES = ["system", "light", "sepia", "dark"];
export const FONT_MIN = 14;
export const FONT_MAX = 28;

const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");

export function initPreferences(initial) {
  let current = { ...initial };
  const select = document.getElementById("theme-select");

  function applyTheme() {
    const theme = current.theme === "system" ? (darkQuery.matches ? "dark" : "light") : current.theme;
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.themeSetting = current.theme;
    select.value = current.theme;
  }

  function applyFont() {
    document.documentElement.style.setProperty("--font-size", `${current.font_size}px`);
    document.getElementById("font-smaller").disabled = current.font_size <= FONT_MIN;
    document.getElementById("font-larger").disabled = current.font_size >= FONT_MAX;
  }

  // Changes are applied at once and sent in order, one at a time: the app runs commands
  // concurrently, so two quick presses of D must not be able to arrive swapped.
  let queue = Promise.resolve();
  let latest = 0;
  function update(patch) {
    const before = { ...current };
    const seq = ++latest;
    current = { ...current, ...patch };
    applyTheme();
    applyFont();
    queue = queue.then(async () => {
      try {
        const saved = await api.updatePreferences(patch);
        if (seq === latest) current = saved;
        document.documentElement.dataset.prefsSaved = String(seq);
      } catch (error) {
        if (seq === latest) current = before;
        showToast(`Could not save the preference: ${errorMessage(error)}`);
      }
      applyTheme();
      applyFont();
    });
    return queue;
  }

  darkQuery.addEventListener("change", applyTheme);
  select.addEventListener("change", () => update({ theme: select.value }));
  document.getElementById("font-smaller").addEventListener("click", () => changeFont(-1));
  document.getElementById("font-larger").addEventListener("click", () => changeFont(1));

  function changeFont(step) {
    const size = Math.min(FONT_MAX, Math.max(FONT_MIN, current.font_size + step));
    if (size !== current.font_size) update({ font_size: size });
  }

  function cycleTheme() {
    const next = THEMES[(THEMES.indexOf(current.theme) + 1) % THEMES.length];
    update({ theme: next });
    showToast(`Theme: ${select.options[THEMES.indexOf(next)].text}`, 1500);
  }

  applyTheme();
  applyFont();
  return {
    changeFont,
    cycleTheme,
    highlightColour: () => current.highlight_colour,
    setHighlightColour: (colour) => {
      if (colour !== current.highlight_colour) update({ highlight_colour: colour });
    },
  };
}
