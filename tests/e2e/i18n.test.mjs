// Margin in Vietnamese, end to end: with the OS locale set to vi_VN.UTF-8 the UI speaks
// Vietnamese from the start; from an English session the in-app switch changes it, and the choice
// survives a restart. Either way no English sentence of the catalogue is left anywhere in the
// UI's chrome: toolbar, table of contents, panel and its tabs, editor, help, About, toasts,
// and the title, aria-label, placeholder and alt attributes screen readers read.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { By, Key } from "selenium-webdriver";
import { FluentBundle, FluentResource } from "../../ui/vendor/fluent-bundle/index.js";
import { ROOT, withApp, tempDataDir, invoke, press, screenshot, selectPhrase, sleep } from "./harness.mjs";

const VIETNAMESE_OS = { LANG: "vi_VN.UTF-8", LC_ALL: "vi_VN.UTF-8", LANGUAGE: "vi" };
const ENGLISH_OS = { LANG: "C.UTF-8", LC_ALL: "C.UTF-8", LANGUAGE: "" };

function messages(lang) {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  bundle.addResource(new FluentResource(readFileSync(path.join(ROOT, "ui/i18n", `${lang}.ftl`), "utf8")));
  return bundle;
}

/** The English catalogue's wording that must not show in Vietnamese: each message's and
 *  attribute's literal text (the parts between placeables), where it differs from Vietnamese. */
function englishWording() {
  const en = messages("en");
  const vi = messages("vi");
  const texts = new Set();
  const add = (pattern, other) => {
    const parts = typeof pattern === "string" ? [pattern] : pattern.filter((p) => typeof p === "string");
    const otherText = typeof other === "string" ? other : JSON.stringify(other);
    for (const part of parts.map((p) => p.trim())) {
      // Single short words ("Tag", "Edit") count too, but not bare punctuation or digits.
      if (/[A-Za-z]{2}/.test(part) && !otherText.includes(part)) texts.add(part);
    }
  };
  for (const [id, message] of en._messages) {
    const other = vi._messages.get(id);
    if (message.value) add(message.value, other.value);
    for (const [name, pattern] of Object.entries(message.attributes)) add(pattern, other.attributes[name]);
  }
  return [...texts];
}

// In-page: every text node and screen-reader attribute of the UI's chrome, i.e. everything but
// the article itself and elements holding the article's own words (marked with its lang="en").
// The article's words that chrome quotes (section titles in a label) are cut out of each text.
const CHROME_TEXT = `
  const [own] = arguments;
  const out = [];
  const skip = (el) => el.closest('#article, [lang^="en"]');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!skip(n.parentElement) && n.data.trim()) out.push(n.data.trim());
  }
  for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
    if (skip(el)) continue;
    for (const a of ['title', 'aria-label', 'placeholder', 'alt']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
  }
  out.push(document.title);
  return out.map((text) => own.reduce((t, words) => t.split(words).join(' '), text));`;

/** Opens what fills itself on demand (help, About, the panel's tabs, the editor, a toast) and
 *  returns the chrome's text as it then is. */
async function visitEverything(app, shot) {
  const d = app.driver;
  await d.executeScript("document.activeElement.blur()");
  await press(app, "?");
  await d.wait(() => d.executeScript("return document.getElementById('help').open"), 5000);
  screenshot(`${shot}-help`);
  await press(app, Key.ESCAPE);
  await press(app, "i");
  await d.wait(() => d.executeScript("return document.getElementById('about').open"), 5000);
  screenshot(`${shot}-about`);
  await press(app, Key.ESCAPE);
  await selectPhrase(app, "intro-p1", "38th Parallel");
  await press(app, "h");
  await d.wait(() => d.executeScript("return document.documentElement.dataset.highlights === '1'"), 5000);
  await press(app, "b");
  await d.wait(() => d.executeScript("return document.documentElement.dataset.bookmarks === '1'"), 5000);
  await press(app, "a");
  for (const tab of ["tab-bookmarks", "tab-notes", "tab-highlights"]) await d.findElement(By.id(tab)).click();
  await d.findElement(By.css("#hl-list .hl-item .link-button")).click();
  await d.wait(() => d.executeScript("return !document.getElementById('editor').hidden"), 3000);
  await sleep(300);
  screenshot(`${shot}-panel`);
  const { value: article } = await invoke(app, "get_article");
  const own = [article.meta.title, ...article.sections.filter((s) => !s.untitled).map((s) => s.title)].sort((a, b) => b.length - a.length);
  return d.executeScript(CHROME_TEXT, own);
}

function assertNoEnglish(chrome) {
  const english = englishWording();
  assert.ok(english.length > 150, `only ${english.length} English phrases to look for`);
  const found = english.flatMap((phrase) => {
    const re = new RegExp(`(^|[^A-Za-z])${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z])`);
    return chrome.filter((text) => re.test(text)).map((text) => `${phrase} in: ${text}`);
  });
  assert.deepEqual(found, [], "English text in the Vietnamese UI");
}

async function assertVietnamese(app) {
  const d = app.driver;
  assert.equal(await d.executeScript("return document.documentElement.lang"), "vi");
  assert.equal(await d.executeScript("return document.querySelector('.toc-heading').textContent"), "Mục lục");
  const credit = await d.executeScript("return document.querySelector('.credit-line').textContent");
  assert.match(credit, /đăng ngày 8 tháng 1, 2025, cập nhật ngày 24 tháng 3, 2025/);
}

test("with the OS in Vietnamese, the whole UI is in Vietnamese", async () => {
  await withApp(tempDataDir(), async (app) => {
    await assertVietnamese(app);
    assert.equal(await app.driver.executeScript("return document.getElementById('language-select').value"), "system");
    const chrome = await visitEverything(app, "vi-os");
    assert.ok(chrome.some((text) => text.includes("Đã đặt dấu trang")), "the bookmark toast was not seen");
    assertNoEnglish(chrome);
    // Vietnamese words are longer: at 800×600 every toolbar control is still in the window.
    await app.driver.manage().window().setRect({ width: 800, height: 600 });
    await app.driver.wait(() => app.driver.executeScript("return innerWidth <= 800"), 3000);
    const cut = await app.driver.executeScript(`return [...document.querySelectorAll('.toolbar button, .toolbar select')]
      .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > innerWidth + 0.5).map((e) => e.id || e.className)`);
    assert.deepEqual(cut, [], "toolbar controls past the window's edge at 800×600");
    screenshot("vi-800x600");
  }, VIETNAMESE_OS);
});

test("the in-app switch turns an English UI Vietnamese, and the choice is kept", async () => {
  const dataDir = tempDataDir();
  await withApp(dataDir, async (app) => {
    const d = app.driver;
    assert.equal(await d.executeScript("return document.documentElement.lang"), "en");
    assert.equal(await d.executeScript("return document.querySelector('.toc-heading').textContent"), "Contents");
    await d.findElement(By.css('#language-select option[value="vi"]')).click();
    await d.wait(() => d.executeScript("return document.documentElement.lang === 'vi' && document.documentElement.dataset.ready === 'true'"),
      10000, "the page did not come back in Vietnamese");
    await assertVietnamese(app);
    assertNoEnglish(await visitEverything(app, "vi-switch"));
  }, ENGLISH_OS);
  await withApp(dataDir, async (app) => {
    await assertVietnamese(app);
    assert.equal(await app.driver.executeScript("return document.getElementById('language-select').value"), "vi");
    screenshot("vi-after-restart");
  }, ENGLISH_OS);
});
