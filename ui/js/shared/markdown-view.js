// Shows Markdown that core rendered and sanitised (ammonia): parsed in an inert document and
// moved in as nodes. Links open nothing inside the app.

import { api } from "./api.js";

export async function showMarkdown(container, markdown) {
  showHtml(container, await api.renderMarkdown(markdown));
}

/** Puts HTML that core already sanitised into the container, parsed where nothing runs. */
export function showHtml(container, html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  container.replaceChildren(...doc.body.childNodes);
}

export function inertLinks(container) {
  container.addEventListener("click", (event) => {
    if (event.target.closest("a")) event.preventDefault();
  });
}
