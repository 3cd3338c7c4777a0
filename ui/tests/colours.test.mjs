// The highlight colours, the selection and the page stay apart in every theme, for normal vision
// and the common colour-vision deficiencies, and text stays readable on every highlight:
// computed from app.css itself (issue 16, bug 8).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const css = readFileSync(new URL("../styles/app.css", import.meta.url), "utf8");

/** The hex custom properties per theme: `:root` is light, `:root[data-theme="x"]` overrides it. */
function themes() {
  const blocks = { light: {}, sepia: {}, dark: {} };
  for (const m of css.matchAll(/:root(?:\[data-theme="(\w+)"\])?\s*\{([^}]*)\}/g)) {
    for (const p of m[2].matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)) blocks[m[1] || "light"][p[1]] = p[2];
  }
  return { light: blocks.light, sepia: { ...blocks.light, ...blocks.sepia }, dark: { ...blocks.light, ...blocks.dark } };
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const lin = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
const unlin = (c) => { c = Math.max(0, Math.min(1, c)); return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055); };
// Machado, Oliveira and Fernandes (2009), full severity, on linear RGB.
const VISION = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
const seen = (c, m) => m.map((row) => row[0] * lin(c[0]) + row[1] * lin(c[1]) + row[2] * lin(c[2])).map(unlin);
function lab(c) {
  const [r, g, b] = c.map(lin);
  const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (841 / 108) * t + 4 / 29);
  const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a, b) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));
const luminance = (c) => { const [r, g, b] = c.map(lin); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

const NAMES = ["--hl-yellow", "--hl-green", "--hl-blue", "--hl-pink", "--hl-purple", "--selection", "--bg"];

test("every theme defines the five highlight colours and the selection", () => {
  for (const [theme, props] of Object.entries(themes())) {
    for (const name of [...NAMES, "--fg"]) assert.match(props[name] || "", /^#/, `${theme} lacks ${name}`);
  }
});

test("highlights, selection and page differ by ΔE ≥ 10 for normal vision and colour-blindness", () => {
  for (const [theme, props] of Object.entries(themes())) {
    for (const [vision, m] of Object.entries(VISION)) {
      for (let i = 0; i < NAMES.length; i++) {
        for (let j = i + 1; j < NAMES.length; j++) {
          const d = deltaE(seen(rgb(props[NAMES[i]]), m), seen(rgb(props[NAMES[j]]), m));
          assert.ok(d >= 10, `${theme}, ${vision}: ${NAMES[i]} and ${NAMES[j]} are ${d.toFixed(1)} apart`);
        }
      }
    }
  }
});

test("text on every highlight and on the selection has at least 4.5:1 contrast", () => {
  for (const [theme, props] of Object.entries(themes())) {
    for (const name of NAMES.slice(0, 6)) {
      const ratio = contrast(rgb(props["--fg"]), rgb(props[name]));
      assert.ok(ratio >= 4.5, `${theme}: text on ${name} is ${ratio.toFixed(2)}:1`);
    }
  }
});
