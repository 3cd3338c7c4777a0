// The catalogues and the UI agree: every message id the UI names exists in English and in
// Vietnamese, neither catalogue has ids nobody uses, both have the same ids, and every message
// formats without errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource } from "../vendor/fluent-bundle/index.js";

const ui = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const catalogue = (lang) => readFileSync(path.join(ui, "i18n", `${lang}.ftl`), "utf8");

function bundle(lang) {
  const b = new FluentBundle(lang, { useIsolating: false });
  const errors = b.addResource(new FluentResource(catalogue(lang)));
  assert.deepEqual(errors, [], `${lang}.ftl does not parse`);
  return b;
}

/** Message ids (not terms) defined in a catalogue. */
const ids = (lang) => new Set([...catalogue(lang).matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1]));

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(js|html)$/.test(name) ? [readFileSync(p, "utf8")] : [];
  });
}
const code = [...sources(path.join(ui, "js")), readFileSync(path.join(ui, "index.html"), "utf8")].join("\n");

/** The ids the UI names where it asks for a message. */
function named() {
  const patterns = [
    /\bt\(\s*"([a-z][a-z0-9-]*)"/g,
    /\btAttr\(\s*"([a-z][a-z0-9-]*)"/g,
    /\btranslate\([^,()]+(?:\([^()]*\))?,\s*"([a-z][a-z0-9-]*)"/g,
    /data-l10n-id="([a-z0-9-]+)"/g,
    /l10nId: "([a-z0-9-]+)"/g,
    /"(key-[a-z-]+)"/g,
  ];
  return new Set(patterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[1])));
}

test("both catalogues parse and have the same message ids", () => {
  bundle("en");
  bundle("vi");
  assert.deepEqual([...ids("vi")].sort(), [...ids("en")].sort());
});

test("every message id the UI names is in both catalogues", () => {
  const en = ids("en");
  const vi = ids("vi");
  const used = named();
  assert.ok(used.size > 100, `only ${used.size} ids found: is the pattern list out of date?`);
  for (const id of used) {
    assert.ok(en.has(id), `en.ftl lacks ${id}`);
    assert.ok(vi.has(id), `vi.ftl lacks ${id}`);
  }
});

test("no catalogue has a message the UI never uses", () => {
  // A message counts as used where its id stands in the UI's code as a string.
  for (const id of ids("en")) assert.ok(code.includes(`"${id}"`), `${id} is in the catalogues but the UI never uses it`);
});

test("every message formats in both languages without errors", () => {
  const args = { title: "T", percent: "5", author: "A", source: "S", published: "P", updated: "U", caption: "C",
    day: "8", month: 1, monthNumber: "1", year: "2025", colour: "yellow", meaning: "M", tag: "x", shown: 1, total: 2,
    section: "S", time: "10:00", error: "E", version: "0.1.0", path: "/p", added: 1, unchanged: 0, orphaned: 0,
    theme: "Dark", kind: "invalid_input", message: "m", index: "1", quote: "q", minutes: "3", article: "12", date: "D",
    found: "9", supported: "2", when: "W", size: "4", newer_here: 0, bookmarks: 1, notes: 1, settings: 1, current: 1, count: 3, text: "t" };
  for (const lang of ["en", "vi"]) {
    const b = bundle(lang);
    for (const id of ids(lang)) {
      const message = b.getMessage(id);
      const errors = [];
      if (message.value) b.formatPattern(message.value, args, errors);
      for (const attr of Object.values(message.attributes)) b.formatPattern(attr, args, errors);
      assert.deepEqual(errors.map(String), [], `${lang} ${id}`);
    }
  }
});

test("dates are written the English and the Vietnamese way", () => {
  const date = (lang) => bundle(lang).formatPattern(bundle(lang).getMessage("date-long").value,
    { day: "8", month: 1, monthNumber: "1", year: "2025" });
  assert.equal(date("en"), "8 January 2025");
  assert.equal(date("vi"), "8 tháng 1, 2025");
});
