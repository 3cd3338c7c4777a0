// Builds the figures of the article "The Korean War: What Really Happened at
// the 38th Parallel?" (assets/articles/korean-war/figures/*.svg).
//
//   node assets/maps/build-figures.mjs        (or: npm run figures)
//
// The three maps are drawn from real Natural Earth data: the 1:10m countries
// topology shipped by the `world-atlas` package, projected with d3-geo. The
// fourth figure is a bar chart of the article's own numbers. The output is
// committed, so everything here is deterministic: no dates, no randomness,
// stable ordering, and every coordinate rounded to one decimal. See README.md
// next to this file for the data, the projection and what is approximate.

import { readFileSync, realpathSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea, geoBounds, geoConicConformal, geoDistance, geoGraticule, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import { circleBox, createBoard, rectBox, textBox, textWidth } from './labels.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const OUT_DIR = join(ROOT, 'assets', 'articles', 'korean-war', 'figures');
const ATLAS_FILE = join(ROOT, 'node_modules', 'world-atlas', 'countries-10m.json');

// ---------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------

const WIDTH = 1000; // every figure is 1000 units wide; heights vary
const TITLE_H = 56; // band above the map holding the figure title
const FOOT_H = 34; // band below holding the credit line
const FONT = 'DejaVu Sans, Noto Sans, Arial, sans-serif';
const EARTH_RADIUS_KM = 6371;
const CREDIT =
  'Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.';

// ISO 3166 numeric ids, as used by world-atlas.
const ID = { southKorea: '410', northKorea: '408', china: '156', japan: '392', russia: '643' };

// Latitude of the Yalu's source on Mount Paektu, where the China–North Korea
// border stops following the river (see yaluOf).
const YALU_SOURCE_LAT = 41.96;

// [lon, lat] of the places shown on the maps.
const PLACES = {
  seoul: [126.978, 37.5665],
  pyongyang: [125.7625, 39.0392],
  incheon: [126.7052, 37.4563],
  busan: [129.0756, 35.1796],
  daegu: [128.6014, 35.8714],
  panmunjom: [126.6771, 37.956],
  kaesong: [126.5544, 37.9707],
  hungnam: [127.6186, 39.8317],
  sinuiju: [124.3981, 40.1],
  chosin: [127.25, 40.48],
  hyesan: [128.18, 41.4],
};

// Colours: sea light blue, neighbours neutral grey, the two Koreas (or the two
// 1945 zones) in a warm and a green tint that stay distinct from the sea.
const COLOR = {
  sea: '#d6e6f2',
  land: '#e4e1da',
  north: '#ebc2ae',
  south: '#c3d9ad',
  ink: '#222222',
  parallel: '#7b1e1e',
  nk: '#c0392b', // North Korean forces
  un: '#1f58a6', // UN forces
  cn: '#7d3c98', // Chinese forces
  yalu: '#1c7fc4',
  northPale: '#f1d6c9',
  southPale: '#d9e8cc',
  pocket: '#a9c98f',
  perimeter: '#2e7d32',
  frontJan: '#444444',
  front51: '#111111',
  dmz: '#e8b923',
  panmunjom: '#c62828',
};

// Font size of each text class, in map units: the stylesheet and the label boxes both use it.
const SIZE = { gl: 14, city: 17, small: 15, country: 19, water: 16, title: 24, credit: 14, lg: 15, lgt: 16 };

// Shared stylesheet. Figures are shown as <img>, so an internal <style> is
// fine and keeps the markup (and the committed files) small.
const STYLE = `
text{fill:${COLOR.ink}}
.sea{fill:${COLOR.sea}}
.land{fill:${COLOR.land}}
.coast{fill:none;stroke:#857f73;stroke-width:.7;stroke-linejoin:round}
.border{fill:none;stroke:#6d675e;stroke-width:1.2;stroke-dasharray:6 2 1.5 2}
.grat{fill:none;stroke:#4d7293;stroke-opacity:.35;stroke-width:.8}
.gl{font-size:${SIZE.gl}px;fill:#3d5d78}
.h{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}
.city{font-size:${SIZE.city}px}
.small{font-size:${SIZE.small}px}
.country{font-size:${SIZE.country}px;font-weight:bold;letter-spacing:3px;fill:#6e695f}
.water{font-size:${SIZE.water}px;font-style:italic;fill:#356489}
.title{font-size:${SIZE.title}px;font-weight:bold}
.credit{font-size:${SIZE.credit}px;fill:#555}
.lg{font-size:${SIZE.lg}px}
.lgt{font-size:${SIZE.lgt}px;font-weight:bold}
.frame{fill:none;stroke:#777;stroke-width:1}
.dot{fill:${COLOR.ink};stroke:#fff;stroke-width:1.5}
`;

// ---------------------------------------------------------------------------
// Small SVG helpers
// ---------------------------------------------------------------------------

/** Rounds to one decimal and prints without a trailing ".0" or "-0". */
function r1(n) {
  const v = Math.round(n * 10) / 10;
  return Object.is(v, -0) ? '0' : String(v);
}

function escapeXml(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One element. Numeric attributes are coordinates, so they get one decimal. */
function tag(name, attrs = {}, content) {
  let a = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    a += ` ${k}="${typeof v === 'number' ? r1(v) : escapeXml(v)}"`;
  }
  return content === undefined ? `<${name}${a}/>` : `<${name}${a}>${content}</${name}>`;
}

/** Text, possibly several lines (array), with an optional white halo. */
function text(x, y, content, { cls = '', anchor, halo = true, rotate, lineHeight = 19, style } = {}) {
  const lines = Array.isArray(content) ? content : [content];
  const classes = [cls, halo ? 'h' : ''].filter(Boolean).join(' ') || undefined;
  const body =
    lines.length === 1
      ? escapeXml(lines[0])
      : lines.map((l, i) => tag('tspan', { x, dy: i === 0 ? 0 : lineHeight }, escapeXml(l))).join('');
  return tag(
    'text',
    {
      x,
      y,
      class: classes,
      'text-anchor': anchor,
      style,
      transform: rotate ? `rotate(${r1(rotate)} ${r1(x)} ${r1(y)})` : undefined,
    },
    body,
  );
}

/** Polyline "M x,y L ..." from projected points. */
function pathData(points, close = false) {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${r1(x)},${r1(y)}`).join('') + (close ? 'Z' : '');
}


function svgDocument({ height, title, desc, body }) {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}"` +
    ` role="img" aria-labelledby="fig-title fig-desc" font-family="${FONT}">\n` +
    `<title id="fig-title">${escapeXml(title)}</title>\n` +
    `<desc id="fig-desc">${escapeXml(desc)}</desc>\n` +
    `<style>${STYLE}</style>\n` +
    body.join('\n') +
    '\n</svg>\n'
  );
}

// ---------------------------------------------------------------------------
// Geography helpers
// ---------------------------------------------------------------------------

function loadAtlas() {
  const topology = JSON.parse(readFileSync(ATLAS_FILE, 'utf8'));
  const countries = topology.objects.countries;
  const geometryOf = (id) => {
    const g = countries.geometries.find((c) => c.id === id);
    if (!g) throw new Error(`country ${id} missing from ${ATLAS_FILE}`);
    return g;
  };
  const isPair = (a, b, x, y) => (a.id === x && b.id === y) || (a.id === y && b.id === x);
  const isKoreanPair = (a, b) => isPair(a, b, ID.northKorea, ID.southKorea);
  return {
    land: regionalLand(feature(topology, topology.objects.land)),
    country: (id) => feature(topology, geometryOf(id)),
    // International borders, without the inter-Korean line (drawn separately).
    borders: mesh(topology, countries, (a, b) => a !== b && !isKoreanPair(a, b)),
    // The inter-Korean border of Natural Earth = the 1953 demarcation line.
    koreanBorder: mesh(topology, countries, isKoreanPair),
    chinaNorthKorea: mesh(topology, countries, (a, b) => isPair(a, b, ID.china, ID.northKorea)),
  };
}

/**
 * The land polygons of East Asia only. Besides saving work this matters for
 * correctness: d3 reads a ring's winding order as "inside", and a few
 * degenerate islets of the 1:10m data (e.g. a 4-point Maldives reef) wind the
 * wrong way, so d3 takes them for "the whole globe except this speck" and
 * they would paint the whole frame as land. Such rings have a spherical area
 * above a hemisphere (2π steradians); no real landmass does.
 */
