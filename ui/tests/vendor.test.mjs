// ui/vendor/fluent-bundle is an untouched copy of the locked @fluent/bundle package's ES modules
// (scripts/vendor-fluent.mjs makes it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { SOURCE, TARGET, vendoredFiles } from "../../scripts/vendor-fluent.mjs";

test("the vendored @fluent/bundle is the locked package's code, file for file", { skip: !existsSync(SOURCE) && "npm ci has not run" }, () => {
  const lock = JSON.parse(readFileSync(path.join(TARGET, "../../../package-lock.json"), "utf8"));
  const { version } = JSON.parse(readFileSync(path.join(SOURCE, "../package.json"), "utf8"));
  assert.equal(lock.packages["node_modules/@fluent/bundle"].version, version);
  assert.match(readFileSync(path.join(TARGET, "VERSION"), "utf8"), new RegExp(`@fluent/bundle ${version.replace(/\./g, "\\.")} `));
  const copied = readdirSync(TARGET).filter((f) => f.endsWith(".js")).sort();
  assert.deepEqual(copied, vendoredFiles());
  for (const file of copied) {
    assert.ok(readFileSync(path.join(TARGET, file)).equals(readFileSync(path.join(SOURCE, file))), `${file} differs from the package`);
  }
});
