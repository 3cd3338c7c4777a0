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

/** The attributes of an SVG start tag's text ("x=\"1\" y=\"2\"") as an object. */
const attributes = (text) => Object.fromEntries([...text.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

/** x, y and anchor of the text element holding exactly `content` in an SVG. */
function textAt(svg, content) {
  const m = svg.match(new RegExp(`<text ([^>]*)>${content}</text>`));
  assert.ok(m, `the SVG has a text "${content}"`);
  const a = attributes(m[1]);
  return { x: Number(a.x), y: Number(a.y), anchor: a['text-anchor'] ?? 'start' };
}

// Font sizes by class, as the figures' stylesheet sets them (read from the SVG itself).
function sizes(svg) {
  const style = svg.match(/<style>([\s\S]*?)<\/style>/)[1];
  return Object.fromEntries([...style.matchAll(/\.([\w-]+)\{font-size:(\d+)px/g)].map((m) => [m[1], Number(m[2])]));
}

/** The box of every unrotated text in a committed SVG, measured from the file alone. */
function textBoxes(svg) {
  const size = sizes(svg);
  const out = [];
  for (const m of svg.matchAll(/<text ([^>]*)>([\s\S]*?)<\/text>/g)) {
    const a = attributes(m[1]);
    if (a.transform) continue;
    const lines = m[2].includes('<tspan') ? [...m[2].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]) : [m[2]];
    const cls = (a.class || '').split(' ').find((c) => size[c]);
    const px = Number(/font-size:(\d+)px/.exec(a.style || '')?.[1] ?? size[cls] ?? 16);
    const lineHeight = lines.length > 1 ? Number(/dy="([\d.]+)"/.exec(m[2].split('</tspan>')[1])?.[1] ?? 19) : 19;
    const text = lines.map((l) => l.replace(/&amp;/g, '&'));
    out.push({ text: text.join(' / '), box: textBox(Number(a.x), Number(a.y), text, { size: px, anchor: a['text-anchor'] ?? 'start', lineHeight, letterSpacing: cls === 'country' ? 3 : 0 }) });
  }
  return out;
}

test('no two texts on any committed map overlap (measured from the SVG files alone)', () => {
  for (const name of ['korea-1945-division.svg', 'war-movements-1950-1951.svg', 'armistice-1953.svg']) {
    const boxes = textBoxes(committed(name));
    assert.ok(boxes.length > 20, `${name}: only ${boxes.length} texts found`);
    const clashes = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => boxesOverlap(a.box, b.box) && clashes.push(`${a.text} × ${b.text}`)));
    assert.deepEqual(clashes, [], name);
  }
});

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
