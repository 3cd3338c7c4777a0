import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { SHORTCUTS } from "../js/shortcuts.js";

test("README lists every shortcut the help dialog shows", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.split("## Keyboard shortcuts")[1].split("\n## ")[0];
  for (const { keys, action } of SHORTCUTS) {
    assert.ok(section.includes(action), `README lacks "${action}"`);
    for (const key of keys) assert.ok(section.includes(key), `README lacks key ${key} (${action})`);
  }
});
