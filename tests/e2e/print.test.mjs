// Print (Ctrl+P), all the way to paper: Margin's dialog asks what to print, then the system's
// GTK print dialog is driven with real X key events (xdotool) to "Print to File", and the PDF
// WebKit writes is read back (pdftotext, pdftoppm). The dialog is GTK's own window, outside the
// webview, which WebDriver cannot reach.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { By, Key } from "selenium-webdriver";
import { launch, tempDataDir, errors, invoke, press, screenshot, sleep, systemDialog, waitReady, xdotool, ARTIFACTS } from "./harness.mjs";

let app;
before(async () => {
  app = await launch(tempDataDir());
});
after(async () => {
  if (app) await app.quit();
});

/** Chooses "Print to File" (GTK's only printer here) in the open dialog, prints, and returns the
 *  PDF, moved to a file of its own. GTK writes output.pdf where the app was started (the data
 *  directory, see harness.mjs) or in the user's documents folder. */
async function printToFile(name) {
  const places = [app.dataDir, path.join(os.homedir(), "Documents"), os.homedir()].map((dir) => path.join(dir, "output.pdf"));
  rmSync(places[0], { force: true });
  // Elsewhere only a file written from now on counts (someone's own output.pdf is left alone).
  const since = Date.now() - 1000;
  const fresh = (file) => existsSync(file) && statSync(file).mtimeMs >= since;
  const dialog = await systemDialog("^Print$");
  xdotool("windowfocus", "--sync", dialog);
  await sleep(300);
  xdotool("key", "--clearmodifiers", "Down");
  await sleep(300);
  xdotool("key", "--clearmodifiers", "Return");
  for (let i = 0; i < 150 && !places.some(fresh); i++) await sleep(100);
  const written = places.find(fresh);
  assert.ok(written, "no PDF was written");
  await sleep(1500); // WebKit writes the pages after it creates the file
  const pdf = path.join(mkdtempSync(path.join(os.tmpdir(), "margin-print-")), `${name}.pdf`);
  renameSync(written, pdf);
  return pdf;
}

// NFKC: PDF text has the fonts' ligatures ("ﬁ"), which must compare as the letters.
const pdfText = (pdf) => execFileSync("pdftotext", ["-layout", pdf, "-"]).toString().normalize("NFKC").replace(/\s+/g, " ");

/** Share of page `page`'s pixels within 6 % of `colour`, and the colour of its top-left corner. */
function pagePixels(pdf, page, colour) {
  const png = path.join(path.dirname(pdf), `page-${page}`);
  execFileSync("pdftoppm", ["-r", "50", "-png", "-singlefile", "-f", String(page), "-l", String(page), pdf, png]);
  const share = Number(execFileSync("convert", [`${png}.png`, "-fuzz", "6%", "-fill", "black", "-opaque", colour,
    "-fill", "white", "+opaque", "black", "-negate", "-format", "%[fx:mean]", "info:"]).toString());
  const corner = execFileSync("convert", [`${png}.png`, "-format", "%[hex:p{3,3}]", "info:"]).toString().trim();
  return { share, corner, png: `${png}.png` };
}

async function ctrlP() {
  await app.driver.actions({ async: true }).keyDown(Key.CONTROL).sendKeys("p").keyUp(Key.CONTROL).perform();
  await app.driver.wait(() => app.driver.executeScript("return document.getElementById('print-dialog').open"), 3000,
    "Ctrl+P did not open Margin's print dialog");
}

test("Ctrl+P prints the article with its highlights marked and the notes after it, light on paper in the dark theme", async () => {
  const d = app.driver;
  const { value: article } = await invoke(app, "get_article");
  const make = async (blockId, length, colour, note, tags) => {
    const b = article.blocks.find((x) => x.id === blockId);
    const exact = [...b.text].slice(0, length).join("");
    const made = await invoke(app, "create_annotation", {
      articleId: "korean-war", annotation: { start: b.start, end: b.start + length, exact, colour, note, tags },
    });
    assert.ok(made.ok, JSON.stringify(made.error));
    return exact;
  };
  const noted = await make("intro-p1", 40, "yellow", "## Essay plan\n\nStart with **the date**.", ["dates"]);
  await make("intro-p2", 30, "green", "", []);
  await invoke(app, "update_preferences", { patch: { theme: "dark" } });
  await d.executeScript("location.reload()");
  await waitReady(app);

  await d.executeScript("document.getElementById('settings-button').focus()");
  await ctrlP();
  assert.equal(await d.executeScript("return document.activeElement.value"), "article", "focus is not on the first choice");
  screenshot("16-print-dialog");
  await press(app, Key.ESCAPE);
  await d.wait(async () => !(await d.executeScript("return document.getElementById('print-dialog').open")), 3000);
  assert.equal(await d.executeScript("return document.activeElement.id"), "settings-button", "focus did not come back");

  await ctrlP();
  await press(app, Key.ENTER);
  const pdf = await printToFile("article");
  const text = pdfText(pdf);
  assert.match(text, /The Korean War: What Really Happened/);
  assert.ok(text.includes(noted.replace(/\s+/g, " ").trim()), "the highlighted passage is not printed");
  assert.ok(text.indexOf("first published by") > text.indexOf("What Really Happened"), "the credits are printed before the article");
  assert.ok(text.indexOf("Your notes") > text.indexOf("first published by"), "the notes are not after the article");
  assert.match(text, /Your notes/);
  assert.match(text, /Essay plan Start with the date\./, "the note is not printed, rendered");
  assert.match(text, /#dates/);
  for (const chrome of ["Contents", "System theme", "Back up now"]) assert.ok(!new RegExp(chrome, "i").test(text), `"${chrome}" was printed`);
  // The light palette's yellow highlight is on page 1, and the paper is white though the screen is dark.
  const first = pagePixels(pdf, 1, "#e2da80");
  assert.ok(first.share > 0.002, `no yellow highlight on page 1 (${first.share})`);
  assert.equal(first.corner.toLowerCase().slice(0, 6), "ffffff", "the page is not white");
  execFileSync("cp", [first.png, path.join(ARTIFACTS, "16-print-article-page1.png")]);
  assert.deepEqual(await errors(app), []);
});

test("a print view of the notes alone: every highlight by section, not the article; Ctrl+P from a text field", async () => {
  const d = app.driver;
  await press(app, "a");
  await d.findElement(By.id("hl-search")).click();
  await ctrlP();
  await d.findElement(By.css('#print-dialog input[value="notes"]')).sendKeys(Key.SPACE);
  assert.equal(await d.executeScript("return document.querySelector('#print-dialog input:checked').value"), "notes");
  await d.findElement(By.id("print-go")).click();
  const pdf = await printToFile("notes");
  const text = pdfText(pdf);
  assert.match(text, /Highlights and notes/);
  assert.match(text, /By July 1950, U\.S\. forces had/, "the highlight without a note is missing");
  assert.match(text, /Essay plan/);
  assert.ok(!/the first military action of the Cold War/.test(text), "the article's text was printed");
  assert.equal(execFileSync("pdfinfo", [pdf]).toString().match(/Pages:\s+(\d+)/)[1], "1");
  execFileSync("cp", [pagePixels(pdf, 1, "#e2da80").png, path.join(ARTIFACTS, "16-print-notes.png")]);
  await invoke(app, "update_preferences", { patch: { theme: "system" } });
  assert.deepEqual(await errors(app), []);
});
