// Margin works with no network at all, and opens no network connection. scripts/test runs this
// file inside a network namespace with only a loopback interface (`unshare -n`), and the app under
// `strace -f`, so every connect() of the app and of its WebKit processes is recorded.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, chmodSync } from "node:fs";
import path from "node:path";
import { launch, tempDataDir, invoke, errors, selectPhrase, press, waitHighlights, APP, sleep } from "../e2e/harness.mjs";

const inNamespace = process.env.MARGIN_OFFLINE_NS === "1";

/** Interfaces other than loopback that are up: there must be none in the namespace. */
function interfacesUp() {
  const out = execFileSync("ip", ["-o", "link", "show", "up"]).toString();
  return out.split("\n").filter(Boolean).map((l) => l.split(":")[1].trim()).filter((n) => n !== "lo");
}

test("offline: article, figures and saving work; no connect() leaves the machine", { skip: !inNamespace && "run by scripts/test inside unshare -n" }, async () => {
  assert.deepEqual(interfacesUp(), [], "this test must run without a network");
  const dataDir = tempDataDir();
  const trace = path.join(dataDir, "strace.log");
  const wrapper = path.join(dataDir, "margin-traced");
  writeFileSync(wrapper, `#!/bin/sh\nexec strace -f -qq -e trace=connect -o '${trace}' '${APP}' "$@"\n`);
  chmodSync(wrapper, 0o755);

  const app = await launch(dataDir, {}, wrapper);
  try {
    const d = app.driver;
    const count = await d.executeScript("return document.querySelectorAll('#article img.figure-image').length");
    for (let i = 0; i < count; i++) {
      await d.executeScript(`document.querySelectorAll('#article img.figure-image')[${i}].scrollIntoView()`);
      await d.wait(() => d.executeScript(
        `const img = document.querySelectorAll('#article img.figure-image')[${i}]; return img.complete && img.naturalWidth > 0;`),
        10000, `figure ${i} did not load offline`);
    }
    await selectPhrase(app, "conclusion-p1", "a defining event of the 20th century");
    await press(app, "h");
    await waitHighlights(app, 1);
    // A link to the web, clicked inside the app, goes nowhere.
    await d.executeScript(`
      const a = document.createElement('a');
      a.href = 'https://www.naturalearthdata.com/'; a.id = 'outside'; a.textContent = 'outside';
      document.getElementById('attribution').append(a); a.click();`);
    await sleep(500);
    assert.match(await d.getCurrentUrl(), /^(tauri:\/\/localhost|http:\/\/tauri\.localhost)/);
    const { value } = await invoke(app, "list_annotations", { articleId: "korean-war" });
    assert.equal(value.length, 1);
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
  }

  const lines = readFileSync(trace, "utf8").split("\n").filter((l) => l.includes("connect("));
  const inet = lines.filter((l) => /sa_family=AF_INET6?/.test(l));
  const outside = inet.filter((l) => !/inet_addr\("127\.|inet_pton\(AF_INET6, "::1"/.test(l));
  const families = [...new Set(lines.map((l) => (l.match(/sa_family=(AF_[A-Z0-9]+)/) || [])[1]).filter(Boolean))];
  console.log(`connect() calls by the app and its WebKit processes: ${lines.length}; families: ${families.join(", ")}; ` +
    `to loopback: ${inet.length - outside.length}; beyond this machine: ${outside.length}`);
  for (const l of inet.filter((x) => !outside.includes(x))) console.log(`loopback: ${l.trim().slice(0, 160)}`);
  assert.deepEqual(outside, [], "the app tried to reach the network");
});
