// A damaged or foreign database never makes Margin panic or write (issue 18): the real app is
// started on each damaged-data case and must show the recovery screen, saying what happened,
// with the original file untouched; "start fresh" sets the file aside (renamed, bytes intact)
// and opens the reader on an empty database.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync, truncateSync } from "node:fs";
import path from "node:path";
import { By } from "selenium-webdriver";
import { launch, tempDataDir, errors, screenshot, sleep, waitReady, xdotool, APP } from "./harness.mjs";

const DB = "margin.sqlite3";

/** A real Margin database with a highlight in it, made by the command line. */
function margins(dir) {
  const file = path.join(dir, "seed.jsonld");
  writeFileSync(file, JSON.stringify({
    "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", id: "urn:uuid:0191b3a4-1111-7000-8000-000000000001",
    target: { source: "urn:margin:article:korean-war", selector: [{ type: "TextQuoteSelector", exact: "The Korean War erupted on June 25, 1950" }] },
  }));
  execFileSync(APP, ["import", file], { env: { ...process.env, MARGIN_DATA_DIR: dir } });
  rmSync(file);
}

/** Runs SQL on a database file with Python's sqlite3 (a program other than Margin). */
const sql = (file, statements) => execFileSync("python3", ["-c",
  `import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nc.executescript(sys.argv[2])\nc.commit()`, file, statements]);

// Each case: how to damage a data folder, what the screen must say, whether "start fresh" is offered.
const CASES = [
  { name: "random bytes", make: (d) => writeFileSync(path.join(d, DB), randomBytes(64 * 1024)), says: /is not a database/, fresh: true },
  { name: "an empty file", make: (d) => writeFileSync(path.join(d, DB), ""), says: /is not a database/, fresh: true },
  { name: "an invalid header", make: (d) => { margins(d); const f = path.join(d, DB); const b = readFileSync(f); b.write("MySQL dump 10.1", 0); writeFileSync(f, b); }, says: /is not a database/, fresh: true },
  { name: "a truncated database", make: (d) => { margins(d); rmSync(path.join(d, `${DB}-wal`), { force: true }); truncateSync(path.join(d, DB), 4096 + 100); }, says: /damaged|not a database/, fresh: true },
  { name: "a newer schema", make: (d) => { margins(d); sql(path.join(d, DB), "PRAGMA user_version = 99;"); }, says: /newer version of Margin \(database version 99\); this one knows up to version 4/, fresh: false },
  { name: "a folder in its place", make: (d) => mkdirSync(path.join(d, DB)), says: /a folder or a broken link/, fresh: true },
  { name: "a dangling symlink", make: (d) => symlinkSync(path.join(d, "gone.sqlite3"), path.join(d, DB)), says: /a folder or a broken link/, fresh: true },
  { name: "another program's database", make: (d) => sql(path.join(d, DB), "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann');"), says: /belongs to another program/, fresh: true },
  { name: "a clashing table name", make: (d) => sql(path.join(d, DB), "CREATE TABLE annotations (x INTEGER); INSERT INTO annotations VALUES (1);"), says: /belongs to another program/, fresh: true },
];

