import { test } from "node:test";
import assert from "node:assert/strict";
import { countWords, createPace, createWordIndex, DEFAULT_WPM } from "../js/reader/pace.js";

test("words are counted in any script, with apostrophes and hyphens inside words", () => {
  assert.equal(countWords("The Korean War’s back-and-forth fighting, 1950–1953."), 7);
  assert.equal(countWords("🗣 Bài viết đăng bởi Lê Tuấn"), 6);
  assert.equal(countWords(""), 0);
});

const blocks = [
  { text: "one two three four", start: 0, end: 18, section: "intro" },
  { text: "five six seven eight nine ten", start: 20, end: 49, section: "intro" },
  { text: "eleven twelve", start: 51, end: 64, section: "end" },
];

test("words before an offset and at the end of each section", () => {
  const index = createWordIndex(blocks);
  assert.equal(index.total, 12);
  assert.equal(index.before(0), 0);
  assert.equal(index.before(20), 4);
  assert.equal(index.before(34), 7);
  assert.equal(index.before(1000), 12);
  assert.equal(index.sectionEnd("intro"), 10);
  assert.equal(index.sectionEnd("end"), 12);
});

test("the pace learns from steady reading and ignores jumps, going back and pauses", () => {
  const pace = createPace();
  assert.equal(pace.wpm(), DEFAULT_WPM);
  assert.equal(pace.minutes(460), 2);
  let t = 0;
  pace.observe(0, t);
  // 100 words in 20 s: 300 words a minute.
  assert.equal(pace.observe(100, (t += 20_000)), true);
  assert.ok(pace.wpm() > DEFAULT_WPM && pace.wpm() < 300, `${pace.wpm()}`);
  const learnt = pace.wpm();
  assert.equal(pace.observe(2000, (t += 20_000)), false, "a jump taught it");
  assert.equal(pace.observe(1900, (t += 20_000)), false, "going back taught it");
  assert.equal(pace.observe(1990, (t += 600_000)), false, "a pause taught it");
  assert.equal(pace.wpm(), learnt);
  assert.equal(createPace(5).wpm(), 80, "a stored pace out of range is clamped");
});
