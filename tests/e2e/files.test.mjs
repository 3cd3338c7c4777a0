// Only the user picks where Margin writes (issue 18): a script in the webview that calls the
// export and import commands with paths of its own gets the system dialog put in front of the
// user and writes nothing; the dialog plugin cannot be called from the page at all; and a file
// the user picks inside Margin's data folder is refused, so the database is never overwritten.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { By } from "selenium-webdriver";
import { launch, tempDataDir, answerFileDialog, errors, invoke, press, screenshot, sleep, APP } from "./harness.mjs";

let app;
before(async () => {
  app = await launch(tempDataDir());
});
after(async () => {
  if (app) await app.quit();
});

const DB = () => path.join(app.dataDir, "margin.sqlite3");
const isSqlite = (file) => readFileSync(file).subarray(0, 16).toString("latin1") === "SQLite format 3\u0000";

test("a page script cannot make Margin write or read a file of its choosing", async () => {
  const home = mkdtempSync(path.join(os.tmpdir(), "margin-home-"));
  const bashrc = path.join(home, ".bashrc");
  writeFileSync(bashrc, "# the user's own\n");
  const before = readFileSync(bashrc, "utf8");

  // The old hole: export with a path from the page. The path is ignored; the user is asked.
  const pending = invoke(app, "export_annotations", { format: "w3c", path: bashrc, dialog: { title: "Export as W3C Web Annotations", file_type: "x" } });
  await answerFileDialog("^Export as W3C", null);
  const cancelled = await pending;
  assert.deepEqual(cancelled, { ok: true, value: null }, "the export did not wait for the user");
  const overDb = invoke(app, "export_annotations", { format: "markdown", path: DB(), dialog: { title: "Export as Markdown", file_type: "x" } });
  await answerFileDialog("^Export as Markdown", null);
  assert.deepEqual(await overDb, { ok: true, value: null });
  const read = invoke(app, "import_annotations", { path: "/etc/passwd", dialog: { title: "Import W3C Web Annotations", file_type: "x" } });
  await answerFileDialog("^Import W3C", null);
  assert.deepEqual(await read, { ok: true, value: null });

  // The page cannot open the dialogs itself, nor call an export without the dialog's words.
  for (const command of ["plugin:dialog|save", "plugin:dialog|open", "plugin:fs|write_text_file"]) {
    const r = await invoke(app, command, { options: { defaultPath: bashrc }, path: bashrc, data: "x" });
    assert.equal(r.ok, false, `${command} is callable from the page`);
  }
  const bare = await invoke(app, "export_annotations", { format: "w3c", path: bashrc });
  assert.equal(bare.ok, false);

  assert.equal(readFileSync(bashrc, "utf8"), before, "the script's target was written");
  assert.ok(isSqlite(DB()), "the database is no longer a database");
  assert.deepEqual(await errors(app), []);
});

test("an export the user points at Margin's own database is refused, and the database is kept", async () => {
  const d = app.driver;
  const size = statSync(DB()).size;
  await press(app, "a");
  await d.findElement(By.id("export-w3c")).click();
  await answerFileDialog("^Export as W3C", DB());
  // GTK asks before replacing an existing file: confirm, as a user who means it would.
  await sleep(500);
  execFileSync("xdotool", ["key", "--clearmodifiers", "Return"]);
  await d.wait(async () => /^Export failed/.test(await d.findElement(By.id("toast")).getText()), 5000, "no refusal was shown");
  const toast = await d.findElement(By.id("toast")).getText();
  screenshot("18-export-over-database-refused");
  assert.match(toast, /data folder/);
  assert.ok(isSqlite(DB()), "the database was overwritten");
  assert.ok(statSync(DB()).size >= size);
  // The command line refuses the same.
  const cli = () => execFileSync(APP, ["export", "--format", "w3c", "--out", DB()], {
    env: { ...process.env, MARGIN_DATA_DIR: app.dataDir }, stdio: ["ignore", "pipe", "pipe"],
  });
  assert.throws(cli, (e) => e.status !== 0 && /data folder/.test(String(e.stderr)));
  assert.ok(isSqlite(DB()));
  assert.deepEqual(await errors(app), []);
});

test("every refused IPC call arrives as { kind, message }, whatever argument was wrong", async () => {
  const commands = [...readFileSync(path.join(import.meta.dirname, "../../src-tauri/build.rs"), "utf8").matchAll(/^\s+"([a-z_]+)",$/gm)].map((m) => m[1]);
  assert.ok(commands.length > 30, `only ${commands.length} commands found in build.rs`);
  // Every argument any command takes, each of a type no command accepts for it.
  const wrong = { articleId: 5, id: 5, annotation: 5, patch: 5, colour: 5, meaning: 5, markdown: 5, notes: 5, webviewMs: "x", marks: 5,
    message: 5, locales: 5, bookmark: 5, label: 5, sectionId: 5, body: 5, position: 5, format: 5, dialog: 5, name: 5 };
  // Commands without arguments: nothing to get wrong (quit would end the test's app).
  const none = ["get_app_info", "recovery_start_fresh", "recovery_retry", "quit", "list_backups", "backup_now"];
  let checked = 0;
  for (const command of commands.filter((c) => !none.includes(c))) {
    const r = await invoke(app, command, wrong);
    assert.equal(r.ok, false, `${command} accepted wrong arguments`);
    assert.equal(typeof r.error, "object", `${command}: ${JSON.stringify(r.error)}`);
    assert.equal(r.error.kind, "invalid_input", `${command}: ${JSON.stringify(r.error)}`);
    assert.match(r.error.message, new RegExp(`^${command}: the argument \\w+ is not valid: `), command);
    checked++;
  }
  assert.ok(checked >= 25, `${checked} commands checked`);
  // A missing argument too; and what serde quotes from the input is cut.
  const missing = await invoke(app, "save_note", {});
  assert.equal(missing.error.kind, "invalid_input");
  const huge = await invoke(app, "export_annotations", { format: "w3c", dialog: { title: 5, file_type: "x".repeat(100000) } });
  assert.equal(huge.error.kind, "invalid_input");
  assert.ok(huge.error.message.length < 400, `${huge.error.message.length} characters`);
});
