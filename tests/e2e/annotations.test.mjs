// Highlights, notes, tags, bookmarks and undo in the real app, across restarts.

import { test } from "node:test";
import assert from "node:assert/strict";
import { By, Key } from "selenium-webdriver";
import { withApp, tempDataDir, press, screenshot, sleep, selectPhrase, waitHighlights, invoke, painted, paintedText, clickHighlight } from "./harness.mjs";

const PHRASE = "the first military action of the Cold War";

test("select, press h, add a note and a tag; after a restart it is painted and the note shown", async () => {
  const dataDir = tempDataDir();
  await withApp(dataDir, async (app) => {
    const d = app.driver;
    await selectPhrase(app, "intro-p1", PHRASE);
    await d.wait(() => d.executeScript("return !document.getElementById('selection-bar').hidden"), 3000,
      "the selection toolbar did not appear");
    await press(app, "h");
    await waitHighlights(app, 1);
    assert.equal(await paintedText(app), PHRASE);
    await d.wait(() => d.executeScript("return getComputedStyle(document.getElementById('selection-bar')).display === 'none'"),
      3000, "the selection toolbar stayed on screen after highlighting");

    await clickHighlight(app);
    await d.wait(() => d.executeScript("return !document.getElementById('editor').hidden"), 3000);
    await d.findElement(By.id("editor-note")).sendKeys("**Key point**: the Cold War turns *hot*.");
    const tagInput = d.findElement(By.id("editor-tag-input"));
    await tagInput.sendKeys("cold war", Key.ENTER);
    await d.wait(() => d.executeScript("return document.querySelectorAll('#editor-tags .tag').length === 1"), 3000);
    // The preview shows the Markdown rendered.
    await d.findElement(By.css('#editor [data-tab="preview"]')).click();
    await d.wait(() => d.executeScript("return !!document.querySelector('#editor-preview strong')"), 3000);
    await d.findElement(By.id("editor-close")).click();
    await d.wait(async () => {
      const { value } = await invoke(app, "list_annotations", { articleId: "korean-war" });
      return value.length === 1 && value[0].note.includes("Key point") && value[0].tags.length === 1;
    }, 5000, "the note and tag were not saved");
  });

  await withApp(dataDir, async (app) => {
    const d = app.driver;
    await waitHighlights(app, 1);
    // Painted in the colour h used, and marked as having a note.
    assert.deepEqual(await painted(app), [{ colour: "yellow", text: PHRASE, note: true }]);
    await press(app, "a");
    await d.wait(() => d.executeScript("return !document.getElementById('panel').hidden"), 3000);
    const item = await d.executeScript("return document.querySelector('#hl-list .hl-item').textContent");
    assert.match(item, /Key point/);
    assert.match(item, /cold war/);
    assert.match(item, /Introduction/);
    await sleep(200);
    screenshot("04-highlight-and-panel");
  });
});

test("bookmark a section with b; after a restart it is listed, marked in the TOC, and jumps", async () => {
  const dataDir = tempDataDir();
  await withApp(dataDir, async (app) => {
    const d = app.driver;
    await d.findElement(By.css('#toc a[data-section="stalemate"]')).click();
    await d.executeScript("document.activeElement.blur()");
    await press(app, "b");
    await d.wait(() => d.executeScript("return document.documentElement.dataset.bookmarks === '1'"), 3000);
  });
  await withApp(dataDir, async (app) => {
    const d = app.driver;
    await d.wait(() => d.executeScript("return document.documentElement.dataset.bookmarks === '1'"), 3000);
    assert.ok(await d.executeScript("return !!document.querySelector('#toc a[data-section=\"stalemate\"] .toc-bookmark')"));
    await d.executeScript("window.scrollTo(0, 0)");
    await d.findElement(By.id("panel-toggle")).click();
    await d.findElement(By.id("tab-bookmarks")).click();
    await d.findElement(By.css("#bm-list .bm-jump")).click();
    const top = await d.executeScript("return document.getElementById('stalemate').getBoundingClientRect().top");
    assert.ok(top > 40 && top < 120, `stalemate heading at ${top}px after the jump`);
  });
});

test("delete shows Undo, and Ctrl+Z brings the highlight back", async () => {
  await withApp(tempDataDir(), async (app) => {
    const d = app.driver;
    await selectPhrase(app, "north-vs-south-p2", "two young aides at the U.S. State Department");
    await press(app, "h");
    await waitHighlights(app, 1);
    await clickHighlight(app);
    await d.findElement(By.id("editor-delete")).click();
    await waitHighlights(app, 0);
    assert.deepEqual(await painted(app), []);
    assert.match(await d.findElement(By.id("toast")).getText(), /Undo/);
    await d.executeScript("document.activeElement.blur()");
    await d.actions().keyDown(Key.CONTROL).sendKeys("z").keyUp(Key.CONTROL).perform();
    await waitHighlights(app, 1);
    assert.deepEqual((await painted(app)).map((p) => p.text), ["two young aides at the U.S. State Department"]);
    const { value } = await invoke(app, "list_annotations", { articleId: "korean-war" });
    assert.equal(value.length, 1);
    assert.equal(value[0].quote.exact, "two young aides at the U.S. State Department");
  });
});

test("overlapping highlights: a click opens the innermost, a new colour repaints it, the text stays as it was", async () => {
  await withApp(tempDataDir(), async (app) => {
    const d = app.driver;
    const outer = "divided the Korean Peninsula into two zones";
    const inner = "Korean Peninsula";
    // Elements and text nodes of the article (figures' src attributes change as they load).
    const shape = () => d.executeScript(`const root = document.getElementById('article');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let texts = 0;
      while (walker.nextNode()) texts++;
      return { elements: root.querySelectorAll('*').length, texts };`);
    const before = await shape();
    await selectPhrase(app, "north-vs-south-p2", outer);
    await press(app, "h");
    await waitHighlights(app, 1);
    await selectPhrase(app, "north-vs-south-p2", inner);
    await d.wait(() => d.executeScript("return !document.getElementById('selection-bar').hidden"), 3000);
    await d.findElement(By.css('#selection-bar .swatch[data-colour="green"]')).click();
    await waitHighlights(app, 2);
    assert.deepEqual(await painted(app), [
      { colour: "yellow", text: outer, note: false },
      { colour: "green", text: inner, note: false },
    ]);
    // Painting does not touch the article's DOM.
    assert.deepEqual(await shape(), before);

    const { value: list } = await invoke(app, "list_annotations", { articleId: "korean-war" });
    const innerId = list.find((a) => a.quote.exact === inner).id;
    await clickHighlight(app, 1);
    await d.wait(() => d.executeScript("return document.getElementById('editor').dataset.id === arguments[0]", innerId), 3000,
      "clicking inside both highlights did not open the inner one");
    await d.findElement(By.css('#editor .editor-colours [data-colour="purple"]')).click();
    await d.wait(async () => (await painted(app)).some((p) => p.colour === "purple" && p.text === inner), 3000,
      "the new colour was not painted");

    // A click on plain text closes the editor and opens nothing.
    const point = await d.executeScript(`const el = document.querySelector('[data-block="intro-p1"]');
      el.scrollIntoView({ block: 'center' });
      const r = el.getClientRects()[0];
      return { x: Math.round(r.left + 20), y: Math.round(r.top + 10) };`);
    await d.actions({ async: true }).move({ x: point.x, y: point.y, origin: "viewport" }).click().perform();
    await d.wait(() => d.executeScript("return document.getElementById('editor').hidden"), 3000, "the editor stayed open");
  });
});
