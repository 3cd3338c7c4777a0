// Maps between the painted article (DOM) and core's canonical text: a DOM selection or a caret
// becomes code-point offsets, and stored offsets become DOM ranges (which highlights.js paints).
// Block elements carry `data-block`; their textContent equals core's block text, so offsets inside
// a block are exact. Nothing here changes the article's DOM.

import { codePointToUtf16, utf16ToCodePoint } from "../shared/offsets.js";

export function createTextMap(article) {
  const blocks = article.blocks;
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const elements = () => document.querySelectorAll("#article [data-block]");
  // The block elements in document order, which is the order of article.blocks (an E2E test
  // checks it): looked up once, so painting a highlight touches only the blocks it covers.
  let blockEls = null;
  const blockElement = (i) => (blockEls ||= [...elements()])[i];
  const text = blocks.map((b) => b.text).join("\n\n");

  function blockElementOf(node) {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return el && el.closest("#article [data-block]");
  }

  /** Offset of a DOM boundary point (a caret, say), or null if it is outside every block. */
  function pointOffset(node, offset) {
    const el = blockElementOf(node);
    if (!el) return null;
    const block = byId.get(el.dataset.block);
    const range = document.createRange();
    range.setStart(el, 0);
    range.setEnd(node, offset);
    return block.start + utf16ToCodePoint(block.text, range.toString().length);
  }

  /** Canonical offsets of a DOM range, snapped to the blocks it touches; null if none. */
  function rangeOffsets(range) {
    let start = pointOffset(range.startContainer, range.startOffset);
    let end = pointOffset(range.endContainer, range.endOffset);
    if (start === null || end === null) {
      // A boundary outside any block (a figure, the space between blocks): snap inwards.
      const inside = [...elements()].filter((el) => range.intersectsNode(el));
      if (!inside.length) return null;
      if (start === null) start = byId.get(inside[0].dataset.block).start;
      if (end === null) end = byId.get(inside[inside.length - 1].dataset.block).end;
    }
    if (end <= start) return null;
    return { start, end, exact: sliceText(start, end) };
  }

  function sliceText(start, end) {
    return [...text].slice(start, end).join("");
  }

  // Most blocks have no character outside the Basic Multilingual Plane, and there a code-point
  // offset is the UTF-16 index: no scan of the block's text per highlight.
  const plain = blocks.map((b) => !/[\ud800-\udfff]/.test(b.text));
  const utf16 = (i, cp) => (plain[i] ? Math.min(cp, blocks[i].text.length) : codePointToUtf16(blocks[i].text, cp));
  const ranges = (start, end) => blockRanges(blocks, utf16, blockElement, start, end);

  return { text, rangeOffsets, ranges, offsetAt: pointOffset, block: (id) => byId.get(id) };
}

/** Code-point offsets [start, end) as one StaticRange per block they cross. The article's DOM
 *  does not change once painted, so static ranges (which the DOM does not keep up to date,
 *  unlike Range) stay right and cost nothing on later DOM changes elsewhere. */
function blockRanges(blocks, utf16, blockElement, start, end) {
  const out = [];
  // First block that ends after `start` (binary search), then on while blocks begin before `end`.
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < blocks.length && blocks[i].start < end; i++) {
    const block = blocks[i];
    const from = utf16(i, Math.max(start, block.start) - block.start);
    const to = utf16(i, Math.min(end, block.end) - block.start);
    const range = from < to ? textRange(blockElement(i), from, to) : null;
    if (range) out.push(range);
  }
  return out;
}

/** A StaticRange over UTF-16 range [from, to) of `root`'s text (from < to), or null if the text
 *  is shorter than `to` (it cannot be while the block's text matches core's). */
function textRange(root, from, to) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let pos = 0;
  let startNode = null;
  let startOffset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.data.length;
    if (!startNode && from < pos + len) {
      startNode = node;
      startOffset = from - pos;
    }
    if (startNode && to <= pos + len) {
      return new StaticRange({ startContainer: startNode, startOffset, endContainer: node, endOffset: to - pos });
    }
    pos += len;
  }
  return null;
}
