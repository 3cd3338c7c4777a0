// What a new user tripped over (issue 16), in the real app: the place kept across text sizes and
// window widths, one "current section" for the TOC and b, the bookmark button's state, undo
// putting a highlight back in its place, no duplicate highlights, and focus that goes where
// the user expects. One app for the file; each test leaves the page as a reader would.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { By, Key } from "selenium-webdriver";
import { countWords, DEFAULT_WPM } from "../../ui/js/reader/pace.js";
import { launch, tempDataDir, errors, invoke, press, screenshot, selectPhrase, sleep, waitHighlights, waitReady, painted, clickHighlight } from "./harness.mjs";

let app;
before(async () => {
  app = await launch(tempDataDir());
});
after(async () => {
  if (app) await app.quit();
});

const TOP_BLOCK = "no-substitute-for-victory-p1"; // "This was precisely what President Truman…"

/** Where block `id`'s top edge is against the toolbar's bottom, in px, and one line's height. */
function blockAtTop(id) {
  return app.driver.executeScript(`
    const bar = document.querySelector('.toolbar').getBoundingClientRect().bottom;
    const el = document.getElementById(arguments[0]);
    return { offset: el.getBoundingClientRect().top - bar, line: parseFloat(getComputedStyle(el).lineHeight),
             current: document.querySelector('#toc a[aria-current]').dataset.section,
             label: document.getElementById('progress-label').textContent,
             percent: Math.round(100 * Math.min(1, scrollY / (document.documentElement.scrollHeight - innerHeight))) + '%' };`, id);
}

async function assertStillAtTop(what) {
  await sleep(400);
  const at = await blockAtTop(TOP_BLOCK);
  assert.ok(Math.abs(at.offset) <= at.line, `${what}: the paragraph moved ${at.offset}px from the top (a line is ${at.line}px)`);
  assert.equal(at.current, "no-substitute-for-victory", `${what}: the TOC marks another section`);
  assert.equal(at.label, at.percent, `${what}: the progress label is stale`);
}

test("a new text size or window width keeps the paragraph at the top at the top", async () => {
  const d = app.driver;
  await d.executeScript(`
    const bar = document.querySelector('.toolbar').getBoundingClientRect().bottom;
    scrollTo({ top: scrollY + document.getElementById(arguments[0]).getBoundingClientRect().top - bar, behavior: 'instant' });
    document.activeElement.blur();`, TOP_BLOCK);
  await sleep(300);
  assert.ok(Math.abs((await blockAtTop(TOP_BLOCK)).offset) <= 1);
  await press(app, "+", "+", "+", "+");
  await assertStillAtTop("four times larger");
  screenshot("16-1-larger-text");
  for (let i = 0; i < 10; i++) await press(app, "-");
  await assertStillAtTop("smallest text");
  await d.manage().window().setRect({ width: 900, height: 700 });
  await assertStillAtTop("a narrower window");
  await d.manage().window().setRect({ width: 1280, height: 860 });
  await assertStillAtTop("a wider window");
  for (let i = 0; i < 5; i++) await press(app, "+");
  assert.deepEqual(await errors(app), []);
});

test("b bookmarks the section the TOC marks, and the button says it will remove it", async () => {
  const d = app.driver;
  await d.findElement(By.css('#toc a[data-section="stalemate"]')).click();
  await d.executeScript("scrollBy({ top: -60, behavior: 'instant' }); document.activeElement.blur()");
  await sleep(300);
  assert.equal(await d.executeScript("return document.querySelector('#toc a[aria-current]').dataset.section"), "stalemate");
  const button = d.findElement(By.id("bookmark-button"));
  assert.equal(await button.getAttribute("aria-pressed"), "false");
  await press(app, "b");
  await d.wait(async () => (await d.findElement(By.id("toast")).getText()).includes("Bookmarked: The Korean War Reaches a Stalemate"), 3000,
    "the toast does not name the section the TOC marks");
  await d.wait(async () => (await button.getAttribute("aria-pressed")) === "true", 3000, "the button does not show the bookmark");
  assert.match(await button.getAttribute("title"), /^Remove the bookmark/);
  screenshot("16-2-bookmarked-section");
  await press(app, "b");
  await d.wait(async () => (await d.findElement(By.id("toast")).getText()).includes("Bookmark removed: The Korean War Reaches a Stalemate"), 3000);
  await d.wait(async () => (await button.getAttribute("aria-pressed")) === "false", 3000);
  assert.deepEqual(await errors(app), []);
});

