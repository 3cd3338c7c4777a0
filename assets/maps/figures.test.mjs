// The map figures: labels placed by rule, and the committed files are what the generator makes.
//   node --test assets/maps/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFigures, OUT_DIR } from './build-figures.mjs';
import { boxCrossesLine, boxesOverlap, checkBoard, sideOfLine, textBox } from './labels.mjs';

const figures = buildFigures();
/** The figure as shipped. */
const committed = (name) => readFileSync(join(OUT_DIR, name), 'utf8');

test('the committed figures are exactly what the generator makes', () => {
  for (const [name, { svg }] of Object.entries(figures)) {
    assert.equal(committed(name), svg, `${name} is stale: run npm run figures`);
  }
});

test('no label on any map crosses the 38th parallel, another label, a dot or a badge', () => {
  for (const [name, { board }] of Object.entries(figures)) {
    if (!board) continue;
    assert.ok(board.items.length > 10, `${name} has its labels on the board`);
    assert.deepEqual(checkBoard(board), [], name);
  }
});

/** The y of a west-to-east polyline at x, by linear interpolation. */
function lineYAt(points, x) {
  const i = points.findIndex(([px], k) => k > 0 && points[k - 1][0] <= x && x <= px);
  const [[ax, ay], [bx, by]] = [points[i - 1], points[i]];
  return ay + ((x - ax) / (bx - ax)) * (by - ay);
}

/** The highest (smallest y) the parallel reaches over [x0, x1], sampled every unit. */
function parallelSpan(points, x0, x1) {
  const ys = [];
  for (let x = x0; x <= x1; x += 1) ys.push(lineYAt(points, x));
  return { top: Math.min(...ys), bottom: Math.max(...ys) };
}

/** x, y and anchor of the text element holding exactly `content` in an SVG. */
function textAt(svg, content) {
  const m = svg.match(new RegExp(`<text x="([\\d.]+)" y="([\\d.]+)"[^>]*?(?:text-anchor="(\\w+)")?[^>]*>${content}</text>`));
  assert.ok(m, `the SVG has a text "${content}"`);
  return { x: Number(m[1]), y: Number(m[2]), anchor: m[3] ?? 'start' };
}

test('Kaesong, just south of the parallel, is labelled south of it (bug 13)', () => {
  const { board } = figures['armistice-1953.svg'];
  const svg = committed('armistice-1953.svg');
  const parallel = board.lines[0].points;
  const { x, y, anchor } = textAt(svg, 'Kaesong');
  const box = textBox(x, y, 'Kaesong', { size: 17, anchor });
  const span = parallelSpan(parallel, box.x0, box.x1);
  assert.ok(box.y0 > span.bottom, `label top ${box.y0.toFixed(1)} is below the parallel (lowest at ${span.bottom.toFixed(1)})`);
  const dot = svg.match(/<circle cx="([\d.]+)" cy="([\d.]+)" r="4.5" class="dot"\/>\s*<text[^>]*>Kaesong</);
  assert.ok(Number(dot[2]) > lineYAt(parallel, Number(dot[1])), 'and the city itself lies south of it');
});

test('badge 1 and its date on the movements map keep off the dashed parallel (bug 13)', () => {
  const { board } = figures['war-movements-1950-1951.svg'];
  const svg = committed('war-movements-1950-1951.svg');
  const parallel = board.lines[0].points;
  const m = svg.match(/<circle cx="([\d.]+)" cy="([\d.]+)" r="13" fill="#c0392b"/);
  assert.ok(m, 'badge 1 is drawn');
  const [cx, cy] = [Number(m[1]), Number(m[2])];
  const badgeSpan = parallelSpan(parallel, cx - 15, cx + 15);
  assert.ok(cy - 15 > badgeSpan.bottom || cy + 15 < badgeSpan.top, 'the badge is clear of the line');
  const date = textAt(svg, '25 Jun 1950');
  const box = textBox(date.x, date.y, '25 Jun 1950', { size: 15, anchor: date.anchor });
  const dateSpan = parallelSpan(parallel, box.x0, box.x1);
  assert.ok(box.y0 > dateSpan.bottom || box.y1 < dateSpan.top, 'the date is clear of the line');
});

test('the geometry the rules use', () => {
  const line = [[0, 100], [100, 110], [200, 100]];
  assert.ok(boxCrossesLine({ x0: 40, y0: 95, x1: 60, y1: 108 }, line));
  assert.ok(!boxCrossesLine({ x0: 40, y0: 80, x1: 60, y1: 100 }, line), 'a box above the line');
  assert.ok(!boxCrossesLine({ x0: 40, y0: 110, x1: 60, y1: 130 }, line), 'a box below the line');
  assert.ok(!boxCrossesLine({ x0: 300, y0: 0, x1: 400, y1: 200 }, line), 'a box past its end');
  assert.equal(sideOfLine(line, [50, 90]), -1);
  assert.equal(sideOfLine(line, [150, 120]), 1);
  assert.equal(sideOfLine(line, [250, 90]), 0);
  assert.ok(boxesOverlap({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 9, y0: 9, x1: 20, y1: 20 }));
  assert.ok(!boxesOverlap({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 10, y0: 0, x1: 20, y1: 10 }));
  const end = textBox(100, 50, 'abcde', { size: 10, anchor: 'end' });
  assert.ok(end.x1 > 100 && end.x1 < 103 && end.x0 < 70, 'an end-anchored text lies left of its x');
});
