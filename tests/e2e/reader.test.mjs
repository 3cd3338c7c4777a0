// The reader, end to end, in the real app: article, figures, TOC, themes, position, viewer,
// dialogs, small windows. Every test starts the app on its own fresh data directory.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { By, Key } from "selenium-webdriver";
import { launch, tempDataDir, invoke, errors, press, screenshot, sleep } from "./harness.mjs";

let app;
before(async () => {
  app = await launch(tempDataDir());
});
after(async () => {
  if (app) await app.quit();
});

async function noErrors(a = app) {
  assert.deepEqual(await errors(a), [], "errors in the webview console");
}

test("the article renders: title, six section headings, every block's text equals core's", async () => {
  const d = app.driver;
  const title = await d.findElement(By.css("#article h1")).getText();
  assert.equal(title, "The Korean War: What Really Happened at the 38th Parallel?");
  const headings = await d.executeScript(
    "return [...document.querySelectorAll('#article h2')].map((h) => h.textContent)");
  assert.deepEqual(headings, [
    "North Korea vs. South Korea",
    "The Korean War and the Cold War",
    "“There Is No Substitute for Victory”",
    "The Korean War Reaches a Stalemate",
    "Casualties of the Korean War",
    "Conclusion",
  ]);
  const { ok, value: article } = await invoke(app, "get_article");
  assert.ok(ok);
  const dom = await d.executeScript(
    "return [...document.querySelectorAll('#article [data-block]')].map((e) => [e.dataset.block, e.textContent])");
  assert.deepEqual(dom, article.blocks.map((b) => [b.id, b.text]));
  assert.ok(article.blocks.length >= 40, `${article.blocks.length} blocks`);
  screenshot("01-opening");
  await noErrors();
});

test("every figure loads, with alt text and a caption", async () => {
  const d = app.driver;
  const count = await d.executeScript("return document.querySelectorAll('#article img.figure-image').length");
  assert.equal(count, 4);
  // Figures load as they come near; before that each already has its full box, so nothing moves.
  const boxes = await d.executeScript(`return [...document.querySelectorAll('#article img.figure-image')]
    .map((img) => ({ loaded: img.hasAttribute('src'), ratio: img.getBoundingClientRect().height / img.getBoundingClientRect().width,
                     expected: img.getAttribute('height') / img.getAttribute('width') }))`);
  assert.ok(boxes.some((b) => !b.loaded), "every figure was loaded at start");
  for (const b of boxes) assert.ok(Math.abs(b.ratio - b.expected) < 0.01, JSON.stringify(b));
  for (let i = 0; i < count; i++) {
    await d.executeScript(`document.querySelectorAll('#article img.figure-image')[${i}].scrollIntoView()`);
    await d.wait(() => d.executeScript(
      `const img = document.querySelectorAll('#article img.figure-image')[${i}];
       return img.complete && img.naturalWidth > 0;`), 10000, `figure ${i} did not load`);
  }
  const figures = await d.executeScript(
    `return [...document.querySelectorAll('#article figure')].map((f) => ({
       alt: f.querySelector('img').alt, caption: f.querySelector('figcaption').textContent,
       width: f.querySelector('img').naturalWidth }))`);
  for (const f of figures) {
    assert.ok(f.alt.length > 40, f.alt);
    assert.match(f.caption, /\(Source: Collected\)/);
    assert.ok(f.width > 300, `natural width ${f.width}`);
  }
  await noErrors();
});

test("clicking a TOC entry brings its section into view and marks it current", async () => {
  const d = app.driver;
  for (const id of ["stalemate", "north-vs-south", "conclusion"]) {
    await d.findElement(By.css(`#toc a[data-section="${id}"]`)).click();
    await sleep(150);
    const state = await d.executeScript(
      `const h = document.getElementById(arguments[0]);
       const r = h.getBoundingClientRect();
       const bar = document.querySelector('.toolbar').getBoundingClientRect().bottom;
       return { top: r.top, bar, height: innerHeight,
                current: document.querySelector('#toc a[aria-current="location"]').dataset.section };`, id);
    assert.ok(state.top >= state.bar - 1 && state.top < state.height / 2 || id === "conclusion" && state.top < state.height,
      `${id} heading at ${state.top}px (toolbar ends at ${state.bar}px)`);
    assert.equal(state.current, id);
  }
  await noErrors();
});

test("a figure opens in the viewer, zooms, pans and closes with Esc", async () => {
  const d = app.driver;
  await d.executeScript("document.querySelector('#fig-war-movements-1950-1951 .figure-open').scrollIntoView({block: 'center'})");
  await d.findElement(By.css("#fig-war-movements-1950-1951 .figure-open")).click();
  await d.wait(() => d.executeScript("return document.getElementById('viewer').open"), 5000);
  await d.wait(() => d.executeScript("const i = document.getElementById('viewer-image'); return i.complete && i.naturalWidth > 0"), 5000);
  await press(app, "+", "+", Key.ARROW_LEFT);
  const zoom = Number(await d.executeScript("return document.getElementById('viewer').dataset.zoom"));
  assert.ok(zoom > 1.5, `zoom ${zoom}`);
  await sleep(200);
  screenshot("02-map-viewer");
  await press(app, Key.ESCAPE);
  await d.wait(async () => !(await d.executeScript("return document.getElementById('viewer').open")), 5000);
  await noErrors();
});

test("? shows the shortcuts and i the attribution", async () => {
  const d = app.driver;
  await d.executeScript("document.activeElement.blur()");
  await press(app, "?");
  await d.wait(() => d.executeScript("return document.getElementById('help').open"), 5000);
  const help = await d.findElement(By.id("help")).getText();
  assert.match(help, /Next section/);
  await press(app, Key.ESCAPE);
  await press(app, "i");
  await d.wait(() => d.executeScript("return document.getElementById('about').open"), 5000);
  const about = await d.executeScript("return document.getElementById('about').textContent");
  for (const expected of ["Lê Tuấn", "8 January 2025", "24 March 2025", "Pywar", "Natural Earth", "margin.sqlite3"]) {
    assert.ok(about.includes(expected), `About lacks ${expected}`);
  }
  await press(app, Key.ESCAPE);
  await noErrors();
});

test("the window works at 800×600: nothing wider than the window, the TOC is a drawer", async () => {
  const d = app.driver;
  await d.manage().window().setRect({ width: 800, height: 600 });
  await d.wait(() => d.executeScript("return innerWidth <= 800"), 5000);
  const overflow = await d.executeScript("return document.documentElement.scrollWidth - innerWidth");
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
  await d.wait(() => d.executeScript("return document.getElementById('toc').getBoundingClientRect().right <= 0"),
    3000, "the TOC should be off screen until opened");
  await d.findElement(By.id("toc-toggle")).click();
  await d.wait(() => d.executeScript("return document.getElementById('toc').getBoundingClientRect().left >= 0"), 3000);
  await d.findElement(By.css('#toc a[data-section="casualties"]')).click();
  await d.wait(() => d.executeScript("return !document.getElementById('toc').classList.contains('open')"), 3000);
  await d.manage().window().setRect({ width: 1200, height: 820 });
  await noErrors();
});
