// A data folder Margin cannot write (issue 18): a read-only mount, a full disk. The reader
// opens and says it cannot save; every write is refused in words while what the user typed
// stays on screen; the database is left byte for byte. Mounting needs root (CI runs as root).

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { By } from "selenium-webdriver";
import { launch, tempDataDir, invoke, press, screenshot, APP } from "./harness.mjs";

const DB = "margin.sqlite3";
const skip = process.getuid() !== 0 ? "mounting a read-only folder or a small disk needs root" : false;
const hash = (file) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A data folder with Margin's database holding one highlight, closed cleanly (no -wal). */
function seeded() {
  const dir = tempDataDir();
  const file = path.join(dir, "seed.jsonld");
  writeFileSync(file, JSON.stringify({
    "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", id: "urn:uuid:0191b3a4-1111-7000-8000-000000000001",
    target: { source: "urn:margin:article:korean-war", selector: [{ type: "TextQuoteSelector", exact: "The Korean War erupted on June 25, 1950" }] },
  }));
  execFileSync(APP, ["import", file], { env: { ...process.env, MARGIN_DATA_DIR: dir } });
  execFileSync("rm", [file]);
  return dir;
}

const CASES = [
  {
    name: "a read-only mount",
    make(dir) {
      execFileSync("mount", ["--bind", dir, dir]);
      execFileSync("mount", ["-o", "remount,bind,ro", dir]);
      return dir;
    },
    says: /read-only/,
  },
  {
    name: "a full disk",
    make(dir) {
      const disk = path.join(tempDataDir(), "disk");
      mkdirSync(disk);
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk]);
      copyFileSync(path.join(dir, DB), path.join(disk, DB));
      // Whatever is left is taken by one file.
      try { execFileSync("dd", ["if=/dev/zero", `of=${path.join(disk, "filler")}`, "bs=4k"], { stdio: "ignore" }); } catch { /* full */ }
      return disk;
    },
    says: /disk is full|read-only/,
  },
];

/** Unmounts what a case mounted (lazily: the app's processes may still be going). */
const unmount = (at) => execFileSync("umount", ["-l", at]);

for (const c of CASES) {
  test(`${c.name}: the reader opens, says it cannot save, refuses writes in words and leaves the file alone`, { skip }, async () => {
    const dir = c.make(seeded());
    const before = hash(path.join(dir, DB));
    let app;
    try {
      app = await launch(dir);
      const d = app.driver;
      assert.ok(await d.findElement(By.id("read-only-notice")).isDisplayed(), "no word that nothing is saved");
      assert.match(await d.findElement(By.id("read-only-notice")).getText(), /Margin can only read your data/);
      assert.equal(await d.executeScript("return document.documentElement.dataset.highlights"), "1", "the highlight is not shown");
      // A free note typed in the panel: refused, said why, and still there as typed.
      await press(app, "a");
      await d.findElement(By.id("tab-notes")).click();
      const area = await d.findElement(By.css("#notes-list textarea"));
      await area.sendKeys("Typed on a disk that cannot be written");
      await d.findElement(By.id("tab-highlights")).click(); // the note saves when it loses focus
      const status = await d.findElement(By.css("#notes-list .note-status, #notes-list [data-state]"));
      await d.wait(async () => (await status.getAttribute("data-state")) === "error", 5000, "the refused note does not say so");
      assert.match(await status.getAttribute("textContent"), /Not saved: Margin cannot save: the folder or disk where Margin keeps your data cannot be written to/);
      await d.findElement(By.id("tab-notes")).click();
      assert.equal(await area.getAttribute("value"), "Typed on a disk that cannot be written");
      // A highlight, from the page as the UI sends it: the same words.
      const [block] = (await invoke(app, "get_article", {})).value.blocks;
      const exact = [...block.text].slice(0, 10).join("");
      const r = await invoke(app, "create_annotation", { articleId: "korean-war", annotation: { start: block.start, end: block.start + 10, exact, colour: "yellow" } });
      assert.equal(r.ok, false, "a write succeeded");
      assert.equal(r.error.kind, "cannot_save", JSON.stringify(r.error));
      screenshot(`18-${c.name.replace(/\W+/g, "-")}`);
      // The command line still reads it: a check and an export work, an import says why not.
      const env = { ...process.env, MARGIN_DATA_DIR: dir };
      assert.match(execFileSync(APP, ["check"], { env }).toString(), /: ok \(schema \d+\)/);
      assert.equal(JSON.parse(execFileSync(APP, ["export", "--format", "w3c"], { env }).toString()).total, 1);
      await app.quit();
      app = null;
      assert.equal(hash(path.join(dir, DB)), before, "the database changed");
    } finally {
      if (app) await app.quit();
      unmount(dir);
    }
  });
}
