// Building DOM nodes. Text goes in with textContent only: nothing a user or an imported file
// wrote is ever parsed as HTML here.

/** A new `tag` element with an optional class and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A `<button type="button">` with an optional class and text. */
export function button(className, text) {
  const node = el("button", className, text);
  node.type = "button";
  return node;
}