const quotes = () => app.driver.executeScript("return [...document.querySelectorAll('#hl-list .hl-quote')].map((q) => q.textContent)");

test("undo puts a deleted highlight back in its place in the panel, and the same words are not highlighted twice", async () => {
  const d = app.driver;
  const phrases = [["intro-p1", "The Korean War erupted"], ["intro-p2", "U.S. forces had entered"], ["intro-p3", "negotiate a ceasefire"]];
  for (const [block, phrase] of phrases) {
    await selectPhrase(app, block, phrase);
    await press(app, "h");
  }
  await waitHighlights(app, 3);
  // The same words again, in the colour h uses: nothing new.
  await selectPhrase(app, "intro-p2", "U.S. forces had entered");
  await press(app, "h");
  await sleep(500);
  assert.equal(await d.executeScript("return document.documentElement.dataset.highlights"), "3", "a duplicate highlight was made");
  await press(app, "a");
  await d.wait(() => d.executeScript("return !document.getElementById('panel').hidden"), 3000);
  assert.deepEqual(await quotes(), phrases.map(([, p]) => p));
  await d.findElement(By.css("#hl-list .hl-item:nth-child(2) .link-button")).click();
  await d.wait(() => d.executeScript("return !document.getElementById('editor').hidden"), 3000);
  await d.findElement(By.id("editor-delete")).click();
  await waitHighlights(app, 2);
  await d.executeScript("document.activeElement.blur()");
  await d.actions().keyDown(Key.CONTROL).sendKeys("z").keyUp(Key.CONTROL).perform();
  await waitHighlights(app, 3);
  assert.deepEqual(await quotes(), phrases.map(([, p]) => p), "the restored highlight is out of document order");
  await press(app, "a");
  assert.deepEqual(await errors(app), []);
});

const focused = () => app.driver.executeScript(`
  const a = document.activeElement;
  return { id: a.id, role: a.getAttribute('role'), item: a.closest('#hl-list [data-id]')?.dataset.id || null, cls: a.className };`);

test("focus goes where it should: into the panel on a, back to Edit after Esc, to the article from the skip link", async () => {
  const d = app.driver;
  if ((await d.executeScript("return document.documentElement.dataset.highlights")) === "0") {
    await selectPhrase(app, "intro-p4", "Forgotten War");
    await press(app, "h");
    await waitHighlights(app, 1);
  }
  await d.executeScript("document.getElementById('panel').hidden || document.getElementById('panel-close').click(); document.activeElement.blur()");
  await press(app, "a");
  await d.wait(() => d.executeScript("return !document.getElementById('panel').hidden"), 3000);
  assert.equal((await focused()).role, "tab", "a left focus outside the panel");
  const edit = d.findElement(By.css("#hl-list .hl-item:first-child .link-button"));
  const id = await d.executeScript("return document.querySelector('#hl-list .hl-item:first-child').dataset.id");
  await edit.click();
  await d.wait(() => d.executeScript("return !document.getElementById('editor').hidden"), 3000);
  await d.findElement(By.id("editor-tag-input")).sendKeys("focus", Key.ENTER);
  await d.wait(() => d.executeScript("return document.querySelectorAll('#editor-tags .tag').length === 1"), 3000);
  await press(app, Key.ESCAPE);
  await d.wait(() => d.executeScript("return document.getElementById('editor').hidden"), 3000);
  const back = await focused();
  assert.equal(back.item, id, `Esc sent focus to ${JSON.stringify(back)}, not to the highlight's Edit button`);
  assert.match(back.cls, /link-button/);
  await press(app, "a");
  await d.executeScript("document.querySelector('.skip-link').focus()");
  await press(app, Key.ENTER);
  await d.wait(async () => (await focused()).id === "article", 3000, "the skip link did not move focus to the article");
  assert.deepEqual(await errors(app), []);
});

