// Hovering a highlight: a pointer cursor and, as the tooltip, its colour's meaning and the first
// lines of its note. Scrolling moves the text under a still pointer, so it forgets the hovered
// highlight until the next move.

import { highlightAt } from "./paint.js";
import { meaning } from "./colours.js";

const NOTE_LINES = 3;
const LINE_CHARS = 80;

/** The colour's meaning and, for a highlight with a note, the note's first lines. */
function tooltip(a) {
  if (!a.note) return meaning(a.colour);
  const lines = a.note.split("\n").map((l) => l.trim()).filter(Boolean);
  const shown = lines.slice(0, NOTE_LINES).map((l) => (l.length > LINE_CHARS ? `${l.slice(0, LINE_CHARS - 1)}…` : l));
  if (lines.length > NOTE_LINES) shown[NOTE_LINES - 1] += " …";
  return [meaning(a.colour), ...shown].join("\n");
}

export function initHover(collection) {
  const root = document.getElementById("article");
  let hovered = null;
  let frame = 0;

  function unhover() {
    hovered = null;
    root.classList.remove("on-highlight");
    root.removeAttribute("title");
  }

  root.addEventListener("mousemove", (event) => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const id = highlightAt(event.clientX, event.clientY, collection.all());
      if (id === hovered) return;
      hovered = id;
      root.classList.toggle("on-highlight", id !== null);
      if (id) root.title = tooltip(collection.get(id));
      else root.removeAttribute("title");
    });
  });
  root.addEventListener("mouseleave", unhover);
  window.addEventListener("scroll", unhover, { passive: true });
  // A highlight deleted, restyled or renamed under the pointer: forget it until the next move.
  collection.onChange(unhover);
  return { unhover };
}