function regionalLand(land) {
  const geometries = land.type === 'FeatureCollection' ? land.features.map((f) => f.geometry) : [land.geometry];
  const polygons = geometries.flatMap((g) => (g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates]));
  const kept = polygons.filter((rings) => {
    const polygon = { type: 'Polygon', coordinates: rings };
    if (geoArea(polygon) > 2 * Math.PI) return false;
    const [[w, s], [e, n]] = geoBounds(polygon);
    const crossesAntimeridian = w > e;
    return n > 25 && s < 50 && (crossesAntimeridian || (e > 110 && w < 150));
  });
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

/**
 * The Yalu part of the China–North Korea border. Natural Earth draws that
 * border as one line from the Yalu's mouth on the Yellow Sea to the Tumen's
 * on the Sea of Japan. Walking it from the west, the Yalu runs up past Hyesan
 * to its source on Mount Paektu's southern slope; the line then crosses the
 * mountain (~42°N) to the Tumen. So we keep the line from its western end up
 * to the first point at the source's latitude: a longitude cut (e.g. 128.2°E)
 * would not do, as the river near Hyesan swings east of 128.2°E and back.
 */
function yaluOf(border) {
  const lines = border.coordinates.map((l) => (l[0][0] > l[l.length - 1][0] ? [...l].reverse() : l));
  const line = lines.reduce((a, b) => (a[0][0] < b[0][0] ? a : b)); // the westernmost piece
  const source = line.findIndex(([, lat]) => lat >= YALU_SOURCE_LAT);
  return { type: 'LineString', coordinates: source < 0 ? line : line.slice(0, source + 1) };
}

/**
 * Inserts points so no segment is longer than `step` degrees. Our own lines
 * (parallels, fronts) are meant as lines on the lon/lat grid, while d3 would
 * draw a long segment as a great circle.
 */
function densify(coords, step = 0.1) {
  const out = [coords[0]];
  for (let i = 1; i < coords.length; i++) {
    const [x0, y0] = coords[i - 1];
    const [x1, y1] = coords[i];
    const n = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) / step));
    for (let k = 1; k <= n; k++) out.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  return out;
}

function parallelCoords(lat, lon0, lon1) {
  return densify([[lon0, lat], [lon1, lat]], 0.1);
}

/**
 * A map canvas: a Lambert conformal conic projection centred on 127.5°E
 * (standard parallels 35°N and 41°N, which bracket the peninsula) fitted so
 * the requested lon/lat box fills the frame.
 */
function makeMap({ lon, lat, frameHeight, top = TITLE_H, pad = 8 }) {
  const frame = [[0, top], [WIDTH, top + frameHeight]];
  // Fit on points along the box edges: a MultiPoint has no winding to get wrong.
  const outline = [
    ...parallelCoords(lat[0], lon[0], lon[1]),
    ...parallelCoords(lat[1], lon[0], lon[1]),
    ...densify([[lon[0], lat[0]], [lon[0], lat[1]]], 0.1),
    ...densify([[lon[1], lat[0]], [lon[1], lat[1]]], 0.1),
  ];
  const projection = geoConicConformal()
    .parallels([35, 41])
    .rotate([-127.5, 0])
    .precision(0.1)
    .fitExtent([[pad, top + pad], [WIDTH - pad, top + frameHeight - pad]], { type: 'MultiPoint', coordinates: outline })
    .clipExtent(frame);
  const simplify = simplifier(0.35, 2);
  const path = geoPath({ stream: (out) => projection.stream(simplify(out)) }).digits(1);
  const p = (lonlat) => projection(lonlat);
  return {
    projection,
    path,
    p,
    frame,
    line: (coords, close) => pathData(densify(coords).map(p), close),
    pxPerKm: (lonlat) => pxPerKm(projection, lonlat),
  };
}

/**
 * A stream filter placed after projection and clipping, in pixel space: it
 * simplifies each line or ring with Douglas–Peucker (`tolerance` pixels) and
 * drops rings (islets) smaller than `minArea` square pixels. Natural Earth's
 * 1:10m coast has far more detail than a 1000-pixel-wide map can show; this
 * keeps the committed files small without a visible change.
 */
function simplifier(tolerance, minArea) {
  return (out) => {
    let inPolygon = false;
    let line = null; // buffered points of the current line or ring
    return {
      point(x, y) {
        line.push([x, y]);
      },
      lineStart() {
        line = [];
      },
      lineEnd() {
        if (line.length && !(inPolygon && Math.abs(ringArea(line)) < minArea)) {
          out.lineStart();
          for (const [x, y] of douglasPeucker(line, tolerance)) out.point(x, y);
          out.lineEnd();
        }
        line = null;
      },
      polygonStart() {
        inPolygon = true;
        out.polygonStart();
      },
      polygonEnd() {
        inPolygon = false;
        out.polygonEnd();
      },
      sphere() {
        out.sphere();
      },
    };
  };
}

/** Douglas–Peucker with an explicit stack (rings can have thousands of points). */
function douglasPeucker(points, tolerance) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let maxDist = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > maxDist) {
        maxDist = d;
        index = i;
      }
    }
    if (index >= 0 && maxDist > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  // A closed ring starts and ends on the same point: measure from that point.
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function ringArea(points) {
  let a = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    a += points[j][0] * points[i][1] - points[i][0] * points[j][1];
  }
  return a / 2;
}

/** Projected length of 1 km near a point (the projection is conformal). */
function pxPerKm(projection, [lon, lat]) {
  const a = [lon - 0.05, lat];
  const b = [lon + 0.05, lat];
  const km = geoDistance(a, b) * EARTH_RADIUS_KM;
  const [x0, y0] = projection(a);
  const [x1, y1] = projection(b);
  return Math.hypot(x1 - x0, y1 - y0) / km;
}

/** Finds t in [lo, hi] with f(t) = target, f monotonic. */
function bisect(f, target, lo, hi) {
  const increasing = f(hi) > f(lo);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target === increasing) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Graticule lines every `step` degrees, with degree labels where parallels
 * meet the left edge and meridians meet the top edge.
 */
function graticule(map, { step, lon, lat, skipLat = [], skipLon = [] }) {
  const g = geoGraticule()
    .extent([[lon[0] - 10, lat[0] - 10], [lon[1] + 10, lat[1] + 10]])
    .step([step, step])
    .precision(0.1);
  const out = [tag('path', { class: 'grat', d: map.path(g()) })];
  const [[fx0, fy0], [fx1, fy1]] = map.frame;
  for (let la = Math.ceil((lat[0] - 10) / step) * step; la <= lat[1] + 10; la += step) {
    if (skipLat.includes(la)) continue;
    const lonAtEdge = bisect((l) => map.p([l, la])[0], fx0 + 6, 90, 127.5);
    const [x, y] = map.p([lonAtEdge, la]);
    if (y < fy0 + 20 || y > fy1 - 8) continue;
    out.push(text(x, y - 5, `${la}°N`, { cls: 'gl' }));
  }
  for (let lo = Math.ceil((lon[0] - 10) / step) * step; lo <= lon[1] + 10; lo += step) {
    if (skipLon.includes(lo)) continue;
    const latAtEdge = bisect((l) => map.p([lo, l])[1], fy0 + 6, 20, 60);
    const [x, y] = map.p([lo, latAtEdge]);
    if (x < fx0 + 30 || x > fx1 - 30) continue;
    out.push(text(x + 4, y + 14, `${lo}°E`, { cls: 'gl' }));
  }
  return out;
}

/** Scale bar in km; the scale is measured at `at` (it varies < 1 % here). */
function scaleBar(map, board, { x, y, km, at }) {
  const len = km * map.pxPerKm(at);
  const out = [];
  board.add({ name: 'scale bar', boxes: [rectBox(x - 10, y - 26, len + 82, 40)], svg: out });
  out.push(tag('rect', { x: x - 10, y: y - 26, width: len + 82, height: 40, fill: '#fff', 'fill-opacity': '0.8', rx: 3 }));
  out.push(tag('rect', { x, y: y - 4, width: len / 2, height: 6, fill: COLOR.ink }));
  out.push(tag('rect', { x: x + len / 2, y: y - 4, width: len / 2, height: 6, fill: '#fff', stroke: COLOR.ink, 'stroke-width': 1 }));
  out.push(text(x, y - 9, '0', { cls: 'small', anchor: 'middle', halo: false }));
  out.push(text(x + len / 2, y - 9, String(km / 2), { cls: 'small', anchor: 'middle', halo: false }));
  out.push(text(x + len, y - 9, String(km), { cls: 'small', anchor: 'middle', halo: false }));
  out.push(text(x + len + 20, y + 3, 'km', { cls: 'small', halo: false }));
  return out;
}