const editorBox = () => app.driver.executeScript(`
  const bar = document.querySelector('.toolbar').getBoundingClientRect().bottom;
  const e = document.getElementById('editor');
  const r = e.getBoundingClientRect();
  const done = document.getElementById('editor-close').getBoundingClientRect();
  const del = document.getElementById('editor-delete').getBoundingClientRect();
  return { hidden: e.hidden, top: r.top, bottom: r.bottom, bar, height: innerHeight, done: done.bottom, del: del.bottom };`);

test("the highlight editor fits the window however long the note, and moves with its highlight", async () => {
  const d = app.driver;
  await d.manage().window().setRect({ width: 1280, height: 800 });
  await selectPhrase(app, "stalemate-p1", "began peace talks at Panmunjom");
  await press(app, "h");
  await d.wait(async () => (await painted(app)).some((p) => p.text === "began peace talks at Panmunjom"), 3000, "the highlight was not painted");
  const index = (await painted(app)).findIndex((p) => p.text === "began peace talks at Panmunjom");
  await d.executeScript("scrollBy({ top: document.getElementById('stalemate-p1').getBoundingClientRect().top - 150, behavior: 'instant' })");
  await sleep(200);
  await clickHighlight(app, index);
  await d.wait(() => d.executeScript("return !document.getElementById('editor').hidden"), 3000, "a click on the highlight did not open the editor");
  const note = d.findElement(By.id("editor-note"));
  await note.sendKeys(Array.from({ length: 8 }, (_, i) => `Line ${i + 1} of a long note about the talks`).join(Key.ENTER));
  const tags = d.findElement(By.id("editor-tag-input"));
  for (const tag of ["talks", "truman", "panmunjom", "1951"]) await tags.sendKeys(tag, Key.ENTER);
  await d.wait(() => d.executeScript("return document.querySelectorAll('#editor-tags .tag').length === 4"), 3000, "the four tags were not added");
  await d.findElement(By.css('#editor [data-tab="preview"]')).click();
  await sleep(500);
  const box = await editorBox();
  screenshot("16-3-editor-fits");
  assert.ok(box.top >= box.bar && box.bottom <= box.height, `the editor reaches past the window: ${JSON.stringify(box)}`);
  assert.ok(box.done <= box.height && box.del <= box.height, `Done or Delete is below the window: ${JSON.stringify(box)}`);
  // Scrolling: it goes with the highlight, or closes when the highlight leaves the window.
  const before = (await editorBox()).top;
  await d.executeScript("scrollBy({ top: 40, behavior: 'instant' })");
  await sleep(300);
  const after = await editorBox();
  assert.ok(after.hidden || Math.abs((before - 40) - after.top) <= 2 || after.top === after.bar + 8,
    `the editor stayed put over other text: ${before} -> ${after.top}`);
  await d.executeScript("scrollBy({ top: 2000, behavior: 'instant' })");
  await sleep(300);
  assert.equal((await editorBox()).hidden, true, "the editor stayed open with its highlight off screen");
  assert.deepEqual(await errors(app), []);
});

// In-page: WCAG contrast ratio of two computed colours ("rgb(r, g, b)").
const CONTRAST = `
  const lum = (c) => {
    const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };`;

