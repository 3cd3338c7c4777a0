// Export then import into a fresh data folder gives the same annotations: through the command
// line (no window) and through the app, from the panel's Export button and the system save
// dialog answered with real key events, to the import through the open dialog.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { By, Key } from "selenium-webdriver";
import { launch, tempDataDir, answerFileDialog, errors, press, invoke, selectPhrase, waitHighlights, APP } from "./harness.mjs";

const cli = (dataDir, ...args) =>
  execFileSync(APP, args, { env: { ...process.env, MARGIN_DATA_DIR: dataDir } }).toString();

const comparable = (list) =>
  list.map(({ id, quote, position, status, colour, note, tags }) => ({ id, quote, position, status, colour, note, tags }));

test("export (W3C, Markdown) and import into a fresh data folder give the same annotations", async () => {
  const first = tempDataDir();
  let app = await launch(first);
  let original;
  let viaApp;
  try {
    const d = app.driver;
    await selectPhrase(app, "byline", "🗣 Bài viết");
    await press(app, "h");
    await waitHighlights(app, 1);
    await selectPhrase(app, "stalemate-p2", "a 2-mile-wide “demilitarized zone”");
    await press(app, "h");
    await waitHighlights(app, 2);
    const { value: list } = await invoke(app, "list_annotations", { articleId: "korean-war" });
    const target = list[1];
    assert.ok((await invoke(app, "update_annotation", {
      articleId: "korean-war", id: target.id, patch: { note: "The **DMZ** still exists.", tags: ["dmz", "armistice"], colour: "green" },
    })).ok);
    original = comparable((await invoke(app, "list_annotations", { articleId: "korean-war" })).value);
    viaApp = path.join(mkdtempSync(path.join(os.tmpdir(), "margin-export-")), "from-the-app.jsonld");
    await press(app, "a");
    await d.findElement(By.id("export-w3c")).click();
    await answerFileDialog("^Export as W3C", viaApp);
    await d.wait(async () => (await d.findElement(By.id("toast")).getText()).startsWith("Exported to"), 5000, "no export toast");
    assert.equal(await d.findElement(By.id("toast")).getText(), `Exported to ${viaApp}`);
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
  }

  // Next to the app's export, outside the data folder (where Margin refuses to write one).
  const file = path.join(path.dirname(viaApp), "export.jsonld");
  cli(first, "export", "--format", "w3c", "--out", file);
  const doc = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(doc.type, "AnnotationCollection");
  assert.equal(doc.total, 2);
  assert.equal(doc.first.items[0].target.source, "urn:margin:article:korean-war");
  assert.deepEqual(JSON.parse(readFileSync(viaApp, "utf8")).first.items, doc.first.items);
  const md = cli(first, "export", "--format", "markdown");
  assert.match(md, /^> a 2-mile-wide “demilitarized zone”$/m);
  assert.match(md, /#armistice #dmz/);

  const second = tempDataDir();
  assert.match(cli(second, "import", file), /2 added, 0 updated, 0 unchanged, 0 newer here \(kept\), 0 orphaned/);
  assert.match(cli(second, "import", file), /0 added, 0 updated, 2 unchanged, 0 newer here \(kept\), 0 orphaned/);

  // The same file through the app's Import button and the open dialog, into a third folder.
  app = await launch(tempDataDir());
  try {
    await press(app, "a");
    await app.driver.findElement(By.id("import-w3c")).click();
    await answerFileDialog("^Import W3C", viaApp, { open: true });
    await waitHighlights(app, 2);
    const imported = comparable((await invoke(app, "list_annotations", { articleId: "korean-war" })).value);
    assert.deepEqual(imported, original);
    assert.match(await app.driver.findElement(By.id("toast")).getText(), /2 added/);
  } finally {
    await app.quit();
  }

  app = await launch(second);
  try {
    await waitHighlights(app, 2);
    const imported = comparable((await invoke(app, "list_annotations", { articleId: "korean-war" })).value);
    assert.deepEqual(imported, original);
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
  }
});

// Issue 17: an imported highlight that ran on into a sentence this text does not have (as after
// a revision that deleted it) is placed on the part still there, and the list says so.
test("an imported highlight whose passage lost its end keeps the part still there, marked trimmed", async () => {
  const dataDir = tempDataDir();
  const kept = "This invasion marked the first military action of the Cold War.";
  const file = path.join(dataDir, "trimmed.jsonld");
  writeFileSync(file, JSON.stringify({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "Annotation",
    id: "urn:uuid:00000000-0000-7000-8000-00000000a017",
    motivation: "highlighting",
    target: {
      source: "urn:margin:article:korean-war",
      styleClass: "green",
      selector: [{ type: "TextQuoteSelector", exact: `${kept} A new war.`,
                   prefix: "Republic of Korea in the South. ", suffix: " It spread fear across Asia and" }],
    },
  }));
  assert.match(cli(dataDir, "import", file), /1 added, .* 0 orphaned/);
  const app = await launch(dataDir);
  try {
    await waitHighlights(app, 1);
    const [placed] = (await invoke(app, "list_annotations", { articleId: "korean-war" })).value;
    assert.equal(placed.status, "trimmed");
    assert.equal(placed.quote.exact, kept);
    await press(app, "a");
    const status = await app.driver.findElement(By.css("#hl-list .hl-status"));
    assert.match(await status.getText(), /no longer in the text/);
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
  }
});
