// Building DOM nodes. Text goes in with textContent only: nothing a user or an imported file
// wrote is ever parsed as HTML here.

/** A new `tag` element with an optional class and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Closes a modal `<dialog>` on a click on its backdrop (outside its box), as Esc does. */
export function closeOnBackdrop(dialog) {
  dialog.addEventListener("click", (event) => {
    const r = dialog.getBoundingClientRect();
    const outside = event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom;
    if (event.target === dialog && outside) dialog.close();
  });
}

/** A `<button type="button">` with an optional class and text. */
export function button(className, text) {
  const node = el("button", className, text);
  node.type = "button";
  return node;
}