test("small slips: the footer is as wide as the column, the tag filter as tall as its row, Delete readable in every theme, no drawer shadow", async () => {
  const d = app.driver;
  const widths = await d.executeScript(`return [document.getElementById('article').getBoundingClientRect().width,
    document.getElementById('attribution').getBoundingClientRect().width]`);
  assert.ok(Math.abs(widths[0] - widths[1]) <= 1, `the footer is ${widths[1]}px, the column ${widths[0]}px`);
  await d.executeScript("document.getElementById('panel').hidden && document.getElementById('panel-toggle').click()");
  const heights = await d.executeScript(`return [document.getElementById('hl-tag').getBoundingClientRect().height,
    document.querySelector('#hl-colours .swatch').getBoundingClientRect().height, document.getElementById('hl-search').getBoundingClientRect().height]`);
  assert.ok(heights[0] <= heights[2], `the tag filter (${heights[0]}px) is taller than the search field (${heights[2]}px)`);
  // Delete as the reader sees it: in an open editor (a hidden one's style is not kept current).
  if ((await d.executeScript("return document.documentElement.dataset.highlights")) === "0") {
    await selectPhrase(app, "intro-p4", "Forgotten War");
    await press(app, "h");
    await waitHighlights(app, 1);
  }
  await d.findElement(By.css("#hl-list .hl-item .link-button")).click();
  await d.wait(() => d.executeScript("return !document.getElementById('editor').hidden"), 3000, "the editor did not open");
  const ratios = {};
  for (const theme of ["light", "sepia", "dark"]) {
    await d.executeScript("document.documentElement.dataset.theme = arguments[0]", theme);
    await sleep(500); // the theme's colours fade in
    ratios[theme] = await d.executeScript(`${CONTRAST}
      const colours = [getComputedStyle(document.getElementById('editor-delete')).color,
                       getComputedStyle(document.getElementById('editor')).backgroundColor];
      return [contrast(...colours), colours.join(' on ')];`);
  }
  for (const [theme, [ratio, colours]] of Object.entries(ratios)) {
    assert.ok(ratio >= 4.5, `Delete has ${ratio.toFixed(2)}:1 on the ${theme} theme (${colours})`);
  }
  await press(app, Key.ESCAPE);
  await d.executeScript("document.getElementById('panel-close').click()");
  await d.manage().window().setRect({ width: 1000, height: 700 });
  await d.wait(() => d.executeScript("return innerWidth <= 1000"), 3000);
  await sleep(300);
  const toc = await d.executeScript(`const s = getComputedStyle(document.getElementById('toc'));
    return { visibility: s.visibility, right: document.getElementById('toc').getBoundingClientRect().right };`);
  assert.equal(toc.visibility, "hidden", `the closed drawer is still drawn (its right edge at ${toc.right}px, with its shadow)`);
  screenshot("16-12-narrow-closed-drawer");
  await d.manage().window().setRect({ width: 1280, height: 860 });
  await d.executeScript("document.documentElement.dataset.theme = document.documentElement.dataset.themeSetting === 'system' ? 'light' : document.documentElement.dataset.themeSetting");
  assert.deepEqual(await errors(app), []);
});

test("the figure viewer fits the figure to the window, shows the whole caption, and steps between figures", async () => {
  const d = app.driver;
  await d.manage().window().setRect({ width: 1280, height: 860 });
  await d.executeScript("document.querySelector('#article figure .figure-open').scrollIntoView({ block: 'center' })");
  await d.findElement(By.css("#article figure .figure-open")).click();
  await d.wait(() => d.executeScript("return document.getElementById('viewer').open"), 3000, "the viewer did not open");
  await d.wait(() => d.executeScript("const i = document.getElementById('viewer-image'); return i.complete && i.naturalWidth > 0"), 5000);
  const fit = await d.executeScript(`
    const stage = document.getElementById('viewer-stage').getBoundingClientRect();
    const img = document.getElementById('viewer-image');
    const scale = Math.min(stage.width / img.naturalWidth, stage.height / img.naturalHeight);
    const figure = document.querySelector('#article figure img').getBoundingClientRect();
    const caption = document.getElementById('viewer-caption');
    const zoom = Number(document.getElementById('viewer').dataset.zoom);
    return { shown: img.naturalWidth * scale * zoom, inArticle: figure.width, stage: stage.width,
             captionCut: caption.scrollWidth > caption.clientWidth + 1 || getComputedStyle(caption).whiteSpace === 'nowrap',
             first: document.getElementById('viewer').dataset.figure };`);
  assert.ok(fit.shown >= fit.inArticle - 1, `Fit shows the figure ${fit.shown}px wide, the article ${fit.inArticle}px`);
  assert.equal(fit.captionCut, false, "the caption is cut to one line");
  screenshot("16-11-viewer");
  await press(app, "n");
  const second = await d.executeScript("return document.getElementById('viewer').dataset.figure");
  assert.notEqual(second, fit.first, "n did not go to the next figure");
  assert.match(await d.findElement(By.id("viewer-position")).getText(), /^2 \/ \d$/);
  await d.findElement(By.id("viewer-previous")).click();
  assert.equal(await d.executeScript("return document.getElementById('viewer').dataset.figure"), fit.first);
  assert.equal(await d.findElement(By.id("viewer-previous")).getAttribute("disabled"), "true", "there is no figure before the first");
  await press(app, Key.ESCAPE);
  await d.wait(async () => !(await d.executeScript("return document.getElementById('viewer').open")), 3000);
  assert.equal(await d.executeScript("return document.activeElement.className"), "figure-open", "focus did not go back to the figure");
  assert.deepEqual(await errors(app), []);
});

