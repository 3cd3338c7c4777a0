// The fonts Margin bundles (ui/fonts/) cover every letter they may have to draw: the article
// (English, with a Vietnamese byline) and the Vietnamese UI's words, so a text set in them never
// mixes faces letter by letter. Read with fontconfig's fc-query, from the files the app ships.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const css = readFileSync(path.join(root, "ui/styles/app.css"), "utf8");

/** The code points a font file has glyphs for, from fc-query's charset ranges ("20-7e a0-107"). */
function charset(file) {
  const ranges = execFileSync("fc-query", ["-f", "%{charset}", file]).toString().trim().split(/\s+/);
  const set = new Set();
  for (const r of ranges) {
    const [from, to = from] = r.split("-").map((h) => parseInt(h, 16));
    for (let c = from; c <= to; c++) set.add(c);
  }
  return set;
}

/** Every letter, digit and punctuation mark in the texts a bundled face may draw. */
function needed() {
  const texts = [
    readFileSync(path.join(root, "assets/articles/korean-war/article.md"), "utf8"),
    readFileSync(path.join(root, "ui/i18n/vi.ftl"), "utf8").replace(/^#.*$/gm, "").replace(/\{[^}]*\}/g, ""),
  ];
  const chars = new Set();
  for (const t of texts) for (const ch of t.normalize("NFC")) if (/[\p{L}\p{N}\p{P}]/u.test(ch)) chars.add(ch.codePointAt(0));
  return chars;
}

test("every bundled font face covers the article's and the Vietnamese UI's letters", () => {
  const faces = [...css.matchAll(/@font-face\s*\{[^}]*url\("\.\.\/(fonts\/[^"]+)"\)/g)].map((m) => path.join(root, "ui", m[1]));
  assert.ok(faces.length >= 4, `only ${faces.length} bundled faces found in app.css`);
  const want = needed();
  assert.ok(["ư", "ơ", "đ", "ế", "ộ"].every((c) => want.has(c.codePointAt(0))), "the sample has no Vietnamese letters");
  for (const face of faces) {
    const has = charset(face);
    const missing = [...want].filter((c) => !has.has(c)).map((c) => String.fromCodePoint(c));
    // Emoji and CJK in the article's byline are drawn by the system's fallback faces.
    const letters = missing.filter((c) => /[\p{Script=Latin}\p{N}]/u.test(c));
    assert.deepEqual(letters, [], `${path.basename(face)} lacks ${letters.join(" ")}`);
  }
});