/**
 * A text label at (x, y), checked against the board's rules (see labels.mjs). `point` is the
 * place it names, for the side rule; `onLine` marks a label written along a line on purpose.
 */
function label(board, name, x, y, content, opts = {}) {
  const { point, onLine, size = SIZE[opts.cls], letterSpacing = opts.cls === 'country' ? 3 : 0, ...textOpts } = opts;
  const box = textBox(x, y, content, { size, letterSpacing, anchor: textOpts.anchor, lineHeight: textOpts.lineHeight, rotate: textOpts.rotate });
  return board.add({ name, boxes: [box], point, onLine, svg: text(x, y, content, textOpts) });
}

/** Where a label may go around a dot of radius r, as [dx, dy, anchor], in the usual order of preference. */
function positionsAround(r, size) {
  const below = r + 0.76 * size + 3;
  return [
    [r + 5, 0.3 * size, 'start'], [-(r + 5), 0.3 * size, 'end'],
    [r + 3, -(r + 2), 'start'], [r + 3, below, 'start'],
    [-(r + 3), -(r + 2), 'end'], [-(r + 3), below, 'end'],
    [0, -(r + 5), 'middle'], [0, below + 2, 'middle'],
  ];
}

/**
 * A city dot at its true place, and its name at the first position around it that the board
 * allows: (dx, dy, anchor) when given, then the eight usual positions.
 */
function city(map, board, lonlat, name, { dx, dy = 5, anchor = 'start', cls = 'city', capital = false } = {}) {
  const [x, y] = map.p(lonlat);
  const r = capital ? 7 : 4.5;
  const dot = [];
  if (capital) dot.push(tag('circle', { cx: x, cy: y, r: 7, fill: '#fff', stroke: COLOR.ink, 'stroke-width': 2 }));
  dot.push(tag('circle', { cx: x, cy: y, r: capital ? 3.2 : 4.5, class: 'dot' }));
  board.add({ name: `${name} (dot)`, boxes: [circleBox(x, y, r + 1)], mark: true, svg: dot });
  const size = SIZE[cls];
  const offsets = [...(dx === undefined ? [] : [[dx, dy, anchor]]), ...positionsAround(r, size)];
  const candidates = offsets.map(([ox, oy, a]) => ({
    boxes: [textBox(x + ox, y + oy, name, { size, anchor: a })],
    point: [x, y],
    svg: text(x + ox, y + oy, name, { cls, anchor: a }),
  }));
  return [...dot, board.place(name, candidates)];
}

/**
 * Polygon in pixel space covering everything north (side = -1) or south
 * (side = +1) of a parallel, used as a clip path. The parallel is projected
 * point by point because in a conic projection it is an arc, not a straight
 * line; the polygon is closed far outside the frame.
 */
function halfPlaneOfParallel(map, lat, side) {
  const pts = parallelCoords(lat, 110, 145).map(map.p);
  const edge = side < 0 ? map.frame[0][1] - 400 : map.frame[1][1] + 400;
  return pathData([...pts, [pts[pts.length - 1][0], edge], [pts[0][0], edge]], true);
}

/** A label placed on a parallel, rotated to follow its curve. */
function labelOnParallel(map, board, lat, lon, content, opts = {}) {
  const [x0, y0] = map.p([lon - 0.2, lat]);
  const [x1, y1] = map.p([lon + 0.2, lat]);
  const [x, y] = map.p([lon, lat]);
  const angle = (Math.atan2(y1 - y0, x1 - x0) * 180) / Math.PI;
  return label(board, content, x, y + (opts.dy ?? -8), content, { ...opts, rotate: angle, onLine: true });
}

/**
 * An arrow from `from` to `to` (lon/lat), drawn as a quadratic curve bowed
 * sideways by `bend` (fraction of its length, sign = side), with a
 * hand-built arrowhead so it renders the same everywhere (no markers).
 */
function arrow(map, from, to, { color, bend = 0, width = 5, head = 17 }) {
  const [x0, y0] = map.p(from);
  const [x2, y2] = map.p(to);
  const dx = x2 - x0;
  const dy = y2 - y0;
  const len = Math.hypot(dx, dy);
  // Control point: the midpoint pushed perpendicular to the chord.
  const cx = (x0 + x2) / 2 - (dy / len) * bend * len;
  const cy = (y0 + y2) / 2 + (dx / len) * bend * len;
  // Direction of the curve where it arrives.
  const tx = x2 - cx;
  const ty = y2 - cy;
  const tl = Math.hypot(tx, ty);
  const ux = tx / tl;
  const uy = ty / tl;
  // Stop the shaft inside the head so its square end does not show.
  const ex = x2 - ux * head * 0.7;
  const ey = y2 - uy * head * 0.7;
  const shaft = `M${r1(x0)},${r1(y0)}Q${r1(cx)},${r1(cy)} ${r1(ex)},${r1(ey)}`;
  const bx = x2 - ux * head;
  const by = y2 - uy * head;
  const hw = head * 0.55;
  const headPts = [
    [x2, y2],
    [bx - uy * hw, by + ux * hw],
    [bx + uy * hw, by - ux * hw],
  ];
  return [
    tag('path', { d: shaft, fill: 'none', stroke: '#fff', 'stroke-width': width + 3.5, 'stroke-opacity': '0.85', 'stroke-linecap': 'round' }),
    tag('path', { d: shaft, fill: 'none', stroke: color, 'stroke-width': width, 'stroke-linecap': 'round' }),
    tag('path', { d: pathData(headPts, true), fill: color, stroke: '#fff', 'stroke-width': 1.2, 'stroke-linejoin': 'round' }),
  ];
}

/**
 * A numbered badge for the element at `lonlat` with its date beside it, at the first of
 * `spots` the board allows. A spot is { dx, dy, date }: the badge's offset from the element and
 * where the date goes (right, left, above or below the badge).
 */
function datedBadge(map, board, lonlat, n, color, date, spots) {
  const [px, py] = map.p(lonlat);
  const size = SIZE.small;
  const dateAt = { right: [18, 5, 'start'], left: [-18, 5, 'end'], above: [0, -20, 'middle'], below: [0, 30, 'middle'] };
  const candidates = spots.map(({ dx, dy, date: side }) => {
    const [x, y] = [px + dx, py + dy];
    const [ox, oy, anchor] = dateAt[side];
    return {
      boxes: [circleBox(x, y, 15), textBox(x + ox, y + oy, date, { size, anchor })],
      point: [px, py],
      svg: [...badge(x, y, n, color), text(x + ox, y + oy, date, { cls: 'small', anchor, style: 'font-weight:bold' })],
    };
  });
  return board.place(`badge ${n}`, candidates);
}

/** Numbered disc tying a map element to its legend entry. */
function badge(x, y, n, color) {
  return [
    tag('circle', { cx: x, cy: y, r: 13, fill: color, stroke: '#fff', 'stroke-width': 2 }),
    tag('text', { x, y: y + 5.5, 'text-anchor': 'middle', style: 'font-size:16px;font-weight:bold;fill:#fff' }, String(n)),
  ];
}

/**
 * Legend box. Each item has a `symbol(x, y)` drawing into a cell (44 units
 * wide unless `textX` leaves more room) whose vertical centre is y, and one
 * or more text lines. The box is measured first, then `place(width, height)`
 * returns its top-left corner, so it can be anchored to any frame corner.
 */
