// One instance and a remembered window: starting Margin again focuses the running window instead
// of opening the same database twice (the single-instance plugin talks over the D-Bus session bus,
// which every Linux desktop has; the test starts its own), and the window's size is remembered.
// Without a display, Margin says so and exits.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { launch, tempDataDir, errors, APP, sleep } from "./harness.mjs";

test("a second start focuses the running window and exits", async () => {
  const bus = execFileSync("dbus-daemon", ["--session", "--fork", "--print-address=1", "--print-pid=1"])
    .toString().trim().split("\n");
  const [address, pid] = bus;
  const env = { DBUS_SESSION_BUS_ADDRESS: address };
  const dataDir = tempDataDir();
  const app = await launch(dataDir, env);
  try {
    const started = Date.now();
    const second = spawn(APP, [], { env: { ...process.env, ...env, MARGIN_DATA_DIR: dataDir }, stdio: "ignore" });
    const code = await new Promise((resolve) => {
      const timer = setTimeout(() => { second.kill("SIGKILL"); resolve("still running after 15 s"); }, 15000);
      second.once("exit", (c) => { clearTimeout(timer); resolve(c); });
    });
    assert.equal(code, 0, "the second instance should hand over to the first and exit");
    assert.ok(Date.now() - started < 15000);
    // The first window is still there and working.
    assert.equal(await app.driver.executeScript("return document.documentElement.dataset.ready"), "true");
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
    try { process.kill(Number(pid)); } catch { /* gone already */ }
  }
});

test("the window's size is remembered across a restart", async () => {
  const dataDir = tempDataDir();
  let app = await launch(dataDir);
  try {
    await app.driver.manage().window().setRect({ width: 1000, height: 700 });
    await sleep(500);
  } finally {
    await app.quit();
  }
  const file = path.join(dataDir, "window-state.json");
  assert.ok(existsSync(file), "the window state was saved in the data folder");
  const state = JSON.parse(readFileSync(file, "utf8")).main;
  assert.equal(state.width, 1000);
  assert.equal(state.height, 700);
  app = await launch(dataDir);
  try {
    const rect = await app.driver.manage().window().getRect();
    assert.equal(rect.width, 1000);
    assert.equal(rect.height, 700);
  } finally {
    await app.quit();
  }
});

test("without a display Margin says why it cannot open a window, and exits 1", () => {
  const env = { ...process.env, MARGIN_DATA_DIR: tempDataDir() };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  // GTK also looks for a Wayland socket in XDG_RUNTIME_DIR: point it at an empty folder.
  env.XDG_RUNTIME_DIR = tempDataDir();
  const run = spawnSync(APP, [], { env, encoding: "utf8", timeout: 20000 });
  assert.equal(run.status, 1, `exit ${run.status}, stderr: ${run.stderr}`);
  assert.match(run.stderr, /cannot open a window: GTK could not connect to a display/);
  assert.doesNotMatch(run.stderr, /panicked/);
});
