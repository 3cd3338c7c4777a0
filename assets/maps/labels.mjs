// Label placement for the map figures, by rule rather than by eye.
//
// Every label, badge, legend and dot drawn on a map is registered on a board as one or more
// axis-aligned boxes (map units). A label is given candidate positions, best first; it takes the
// first one that
//   - crosses none of the board's lines (the 38th parallel: the line the maps are about),
//   - overlaps no label or mark already on the board, and
//   - lies on the same side of every line as the point it names (a city just south of the
//     parallel is labelled south of it).
// A label with one fixed position is held to the same rules, so nothing is placed unchecked.
// `checkBoard` is the same rules as a report, for the test in this folder.

const CHAR_WIDTH = 0.6; // DejaVu Sans is wide; boxes err on the generous side
const HALO = 2; // the white halo (stroke 4) reaches 2 units past the glyphs

/** Rough rendered width of a string at a font size, with optional letter spacing. */
export function textWidth(s, size, letterSpacing = 0) {
  return s.length * (size * CHAR_WIDTH + letterSpacing);
}

/** The box of an SVG text at (x, y) (baseline), one or more lines, anchored start/middle/end. */
export function textBox(x, y, content, { size, anchor = 'start', lineHeight = 19, letterSpacing = 0, rotate = 0 }) {
  const lines = Array.isArray(content) ? content : [content];
  const w = Math.max(...lines.map((l) => textWidth(l, size, letterSpacing)));
  const left = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
  const box = {
    x0: left - HALO,
    y0: y - 0.76 * size - HALO,
    x1: left + w + HALO,
    y1: y + 0.24 * size + (lines.length - 1) * lineHeight + HALO,
  };
  return rotate ? rotateBox(box, x, y, rotate) : box;
}

/** The box around a disc. */
export function circleBox(cx, cy, r) {
  return { x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r };
}

export function rectBox(x, y, width, height) {
  return { x0: x, y0: y, x1: x + width, y1: y + height };
}

/** The axis-aligned box around `box` turned by `degrees` about (cx, cy), as SVG's rotate() does. */
function rotateBox(box, cx, cy, degrees) {
  const a = (degrees * Math.PI) / 180;
  const corners = [[box.x0, box.y0], [box.x1, box.y0], [box.x0, box.y1], [box.x1, box.y1]].map(([x, y]) => [
    cx + (x - cx) * Math.cos(a) - (y - cy) * Math.sin(a),
    cy + (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a),
  ]);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

export function boxesOverlap(a, b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Whether a polyline (projected points) passes through the box. */
export function boxCrossesLine(box, points) {
  for (let i = 1; i < points.length; i++) {
    if (segmentMeetsBox(points[i - 1], points[i], box)) return true;
  }
  return false;
}

// Liang–Barsky clipping: the segment meets the box if some part of it survives the clip.
function segmentMeetsBox([ax, ay], [bx, by], box) {
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  const edges = [[-dx, ax - box.x0], [dx, box.x1 - ax], [-dy, ay - box.y0], [dy, box.y1 - ay]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/**
 * Which side of a line running west to east a point is on: -1 above it (north on these maps),
 * +1 below, 0 where the line does not reach the point's x. The line's x must only grow (the
 * projected 38th parallel does, on every map); for other lines the side rule is off.
 */
export function sideOfLine(points, [x, y]) {
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    if ((x - ax) * (x - bx) > 0) continue;
    const lineY = ax === bx ? ay : ay + ((x - ax) / (bx - ax)) * (by - ay);
    return y < lineY ? -1 : 1;
  }
  return 0;
}

function centre(box) {
  return [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
}

const within = (box, [[x0, y0], [x1, y1]]) => box.x0 >= x0 && box.y0 >= y0 && box.x1 <= x1 && box.y1 <= y1;

/** What is wrong with putting `item` on a board holding `placed` (empty: nothing). */
function problems(item, placed, lines, frame) {
  const found = [];
  for (const box of item.boxes) {
    if (frame && !item.mark && !within(box, frame)) found.push("runs out of the map's frame");
    for (const line of lines) {
      if (!item.mark && !item.onLine && boxCrossesLine(box, line.points)) found.push(`crosses ${line.name}`);
      if (line.sides !== false && item.point && !item.mark && sideOfLine(line.points, centre(box)) !== sideOfLine(line.points, item.point)) {
        found.push(`is on the other side of ${line.name} from its place`);
      }
    }
    for (const other of placed) {
      if (item.mark && other.mark) continue; // marks (dots, stars) may touch; labels may not
      if (other.boxes.some((b) => boxesOverlap(box, b))) found.push(`overlaps ${other.name}`);
    }
  }
  return [...new Set(found)];
}

/**
 * A board for one map. `lines`: [{ name, points, sides }] in map units that no label may cross
 * (`sides: false`: a leader line, with no side rule); `frame`: [[x0, y0], [x1, y1]], the box
 * every label must lie in (where the map is clipped; null for none).
 * Items: { name, boxes, svg, point?, mark?, onLine? } — `point` is what the label names (for the
 * side rule), `mark` a dot or symbol at a true position (never moved, only kept clear of),
 * `onLine` a label written along a line on purpose.
 */
export function createBoard(lines = [], frame = null) {
  const items = [];
  return {
    items,
    lines,
    frame,
    /** Puts an item with one fixed position, refusing it if it breaks a rule. */
    add(item) {
      const wrong = problems(item, items, lines, frame);
      if (wrong.length) throw new Error(`map label "${item.name}" ${wrong.join(', ')}`);
      items.push(item);
      return item.svg;
    },
    /** Puts the first candidate that breaks no rule. */
    place(name, candidates) {
      const fit = candidates.find((c) => problems({ name, ...c }, items, lines, frame).length === 0);
      if (!fit) {
        const why = candidates.map((c, i) => `position ${i + 1} ${problems({ name, ...c }, items, lines, frame).join(', ')}`);
        throw new Error(`no place for map label "${name}": ${why.join('; ')}`);
      }
      items.push({ name, ...fit });
      return fit.svg;
    },
  };
}

/** Every rule every item on the board breaks, as "name: problem" lines (empty when all is well). */
export function checkBoard(board) {
  return board.items.flatMap((item, i) => {
    const others = board.items.filter((_, j) => j !== i);
    return problems(item, others, board.lines, board.frame).map((p) => `${item.name}: ${p}`);
  });
}