function legend({ title, items, width, textX = 70 }, place) {
  const lineH = 19;
  const gap = 9;
  let h = 12 + (title ? 26 : 0);
  const rows = items.map((it) => {
    const lines = Array.isArray(it.text) ? it.text : [it.text];
    const row = { it, lines, y: h };
    h += Math.max(22, lines.length * lineH) + gap;
    return row;
  });
  h += 2;
  const w = width ?? textX + 14 + Math.max(...rows.flatMap((r) => r.lines.map((l) => textWidth(l, 15))));
  const [x, y] = place(w, h);
  const out = [tag('rect', { x, y, width: w, height: h, fill: '#fff', 'fill-opacity': '0.93', stroke: '#999', 'stroke-width': 1, rx: 4 })];
  if (title) out.push(text(x + 14, y + 28, title, { cls: 'lgt', halo: false }));
  for (const { it, lines, y: ry } of rows) {
    const cy = y + ry + 11;
    out.push(...it.symbol(x + 14, cy));
    out.push(text(x + textX, cy + 5, lines, { cls: 'lg', halo: false, lineHeight: lineH }));
  }
  return { svg: out, width: w, height: h, box: rectBox(x, y, w, h) };
}

// Legend symbols --------------------------------------------------------------

const swatch = (fill, extra = {}) => (x, y) => [
  tag('rect', { x, y: y - 10, width: 44, height: 20, fill, stroke: '#777', 'stroke-width': 0.8, ...extra }),
];
const lineSymbol = (attrs) => (x, y) => [tag('path', { d: `M${r1(x)},${r1(y)}h44`, fill: 'none', ...attrs })];
const dotSymbol = (capital) => (x, y) =>
  capital
    ? [
        tag('circle', { cx: x + 22, cy: y, r: 7, fill: '#fff', stroke: COLOR.ink, 'stroke-width': 2 }),
        tag('circle', { cx: x + 22, cy: y, r: 3.2, class: 'dot' }),
      ]
    : [tag('circle', { cx: x + 22, cy: y, r: 4.5, class: 'dot' })];

// ---------------------------------------------------------------------------
// Map composition
// ---------------------------------------------------------------------------

/**
 * The common bottom layers: sea, land, the figure's own fills, graticule,
 * coastline and international borders. The land path is defined once and
 * used twice (fill, then coastline stroke above the fills).
 */
function baseLayers(map, atlas, { fills = [], graticuleOpts, drawKoreanBorder = true }) {
  const [[x0, y0], [x1, y1]] = map.frame;
  return [
    tag('rect', { class: 'sea', x: x0, y: y0, width: x1 - x0, height: y1 - y0 }),
    tag('use', { href: '#land', class: 'land' }),
    ...fills,
    ...graticule(map, graticuleOpts),
    tag('use', { href: '#land', class: 'coast' }),
    tag('path', { class: 'border', d: map.path(atlas.borders) }),
    drawKoreanBorder ? tag('path', { class: 'border', d: map.path(atlas.koreanBorder) }) : '',
  ].filter(Boolean);
}

/**
 * Assembles a map figure: title band, the map (everything in `layers` is
 * clipped to the frame), `overlay` drawn unclipped on top (legend), and the
 * credit line below.
 */
function mapFigure({ map, atlas, height, title, desc, defs = [], layers, overlay = [] }) {
  const [[x0, y0], [x1, y1]] = map.frame;
  const allDefs = [
    tag('clipPath', { id: 'frame' }, tag('rect', { x: x0, y: y0, width: x1 - x0, height: y1 - y0 })),
    tag('path', { id: 'land', d: map.path(atlas.land) }),
    ...defs,
  ];
  return svgDocument({
    height,
    title,
    desc,
    body: [
      tag('defs', {}, allDefs.join('\n')),
      tag('g', { 'clip-path': 'url(#frame)' }, '\n' + layers.join('\n') + '\n'),
      ...overlay,
      tag('rect', { class: 'frame', x: x0 + 0.5, y: y0 + 0.5, width: x1 - x0 - 1, height: y1 - y0 - 1 }),
      text(14, 36, title, { cls: 'title', halo: false }),
      text(14, height - 12, CREDIT, { cls: 'credit', halo: false }),
    ],
  });
}

/** A country name, in capitals, at a lon/lat. */
function countryLabel(map, board, lonlat, name) {
  return label(board, name, ...map.p(lonlat), name, { cls: 'country', anchor: 'middle' });
}

function waterLabel(map, board, lonlat, name) {
  return label(board, String(name), ...map.p(lonlat), name, { cls: 'water', anchor: 'middle', lineHeight: 19 });
}

/**
 * A board for a map: the 38th parallel is the line no label may cross, the frame what every
 * label stays inside; `leaders` are lines drawn to a label, which other labels keep off.
 */
function boardFor(map, leaders = []) {
  const lines = [
    { name: 'the 38th parallel', points: densify(PARALLEL_38).map(map.p) },
    ...leaders.map((points, i) => ({ name: `leader line ${i + 1}`, points, sides: false })),
  ];
  return createBoard(lines, map.frame);
}

/** The 38th parallel across the whole frame (well past its edges). */
const PARALLEL_38 = parallelCoords(38, 112, 143);

// ---------------------------------------------------------------------------
// Figure 1: the 1945 division along the 38th parallel
// ---------------------------------------------------------------------------

function figure1945(atlas) {
  const ext = { lon: [123.5, 131.5], lat: [33, 43.5] };
  const frameHeight = 1000;
  const height = TITLE_H + frameHeight + FOOT_H;
  const map = makeMap({ ...ext, frameHeight });
  const korea = { type: 'FeatureCollection', features: [atlas.country(ID.northKorea), atlas.country(ID.southKorea)] };
  const bottom = TITLE_H + frameHeight;
  const title = 'Korea divided at the 38th parallel, 1945';

  // The two zones are the whole peninsula (today's two countries together)
  // cut along 38°N by two clip paths, not along today's border.
  const defs = [
    tag('clipPath', { id: 'north38' }, tag('path', { d: halfPlaneOfParallel(map, 38, -1) })),
    tag('clipPath', { id: 'south38' }, tag('path', { d: halfPlaneOfParallel(map, 38, +1) })),
    tag('path', { id: 'korea', d: map.path(korea) }),
    tag('path', { id: 'p38', d: map.line(PARALLEL_38), fill: 'none' }),
  ];
  const fills = [
    tag('use', { href: '#korea', fill: COLOR.north, 'clip-path': 'url(#north38)' }),
    tag('use', { href: '#korea', fill: COLOR.south, 'clip-path': 'url(#south38)' }),
  ];
  const parallelLabel = { cls: 'city', anchor: 'middle', style: `font-weight:bold;fill:${COLOR.parallel}` };
  const zoneLabel = { cls: 'city', anchor: 'middle', lineHeight: 21, style: 'font-weight:bold' };
  const board = boardFor(map);

  const legendBox = legend({
    items: [
      { symbol: swatch(COLOR.north), text: ['Soviet occupation zone', '(from August 1945)'] },
      { symbol: swatch(COLOR.south), text: ['US occupation zone', '(from September 1945)'] },
      { symbol: lineSymbol({ stroke: COLOR.parallel, 'stroke-width': 4 }), text: ['38th parallel, the line', 'drawn in August 1945'] },
      { symbol: swatch(COLOR.land), text: 'Neighbouring countries' },
      { symbol: lineSymbol({ class: 'border' }), text: 'Borders (present-day)' },
      { symbol: dotSymbol(true), text: 'City' },
    ],
  }, (w, h) => [14, bottom - h - 14]);
  board.add({ name: 'legend', boxes: [legendBox.box], svg: [] });

  const layers = [
    ...baseLayers(map, atlas, { fills, drawKoreanBorder: false, graticuleOpts: { step: 2, ...ext, skipLat: [34, 38] } }),
    tag('use', { href: '#p38', stroke: '#fff', 'stroke-width': 7, 'stroke-opacity': '0.8' }),
    tag('use', { href: '#p38', stroke: COLOR.parallel, 'stroke-width': 4 }),
    labelOnParallel(map, board, 38, 131.3, '38th parallel (38°N)', parallelLabel),
    labelOnParallel(map, board, 38, 123.2, '38°N', parallelLabel),
    label(board, 'Soviet zone', ...map.p([127.15, 40.25]), ['Soviet occupation zone', '(from August 1945)'], { ...zoneLabel, point: map.p([127.15, 40.25]) }),
    label(board, 'US zone', ...map.p([127.95, 36.6]), ['US occupation zone', '(from September 1945)'], { ...zoneLabel, point: map.p([127.95, 36.6]) }),
    countryLabel(map, board, [124.4, 42.6], 'CHINA'),
    // Only the south of the Soviet Far East is in the frame: the name runs east from Vladivostok's
    // hinterland, inside the map (it used to sit above the frame, clipped away).
    label(board, 'SOVIET UNION', ...map.p([130.2, 43.15]), 'SOVIET UNION', { cls: 'country', size: 16, style: 'font-size:16px' }),
    countryLabel(map, board, [132.9, 34.7], 'JAPAN'),
    waterLabel(map, board, [124.0, 37.0], 'Yellow Sea'),
    waterLabel(map, board, [131.2, 39.6], ['Sea of Japan', '(East Sea)']),
    ...scaleBar(map, board, { x: 720, y: 505, km: 200, at: [127.5, 38] }),
    ...city(map, board, PLACES.pyongyang, 'Pyongyang', { dx: -12, anchor: 'end', capital: true }),
    ...city(map, board, PLACES.seoul, 'Seoul', { dx: 12, dy: 6, capital: true }),
  ];
  const legendSvg = legendBox.svg;

  const svg = mapFigure({
    map,
    atlas,
    height,
    title,
    desc:
      'Map of the Korean Peninsula cut along the 38th parallel north: the Soviet occupation zone ' +
      '(from August 1945) to the north, with Pyongyang, and the US occupation zone (from September 1945) ' +
      'to the south, with Seoul. China and the Soviet Union border Korea to the north; Japan lies across ' +
      'the sea to the south-east. Coastlines and borders are present-day Natural Earth data.',
    defs,
    layers,
    overlay: legendSvg,
  });
  return { svg, board };
}

