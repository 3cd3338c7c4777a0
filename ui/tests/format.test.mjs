import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { formatDate, scrollProgress } from "../js/shared/format.js";
import { setCatalogues } from "../js/shared/i18n.js";

const catalogue = (lang) => readFileSync(new URL(`../i18n/${lang}.ftl`, import.meta.url), "utf8");

test("formatDate writes the day, the month's name and the year in English", () => {
  setCatalogues("en", [catalogue("en")]);
  assert.equal(formatDate("2025-01-08"), "8 January 2025");
  assert.equal(formatDate("2025-03-24"), "24 March 2025");
  assert.equal(formatDate("1953-12-31"), "31 December 1953");
  assert.equal(formatDate("not a date"), "not a date");
  assert.equal(formatDate("2025-13-01"), "2025-13-01");
});

test("formatDate writes dates the Vietnamese way in Vietnamese", () => {
  setCatalogues("vi", [catalogue("vi"), catalogue("en")]);
  assert.equal(formatDate("2025-01-08"), "8 tháng 1, 2025");
  assert.equal(formatDate("1953-12-31"), "31 tháng 12, 1953");
  assert.equal(formatDate("2025-00-10"), "2025-00-10");
});

test("scrollProgress is clamped to 0..1 and full for a page that does not scroll", () => {
  assert.equal(scrollProgress(0, 2000, 1000), 0);
  assert.equal(scrollProgress(500, 2000, 1000), 0.5);
  assert.equal(scrollProgress(1500, 2000, 1000), 1);
  assert.equal(scrollProgress(-20, 2000, 1000), 0);
  assert.equal(scrollProgress(0, 800, 1000), 1);
});
