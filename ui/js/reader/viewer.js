// The figure viewer: a modal dialog showing one figure, with zoom (buttons, wheel, + / −) and pan
// (drag, arrow keys). Esc closes it and gives focus back to the figure.

import { figureUrl } from "../shared/api.js";
import { t } from "../shared/i18n.js";

const MIN_ZOOM = 1;
const MAX_ZOOM = 8;
const PAN_STEP = 60;

let dialog, stage, image, caption, zoomLabel;
let view = { zoom: 1, x: 0, y: 0 };
let opener = null;
let drag = null;

function apply() {
  const rect = stage.getBoundingClientRect();
  // Keep at least part of the figure on screen.
  const limitX = (rect.width * (view.zoom - 1)) / 2 + rect.width / 4;
  const limitY = (rect.height * (view.zoom - 1)) / 2 + rect.height / 4;
  view.x = Math.max(-limitX, Math.min(limitX, view.x));
  view.y = Math.max(-limitY, Math.min(limitY, view.y));
  image.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`;
  zoomLabel.textContent = `${Math.round(view.zoom * 100)}%`;
  dialog.dataset.zoom = String(view.zoom);
}

/** Zooms by `factor` keeping the point (cx, cy), relative to the stage centre, still. */
function zoomBy(factor, cx = 0, cy = 0) {
  const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, view.zoom * factor));
  const k = zoom / view.zoom;
  view = { zoom, x: cx - (cx - view.x) * k, y: cy - (cy - view.y) * k };
  if (zoom === MIN_ZOOM) view = { zoom, x: 0, y: 0 };
  apply();
}

/** The figure's width when fitted to the stage (zoom 1), or 0 before the image has loaded. */
function fittedSize() {
  const rect = stage.getBoundingClientRect();
  const { naturalWidth: w, naturalHeight: h } = image;
  if (!w || !h) return null;
  const scale = Math.min(rect.width / w, rect.height / h);
  return { width: w * scale, height: h * scale, stage: rect };
}

/** Fit: the whole figure in the window, but never smaller than the article shows it (a tall map
 *  fitted to a short window would be); then its top is in view and the rest a pan away. */
function reset() {
  const fitted = fittedSize();
  const shown = document.getElementById(dialog.dataset.figure)?.querySelector("img").getBoundingClientRect().width || 0;
  const zoom = fitted ? Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, shown / fitted.width)) : MIN_ZOOM;
  const overflow = fitted ? Math.max(0, fitted.height * zoom - fitted.stage.height) : 0;
  view = { zoom, x: 0, y: overflow / 2 };
  apply();
}

const figures = () => [...document.querySelectorAll("#article figure")];

/** Shows `figure` in the open viewer: its image, its whole caption, where it is among the rest. */
function show(figure) {
  const img = figure.querySelector("img");
  const figcaption = figure.querySelector("figcaption");
  const all = figures();
  const index = all.indexOf(figure);
  image.src = figureUrl(img.dataset.figure);
  image.alt = img.alt;
  caption.textContent = figcaption ? figcaption.textContent : "";
  dialog.dataset.figure = figure.id;
  document.getElementById("viewer-position").textContent = t("viewer-position", { index: String(index + 1), total: String(all.length) });
  document.getElementById("viewer-previous").disabled = index <= 0;
  document.getElementById("viewer-next").disabled = index >= all.length - 1;
  // A button just disabled under the focus would drop it to the page, where the viewer's keys
  // are not heard.
  if (dialog.open && (document.activeElement.disabled || !dialog.contains(document.activeElement))) stage.focus();
  reset();
}

/** The previous (-1) or next (+1) figure of the article, if there is one. */
function step(delta) {
  const all = figures();
  const next = all[all.indexOf(document.getElementById(dialog.dataset.figure)) + delta];
  if (next) show(next);
}

function open(figure) {
  opener = figure.querySelector(".figure-open");
  dialog.showModal();
  show(figure);
  stage.focus();
}

function close() {
  if (dialog.open) dialog.close();
}

function wireStage() {
  dialog.addEventListener("close", () => {
    delete dialog.dataset.figure;
    if (opener) opener.focus();
  });

  stage.addEventListener("wheel", (event) => {
    event.preventDefault();
    const rect = stage.getBoundingClientRect();
    const cx = event.clientX - rect.left - rect.width / 2;
    const cy = event.clientY - rect.top - rect.height / 2;
    zoomBy(event.deltaY < 0 ? 1.2 : 1 / 1.2, cx, cy);
  }, { passive: false });

  stage.addEventListener("pointerdown", (event) => {
    drag = { id: event.pointerId, x: event.clientX - view.x, y: event.clientY - view.y };
    stage.setPointerCapture(event.pointerId);
    stage.classList.add("dragging");
  });
  stage.addEventListener("pointermove", (event) => {
    if (!drag || drag.id !== event.pointerId) return;
    view.x = event.clientX - drag.x;
    view.y = event.clientY - drag.y;
    apply();
  });
  const endDrag = () => {
    drag = null;
    stage.classList.remove("dragging");
  };
  stage.addEventListener("pointerup", endDrag);
  stage.addEventListener("pointercancel", endDrag);
  stage.addEventListener("dblclick", () => (view.zoom > 1 ? reset() : zoomBy(2)));
  // The figure's size is known once it has loaded: fit it then.
  image.addEventListener("load", () => dialog.open && reset());
}

function wireControls() {
  dialog.addEventListener("keydown", (event) => {
    const keys = {
      "+": () => zoomBy(1.25), "=": () => zoomBy(1.25), "-": () => zoomBy(1 / 1.25),
      "0": reset,
      ArrowLeft: () => { view.x += PAN_STEP; apply(); },
      ArrowRight: () => { view.x -= PAN_STEP; apply(); },
      ArrowUp: () => { view.y += PAN_STEP; apply(); },
      ArrowDown: () => { view.y -= PAN_STEP; apply(); },
      n: () => step(1), PageDown: () => step(1),
      p: () => step(-1), PageUp: () => step(-1),
    };
    const action = keys[event.key];
    if (action && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      action();
    }
  });

  document.getElementById("viewer-zoom-in").addEventListener("click", () => zoomBy(1.25));
  document.getElementById("viewer-zoom-out").addEventListener("click", () => zoomBy(1 / 1.25));
  document.getElementById("viewer-reset").addEventListener("click", reset);
  document.getElementById("viewer-close").addEventListener("click", close);
  document.getElementById("viewer-previous").addEventListener("click", () => step(-1));
  document.getElementById("viewer-next").addEventListener("click", () => step(1));
  window.addEventListener("resize", () => dialog.open && apply());

  document.getElementById("article").addEventListener("click", (event) => {
    const button = event.target.closest(".figure-open");
    if (button) open(button.closest("figure"));
  });
}

export function initViewer() {
  dialog = document.getElementById("viewer");
  stage = document.getElementById("viewer-stage");
  image = document.getElementById("viewer-image");
  caption = document.getElementById("viewer-caption");
  zoomLabel = document.getElementById("viewer-zoom");
  wireStage();
  wireControls();
  return { open, close, isOpen: () => dialog.open };
}