/** Right-clicks viewport point (x, y) with a real X button-3 press (xdotool): WebKitWebDriver
 *  releases a right button as the left one, which clicks. */
async function rightClick(x, y) {
  const origin = await app.driver.executeScript(
    "return { x: screenX + (outerWidth - innerWidth) / 2, y: screenY + (outerHeight - innerHeight) }");
  execFileSync("xdotool", ["mousemove", String(Math.round(origin.x + x)), String(Math.round(origin.y + y)), "click", "3"]);
}

/** The viewport point in the middle of the first four letters of `word` in block `id`. */
function wordPoint(id, word) {
  return app.driver.executeScript(`
    const [id, word] = arguments;
    const walker = document.createTreeWalker(document.getElementById(id), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(word);
      if (i < 0) continue;
      const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 4);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    return null;`, id, word);
}

const menuItems = () => app.driver.executeScript(
  "const m = document.getElementById('context-menu'); return m.hidden ? null : [...m.querySelectorAll('[role=menuitem]')].map((i) => i.textContent)");

test("Margin's own context menu: highlight, copy with citation, a highlight's actions, nothing elsewhere", async () => {
  const d = app.driver;
  await d.executeScript(`window.__menuDefault = [];
    window.addEventListener('contextmenu', (e) => window.__menuDefault.push(e.defaultPrevented));`);
  await selectPhrase(app, "casualties-p1", "bloodiest");
  const at = await d.executeScript("const r = getSelection().getRangeAt(0).getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }");
  await rightClick(at.x, at.y);
  await d.wait(async () => (await menuItems()) !== null, 3000, "no menu on a selection");
  const items = await menuItems();
  assert.equal(items.length, 8, `menu items: ${items}`);
  assert.deepEqual(items.slice(5), ["Highlight with a note", "Copy", "Copy with citation"]);
  assert.equal(await d.executeScript("return document.activeElement.getAttribute('role')"), "menuitem", "the menu did not take focus");
  screenshot("16-10-context-menu");
  await d.findElement(By.xpath("//div[@id='context-menu']/button[normalize-space()='Copy with citation']")).click();
  await sleep(300);
  const clip = execFileSync("xclip", ["-o", "-selection", "clipboard"], { encoding: "utf8" });
  assert.equal(clip, "“bloodiest” — Lê Tuấn, *The Korean War: What Really Happened at the 38th Parallel?*, Pywar, 2025");

  // Highlighting from the menu: the colour chosen, on the words selected.
  await selectPhrase(app, "casualties-p1", "bloodiest");
  const sel = await d.executeScript("const r = getSelection().getRangeAt(0).getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }");
  await rightClick(sel.x, sel.y);
  await d.wait(async () => (await menuItems()) !== null, 3000, "no menu on the selection");
  await d.findElement(By.xpath("//div[@id='context-menu']/button[starts-with(normalize-space(), 'Highlight green')]")).click();
  await d.wait(async () => (await painted(app)).some((p) => p.text === "bloodiest" && p.colour === "green"), 3000,
    "the menu's Highlight green made no green highlight");
  const index = (await painted(app)).findIndex((p) => p.text === "bloodiest");
  const point = await wordPoint("casualties-p1", "bloodiest");
  assert.ok(index >= 0 && point);
  await rightClick(point.x, point.y);
  await d.wait(async () => (await menuItems()) !== null, 3000, "no menu on a highlight");
  assert.deepEqual(await menuItems(), ["Edit highlight", "Copy", "Copy with citation", "Delete highlight"]);
  assert.equal(await d.executeScript("return document.activeElement.getAttribute('role')"), "menuitem", "the menu on a highlight did not take focus");
  assert.equal(await d.executeScript("return document.getElementById('editor').hidden"), true, "a right click opened the editor");
  await press(app, Key.ESCAPE);
  assert.equal(await menuItems(), null, "Esc did not close the menu");
  // Delete from the menu while the editor is open on that highlight: the editor goes too.
  await clickHighlight(app, (await painted(app)).findIndex((p) => p.text === "bloodiest"));
  await d.wait(() => d.executeScript("return !document.getElementById('editor').hidden"), 3000, "the editor did not open");
  const again = await wordPoint("casualties-p1", "bloodiest");
  await rightClick(again.x, again.y);
  await d.wait(async () => (await menuItems()) !== null, 3000);
  await d.findElement(By.xpath("//div[@id='context-menu']/button[normalize-space()='Delete highlight']")).click();
  await d.wait(async () => !(await painted(app)).some((p) => p.text === "bloodiest"), 3000, "not deleted");
  assert.equal(await d.executeScript("return document.getElementById('editor').hidden"), true, "the editor stayed open on a deleted highlight");

  // Plain text, no selection: no menu of ours and none of the web view's.
  await d.executeScript("getSelection().removeAllRanges()");
  const plain = await d.executeScript("const r = document.getElementById('casualties-p1').getBoundingClientRect(); return { x: r.right - 30, y: r.bottom - 10 }");
  await rightClick(plain.x, plain.y);
  await sleep(300);
  assert.equal(await menuItems(), null);
  assert.ok((await d.executeScript("return window.__menuDefault")).every(Boolean), "the web view's own menu was allowed to open");
  assert.deepEqual(await errors(app), []);
});

