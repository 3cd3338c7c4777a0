// Highlights, split the way Hypothesis splits its annotator: painting and reveal() (paint.js),
// the selection toolbar (selection-bar.js), the editor popover (editor.js) and the collection
// with its undo (collection.js). This module wires them and gives the rest of the reader one
// object to call.

import { createCollection } from "./collection.js";
import { closeEditor, editorOpen, initEditor, openEditor, refreshEditorColours } from "./editor.js";
import { initHover } from "./hover.js";
import { colours, setColours } from "./colours.js";
import { highlightAt, initPainting, reveal } from "./paint.js";
import { hideBar, initSelectionBar, refreshBarColours, selectionOffsets } from "./selection-bar.js";

/** A click on a highlight opens its editor; a press anywhere else closes it. */
function wireClicks(collection) {
  document.getElementById("article").addEventListener("click", (event) => {
    // The main button only: a right click is the context menu's.
    if (event.button !== 0 || !window.getSelection().isCollapsed) return;
    const id = highlightAt(event.clientX, event.clientY, collection.all());
    if (id) openEditor(id);
  });
  document.addEventListener("mousedown", (event) => {
    const editor = document.getElementById("editor");
    if (editorOpen() && !editor.contains(event.target) && !highlightAt(event.clientX, event.clientY, collection.all())) {
      closeEditor({ restoreFocus: false });
    }
  });
}

export function initHighlights({ article, textMap, colours: initial, prefs }) {
  setColours(initial);
  initPainting(textMap);
  const collection = createCollection({ articleId: article.meta.id, prefs });

  /** Highlights the selection (or `given` offsets, taken from it earlier: the context menu's) in
   *  `colour` (the last one used by default); `then` opens the editor on its note or tags.
   *  Resolves to the new highlight, or null. */
  async function highlightSelection(colour = prefs.highlightColour(), then = null, given = null) {
    const offsets = given || selectionOffsets();
    if (!offsets) return null;
    hideBar();
    const a = await collection.create(offsets, colour);
    if (!a) return null;
    // Clear the selection only if it is still the one highlighted: the reader may have selected
    // other words while the app was saving.
    const now = selectionOffsets();
    if (now && now.start === offsets.start && now.end === offsets.end) window.getSelection().removeAllRanges();
    hideBar();
    if (then) openEditor(a.id, then);
    return a;
  }

  initSelectionBar({ map: textMap, highlight: highlightSelection, isEditorOpen: editorOpen });
  initEditor(collection);
  initHover(collection);
  wireClicks(collection);

  return {
    show: collection.show,
    load: collection.load,
    list: collection.list,
    onChange: collection.onChange,
    undo: collection.undo,
    colours,
    setColours(list) {
      setColours(list);
      refreshBarColours();
      refreshEditorColours();
      collection.changed();
    },
    highlightSelection,
    hasSelection: () => selectionOffsets() !== null,
    selectionOffsets,
    /** The highlight drawn at viewport point (x, y), or null. */
    at: (x, y) => highlightAt(x, y, collection.all()),
    get: collection.get,
    remove: collection.remove,
    openEditor,
    closeEditor,
    editorOpen,
    /** Scrolls code points start..end into view and flashes them: the reader's one reveal. */
    reveal,
    /** Shows highlight `id` in the text (see reveal). */
    flash(id) {
      const a = collection.get(id);
      if (a && a.position) reveal(a.position.start, a.position.end);
    },
  };
}
