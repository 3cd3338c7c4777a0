// What the reader remembers across a restart: theme and reading position.

import { test } from "node:test";
import assert from "node:assert/strict";
import { By } from "selenium-webdriver";
import { withApp, tempDataDir, press, screenshot, sleep } from "./harness.mjs";

test("theme and reading position survive a restart", async () => {
  const dataDir = tempDataDir();
  await withApp(dataDir, async (app) => {
    const d = app.driver;
    assert.equal(await d.executeScript("return document.documentElement.dataset.themeSetting"), "system");
    await d.executeScript("document.activeElement.blur()");
    await press(app, "d", "d", "d");
    await d.wait(() => d.executeScript("return document.documentElement.dataset.theme === 'dark'"), 3000);
    await d.findElement(By.css('#toc a[data-section="casualties"]')).click();
    await d.wait(() => d.executeScript("return document.documentElement.dataset.positionSaved === 'casualties'"), 5000,
      "the position was not saved");
  });

  await withApp(dataDir, async (app) => {
    const d = app.driver;
    assert.equal(await d.executeScript("return document.documentElement.dataset.theme"), "dark");
    assert.equal(await d.executeScript("return document.getElementById('theme-select').value"), "dark");
    const state = await d.executeScript(
      `const r = document.getElementById('casualties').getBoundingClientRect();
       return { top: r.top, bar: document.querySelector('.toolbar').getBoundingClientRect().bottom,
                current: document.querySelector('#toc a[aria-current="location"]').dataset.section };`);
    assert.ok(Math.abs(state.top - state.bar) < 40, `casualties heading at ${state.top}px after restart`);
    assert.equal(state.current, "casualties");
    await sleep(200);
    screenshot("03-dark-theme");
  });
});