test("hovering a highlight with a note shows the note's first lines", async () => {
  const d = app.driver;
  await selectPhrase(app, "conclusion-p1", "comprehensive overview");
  await press(app, "h");
  await d.wait(async () => (await painted(app)).some((p) => p.text === "comprehensive overview"), 3000);
  const index = (await painted(app)).findIndex((p) => p.text === "comprehensive overview");
  await clickHighlight(app, index);
  await d.wait(() => d.executeScript("return !document.getElementById('editor').hidden"), 3000);
  await d.findElement(By.id("editor-note")).sendKeys("Why Pywar wrote it", Key.ENTER, "Second line");
  await d.findElement(By.id("editor-close")).click();
  await d.wait(() => d.executeScript("return document.getElementById('editor').hidden"), 3000);
  await sleep(300);
  const rect = await wordPoint("conclusion-p1", "comprehensive");
  await d.actions({ async: true }).move({ x: Math.round(rect.x), y: Math.round(rect.y), origin: "viewport" }).perform();
  await d.wait(() => d.executeScript("return (document.getElementById('article').title || '').includes('Why Pywar wrote it')"), 3000,
    "the tooltip does not show the note");
  // h highlights in the colour used last (an earlier test may have changed it).
  const colour = (await painted(app)).find((p) => p.text === "comprehensive overview").colour;
  const meaning = { yellow: "Key idea", green: "Fact or date", blue: "Context", pink: "Question", purple: "To remember" }[colour];
  assert.equal(await d.executeScript("return document.getElementById('article').title"), `${meaning}\nWhy Pywar wrote it\nSecond line`);
  assert.deepEqual(await errors(app), []);
});

