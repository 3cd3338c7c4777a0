import { test } from "node:test";
import assert from "node:assert/strict";
import { nextEnd, previousEnd, rangeAt, segmentText } from "../js/shared/segments.js";

const slice = (text, [s, e]) => [...text].slice(s, e).join("");

test("sentences and words in code points, emoji and Vietnamese included", () => {
  const text = "🇰🇷 Seoul fell. Then Incheon! Hiệp định đình chiến được ký.\n\nA new block";
  const sentences = segmentText(text, "sentence", "en").map((r) => slice(text, r));
  assert.deepEqual(sentences, ["🇰🇷 Seoul fell.", "Then Incheon!", "Hiệp định đình chiến được ký.", "A new block"]);
  const words = segmentText(text, "word", "vi").map((r) => slice(text, r));
  assert.deepEqual(words.slice(0, 4), ["Seoul", "fell", "Then", "Incheon"]);
  assert.ok(words.includes("đình"));
});

test("where a cursor goes next", () => {
  const ranges = [[0, 5], [6, 10], [11, 20]];
  assert.deepEqual(rangeAt(ranges, 7), [6, 10]);
  assert.deepEqual(rangeAt(ranges, 5), [6, 10]);
  assert.deepEqual(rangeAt(ranges, 99), [11, 20]);
  assert.equal(rangeAt([], 3), null);
  assert.equal(nextEnd(ranges, 5), 10);
  assert.equal(nextEnd(ranges, 20), 20);
  assert.equal(previousEnd(ranges, 20, 0), 10);
  assert.equal(previousEnd(ranges, 10, 6), 10, "never before the start");
  assert.equal(previousEnd(ranges, 10, 0), 5);
});
