import { test } from "node:test";
import assert from "node:assert/strict";
import { codePointLength, utf16ToCodePoint, codePointToUtf16, sliceCodePoints } from "../js/shared/offsets.js";

const byline = "🗣 Bài viết đăng bởi Lê Tuấn";

test("a non-BMP emoji is one code point and two UTF-16 units", () => {
  assert.equal(byline.length, codePointLength(byline) + 1);
  assert.equal(codePointLength(""), 0);
  assert.equal(codePointLength("abc"), 3);
});

test("offsets convert both ways around the emoji", () => {
  assert.equal(utf16ToCodePoint(byline, 0), 0);
  assert.equal(utf16ToCodePoint(byline, 2), 1); // after the emoji
  assert.equal(utf16ToCodePoint(byline, 1), 0); // inside the pair: its start
  assert.equal(codePointToUtf16(byline, 1), 2);
  assert.equal(codePointToUtf16(byline, 2), 3);
  assert.equal(codePointToUtf16(byline, 999), byline.length);
  for (let cp = 0; cp <= codePointLength(byline); cp++) {
    assert.equal(utf16ToCodePoint(byline, codePointToUtf16(byline, cp)), cp);
  }
});

test("sliceCodePoints cuts on code points", () => {
  assert.equal(sliceCodePoints(byline, 2, 5), "Bài");
  assert.equal(sliceCodePoints("a🗣b", 1, 2), "🗣");
});
