// Hovering a highlight: a pointer cursor and its colour's meaning as the tooltip. Scrolling
// moves the text under a still pointer, so it forgets the hovered highlight until the next move.

import { highlightAt } from "./paint.js";
import { meaning } from "./colours.js";

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
      if (id) root.title = meaning(collection.get(id).colour);
      else root.removeAttribute("title");
    });
  });
  root.addEventListener("mouseleave", unhover);
  window.addEventListener("scroll", unhover, { passive: true });
  // A highlight deleted, restyled or renamed under the pointer: forget it until the next move.
  collection.onChange(unhover);
  return { unhover };
}
