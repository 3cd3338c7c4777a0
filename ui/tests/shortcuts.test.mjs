import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { isKeyName, SHORTCUTS } from "../js/reader/shortcuts.js";
import { setCatalogues, t } from "../js/shared/i18n.js";

test("README lists every shortcut the help dialog shows, as the English catalogue words it", () => {
  setCatalogues("en", [readFileSync(new URL("../i18n/en.ftl", import.meta.url), "utf8")]);
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.split("## Keyboard shortcuts")[1].split("\n## ")[0];
  for (const { keys, l10nId } of SHORTCUTS) {
    const action = t(l10nId);
    assert.notEqual(action, l10nId, `no English text for ${l10nId}`);
    assert.ok(section.includes(action), `README lacks "${action}"`);
    for (const key of keys) {
      const label = isKeyName(key) ? t(key) : key;
      assert.ok(section.includes(label), `README lacks key ${label} (${action})`);
    }
  }
});
