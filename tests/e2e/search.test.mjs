// Search everything (issue 15): Ctrl+K and Ctrl+Shift+F open the search dialog; what is typed is
// searched in the app's real database (its FTS5 index) as the user types; results are grouped by
// article with the matched words marked on the original text, accents and đ included; Up/Down
// and Enter open a passage, a highlight and a free note through the reader's reveal; Esc gives
// focus back. Then `margin search` prints the same results as JSON lines, with no display.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { By, Key } from "selenium-webdriver";
import { APP, errors, invoke, launch, press, screenshot, tempDataDir, waitHighlights } from "./harness.mjs";

const active = (app) => app.driver.executeScript("return document.activeElement.id");

/** The options shown: kind, article group title, snippet text and its marked words. */
const results = (app) =>
  app.driver.executeScript(`return [...document.querySelectorAll("#search-results [role=option]")].map((o) => ({
    kind: o.className.match(/search-hit-(\\w+)/)[1],
    group: o.closest("[role=group]").querySelector(".search-group-title").textContent,
    snippet: o.querySelector(".search-snippet").textContent,
    marks: [...o.querySelectorAll("mark")].map((m) => m.textContent),
    selected: o.getAttribute("aria-selected") === "true",
  }))`);

async function waitResults(app, check, what) {
  let seen = [];
  await app.driver.wait(async () => check((seen = await results(app))), 8000).catch(() => {
    throw new Error(`${what}: the results are ${JSON.stringify(seen).slice(0, 600)}`);
  });
  return seen;
}

/** The text of the flash layer reveal() paints. */
const flashed = (app) =>
  app.driver.executeScript(
    `const h = CSS.highlights.get("hl-flash"); const out = [];
     for (const r of h || []) { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset);
       x.setEnd(r.endContainer, r.endOffset); out.push(x.toString()); }
     return out.join("");`,
  );

async function type(app, text) {
  const input = await app.driver.findElement(By.id("search-input"));
  await app.driver.executeScript("arguments[0].select()", input);
  await press(app, Key.BACK_SPACE, text);
}

test("search everything finds text, highlights and notes, marks the words, opens each; the CLI prints the same", async () => {
  const dataDir = tempDataDir();
  let app = await launch(dataDir);
  try {
    const d = app.driver;
    // A highlight with a Vietnamese note, and a free note, through the app's own commands.
    const text = await d.executeScript('return document.getElementById("article").textContent');
    assert.ok(text.includes("Panmunjom"));
    const opening = await invoke(app, "open_reader", { articleId: "korean-war", languages: ["en"] });
    const block = opening.value.article.blocks.find((b) => b.text.includes("Panmunjom"));
    const start = block.start + [...block.text.slice(0, block.text.indexOf("Panmunjom"))].length;
    const made = await invoke(app, "create_annotation", {
      articleId: "korean-war",
      annotation: { start, end: start + 9, exact: "Panmunjom", colour: "blue", note: "Nơi ký hiệp định đình chiến", tags: ["places"] },
    });
    assert.equal(made.error, undefined, JSON.stringify(made.error));
    await invoke(app, "save_note", { articleId: "korean-war", sectionId: null, body: "Đọc lại phần về MacArthur" });
    await d.navigate().refresh();
    await waitHighlights(app, 1);

    // Ctrl+K from the reader: typed without accents, the note's words are found and marked
    // with their accents.
    await d.executeScript('document.getElementById("toc-toggle").focus()');
    await d.actions({ async: true }).keyDown(Key.CONTROL).sendKeys("k").keyUp(Key.CONTROL).perform();
    assert.equal(await active(app), "search-input");
    await press(app, "dinh chien");
    let shown = await waitResults(app, (r) => r.some((x) => x.kind === "highlight"), "the highlight's note");
    const hl = shown.find((x) => x.kind === "highlight");
    assert.equal(hl.snippet, "Nơi ký hiệp định đình chiến");
    assert.deepEqual(hl.marks, ["định", "đình", "chiến"], "every word folding to dinh or chien");
    assert.equal(hl.group, "The Korean War: What Really Happened at the 38th Parallel?");
    screenshot("search-dialog");
    // Enter opens the selected one: the highlight's passage, flashed; the dialog closes.
    while (!(await results(app)).find((x) => x.selected && x.kind === "highlight")) await press(app, Key.ARROW_DOWN);
    await press(app, Key.ENTER);
    await d.wait(async () => (await flashed(app)) === "Panmunjom", 5000, "the highlight was not revealed");
    assert.equal(await d.findElement(By.id("search-dialog")).isDisplayed(), false);
    assert.equal(await active(app), "toc-toggle", "focus back where it was");

    // Ctrl+Shift+F: a passage of the text, as typed (prefix), opens at the matched words.
    await d.actions({ async: true }).keyDown(Key.CONTROL).keyDown(Key.SHIFT).sendKeys("f").keyUp(Key.SHIFT).keyUp(Key.CONTROL).perform();
    assert.equal(await active(app), "search-input");
    await type(app, "incheon landi");
    shown = await waitResults(app, (r) => r.length > 0 && r[0].kind === "passage", "a passage");
    assert.match(shown[0].marks.join(" "), /^Incheon landi/i);
    await press(app, Key.ENTER);
    await d.wait(async () => /^Incheon$/i.test(await flashed(app)), 5000, "the passage was not revealed");

    // The free note on the whole article opens in the notes tab, its editor focused.
    await d.actions({ async: true }).keyDown(Key.CONTROL).sendKeys("k").keyUp(Key.CONTROL).perform();
    await type(app, "doc lai");
    shown = await waitResults(app, (r) => r.some((x) => x.kind === "note"), "the free note");
    assert.deepEqual(shown.find((x) => x.kind === "note").marks, ["Đọc", "lại"]);
    while (!(await results(app)).find((x) => x.selected && x.kind === "note")) await press(app, Key.ARROW_DOWN);
    await press(app, Key.ENTER);
    await d.wait(async () => (await d.executeScript("return document.activeElement.value")) === "Đọc lại phần về MacArthur", 5000, "the note was not focused");

    // Anything typed is a search: operators and stray quotes are text; nothing found is said.
    await press(app, Key.ESCAPE);
    await d.actions({ async: true }).keyDown(Key.CONTROL).sendKeys("k").keyUp(Key.CONTROL).perform();
    await type(app, 'NEAR( "zzqx');
    await d.wait(async () => (await d.findElement(By.id("search-status")).getText()) === "Nothing found", 5000, "no 'Nothing found'");
    await press(app, Key.ESCAPE);
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
  }

  // The command line: the same index, no window and no display.
  const env = { ...process.env, MARGIN_DATA_DIR: dataDir, DISPLAY: "" };
  const lines = execFileSync(APP, ["search", "dinh", "chien", "--limit", "5"], { env }).toString().trim().split("\n");
  const first = JSON.parse(lines[0]);
  assert.equal(first.article, "korean-war");
  assert.equal(first.kind, "highlight");
  assert.equal(first.snippet, "Nơi ký hiệp định đình chiến");
  assert.ok(lines.length <= 5);
  const passages = execFileSync(APP, ["search", '"38th parallel"'], { env }).toString().trim().split("\n").map((l) => JSON.parse(l));
  assert.ok(passages.length >= 3 && passages.every((p) => /38th parallel/i.test(p.snippet)), JSON.stringify(passages[0]));
  assert.equal(execFileSync(APP, ["search", "zzqx"], { env }).toString(), "", "no results: no output");
});
