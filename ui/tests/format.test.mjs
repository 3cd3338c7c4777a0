import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDate, scrollProgress } from "../js/format.js";

test("formatDate writes the day, the month's name and the year", () => {
  assert.equal(formatDate("2025-01-08"), "8 January 2025");
  assert.equal(formatDate("2025-03-24"), "24 March 2025");
  assert.equal(formatDate("1953-12-31"), "31 December 1953");
  assert.equal(formatDate("not a date"), "not a date");
  assert.equal(formatDate("2025-13-01"), "2025-13-01");
});

test("scrollProgress is clamped to 0..1 and full for a page that does not scroll", () => {
  assert.equal(scrollProgress(0, 2000, 1000), 0);
  assert.equal(scrollProgress(500, 2000, 1000), 0.5);
  assert.equal(scrollProgress(1500, 2000, 1000), 1);
  assert.equal(scrollProgress(-20, 2000, 1000), 0);
  assert.equal(scrollProgress(0, 800, 1000), 1);
});
