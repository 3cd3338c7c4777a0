// The article's highlights as the page holds them: created, changed, deleted (softly) and
// restored through the app, painted as they change, with an undo stack of deletes. Every change
// tells the listeners (the panel, the hover state). One article per page, so one collection.

import { api, errorMessage } from "../../shared/api.js";
import { t } from "../../shared/i18n.js";
import { showToast } from "../../shared/toast.js";
import { paint, unpaint, unpaintAll } from "./paint.js";

let articleId = "";
let prefs = null;
const annotations = new Map();
const listeners = new Set();
const undoStack = [];

function changed() {
  document.documentElement.dataset.highlights = String(annotations.size);
  listeners.forEach((fn) => fn());
}

function put(a) {
  unpaint(a.id);
  annotations.set(a.id, a);
  paint(a);
}

/** Paints `list` (the article's highlights, as core lists them) in place of what is painted. */
function show(list) {
  unpaintAll();
  annotations.clear();
  for (const a of list) put(a);
  changed();
}

async function load() {
  show(await api.listAnnotations(articleId));
}

/** In document order, orphans last, as core lists them: a restored or new highlight takes its
 *  place, not the end of the list. */
function inOrder() {
  const key = (a) => (a.position ? a.position.start : Infinity);
  return [...annotations.values()].sort((a, b) => key(a) - key(b) || (a.position && b.position ? a.position.end - b.position.end : 0));
}

/** The highlight of exactly these words in this colour, if there is one. */
const sameAs = (offsets, colour) => [...annotations.values()].find((a) =>
  a.colour === colour && a.position && a.position.start === offsets.start && a.position.end === offsets.end);

/** Saves in flight, by words and colour. */
const pending = new Map();

/** Highlights `offsets` ({start, end, exact}) in `colour`; the new highlight (or the one that
 *  already marks exactly these words in this colour), or null. */
async function create(offsets, colour) {
  const existing = sameAs(offsets, colour);
  if (existing) return existing;
  // The same words being saved already (h pressed twice quickly): the same answer.
  const key = `${offsets.start}:${offsets.end}:${colour}`;
  if (!pending.has(key)) pending.set(key, save(offsets, colour).finally(() => pending.delete(key)));
  return pending.get(key);
}

async function save(offsets, colour) {
  try {
    const a = await api.createAnnotation(articleId, { ...offsets, colour });
    put(a);
    prefs.setHighlightColour(colour);
    changed();
    return a;
  } catch (error) {
    showToast(t("toast-highlight-failed", { error: errorMessage(error) }));
    return null;
  }
}

/** Changes colour, note or tags; resolves to the stored highlight, rejects if not saved. */
async function update(id, patch) {
  const a = await api.updateAnnotation(articleId, id, patch);
  put(a);
  if (patch.colour) prefs.setHighlightColour(patch.colour);
  changed();
  return a;
}

async function remove(id) {
  try {
    await api.deleteAnnotation(id);
  } catch (error) {
    showToast(t("toast-delete-failed", { error: errorMessage(error) }));
    return false;
  }
  unpaint(id);
  annotations.delete(id);
  undoStack.push(id);
  changed();
  showToast(t("toast-highlight-deleted"), 8000, { label: t("toast-undo"), run: undo });
  return true;
}

/** Restores the last deleted highlight; false if there was none to restore. */
async function undo() {
  const id = undoStack.pop();
  if (!id) return false;
  try {
    put(await api.restoreAnnotation(articleId, id));
    changed();
    showToast(t("toast-highlight-restored"), 2500);
  } catch (error) {
    showToast(t("toast-undo-failed", { error: errorMessage(error) }));
  }
  return true;
}

/** The collection of article `id`'s highlights; `preferences` remembers the last colour. */
export function createCollection({ articleId: id, prefs: preferences }) {
  articleId = id;
  prefs = preferences;
  return {
    show,
    load,
    create,
    update,
    remove,
    undo,
    get: (key) => annotations.get(key),
    list: inOrder,
    /** All of them in no particular order, for hit testing. */
    all: () => annotations.values(),
    onChange: (fn) => listeners.add(fn),
    changed,
  };
}
