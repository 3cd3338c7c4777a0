// Find in the article (issue 15, its first part): Ctrl+F and / open the bar; every match is painted
// and counted; Enter, Shift+Enter, n and N move between them; case and accents (đ too) are
// ignored; h highlights the current match, and that highlight is there after a restart; Esc closes
// the bar and gives focus back to where it was. Real key events in the real webview throughout.
import { test } from "node:test";
import assert from "node:assert/strict";
import { By, Key } from "selenium-webdriver";
import { errors, invoke, launch, press, screenshot, tempDataDir, waitHighlights } from "./harness.mjs";

/** The text of every range of a highlight layer, in document order. */
const layer = (app, name) =>
  app.driver.executeScript(
    `const h = CSS.highlights.get(arguments[0]);
     const texts = [];
     for (const r of h || []) {
       const x = document.createRange();
       x.setStart(r.startContainer, r.startOffset);
       x.setEnd(r.endContainer, r.endOffset);
       texts.push(x.toString());
     }
     return texts;`,
    name,
  );

const count = (app) => app.driver.findElement(By.id("find-count")).getText();
const active = (app) => app.driver.executeScript("return document.activeElement.id");
async function waitCount(app, want) {
  let seen = "";
  await app.driver.wait(async () => (seen = await count(app)) === want, 5000).catch(() => {
    throw new Error(`the find bar says "${seen}", not "${want}"`);
  });
}

test("find in the article paints, counts and moves; ignores case and accents; h highlights; Esc gives focus back", async () => {
  const dataDir = tempDataDir();
  let app = await launch(dataDir);
  let quote;
  try {
    const d = app.driver;
    // How often the words occur, from the page's own text.
    const often = (re) => d.executeScript(`return (document.getElementById("article").textContent.match(${re}) || []).length`);
    const panmunjom = await often("/panmunjom/gi");
    const parallel = await often("/38th\\sparallel/gi");
    assert.ok(panmunjom >= 2 && parallel >= 3, `${panmunjom} ${parallel}`);

    await d.executeScript('document.getElementById("toc-toggle").focus()');
    await d.actions({ async: true }).keyDown(Key.CONTROL).sendKeys("f").keyUp(Key.CONTROL).perform();
    assert.equal(await active(app), "find-input");
    await press(app, "PANMUNJOM");
    await waitCount(app, `1 of ${panmunjom}`);
    assert.equal((await layer(app, "find-current")).join(""), "Panmunjom");
    assert.equal((await layer(app, "find-hit")).length, panmunjom - 1);
    await press(app, Key.ENTER);
    await waitCount(app, `2 of ${panmunjom}`);
    await d.actions({ async: true }).keyDown(Key.SHIFT).sendKeys(Key.ENTER).keyUp(Key.SHIFT).perform();
    await waitCount(app, `1 of ${panmunjom}`);
    screenshot("find-bar");
    await press(app, Key.ESCAPE);
    assert.equal(await d.findElement(By.id("find-bar")).isDisplayed(), false);
    assert.equal(await active(app), "toc-toggle", "focus back where it was");
    assert.deepEqual(await layer(app, "find-hit"), []);
    assert.deepEqual(await layer(app, "find-current"), []);

    // "/" opens it again; the Vietnamese byline without its accents, đ included.
    await press(app, "/");
    assert.equal(await active(app), "find-input");
    await press(app, "bai viet dang boi le tuan");
    await waitCount(app, "1 of 1");
    assert.equal((await layer(app, "find-current")).join(""), "Bài viết đăng bởi Lê Tuấn");
    // Opening it again selects what was typed, so typing replaces it.
    await press(app, Key.ESCAPE, "/", "no such words anywhere");
    await waitCount(app, "No matches");

    // Outside the input (on the bar's buttons), n and N move and h highlights the match.
    // Finding starts at the first match in view (the byline's reveal moved the view).
    await press(app, Key.ESCAPE, "/", "38th parallel");
    await d.wait(async () => / of /.test(await count(app)), 5000, "no count");
    const at = Number((await count(app)).split(" of ")[0]);
    assert.equal(await count(app), `${at} of ${parallel}`);
    const nth = (i) => `${((i - 1 + parallel) % parallel) + 1} of ${parallel}`;
    await press(app, Key.TAB);
    assert.equal(await active(app), "find-prev");
    await press(app, "n");
    await waitCount(app, nth(at + 1));
    await press(app, "N");
    await waitCount(app, nth(at));
    await press(app, "n");
    await waitCount(app, nth(at + 1));
    [quote] = await layer(app, "find-current");
    await press(app, "h");
    await waitHighlights(app, 1);
    const [made] = (await invoke(app, "list_annotations", { articleId: "korean-war" })).value;
    assert.equal(made.quote.exact, quote);
    assert.match(quote, /^38th Parallel$/i);
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
  }

  // The highlight made from the find bar is in the database: there after a restart.
  app = await launch(dataDir);
  try {
    await waitHighlights(app, 1);
    const [kept] = (await invoke(app, "list_annotations", { articleId: "korean-war" })).value;
    assert.equal(kept.quote.exact, quote);
    assert.equal(kept.status, "exact");
  } finally {
    await app.quit();
  }
});