/** A fingerprint of what is at `file`: its bytes, or what kind of thing it is. */
function fingerprint(file) {
  const st = lstatSync(file, { throwIfNoEntry: false });
  if (!st) return "missing";
  if (st.isSymbolicLink()) return "link";
  if (st.isDirectory()) return `folder ${readdirSync(file).join(",")}`;
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

for (const c of CASES) {
  test(`${c.name}: the recovery screen, the file untouched, and a fresh start that keeps it`, async () => {
    const dir = tempDataDir();
    c.make(dir);
    const original = fingerprint(path.join(dir, DB));
    const app = await launch(dir, {}, undefined, { ready: "recovery" });
    try {
      const d = app.driver;
      const screen = await d.executeScript(`return { what: document.getElementById('recovery-what').textContent,
        path: document.getElementById('recovery-path').textContent, fresh: !document.getElementById('recovery-fresh').hidden,
        focus: document.activeElement.id, reader: getComputedStyle(document.querySelector('.layout')).display };`);
      assert.match(screen.what, c.says);
      assert.equal(screen.path, path.join(dir, DB));
      assert.equal(screen.fresh, c.fresh);
      assert.equal(screen.reader, "none", "the reader shows behind the recovery screen");
      assert.ok(screen.focus, "nothing has focus");
      assert.equal(fingerprint(path.join(dir, DB)), original, "Margin changed the file");
      screenshot(`18-recovery-${c.name.replace(/\W+/g, "-")}`);
      assert.deepEqual(await errors(app), [], "the recovery page met errors");
      if (!c.fresh) {
        // The way out: Quit ends the app (its window goes), the file still as it was.
        assert.ok(xdotool("search", "--onlyvisible", "--name", "^Margin$"), "no Margin window to quit");
        // Clicked from a timer, so the WebDriver call returns before the app is gone.
        await d.executeScript("setTimeout(() => document.getElementById('recovery-quit').click(), 100)");
        for (let i = 0; i < 50 && xdotool("search", "--onlyvisible", "--name", "^Margin$"); i++) await sleep(100);
        assert.equal(xdotool("search", "--onlyvisible", "--name", "^Margin$"), "", "Quit did not close Margin");
        assert.equal(fingerprint(path.join(dir, DB)), original);
        return;
      }
      await d.findElement(By.id("recovery-fresh")).click();
      await waitReady(app);
      const aside = readdirSync(dir).filter((n) => n.startsWith(`${DB}.damaged-`) && !/-(wal|shm|journal)$/.test(n));
      assert.equal(aside.length, 1, `set aside: ${readdirSync(dir)}`);
      assert.equal(fingerprint(path.join(dir, aside[0])), original, "the set-aside file is not the original");
      await d.wait(async () => (await d.findElement(By.id("toast")).getText()).includes(aside[0]), 5000, "the toast does not say where it went");
      assert.deepEqual(await errors(app), []);
    } finally {
      await app.quit();
    }
  });
}

test("a data folder that is a file: the recovery screen, and the file left alone", async () => {
  const parent = tempDataDir();
  const dir = path.join(parent, "data");
  writeFileSync(dir, "not a folder");
  const app = await launch(dir, {}, undefined, { ready: "recovery", cwd: parent });
  try {
    assert.match(await app.driver.findElement(By.id("recovery-what")).getText(), /its data folder there is a file/);
    assert.equal(await app.driver.findElement(By.id("recovery-fresh")).isDisplayed(), false, "nothing to set aside, yet offered");
    assert.equal(await app.driver.executeScript("return document.activeElement.id"), "recovery-retry");
    assert.equal(readFileSync(dir, "utf8"), "not a folder");
  } finally {
    await app.quit();
  }
});

test("the database held by another program: the screen says so, and Try again opens it once it is free", async () => {
  const dir = tempDataDir();
  margins(dir);
  const file = path.join(dir, DB);
  // Python holds an exclusive lock on the database until it reads a line.
  const { spawn } = await import("node:child_process");
  const holder = spawn("python3", ["-c", `import sqlite3,sys
c=sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA locking_mode=EXCLUSIVE"); c.execute("BEGIN EXCLUSIVE"); c.execute("UPDATE preferences SET value=value")
print("held", flush=True); sys.stdin.readline(); c.execute("ROLLBACK"); c.close()`, file], { stdio: ["pipe", "pipe", "inherit"] });
  const held = await Promise.race([
    new Promise((resolve) => holder.stdout.once("data", () => resolve(true))),
    new Promise((resolve) => holder.once("exit", () => resolve(false))),
  ]);
  assert.ok(held, "python could not hold the database");
  const app = await launch(dir, {}, undefined, { ready: "recovery" });
  try {
    const d = app.driver;
    assert.match(await d.findElement(By.id("recovery-what")).getText(), /Another program is using/);
    assert.equal(await d.findElement(By.id("recovery-fresh")).isDisplayed(), false, "a held database is offered to be set aside");
    holder.stdin.end("\n");
    await new Promise((resolve) => holder.once("exit", resolve));
    await d.findElement(By.id("recovery-retry")).click();
    await waitReady(app);
    assert.equal(readdirSync(dir).filter((n) => n.includes("damaged")).length, 0);
    assert.deepEqual(await errors(app), []);
  } finally {
    holder.kill();
    await app.quit();
  }
});

test("a log without its database: the screen says so, the log is untouched, and a fresh start sets it aside", async () => {
  const dir = tempDataDir();
  const wal = path.join(dir, `${DB}-wal`);
  writeFileSync(wal, randomBytes(8192));
  const original = fingerprint(wal);
  const app = await launch(dir, {}, undefined, { ready: "recovery" });
  try {
    const d = app.driver;
    assert.match(await d.findElement(By.id("recovery-what")).getText(), /is missing, but its log of recent changes/);
    assert.equal(fingerprint(path.join(dir, DB)), "missing", "a database was made beside the log");
    assert.equal(fingerprint(wal), original, "the log changed");
    await d.findElement(By.id("recovery-fresh")).click();
    await waitReady(app);
    const aside = readdirSync(dir).filter((n) => n.startsWith(`${DB}.damaged-`));
    assert.deepEqual(aside.map((n) => n.replace(/damaged-\d{8}-\d{6}(-\d+)?/, "damaged-T")), [`${DB}.damaged-T-wal`]);
    assert.equal(fingerprint(path.join(dir, aside[0])), original);
    await d.wait(async () => (await d.findElement(By.id("toast")).getText()).includes(aside[0]), 5000, "the toast does not say where the log went");
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
  }
});