// ---------------------------------------------------------------------------
// Figure 2: the war's movements, 1950–1951
// ---------------------------------------------------------------------------

// Approximate lines, [lon, lat], placed from general historical knowledge of
// the campaign (see README.md); they show the course of events, not precise
// positions.

// Pusan perimeter, Aug–Sep 1950: from the south coast west of Masan, north
// along the Naktong River to Waegwan, then east to the coast north of Pohang.
const PUSAN_PERIMETER = [
  [128.47, 35.08], [128.42, 35.25], [128.44, 35.38], [128.37, 35.5], [128.4, 35.64],
  [128.4, 35.8], [128.4, 35.99], [128.55, 36.1], [128.85, 36.15], [129.05, 36.2], [129.42, 36.18],
];
// Farthest UN advance, late November 1950: Chongju – Unsan – Tokchon – the
// Chosin Reservoir – Hyesan on the upper Yalu.
const UN_FARTHEST = [
  [125.0, 39.62], [125.22, 39.69], [125.55, 39.85], [125.85, 40.05], [126.3, 39.8],
  [126.9, 40.2], [127.2, 40.48], [127.75, 40.95], [128.18, 41.4],
];
// The front in January 1951, south of Seoul: roughly Pyeongtaek – Wonju –
// Samcheok.
const FRONT_JAN_1951 = [
  [126.75, 36.97], [127.1, 37.0], [127.5, 37.05], [127.9, 37.2], [128.45, 37.15], [128.9, 37.3], [129.3, 37.45],
];

/** The legend of the movements map, in the sea on the right. */
function movementsLegend() {
  const badgeLine = (n, color, lineAttrs) => (x, y) => [
    ...badge(x + 13, y, n, color),
    tag('path', { d: `M${r1(x + 32)},${r1(y)}h26`, fill: 'none', ...lineAttrs }),
  ];
  const badgeArrow = (n, color) => (x, y) => [
    ...badge(x + 13, y, n, color),
    tag('path', { d: `M${r1(x + 32)},${r1(y)}h14`, stroke: color, 'stroke-width': 5, fill: 'none' }),
    tag('path', { d: pathData([[x + 60, y], [x + 45, y - 8], [x + 45, y + 8]], true), fill: color }),
  ];
  return legend(
    {
      textX: 84,
      items: [
        { symbol: badgeArrow(1, COLOR.nk), text: ['North Korean invasion across', 'the 38th parallel, 25 June 1950'] },
        { symbol: badgeLine(2, COLOR.perimeter, { stroke: COLOR.perimeter, 'stroke-width': 4 }), text: ['Pusan perimeter, Aug–Sep 1950', '(approximate)'] },
        { symbol: badgeArrow(3, COLOR.un), text: ['Incheon landing,', '15 September 1950'] },
        { symbol: badgeArrow(4, COLOR.un), text: ['UN advance toward the Yalu,', 'October–November 1950'] },
        { symbol: lineSymbol({ stroke: COLOR.un, 'stroke-width': 3.5, 'stroke-dasharray': '9 5', transform: 'translate(14 0)' }), text: ['Farthest UN advance,', 'November 1950 (approximate)'] },
        { symbol: badgeArrow(5, COLOR.cn), text: ['Chinese intervention,', 'from October 1950'] },
        { symbol: badgeLine(6, COLOR.frontJan, { stroke: COLOR.frontJan, 'stroke-width': 3.5, 'stroke-dasharray': '9 5' }), text: ['Front in January 1951', '(approximate)'] },
        { symbol: badgeLine(7, COLOR.front51, { stroke: COLOR.front51, 'stroke-width': 4 }), text: ['Front near the 38th parallel', 'from mid-1951 (approximate:', 'today’s border)'] },
      ],
    },
    (w, h) => [WIDTH - w - 14, TITLE_H + 90],
  );
}

