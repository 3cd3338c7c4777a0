// A write the UI was told succeeded survives a kill -9: highlight through the UI, SIGKILL the
// app the moment the last one is confirmed, restart, and find them all in a sound database.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { launch, tempDataDir, errors, press, invoke, selectPhrase, waitHighlights, APP } from "./harness.mjs";

const N = 12;

test(`${N} highlights confirmed to the UI survive SIGKILL; integrity_check is ok`, async () => {
  const dataDir = tempDataDir();
  let app = await launch(dataDir);
  try {
    const { value: article } = await invoke(app, "get_article");
    const paragraphs = article.blocks.filter((b) => b.kind === "paragraph").slice(0, N);
    for (const [i, b] of paragraphs.entries()) {
      await selectPhrase(app, b.id, b.text.slice(0, 24));
      await press(app, "h");
      // The count goes up only once create_annotation has resolved: the UI was told "saved".
      await waitHighlights(app, i + 1);
    }
    const pids = execFileSync("pgrep", ["-f", `^${APP}`]).toString().trim().split(/\s+/);
    assert.ok(pids.length >= 1, "the app's process was not found");
    execFileSync("kill", ["-KILL", ...pids]);
  } finally {
    await app.quit();
  }

  const check = execFileSync(APP, ["check"], { env: { ...process.env, MARGIN_DATA_DIR: dataDir } }).toString();
  assert.match(check, /: ok \(schema \d+\)/);

  app = await launch(dataDir);
  try {
    await waitHighlights(app, N);
    const { value } = await invoke(app, "list_annotations", { articleId: "korean-war" });
    assert.equal(value.length, N);
    assert.deepEqual(await errors(app), []);
  } finally {
    await app.quit();
  }
});
