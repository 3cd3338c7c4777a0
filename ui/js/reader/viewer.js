// The figure viewer: a modal dialog showing one figure, with zoom (buttons, wheel, + / −) and pan
// (drag, arrow keys). Esc closes it and gives focus back to the figure.

import { figureUrl } from "../shared/api.js";

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

function reset() {
  view = { zoom: 1, x: 0, y: 0 };
  apply();
}

function open(figure) {
  const img = figure.querySelector("img");
  const figcaption = figure.querySelector("figcaption");
  opener = figure.querySelector(".figure-open");
  image.src = figureUrl(img.dataset.figure);
  image.alt = img.alt;
  caption.textContent = figcaption ? figcaption.textContent : "";
  dialog.dataset.figure = figure.id;
  dialog.showModal();
  reset();
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