function figureMovements(atlas) {
  const ext = { lon: [123.8, 133.6], lat: [34.3, 42.5] };
  const frameHeight = 1000;
  const height = TITLE_H + frameHeight + FOOT_H;
  const map = makeMap({ ...ext, frameHeight });
  const bottom = TITLE_H + frameHeight;
  const title = 'The war’s movements, 1950–1951';
  const yalu = yaluOf(atlas.chinaNorthKorea);

  // The Pusan pocket: the perimeter closed through the sea, clipped to South
  // Korea's land so only the land inside the perimeter is shaded.
  const pocket = [...PUSAN_PERIMETER, [129.7, 36.18], [129.7, 34.6], [128.45, 34.6]];
  const defs = [
    tag('path', { id: 'sk', d: map.path(atlas.country(ID.southKorea)) }),
    tag('clipPath', { id: 'skclip' }, tag('use', { href: '#sk' })),
  ];
  const fills = [
    tag('use', { href: '#sk', fill: COLOR.southPale }),
    tag('path', { d: map.path(atlas.country(ID.northKorea)), fill: COLOR.northPale }),
    tag('path', { d: map.line(pocket, true), fill: COLOR.pocket, 'clip-path': 'url(#skclip)' }),
  ];
  const b = (lonlat, dx = 0, dy = 0) => {
    const [x, y] = map.p(lonlat);
    return [x + dx, y + dy];
  };
  const board = boardFor(map);
  const legendBox = movementsLegend();
  board.add({ name: 'legend', boxes: [legendBox.box], svg: [] });

  const layers = [
    ...baseLayers(map, atlas, { fills, drawKoreanBorder: false, graticuleOpts: { step: 2, ...ext, skipLat: [38], skipLon: [130, 132] } }),
    // Yalu River, highlighted.
    tag('path', { d: map.path(yalu), fill: 'none', stroke: COLOR.yalu, 'stroke-width': 4, 'stroke-linecap': 'round' }),
    // 38th parallel, the pre-war boundary.
    tag('path', { d: map.line(PARALLEL_38), fill: 'none', stroke: COLOR.parallel, 'stroke-width': 2, 'stroke-dasharray': '10 6' }),
    // (7) The front from mid-1951 ≈ today's border (Natural Earth).
    tag('path', { d: map.path(atlas.koreanBorder), fill: 'none', stroke: '#fff', 'stroke-width': 7 }),
    tag('path', { d: map.path(atlas.koreanBorder), fill: 'none', stroke: COLOR.front51, 'stroke-width': 4 }),
    // (6) January 1951.
    tag('path', { d: map.line(FRONT_JAN_1951), fill: 'none', stroke: '#fff', 'stroke-width': 6 }),
    tag('path', { d: map.line(FRONT_JAN_1951), fill: 'none', stroke: COLOR.frontJan, 'stroke-width': 3.5, 'stroke-dasharray': '9 5' }),
    // (4) farthest UN advance.
    tag('path', { d: map.line(UN_FARTHEST), fill: 'none', stroke: '#fff', 'stroke-width': 6 }),
    tag('path', { d: map.line(UN_FARTHEST), fill: 'none', stroke: COLOR.un, 'stroke-width': 3.5, 'stroke-dasharray': '9 5' }),
    // (2) Pusan perimeter.
    tag('path', { d: map.line(PUSAN_PERIMETER), fill: 'none', stroke: '#fff', 'stroke-width': 7 }),
    tag('path', { d: map.line(PUSAN_PERIMETER), fill: 'none', stroke: COLOR.perimeter, 'stroke-width': 4 }),
    // (1) North Korean invasion.
    ...arrow(map, [126.75, 38.12], [126.97, 37.68], { color: COLOR.nk }),
    ...arrow(map, [127.2, 37.38], [128.2, 36.15], { color: COLOR.nk, bend: -0.12 }),
    ...arrow(map, [128.75, 38.1], [129.25, 36.55], { color: COLOR.nk, bend: 0.08 }),
    // (3) Incheon landing.
    ...arrow(map, [125.3, 36.95], [126.6, 37.43], { color: COLOR.un, bend: 0.2 }),
    // (4) UN advance north.
    ...arrow(map, [126.5, 37.8], [125.95, 38.9], { color: COLOR.un, bend: 0.1 }),
    ...arrow(map, [125.7, 39.15], [125.3, 39.55], { color: COLOR.un }),
    ...arrow(map, [128.75, 38.45], [127.65, 39.05], { color: COLOR.un, bend: -0.1 }),
    ...arrow(map, [127.75, 40.0], [128.05, 41.15], { color: COLOR.un, bend: -0.1 }),
    // (5) Chinese intervention across the Yalu, then south past Seoul.
    ...arrow(map, [124.3, 40.6], [125.4, 39.98], { color: COLOR.cn }),
    ...arrow(map, [125.9, 41.45], [126.05, 40.0], { color: COLOR.cn, bend: 0.05 }),
    ...arrow(map, [127.0, 41.95], [127.1, 40.6], { color: COLOR.cn, bend: -0.05 }),
    ...arrow(map, [126.45, 39.4], [127.45, 37.3], { color: COLOR.cn, bend: -0.1 }),
    label(board, 'Chosin Res.', ...b(PLACES.chosin, 10, -6), 'Chosin Res.', { cls: 'small', style: 'font-style:italic' }),
    label(board, 'Yalu River', ...b([125.3, 40.75]), 'Yalu River', { cls: 'water', rotate: -30, style: `fill:${COLOR.yalu};font-weight:bold` }),
    countryLabel(map, board, [124.8, 42.2], 'CHINA'),
    // Only a sliver of the Soviet Union shows at the top: the name starts on
    // it and runs out over the sea.
    label(board, 'SOVIET UNION', ...map.p([130.75, 42.45]), 'SOVIET UNION', { cls: 'country', size: 16, style: 'font-size:16px' }),
    countryLabel(map, board, [132.6, 34.85], 'JAPAN'),
    waterLabel(map, board, [124.5, 36.3], 'Yellow Sea'),
    labelOnParallel(map, board, 38, 124.6, '38th parallel', { cls: 'small', anchor: 'middle', style: `font-weight:bold;fill:${COLOR.parallel}` }),
    ...scaleBar(map, board, { x: 40, y: bottom - 22, km: 100, at: [127.5, 38] }),
    // Numbered badges with their dates, each beside its arrow or line; (1) sits in the sea beside
    // the eastern invasion arrow, clear of the parallel it has just crossed.
    ...datedBadge(map, board, [128.85, 37.8], 1, COLOR.nk, '25 Jun 1950', [{ dx: 28, dy: 0, date: 'right' }, { dx: 28, dy: 12, date: 'right' }]),
    ...datedBadge(map, board, [128.4, 35.62], 2, COLOR.perimeter, 'Aug–Sep 1950', [{ dx: -24, dy: 0, date: 'left' }]),
    ...datedBadge(map, board, [125.3, 36.95], 3, COLOR.un, '15 Sep 1950', [{ dx: -16, dy: 8, date: 'below' }]),
    ...datedBadge(map, board, [126.22, 38.35], 4, COLOR.un, 'Oct–Nov 1950', [{ dx: -20, dy: 4, date: 'left' }, { dx: -20, dy: -2, date: 'above' }, { dx: -34, dy: -14, date: 'above' }]),
    ...datedBadge(map, board, [124.3, 40.6], 5, COLOR.cn, 'from Oct 1950', [{ dx: -4, dy: -18, date: 'above' }]),
    ...datedBadge(map, board, [129.3, 37.45], 6, COLOR.frontJan, 'Jan 1951', [{ dx: 22, dy: 0, date: 'right' }]),
    ...datedBadge(map, board, [127.75, 38.28], 7, COLOR.front51, 'from mid-1951', [{ dx: 0, dy: -22, date: 'right' }]),
    // Places.
    ...city(map, board, PLACES.pyongyang, 'Pyongyang', { dx: -12, anchor: 'end', capital: true }),
    ...city(map, board, PLACES.seoul, 'Seoul', { dx: 12, dy: 6, capital: true }),
    ...city(map, board, PLACES.incheon, 'Incheon', { dx: -9, dy: -7, anchor: 'end' }),
    ...city(map, board, PLACES.busan, 'Busan (Pusan)', { dx: 8, dy: 18 }),
    ...city(map, board, PLACES.daegu, 'Daegu', { dx: 9, dy: 5 }),
    ...city(map, board, PLACES.sinuiju, 'Sinuiju', { dx: 6, dy: 18 }),
    ...city(map, board, PLACES.hungnam, 'Hungnam', { dx: 9, dy: 5 }),
    ...city(map, board, PLACES.hyesan, 'Hyesan', { dx: 9, dy: 4, cls: 'small' }),
  ];


  const svg = mapFigure({
    map,
    atlas,
    height,
    title,
    desc:
      'Map of the Korean Peninsula with the main movements of 1950–1951, numbered: (1) the North Korean ' +
      'invasion across the 38th parallel on 25 June 1950; (2) the Pusan perimeter in the south-east, ' +
      'August–September 1950; (3) the Incheon landing, 15 September 1950; (4) the UN advance toward the ' +
      'Yalu River, October–November 1950, with the farthest line reached; (5) the Chinese intervention ' +
      'from across the Yalu from October 1950; (6) the front in January 1951, south of Seoul; (7) the ' +
      'front near the 38th parallel from mid-1951. The lines are approximate.',
    defs,
    layers,
    overlay: legendBox.svg,
  });
  return { svg, board };
}

// ---------------------------------------------------------------------------
// Figure 3: the armistice line of 27 July 1953
// ---------------------------------------------------------------------------

/** Diagonal hatching over a flat colour, for "changed hands" areas. */
function hatchPattern(id, background, ink) {
  return tag(
    'pattern',
    { id, patternUnits: 'userSpaceOnUse', width: 9, height: 9, patternTransform: 'rotate(45)' },
    tag('rect', { width: 9, height: 9, fill: background }) + tag('path', { d: 'M0,0V9', stroke: ink, 'stroke-width': 3.5 }),
  );
}

