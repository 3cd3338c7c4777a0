// Maps between the painted article (DOM) and core's canonical text: a DOM selection becomes
// code-point offsets, and stored offsets become painted <mark> elements. Block elements carry
// `data-block`; their textContent equals core's block text, so offsets inside a block are exact.

import { codePointToUtf16, utf16ToCodePoint } from "./offsets.js";

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

  /** Offset of a DOM boundary point, or null if it is outside every block. */
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

  /** Wraps the text of [start, end) in <mark> elements made by `makeMark`. Returns them. */
  function paint(start, end, makeMark) {
    const marks = [];
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
      const el = blockElement(i);
      const from = codePointToUtf16(block.text, Math.max(start, block.start) - block.start);
      const to = codePointToUtf16(block.text, Math.min(end, block.end) - block.start);
      marks.push(...wrapText(el, from, to, makeMark));
    }
    return marks;
  }

  return { text, rangeOffsets, paint, block: (id) => byId.get(id) };
}

/** Wraps UTF-16 range [from, to) of `root`'s text in marks, one per text node it crosses. */
function wrapText(root, from, to, makeMark) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts = [];
  let pos = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.data.length;
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + len);
    if (a < b) parts.push({ node, a: a - pos, b: b - pos });
    pos += len;
    if (pos >= to) break;
  }
  return parts.map(({ node, a, b }) => {
    let target = node;
    if (a > 0) target = target.splitText(a);
    if (b - a < target.data.length) target.splitText(b - a);
    const mark = makeMark();
    target.replaceWith(mark);
    mark.append(target);
    return mark;
  });
}

/** Removes marks, keeping their text, and merges the text nodes back. */
export function unwrap(marks) {
  const parents = new Set();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parents.add(parent);
  }
  for (const p of parents) p.normalize();
}