test("reading settings: font, line spacing and column width apply at once, keep the place, and are saved", async () => {
  const d = app.driver;
  await d.manage().window().setRect({ width: 1280, height: 860 });
  await d.executeScript(`
    const bar = document.querySelector('.toolbar').getBoundingClientRect().bottom;
    scrollTo({ top: scrollY + document.getElementById(arguments[0]).getBoundingClientRect().top - bar, behavior: 'instant' });`, TOP_BLOCK);
  await sleep(300);
  const before = await d.executeScript("const a = getComputedStyle(document.getElementById('article')); return [a.fontFamily, a.lineHeight, document.getElementById('article').getBoundingClientRect().width]");
  await d.findElement(By.id("settings-button")).click();
  await d.wait(() => d.executeScript("return document.getElementById('reading-settings').open"), 3000, "the settings did not open");
  for (const value of ["sans", "relaxed", "wide"]) {
    await d.findElement(By.css(`#reading-settings input[value="${value}"]`)).click();
  }
  screenshot("16-reading-settings");
  await press(app, Key.ESCAPE);
  await d.wait(async () => !(await d.executeScript("return document.getElementById('reading-settings').open")), 3000);
  assert.equal(await d.executeScript("return document.activeElement.id"), "settings-button", "focus did not go back to the button");
  await assertStillAtTop("new reading settings");
  const after = await d.executeScript(`const el = document.getElementById('article'); const a = getComputedStyle(el);
    return [a.fontFamily, parseFloat(a.lineHeight) / parseFloat(a.fontSize), el.getBoundingClientRect().width, parseFloat(a.fontSize)]`);
  assert.notEqual(after[0], before[0]);
  assert.match(after[0], /Sans/);
  assert.ok(Math.abs(after[1] - 1.9) < 0.01, `line height ${after[1]}`);
  assert.ok(Math.abs(after[2] - 50 * after[3]) <= 1, `the column is ${after[2]}px, not 50em`);
  const { value: prefs } = await invoke(app, "update_preferences", { patch: {} });
  assert.deepEqual([prefs.font_family, prefs.line_spacing, prefs.column_width], ["sans", "relaxed", "wide"]);
  await invoke(app, "update_preferences", { patch: { font_family: "serif", line_spacing: "normal", column_width: "medium" } });
  assert.deepEqual(await errors(app), []);
});

