// Installs the .deb that scripts/package built, runs the installed /usr/bin/margin in its real
// webview, removes the package, and checks that the user's data stayed. Needs root and a built
// package: scripts/test provides both (MARGIN_DEB) when it runs as root.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { launch, tempDataDir, invoke, errors, selectPhrase, press, waitHighlights } from "./harness.mjs";

const deb = process.env.MARGIN_DEB;
const skip = !deb
  ? "MARGIN_DEB is not set: scripts/test builds the .deb and sets it when it runs as root"
  : process.getuid() !== 0 ? "installing a .deb needs root" : false;

test("the .deb installs, /usr/bin/margin shows the article, removal keeps the user's data", { skip }, async () => {
  const dataDir = tempDataDir();
  execFileSync("dpkg", ["-i", deb], { stdio: "inherit" });
  try {
    assert.ok(existsSync("/usr/bin/margin"));
    assert.ok(existsSync("/usr/share/applications/Margin.desktop"), "the desktop entry is installed");
    const app = await launch(dataDir, {}, "/usr/bin/margin");
    try {
      const title = await app.driver.executeScript("return document.querySelector('#article h1').textContent");
      assert.equal(title, "The Korean War: What Really Happened at the 38th Parallel?");
      await selectPhrase(app, "intro-p5", "remains divided");
      await press(app, "h");
      await waitHighlights(app, 1);
      assert.deepEqual(await errors(app), []);
    } finally {
      await app.quit();
    }
  } finally {
    execFileSync("dpkg", ["-r", "margin"], { stdio: "inherit" });
  }
  assert.ok(!existsSync("/usr/bin/margin"), "the binary is gone after removal");
  assert.ok(existsSync(path.join(dataDir, "margin.sqlite3")), "the user's database stayed");
});
