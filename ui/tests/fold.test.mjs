// Find in the article ignores case and accents, đ included, and maps matches back onto the
// original text's code points (issue 15).
import { test } from "node:test";
import assert from "node:assert/strict";
import { findAll, foldQuery, foldText } from "../js/shared/fold.js";

const slice = (text, { start, end }) => [...text].slice(start, end).join("");

test("Vietnamese without accents finds the accented words, đ too", () => {
  const text = "Hiệp định đình chiến được ký ngày 27/7/1953. ĐÌNH CHIẾN!";
  const hits = findAll(foldText(text), "dinh chien");
  assert.deepEqual(hits.map((h) => slice(text, h)), ["đình chiến", "ĐÌNH CHIẾN"]);
  assert.equal(foldQuery("Đình"), "dinh");
});

test("case, white space and code points outside the BMP map back exactly", () => {
  const text = "🗣 The Korean War\n\nthe korean war, THE KOREAN WAR.";
  const hits = findAll(foldText(text), "the korean war");
  assert.equal(hits.length, 3);
  assert.deepEqual(hits[0], { start: 2, end: 16 });
  assert.equal(slice(text, hits[2]), "THE KOREAN WAR");
  // A query across a paragraph break: white space folds to one space each.
  assert.equal(findAll(foldText(text), "war  the").length, 1);
});

test("matches do not overlap, and an empty or blank query finds nothing", () => {
  const folded = foldText("aaaa");
  assert.deepEqual(findAll(folded, "aa"), [{ start: 0, end: 2 }, { start: 2, end: 4 }]);
  assert.deepEqual(findAll(folded, ""), []);
  assert.deepEqual(findAll(folded, "   "), []);
  assert.deepEqual(findAll(folded, "b"), []);
});

test("a letter that lower-cases to two units still maps to one code point", () => {
  const text = "İstanbul";
  const [hit] = findAll(foldText(text), "istanbul");
  assert.deepEqual(hit, { start: 0, end: 8 });
});
