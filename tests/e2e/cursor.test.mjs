// Highlighting without a mouse (issue 15): v selects the sentence at the top of the view; ↓ / ↑
// move by sentence, Shift+← / Shift+→ shrink or grow the selection by a word, Shift+↓ by a
// sentence; h highlights it (kept after a restart); Esc drops it; what is selected is announced
// in a live region. Only key events, in the real webview: the page counts mouse and pointer
// events and must see none.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Key } from "selenium-webdriver";
import { errors, invoke, launch, press, screenshot, tempDataDir, waitHighlights } from "./harness.mjs";

const selected = (app) => app.driver.executeScript("return window.getSelection().toString()");
const announced = (app) => app.driver.executeScript('return document.getElementById("cursor-status").textContent');
const shift = (app, key) => app.driver.actions({ async: true }).keyDown(Key.SHIFT).sendKeys(key).keyUp(Key.SHIFT).perform();

test("the keyboard cursor selects a sentence, grows and shrinks it, and h highlights it, with no mouse event", async () => {
  const dataDir = tempDataDir();
  let app = await launch(dataDir);
  let made;
  try {
    const d = app.driver;
    await d.executeScript(`window.__mouse = 0;
      for (const type of ["mousedown", "mouseup", "click", "pointerdown", "pointerup"])
        document.addEventListener(type, () => window.__mouse++, true);
      const p = document.querySelector('[data-block="intro-p1"]');
      window.scrollBy(0, p.getBoundingClientRect().top - 120);`);
    const first = await d.executeScript('return document.querySelector("[data-block=intro-p1]").textContent');
    const s1 = first.slice(0, first.indexOf("South.") + "South.".length);
    const s2 = "This invasion marked the first military action of the Cold War.";
    assert.ok(first.startsWith("The Korean War erupted") && first.includes(s2), first);

    await press(app, "v");
    assert.equal(await selected(app), s1, "v selects the sentence at the top of the view");
    assert.equal(await announced(app), `Selected: ${s1}`);
    await press(app, Key.ARROW_DOWN);
    assert.equal(await selected(app), s2, "↓: the next sentence");
    await press(app, Key.ARROW_UP);
    assert.equal(await selected(app), s1, "↑: back");
    await shift(app, Key.ARROW_LEFT);
    await shift(app, Key.ARROW_LEFT);
    assert.equal(await selected(app), s1.slice(0, s1.lastIndexOf(" South")), "Shift+←: a word less");
    await shift(app, Key.ARROW_RIGHT);
    assert.equal(await selected(app), s1.slice(0, -1), "Shift+→: a word more");
    await shift(app, Key.ARROW_DOWN);
    await shift(app, Key.ARROW_DOWN);
    assert.equal(await selected(app), `${s1} ${s2}`, "Shift+↓: to the end of the next sentence");
    screenshot("keyboard-cursor");
    await press(app, "h");
    await waitHighlights(app, 1);
    [made] = (await invoke(app, "list_annotations", { articleId: "korean-war" })).value;
    assert.equal(made.quote.exact, `${s1} ${s2}`);
    assert.equal(await selected(app), "", "the selection is gone once highlighted");

    // Esc drops a selection the cursor made.
    await press(app, "v");
    assert.notEqual(await selected(app), "");
    await press(app, Key.ESCAPE);
    assert.equal(await selected(app), "");
    assert.equal(await d.executeScript("return window.__mouse"), 0, "no mouse or pointer event");
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
  }
  app = await launch(dataDir);
  try {
    await waitHighlights(app, 1);
    const [kept] = (await invoke(app, "list_annotations", { articleId: "korean-war" })).value;
    assert.equal(kept.id, made.id);
    assert.equal(kept.quote.exact, made.quote.exact);
    // F7: the engine's caret browsing (WebKitGTK has it), on and off.
    const toast = () => app.driver.executeScript('return document.getElementById("toast").textContent');
    await press(app, Key.F7);
    await app.driver.wait(async () => /^Caret browsing is on/.test(await toast()), 5000, "no 'caret browsing is on'");
    await press(app, Key.F7);
    await app.driver.wait(async () => (await toast()) === "Caret browsing is off.", 5000, "no 'caret browsing is off'");
  } finally {
    await app.quit();
  }
});
