// Drives the real Margin binary in its real WebKit webview: tauri-driver (the WebDriver server
// Tauri ships) starts WebKitWebDriver, which starts the app. Each launch gets the environment we
// give tauri-driver, so MARGIN_DATA_DIR points the app at a temporary data directory.

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { Builder, Capabilities } from "selenium-webdriver";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");
// Resolved now: the driver starts in the data folder, where a relative path would not lead.
export const APP = process.env.MARGIN_APP ? path.resolve(process.env.MARGIN_APP) : path.join(ROOT, "target/debug/margin");
export const ARTIFACTS = path.join(here, "artifacts");

export function tempDataDir() {
  return mkdtempSync(path.join(os.tmpdir(), "margin-e2e-"));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForPort(port, deadline) {
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => { socket.destroy(); resolve(true); });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  throw new Error(`tauri-driver did not listen on ${port}`);
}

/** Starts the app with `dataDir` as its data directory and returns a WebDriver session on it,
 *  once the page says `ready` (the reader: "true"; the recovery screen: "recovery"). */
export async function launch(dataDir, extraEnv = {}, application = APP, { ready = "true", cwd = dataDir } = {}) {
  if (!process.env.DISPLAY) throw new Error("no DISPLAY: run the end-to-end tests under Xvfb (scripts/test does)");
  const port = await freePort();
  const nativePort = await freePort();
  const log = [];
  // In a process group of its own, so that quitting can end everything below it: WebKitWebDriver,
  // the app, its WebKit processes, and any wrapper (strace) that would otherwise leave them behind.
  // Started in the data directory: what the app writes where it stands (GTK's Print to File
  // puts output.pdf there) stays out of the checkout.
  const driverProcess = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    cwd,
    env: { ...process.env, MARGIN_DATA_DIR: dataDir, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  driverProcess.stdout.on("data", (d) => log.push(String(d)));
  driverProcess.stderr.on("data", (d) => log.push(String(d)));
  await waitForPort(port, Date.now() + 15000);

  const capabilities = new Capabilities();
  capabilities.setBrowserName("wry");
  capabilities.set("tauri:options", { application });
  let driver;
  let lastError;
  // The first session request right after the driver starts is sometimes refused: retry.
  for (let attempt = 0; attempt < 5 && !driver; attempt++) {
    try {
      driver = await new Builder().withCapabilities(capabilities).usingServer(`http://127.0.0.1:${port}/`).build();
    } catch (error) {
      lastError = error;
      await sleep(500 * (attempt + 1));
    }
  }
  if (!driver) {
    killGroup(driverProcess.pid, "SIGKILL");
    throw new Error(`no WebDriver session: ${lastError}\n${log.join("")}`);
  }
  await driver.manage().setTimeouts({ script: 15000 });
  const app = {
    driver,
    dataDir,
    log,
    async quit() {
      try { await driver.quit(); } catch { /* the app may already be gone */ }
      const exited = new Promise((r) => (driverProcess.exitCode !== null ? r() : driverProcess.once("exit", r)));
      killGroup(driverProcess.pid, "SIGTERM");
      await Promise.race([exited, sleep(2000)]);
      killGroup(driverProcess.pid, "SIGKILL");
      driverProcess.stdout.destroy();
      driverProcess.stderr.destroy();
    },
  };
  await waitReady(app, 20000, ready);
  return app;
}

/** One app session: starts the app on `dataDir` (with `extraEnv`), runs `use(app)`, checks the
 *  webview logged no error, and quits whatever happened. Restart tests call it once a session. */
export async function withApp(dataDir, use, extraEnv = {}) {
  const app = await launch(dataDir, extraEnv);
  try {
    await use(app);
    assert.deepEqual(await errors(app), [], "errors in the webview console");
  } finally {
    await app.quit();
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* the group is gone already */
  }
}

/** Waits until the reader has painted the article and restored the position (or, with `ready`
 *  "recovery", until the recovery screen shows). */
export async function waitReady(app, timeout = 20000, ready = "true") {
  await app.driver.wait(
    () => app.driver.executeScript("return document.documentElement.dataset.ready === arguments[0]", ready),
    timeout,
    ready === "true" ? "the reader did not become ready" : `the page did not become ready (${ready})`,
  );
}

/** Calls one of the app's IPC commands from inside the webview, as the UI does. */
export function invoke(app, command, args = {}) {
  return app.driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
       .then((value) => done({ ok: true, value }), (error) => done({ ok: false, error }));`,
    command,
    args,
  );
}

export function errors(app) {
  return app.driver.executeScript("return window.__marginErrors.slice()");
}

/** Presses keys as a user would, on whatever has focus. */
export async function press(app, ...keys) {
  const actions = app.driver.actions({ async: true });
  for (const key of keys) actions.sendKeys(key);
  await actions.perform();
}

/** Grabs the X display (WebDriver's own screenshot command hangs with WebKitWebDriver). */
export function screenshot(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  execFileSync("import", ["-window", "root", file]);
  return file;
}

export { sleep };

/** Selects `phrase` inside block `blockId` as a user dragging over it would. */
export async function selectPhrase(app, blockId, phrase) {
  const ok = await app.driver.executeScript(
    `const [blockId, phrase] = arguments;
     const el = document.querySelector('[data-block="' + blockId + '"]');
     const at = el.textContent.indexOf(phrase);
     if (at < 0) return false;
     const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
     const range = document.createRange();
     let pos = 0, started = false;
     for (let n = walker.nextNode(); n; n = walker.nextNode()) {
       const len = n.data.length;
       if (!started && at < pos + len) { range.setStart(n, at - pos); started = true; }
       if (started && at + phrase.length <= pos + len) { range.setEnd(n, at + phrase.length - pos); break; }
       pos += len;
     }
     el.scrollIntoView({ block: 'center' });
     const sel = getSelection();
     sel.removeAllRanges();
     sel.addRange(range);
     return true;`,
    blockId,
    phrase,
  );
  if (!ok) throw new Error(`"${phrase}" is not in block ${blockId}`);
}

/** Waits until the page says it holds `n` highlights. */
export async function waitHighlights(app, n) {
  await app.driver.wait(
    () => app.driver.executeScript("return document.documentElement.dataset.highlights === arguments[0]", String(n)),
    5000,
    `expected ${n} highlights`,
  );
}

// Highlights are painted with the CSS Custom Highlight API (ui/js/highlights.js), so they are not
// elements: the tests read what is painted from the page's highlight registry and click on the
// screen position of the painted text, as a user would.
const COLOUR_LAYERS = ["hl-yellow", "hl-green", "hl-blue", "hl-pink", "hl-purple"];

// In-page: every painted range of the colour layers as `{ range, colour, note }`, a live Range
// each (StaticRange cannot measure), in document order. Both helpers below start with it.
const PAINTED_RANGES = `
  const noted = CSS.highlights.get('hl-note');
  const painted = [];
  for (const name of ${JSON.stringify(COLOUR_LAYERS)}) {
    for (const r of CSS.highlights.get(name) || []) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      painted.push({ range, colour: name.slice(3), note: !!noted && noted.has(r) });
    }
  }
  painted.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));`;

/** The painted highlights: `[{ colour, text, note }]` per painted range, in document order. */
export function painted(app) {
  return app.driver.executeScript(`${PAINTED_RANGES}
     return painted.map(({ range, colour, note }) => ({ colour, text: range.toString(), note }));`);
}

/** The text of every painted highlight, in document order, joined. */
export async function paintedText(app) {
  return (await painted(app)).map((p) => p.text).join("");
}

/** Clicks the middle of the first line of the `index`-th painted range (document order). */
export async function clickHighlight(app, index = 0) {
  const point = await app.driver.executeScript(`${PAINTED_RANGES}
     const hit = painted[arguments[0]];
     if (!hit) return null;
     hit.range.startContainer.parentElement.scrollIntoView({ block: 'center' });
     const rect = hit.range.getClientRects()[0];
     return { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height / 2) };`,
    index,
  );
  if (!point) throw new Error(`no painted highlight number ${index}`);
  await app.driver.actions({ async: true }).move({ x: point.x, y: point.y, origin: "viewport" }).click().perform();
}

/** Runs xdotool; its output, or "" when it finds nothing (it exits 1 then). */
export function xdotool(...args) {
  try {
    return execFileSync("xdotool", args, { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return "";
  }
}

/** The id of the first visible X window whose title matches `pattern` (a regex for xdotool),
 *  once it shows: the system dialogs (GTK's print and file choosers) are windows of their own,
 *  outside the webview, which WebDriver cannot reach. Throws after `timeout` ms. */
export async function systemDialog(pattern, timeout = 20000) {
  for (const end = Date.now() + timeout; Date.now() < end; await sleep(100)) {
    const id = xdotool("search", "--onlyvisible", "--name", pattern).split("\n")[0];
    if (id) return id;
  }
  throw new Error(`no system dialog titled /${pattern}/ opened`);
}

/** Answers the GTK file dialog titled `pattern` as a user would, with real X key events: types
 *  `file` (a full path) into it and presses Enter, or presses Esc when `file` is null. `open`:
 *  it is an open dialog, whose location field Ctrl+L shows (a save dialog's name field is
 *  focused already, its text selected). */
export async function answerFileDialog(pattern, file, { open = false } = {}) {
  const dialog = await systemDialog(pattern);
  xdotool("windowfocus", "--sync", dialog);
  await sleep(400);
  if (file === null) {
    xdotool("key", "--clearmodifiers", "Escape");
  } else {
    xdotool("key", "--clearmodifiers", open ? "ctrl+l" : "ctrl+a");
    await sleep(300);
    xdotool("type", "--delay", "20", file);
    await sleep(300);
    xdotool("key", "--clearmodifiers", "Return");
  }
  for (let i = 0; i < 50 && xdotool("search", "--onlyvisible", "--name", pattern); i++) await sleep(100);
}