function figureArmistice(atlas) {
  const ext = { lon: [124.4, 129.8], lat: [36.9, 39.4] };
  const frameHeight = 590;
  const map = makeMap({ ...ext, frameHeight, pad: 4 });
  const bottom = TITLE_H + frameHeight;
  const title = 'The armistice line of 27 July 1953';

  // The demilitarized zone reaches 2 km on each side of the demarcation line:
  // a stroke 4 km wide at the map's scale near the line.
  const dmzWidth = 4 * map.pxPerKm([127.2, 38.1]);

  const defs = [
    hatchPattern('gainedS', COLOR.south, '#7fae62'),
    hatchPattern('heldN', COLOR.north, '#d98d6c'),
    tag('path', { id: 'sk', d: map.path(atlas.country(ID.southKorea)) }),
    tag('path', { id: 'nk', d: map.path(atlas.country(ID.northKorea)) }),
    tag('clipPath', { id: 'north38' }, tag('path', { d: halfPlaneOfParallel(map, 38, -1) })),
    tag('clipPath', { id: 'south38' }, tag('path', { d: halfPlaneOfParallel(map, 38, +1) })),
  ];
  // Each Korea in its colour, then hatching over the part of it that lies on
  // the "wrong" side of the 38th parallel: those areas changed hands.
  const fills = [
    tag('use', { href: '#sk', fill: COLOR.south }),
    tag('use', { href: '#nk', fill: COLOR.north }),
    tag('use', { href: '#sk', fill: 'url(#gainedS)', 'clip-path': 'url(#north38)' }),
    tag('use', { href: '#nk', fill: 'url(#heldN)', 'clip-path': 'url(#south38)' }),
  ];
  const at = (lonlat, dx = 0, dy = 0) => {
    const [x, y] = map.p(lonlat);
    return [x + dx, y + dy];
  };
  const areaNote = { cls: 'small', anchor: 'middle', lineHeight: 18, style: 'font-style:italic' };
  // The western note sits in the sea with leaders to Ongjin and Kaesong.
  const leaders = [[at([125.45, 37.6]), at([125.45, 37.8])], [at([125.9, 37.6]), at([126.15, 37.76])]];
  const board = boardFor(map, leaders);

  const layers = [
    ...baseLayers(map, atlas, { fills, drawKoreanBorder: false, graticuleOpts: { step: 1, ...ext, skipLat: [38] } }),
    tag('path', { d: map.line(PARALLEL_38), fill: 'none', stroke: COLOR.parallel, 'stroke-width': 2.5, 'stroke-dasharray': '12 7' }),
    tag('path', { d: map.path(atlas.koreanBorder), fill: 'none', stroke: COLOR.dmz, 'stroke-opacity': '0.75', 'stroke-width': dmzWidth, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }),
    tag('path', { d: map.path(atlas.koreanBorder), fill: 'none', stroke: COLOR.front51, 'stroke-width': 2.2, 'stroke-linejoin': 'round' }),
    labelOnParallel(map, board, 38, 124.85, '38th parallel', { cls: 'small', anchor: 'middle', style: `font-weight:bold;fill:${COLOR.parallel}` }),
    label(board, 'north note', ...at([127.85, 38.16]), ['North of the 38th parallel:', 'gained by South Korea'], { ...areaNote, point: at([127.85, 38.16]) }),
    tag('path', { d: leaders.map((l) => pathData(l)).join(''), stroke: '#555', 'stroke-width': 1.2, fill: 'none' }),
    label(board, 'south note', ...at([125.6, 37.52]), ['South of the 38th parallel:', 'held by North Korea'], { ...areaNote, point: at([125.6, 37.52]) }),
    label(board, 'NORTH KOREA', ...at([126.5, 38.9]), 'NORTH KOREA', { cls: 'country', anchor: 'middle', style: 'fill:#8a4b33' }),
    label(board, 'SOUTH KOREA', ...at([127.9, 37.3]), 'SOUTH KOREA', { cls: 'country', anchor: 'middle', style: 'fill:#4a6b34' }),
    waterLabel(map, board, [124.95, 37.15], 'Yellow Sea'),
    waterLabel(map, board, [129.25, 37.75], ['Sea of Japan', '(East Sea)']),
    ...scaleBar(map, board, { x: 700, y: bottom - 22, km: 50, at: [127.2, 38.1] }),
    ...panmunjom(map, board),
    ...city(map, board, PLACES.pyongyang, 'Pyongyang', { dx: -12, anchor: 'end', capital: true }),
    ...city(map, board, PLACES.seoul, 'Seoul', { dx: 12, dy: 6, capital: true }),
    ...city(map, board, PLACES.incheon, 'Incheon', { dx: -10, dy: 14, anchor: 'end' }),
    // Kaesong lies just south of the parallel: its name goes where the rules allow, south of it.
    ...city(map, board, PLACES.kaesong, 'Kaesong', { dx: -9, dy: 18, anchor: 'end' }),
  ];

  // Legend: two boxes side by side in a band below the map.
  const legendTop = bottom + 12;
  const left = legend(
    {
      width: 482,
      items: [
        { symbol: lineSymbol({ stroke: COLOR.front51, 'stroke-width': 2.2 }), text: ['Military Demarcation Line of 27 July 1953', '(today’s inter-Korean border)'] },
        { symbol: dmzSymbol(dmzWidth), text: ['Demilitarized Zone: 2 km on each side', 'of the line, 4 km (about 2.5 miles) wide'] },
        { symbol: lineSymbol({ stroke: COLOR.parallel, 'stroke-width': 2.5, 'stroke-dasharray': '12 7' }), text: '38th parallel, the 1945–1950 boundary' },
        { symbol: panmunjomSymbol, text: 'Panmunjom, where the armistice was signed' },
      ],
    },
    () => [14, legendTop],
  );
  const right = legend(
    {
      width: 482,
      items: [
        { symbol: swatch(COLOR.north), text: 'North Korea' },
        { symbol: swatch(COLOR.south), text: 'South Korea' },
        { symbol: swatch('url(#gainedS)'), text: ['North of the 38th parallel,', 'gained by South Korea'] },
        { symbol: swatch('url(#heldN)'), text: ['South of the 38th parallel,', 'held by North Korea'] },
        { symbol: capitalAndCity, text: 'Capital city, other city' },
      ],
    },
    () => [WIDTH - 14 - 482, legendTop],
  );
  const height = legendTop + Math.max(left.height, right.height) + 8 + FOOT_H;

  const svg = mapFigure({
    map,
    atlas,
    height,
    title,
    desc:
      'Map of the middle of the Korean Peninsula: the Military Demarcation Line of the armistice of ' +
      '27 July 1953 (today’s inter-Korean border, from Natural Earth), the 4 km wide demilitarized zone ' +
      'along it, Panmunjom on the line where the armistice was signed, and the 38th parallel dashed for ' +
      'comparison. The line runs south of the parallel in the west, around Kaesong and the Ongjin ' +
      'peninsula, and north of it in the east. Seoul, Incheon, Kaesong and Pyongyang are marked.',
    defs,
    layers,
    overlay: [...left.svg, ...right.svg],
  });
  return { svg, board };
}

/** Panmunjom: a star on the line, labelled below it on the southern side. */
function panmunjom(map, board) {
  const [x, y] = map.p(PLACES.panmunjom);
  const star = tag('path', { d: starPath(x, y, 10), fill: COLOR.panmunjom, stroke: '#fff', 'stroke-width': 1.5, 'stroke-linejoin': 'round' });
  board.add({ name: 'Panmunjom (star)', boxes: [circleBox(x, y, 10)], mark: true, svg: star });
  return [star, label(board, 'Panmunjom', x + 8, y + 26, 'Panmunjom', { cls: 'city', style: 'font-weight:bold', point: [x, y] })];
}

function starPath(cx, cy, r) {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 ? r * 0.45 : r;
    pts.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  return pathData(pts, true);
}

const capitalAndCity = (x, y) => [...dotSymbol(true)(x - 10, y), ...dotSymbol(false)(x + 14, y)];

const panmunjomSymbol = (x, y) => [
  tag('path', { d: starPath(x + 22, y, 10), fill: COLOR.panmunjom, stroke: '#fff', 'stroke-width': 1.5 }),
];

const dmzSymbol = (width) => (x, y) => [
  tag('path', { d: `M${r1(x)},${r1(y)}h44`, stroke: COLOR.dmz, 'stroke-opacity': '0.75', 'stroke-width': width }),
  tag('path', { d: `M${r1(x)},${r1(y)}h44`, stroke: COLOR.front51, 'stroke-width': 2.2 }),
];

// ---------------------------------------------------------------------------
// Figure 4: the human cost (a chart of the article's own numbers)
// ---------------------------------------------------------------------------

// Only the article's figures, with its wording ("nearly", "more than half",
// "over"); nothing is added. The civilian/soldier split is not given beyond
// "more than half", so the bar is split at the half-way mark and an arrow
// says the civilian share reaches past it.
const CHART = {
  left: 40, // row labels start here
  barX: 250, // bars start here
  barW: 680, // width of each panel's full scale
  civilians: '#b0473a',
  soldiers: '#5b7591',
  usDead: '#2f4b7c',
  usWounded: '#8fb3d9',
  skirmish: '#7a6a58',
};

