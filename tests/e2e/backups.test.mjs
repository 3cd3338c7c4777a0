// Backups (issue 18): the app makes the day's backup when it starts; Settings lists the backups,
// makes one on request and restores one (asking first, keeping what was there as a backup); the
// recovery screen offers the newest backup in place of a file it cannot open; the command line
// backs up, lists and restores; and a page script cannot name a file to restore.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { By } from "selenium-webdriver";
import { launch, tempDataDir, answerFileDialog, errors, invoke, screenshot, sleep, waitHighlights, waitReady, APP } from "./harness.mjs";

const DB = "margin.sqlite3";
const QUOTES = ["The Korean War erupted on June 25, 1950", "the 38th parallel"];

/** Runs the command line on `dir`; returns { status, out, err }. */
function cli(dir, ...args) {
  const run = spawnSync(APP, args, { env: { ...process.env, MARGIN_DATA_DIR: dir }, encoding: "utf8" });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

/** Adds a highlight on the `n`-th of QUOTES through the command line's import. */
function highlight(dir, n) {
  const file = path.join(dir, `seed-${n}.jsonld`);
  writeFileSync(file, JSON.stringify({
    "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", id: `urn:uuid:0191b3a4-1111-7000-8000-00000000000${n + 1}`,
    target: { source: "urn:margin:article:korean-war", selector: [{ type: "TextQuoteSelector", exact: QUOTES[n] }] },
  }));
  execFileSync(APP, ["import", file], { env: { ...process.env, MARGIN_DATA_DIR: dir } });
  rmSync(file);
}

/** How many highlights the command line's export finds. */
function highlights(dir) {
  const run = cli(dir, "export", "--format", "w3c");
  assert.equal(run.status, 0, run.err);
  return JSON.parse(run.out).first.items.length;
}

const backups = (dir) => (existsSync(path.join(dir, "backups")) ? readdirSync(path.join(dir, "backups")).sort() : []);

test("the command line backs up, lists and restores, and refuses what is not a backup", () => {
  const dir = tempDataDir();
  highlight(dir, 0);
  const made = cli(dir, "backup");
  assert.equal(made.status, 0, made.err);
  const file = made.out.trim();
  assert.equal(path.dirname(file), path.join(dir, "backups"));
  assert.match(path.basename(file), /^margin-\d{8}-\d{6}-0-manual\.sqlite3$/);
  const listed = cli(dir, "backups");
  assert.match(listed.out, /manual/);
  assert.ok(listed.out.includes(file), listed.out);

  highlight(dir, 1);
  assert.equal(highlights(dir), 2);
  const restored = cli(dir, "restore", file);
  assert.equal(restored.status, 0, restored.err);
  assert.match(restored.out, /what was there before is in .*before-restore\.sqlite3/);
  assert.equal(highlights(dir), 1, "the restore did not bring back the backed-up state");

  // Not a backup: refused in words, nothing changed, no backup made for it.
  const junk = path.join(tempDataDir(), "junk.sqlite3");
  writeFileSync(junk, randomBytes(8192));
  const before = backups(dir);
  const refused = cli(dir, "restore", junk);
  assert.equal(refused.status, 2);
  assert.match(refused.err, /is not a backup Margin can restore: .*not a database/);
  assert.equal(highlights(dir), 1);
  assert.deepEqual(backups(dir), before);

  // --out into the data folder is refused; elsewhere it writes a whole backup.
  const inside = cli(dir, "backup", "--out", path.join(dir, "backups", "mine.sqlite3"));
  assert.equal(inside.status, 2);
  assert.match(inside.err, /data folder/);
  const out = path.join(tempDataDir(), "copy.sqlite3");
  assert.equal(cli(dir, "backup", "--out", out).status, 0);
  assert.equal(readFileSync(out).subarray(0, 16).toString("latin1"), "SQLite format 3\0");
});

test("Settings: the day's backup is there, Back up now adds one, and Restore asks, restores and keeps what was there", async () => {
  const dir = tempDataDir();
  highlight(dir, 0);
  const app = await launch(dir);
  try {
    const d = app.driver;
    await waitHighlights(app, 1);
    // The day's backup, made at start on a thread of its own.
    for (let i = 0; i < 50 && !backups(dir).some((n) => n.endsWith("-daily.sqlite3")); i++) await sleep(100);
    assert.equal(backups(dir).filter((n) => n.endsWith("-daily.sqlite3")).length, 1, `backups: ${backups(dir)}`);

    // A page script may name a backup only from the list: no path gets through.
    for (const name of ["../margin.sqlite3", path.join(dir, DB), "/etc/passwd", backups(dir)[0] + "/.."]) {
      const r = await invoke(app, "restore_backup", { name });
      assert.equal(r.ok, false, `restored ${name}`);
      assert.equal(r.error.kind, "not_found", JSON.stringify(r.error));
    }

    await d.findElement(By.id("settings-button")).click();
    await d.wait(async () => (await d.findElements(By.css("#backups-list .backup"))).length === 1, 5000, "the daily backup is not listed");
    await d.findElement(By.id("backup-now")).click();
    await d.wait(async () => (await d.findElements(By.css("#backups-list .backup"))).length === 2, 5000, "Back up now added nothing");
    const kinds = await d.executeScript("return [...document.querySelectorAll('#backups-list .backup-what')].map((e) => e.textContent)");
    assert.match(kinds[0], /^Made by you · \d+ KB$/);
    assert.match(kinds[1], /^Daily · \d+ KB$/);

    // The highlight goes; the daily backup (from before) brings it back.
    const [only] = (await invoke(app, "list_annotations", { articleId: "korean-war" })).value;
    assert.equal((await invoke(app, "delete_annotation", { id: only.id })).ok, true);
    const restore = (await d.findElements(By.css("#backups-list .backup button")))[1];
    await restore.click();
    // It asks first, in the row; Cancel puts the question away and the focus back.
    assert.equal(await d.executeScript("return document.activeElement.textContent"), "Cancel");
    assert.match(await d.findElement(By.css(".backup-question")).getText(), /Replace your data with this backup\?/);
    screenshot("18-backups-settings");
    await d.executeScript("document.activeElement.click()");
    assert.equal(await d.executeScript("return document.activeElement.textContent"), "Restore");
    await (await d.findElements(By.css("#backups-list .backup button")))[1].click();
    // Replace reloads the page: clicked from a timer, so the WebDriver call has returned first.
    await d.executeScript("setTimeout(() => document.querySelector('#backups-list .danger-button').click(), 50)");
    await d.wait(async () => (await d.executeScript("return document.documentElement.dataset.ready || ''")) !== "true", 5000).catch(() => {});
    await waitReady(app);
    await waitHighlights(app, 1);
    await d.wait(async () => /Restored the backup of .* What was there before is kept as a backup\./.test(await d.findElement(By.id("toast")).getText()), 5000, "no word of the restore");
    assert.equal(backups(dir).filter((n) => n.endsWith("-before-restore.sqlite3")).length, 1);
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
  }
  assert.equal(highlights(dir), 1, "the restore did not last past the app");
});

test("the recovery screen offers the newest backup in place of a damaged file, and keeps the file", async () => {
  const dir = tempDataDir();
  highlight(dir, 0);
  assert.equal(cli(dir, "backup").status, 0);
  // The database is overwritten with random bytes (its WAL gone with it).
  rmSync(path.join(dir, `${DB}-wal`), { force: true });
  rmSync(path.join(dir, `${DB}-shm`), { force: true });
  const junk = randomBytes(64 * 1024);
  writeFileSync(path.join(dir, DB), junk);
  const app = await launch(dir, {}, undefined, { ready: "recovery" });
  try {
    const d = app.driver;
    const button = await d.findElement(By.id("recovery-restore"));
    assert.match(await button.getText(), /^Restore the backup of \d+ \w+ \d{4}, \d{2}:\d{2}$/);
    assert.equal(await d.executeScript("return document.activeElement.id"), "recovery-restore");
    screenshot("18-recovery-restore");
    await d.executeScript("setTimeout(() => document.getElementById('recovery-restore').click(), 50)");
    await waitReady(app);
    await waitHighlights(app, 1);
    const aside = readdirSync(dir).filter((n) => n.startsWith(`${DB}.damaged-`));
    assert.equal(aside.length, 1, `${readdirSync(dir)}`);
    const hash = (b) => createHash("sha256").update(b).digest("hex");
    assert.equal(hash(readFileSync(path.join(dir, aside[0]))), hash(junk), "the damaged file was changed");
    await d.wait(async () => (await d.findElement(By.id("toast")).getText()).includes(aside[0]), 5000, "the toast does not say where the file went");
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
  }
});

test("moving to another computer: Export everything in Settings, Import on the other, and all of it is there", async () => {
  const here = tempDataDir();
  highlight(here, 0);
  const file = path.join(tempDataDir(), "everything.jsonld");
  let app = await launch(here);
  try {
    const d = app.driver;
    const made = await invoke(app, "create_bookmark", { articleId: "korean-war", bookmark: { kind: "section", block_id: "stalemate-p2" } });
    assert.equal(made.ok, true, JSON.stringify(made.error));
    assert.equal((await invoke(app, "save_note", { articleId: "korean-war", sectionId: null, body: "Moved with me" })).ok, true);
    assert.equal((await invoke(app, "update_preferences", { patch: { theme: "sepia" } })).ok, true);
    await d.findElement(By.id("settings-button")).click();
    await d.findElement(By.id("export-full")).click();
    await answerFileDialog("^Export everything", file);
    await d.wait(async () => (await d.findElement(By.id("toast")).getText()) === `Exported to ${file}`, 5000, "no export toast");
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
  }
  const doc = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(doc.type, "AnnotationCollection");
  assert.equal(doc["margin:data"].bookmarks.length, 1);

  const there = tempDataDir();
  app = await launch(there);
  try {
    const d = app.driver;
    await d.findElement(By.id("settings-button")).click();
    await d.findElement(By.id("import-full")).click();
    await answerFileDialog("^Import W3C", file, { open: true });
    // The reader starts again with what came.
    await d.wait(async () => /Also 1 bookmark, 1 free note and 1 setting or reading position\./.test(await d.findElement(By.id("toast")).getText()), 10000, "no word of the import");
    await waitReady(app);
    await waitHighlights(app, 1);
    assert.equal(await d.executeScript("return document.documentElement.dataset.theme"), "sepia");
    const bookmarks = (await invoke(app, "list_bookmarks", { articleId: "korean-war" })).value;
    assert.equal(bookmarks.length, 1);
    const notes = (await invoke(app, "list_notes", { articleId: "korean-war" })).value;
    assert.deepEqual(notes.map((n) => n.body), ["Moved with me"]);
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
  }
});

test("the temporary file of an export a kill interrupted is removed at the next start, and nothing else", async () => {
  const dir = tempDataDir();
  const out = tempDataDir();
  // As a kill between writing and renaming leaves them: the temporary file, and its line in the
  // data folder's list (pid 4000000000: no such process).
  const left = path.join(out, ".margin-highlights.jsonld.4000000000-7.tmp");
  const theirs = path.join(out, "notes.txt");
  writeFileSync(left, "{ half an export");
  writeFileSync(theirs, "the user's own file");
  writeFileSync(path.join(dir, "pending-writes"), `${left}\n${theirs}\n`);
  const app = await launch(dir);
  try {
    assert.equal(existsSync(left), false, "the interrupted export's temporary file is still there");
    assert.equal(readFileSync(theirs, "utf8"), "the user's own file");
    assert.equal(existsSync(path.join(dir, "pending-writes")), false);
    assert.match(app.log.join(""), /removed .*4000000000-7\.tmp, left by an interrupted write/);
  } finally {
    await app.quit();
  }
});