test("a dyslexia-friendly font: OpenDyslexic comes with Margin, loads only when chosen, and is kept", async () => {
  const d = app.driver;
  const faces = () => d.executeScript("return [...document.fonts].filter((f) => f.family.replace(/\"/g, '') === 'OpenDyslexic').map((f) => f.status)");
  assert.ok((await faces()).length >= 4, "the four OpenDyslexic faces are not declared");
  assert.ok((await faces()).every((s) => s === "unloaded"), "OpenDyslexic was fetched though nobody chose it");
  const before = await d.executeScript("return document.getElementById('intro-p1').getBoundingClientRect().height");
  await d.findElement(By.id("settings-button")).click();
  await d.wait(() => d.executeScript("return document.getElementById('reading-settings').open"), 3000);
  await d.findElement(By.css('#reading-settings input[value="dyslexic"]')).click();
  await d.wait(async () => (await faces()).includes("loaded"), 5000, "the bundled font did not load");
  screenshot("16-dyslexic-font");
  await press(app, Key.ESCAPE);
  const shown = await d.executeScript(`const p = document.getElementById('intro-p1');
    return { family: getComputedStyle(p).fontFamily, height: p.getBoundingClientRect().height };`);
  assert.match(shown.family, /^"?OpenDyslexic/);
  assert.notEqual(shown.height, before, "the paragraph did not change face");
  const { value: prefs } = await invoke(app, "update_preferences", { patch: {} });
  assert.equal(prefs.font_family, "dyslexic");
  await invoke(app, "update_preferences", { patch: { font_family: "serif" } });
  assert.deepEqual(await errors(app), []);
});

test("map text stays legible at the smallest text size in the narrowest column (bug 13)", async () => {
  const d = app.driver;
  const { value: was } = await invoke(app, "update_preferences", { patch: {} });
  await invoke(app, "update_preferences", { patch: { font_size: 14, column_width: "narrow" } });
  await d.executeScript("location.reload()");
  await waitReady(app);
  for (const [width, height] of [[800, 600], [1280, 860]]) {
    await d.manage().window().setRect({ width, height });
    await sleep(400);
    const shown = await d.executeScript(`
      const reader = document.querySelector('.reader').getBoundingClientRect();
      const column = document.getElementById('article').getBoundingClientRect().width;
      return { column, overflow: document.documentElement.scrollWidth - innerWidth,
               figures: [...document.querySelectorAll('.figure img')].map((img) => {
                 const r = img.getBoundingClientRect();
                 return { src: img.dataset.figure, width: r.width, inside: r.left >= reader.left - 0.5 && r.right <= reader.right + 0.5 };
               }) };`);
    assert.ok(shown.figures.length >= 3, "the article has its figures");
    for (const f of shown.figures) {
      // The figures' smallest text is 14 of their 1000 units.
      const px = (f.width * 14) / 1000;
      assert.ok(px >= 9.8, `at ${width}x${height} with a ${shown.column}px column, ${f.src} is ${f.width}px wide: its smallest text is ${px.toFixed(1)}px`);
      assert.ok(f.inside, `${f.src} runs out of the reader at ${width}x${height}`);
    }
    assert.ok(shown.overflow <= 0, `the page scrolls sideways by ${shown.overflow}px`);
  }
  await d.executeScript("document.querySelector('.figure').scrollIntoView({ block: 'center', behavior: 'instant' })");
  await sleep(300);
  screenshot("16-13-maps-at-smallest-text");
  await invoke(app, "update_preferences", { patch: { font_size: was.font_size, column_width: was.column_width } });
  await d.executeScript("location.reload()");
  await waitReady(app);
  assert.deepEqual(await errors(app), []);
});

test("time left in the section and the article, at a reading pace", async () => {
  const d = app.driver;
  const { value: article } = await invoke(app, "get_article");
  const total = article.blocks.reduce((n, b) => n + countWords(b.text), 0);
  await d.executeScript("scrollTo({ top: 0, behavior: 'instant' })");
  await sleep(300);
  const top = await d.executeScript("const e = document.getElementById('time-left'); return [e.textContent, e.title]");
  assert.equal(top[0], `${Math.ceil(total / DEFAULT_WPM)} min left`, `the article has ${total} words`);
  assert.match(top[1], /^About \d+ min left in this section, \d+ min in the article, at your reading pace$/);
  await d.findElement(By.css('#toc a[data-section="conclusion"]')).click();
  await sleep(300);
  const end = await d.executeScript("return document.getElementById('time-left').textContent");
  assert.ok(parseInt(end, 10) < parseInt(top[0], 10), `${end} at the conclusion, ${top[0]} at the top`);
  assert.match(await d.findElement(By.id("progress")).getAttribute("aria-valuetext"), /% read, about \d+ min left$/);
  assert.deepEqual(await errors(app), []);
});

test("the panel shows notes as rendered Markdown, four lines at most", async () => {
  const d = app.driver;
  const { value: article } = await invoke(app, "get_article");
  const b = article.blocks.find((x) => x.id === "conclusion-p1");
  const exact = [...b.text].slice(0, 24).join("");
  const note = "# Essay plan\n\n**Key** point, *why* it matters\n\n- one\n- two\n- three\n- four\n- five";
  const created = await invoke(app, "create_annotation", {
    articleId: "korean-war", annotation: { start: b.start, end: b.start + 24, exact, colour: "green", note, tags: [] },
  });
  assert.ok(created.ok, JSON.stringify(created.error));
  // The collection is the page's; a reload paints what the store holds.
  await d.executeScript("location.reload()");
  await waitReady(app);
  await press(app, "a");
  const box = `#hl-list li[data-id="${created.value.id}"] .hl-note`;
  await d.wait(() => d.executeScript("const n = document.querySelector(arguments[0]); return n && n.childElementCount > 0", box), 3000,
    "the note was not rendered");
  screenshot("16-7-rendered-notes");
  const shown = await d.executeScript(`const n = document.querySelector(arguments[0]);
    const line = parseFloat(getComputedStyle(n).lineHeight);
    return { tags: [...n.querySelectorAll('*')].map((e) => e.localName), height: n.getBoundingClientRect().height, line,
             heading: parseFloat(getComputedStyle(n.querySelector('h1')).fontSize), text: parseFloat(getComputedStyle(n).fontSize),
             clamped: n.classList.contains('clamped'), inButton: !!n.closest('button') };`, box);
  for (const tag of ["h1", "strong", "em", "ul", "li"]) assert.ok(shown.tags.includes(tag), `no <${tag}> in ${shown.tags}`);
  assert.ok(shown.height <= 4 * shown.line + 1, `the note is ${shown.height}px high, more than four lines of ${shown.line}px`);
  assert.ok(shown.clamped, "a cut note does not show that it goes on");
  assert.equal(shown.heading, shown.text, "a heading in a note is bigger than the note");
  assert.equal(shown.inButton, false);
  await press(app, Key.ESCAPE);
  assert.deepEqual(await errors(app), []);
});