/** Axis under a panel: ticks and labels every `step` up to `max`. */
function axis(y, max, step, format) {
  const out = [tag('path', { d: `M${CHART.barX},${r1(y)}h${CHART.barW}`, stroke: '#666', 'stroke-width': 1 })];
  for (let v = 0; v <= max + 1e-9; v += step) {
    const x = CHART.barX + (v / max) * CHART.barW;
    out.push(tag('path', { d: `M${r1(x)},${r1(y)}v6`, stroke: '#666', 'stroke-width': 1 }));
    out.push(text(x, y + 22, format(v), { cls: 'small', anchor: 'middle', halo: false, style: 'fill:#444' }));
  }
  return out;
}

/** Light vertical grid lines behind a panel's bars. */
function grid(y0, y1, max, step) {
  const out = [];
  for (let v = step; v <= max + 1e-9; v += step) {
    const x = CHART.barX + (v / max) * CHART.barW;
    out.push(tag('path', { d: `M${r1(x)},${r1(y0)}V${r1(y1)}`, stroke: '#ddd', 'stroke-width': 1 }));
  }
  return out;
}

/** A right-pointing chevron at the end of a bar meaning "more than this". */
function moreThan(x, y, h, color) {
  return tag('path', { d: pathData([[x, y], [x + h * 0.45, y + h / 2], [x, y + h]], true), fill: color });
}

function heading(y, s) {
  return text(CHART.left, y, s, { cls: 'lgt', halo: false, style: 'font-size:18px' });
}

function rowLabel(y, lines) {
  return text(CHART.left, y, lines, { cls: 'lg', halo: false, lineHeight: 18 });
}

function figureHumanCost() {
  const title = 'The human cost';
  const out = [];
  const x = (v, max) => CHART.barX + (v / max) * CHART.barW;
  const thousands = (v) => v.toLocaleString('en-US');
  out.push(text(14, 36, title, { cls: 'title', halo: false }));
  out.push(text(14, 62, 'The article’s own figures. Each panel has its own scale.', { cls: 'lg', halo: false, style: 'fill:#555' }));

  // A. The whole war: nearly 5 million dead, more than half civilians.
  const maxA = 5e6;
  const half = x(maxA / 2, maxA);
  let y = 110;
  out.push(heading(y, 'A. The whole war: nearly 5 million people perished'));
  const barA = { y: y + 44, h: 50 };
  out.push(...grid(barA.y - 6, barA.y + barA.h, maxA, 1e6));
  out.push(tag('rect', { x: CHART.barX, y: barA.y, width: half - CHART.barX, height: barA.h, fill: CHART.civilians }));
  out.push(tag('rect', { x: half, y: barA.y, width: CHART.barX + CHART.barW - half, height: barA.h, fill: CHART.soldiers }));
  // The civilian share reaches past the half-way mark: an arrow crossing it.
  out.push(moreThan(half, barA.y + 6, barA.h - 12, CHART.civilians));
  out.push(tag('path', { d: `M${r1(half)},${r1(barA.y - 14)}V${r1(barA.y + barA.h + 6)}`, stroke: '#222', 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }));
  out.push(text(half, barA.y - 18, 'half-way mark', { cls: 'small', anchor: 'middle', halo: false }));
  out.push(text(CHART.barX + 12, barA.y + 31, 'Civilians: more than half', { cls: 'lg', halo: false, style: 'fill:#fff;font-weight:bold' }));
  out.push(text(CHART.barX + CHART.barW - 12, barA.y + 31, 'Soldiers: the rest', { cls: 'lg', anchor: 'end', halo: false, style: 'fill:#fff;font-weight:bold' }));
  out.push(rowLabel(barA.y + 22, ['All deaths,', 'nearly 5 million']));
  out.push(...axis(barA.y + barA.h + 6, maxA, 1e6, (v) => (v === 0 ? '0' : `${v / 1e6} million`)));
  out.push(text(CHART.barX, barA.y + barA.h + 56, 'The civilian dead were about 10% of Korea’s pre-war population. The article gives no', { cls: 'small', halo: false, style: 'fill:#444' }));
  out.push(text(CHART.barX, barA.y + barA.h + 75, 'exact split: the civilian part ends somewhere past the half-way mark.', { cls: 'small', halo: false, style: 'fill:#444' }));

  // B. American soldiers: nearly 40,000 killed in combat, over 100,000 wounded.
  const maxB = 120000;
  y = barA.y + barA.h + 125;
  out.push(tag('path', { d: `M14,${r1(y - 34)}H${WIDTH - 14}`, stroke: '#ccc', 'stroke-width': 1 }));
  out.push(heading(y, 'B. American soldiers'));
  const rowsB = [
    { label: ['Died in combat'], value: 40000, text: 'nearly 40,000', color: CHART.usDead, more: false },
    { label: ['Wounded'], value: 100000, text: 'over 100,000', color: CHART.usWounded, more: true },
  ];
  const barH = 34;
  const topB = y + 24;
  out.push(...grid(topB - 6, topB + rowsB.length * (barH + 14), maxB, 20000));
  rowsB.forEach((row, i) => {
    const by = topB + i * (barH + 14);
    const end = x(row.value, maxB);
    out.push(tag('rect', { x: CHART.barX, y: by, width: end - CHART.barX, height: barH, fill: row.color }));
    if (row.more) out.push(moreThan(end, by, barH, row.color));
    out.push(text(end + (row.more ? 22 : 8), by + 23, row.text, { cls: 'lg', halo: false, style: 'font-weight:bold' }));
    out.push(rowLabel(by + 23, row.label));
  });
  const axisB = topB + rowsB.length * (barH + 14) - 8;
  out.push(...axis(axisB, maxB, 20000, thousands));

  // C. Before the war: nearly 10,000 soldiers killed in border skirmishes.
  const maxC = 12000;
  y = axisB + 80;
  out.push(tag('path', { d: `M14,${r1(y - 34)}H${WIDTH - 14}`, stroke: '#ccc', 'stroke-width': 1 }));
  out.push(heading(y, 'C. Before the war began: smaller skirmishes'));
  const topC = y + 24;
  out.push(...grid(topC - 6, topC + barH + 6, maxC, 2000));
  const endC = x(10000, maxC);
  out.push(tag('rect', { x: CHART.barX, y: topC, width: endC - CHART.barX, height: barH, fill: CHART.skirmish }));
  out.push(text(endC + 8, topC + 23, 'nearly 10,000', { cls: 'lg', halo: false, style: 'font-weight:bold' }));
  out.push(rowLabel(topC + 14, ['Soldiers of North', 'and South killed']));
  out.push(...axis(topC + barH + 6, maxC, 2000, thousands));

  const height = topC + barH + 6 + 40 + FOOT_H;
  out.push(tag('path', { d: `M14,${r1(height - FOOT_H - 6)}H${WIDTH - 14}`, stroke: '#ccc', 'stroke-width': 1 }));
  out.push(text(14, height - 12, 'Figures as given in the article (Lê Tuấn, Pywar, 2025).', { cls: 'credit', halo: false }));

  return svgDocument({
    height,
    title: 'The human cost of the Korean War',
    desc:
      'Bar chart of the figures given in the article, each panel on its own scale. A: nearly 5 million ' +
      'people perished in the war, more than half of them civilians (about 10% of Korea’s pre-war ' +
      'population) and the rest soldiers; the split is drawn at the half-way mark with the civilian part ' +
      'reaching past it. B: nearly 40,000 American soldiers died in combat and over 100,000 were wounded. ' +
      'C: before the war began, nearly 10,000 soldiers of North and South died in smaller skirmishes.',
    body: [tag('rect', { x: 0, y: 0, width: WIDTH, height, fill: '#fff' }), ...out],
  });
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

/** Every figure: file name → { svg, board } (the board holds a map's labels; the chart has none). */
export function buildFigures(atlas = loadAtlas()) {
  return {
    'korea-1945-division.svg': figure1945(atlas),
    'war-movements-1950-1951.svg': figureMovements(atlas),
    'armistice-1953.svg': figureArmistice(atlas),
    'human-cost.svg': { svg: figureHumanCost(), board: null },
  };
}

export { OUT_DIR };

function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, { svg }] of Object.entries(buildFigures())) {
    const file = join(OUT_DIR, name);
    writeFileSync(file, svg);
    console.log(`${name}: ${(statSync(file).size / 1024).toFixed(1)} KB`);
  }
}

// Run as a script it writes the files; imported (by the test) it only builds them.
if (process.argv[1] && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1])) main();
