#!/usr/bin/env node
// Copies @fluent/bundle's ES modules from the locked npm package into ui/vendor/fluent-bundle/,
// untouched: the UI has no build step, so it imports them from there. Run after changing the
// package's version in package.json (npm ci first); ui/tests/vendor.test.mjs checks the copy.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SOURCE = path.join(root, "node_modules/@fluent/bundle/esm");
export const TARGET = path.join(root, "ui/vendor/fluent-bundle");

/** The files the UI needs: the package's ES modules, without type declarations. */
export function vendoredFiles() {
  return readdirSync(SOURCE).filter((f) => f.endsWith(".js")).sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { version, license } = JSON.parse(readFileSync(path.join(SOURCE, "../package.json"), "utf8"));
  rmSync(TARGET, { recursive: true, force: true });
  mkdirSync(TARGET, { recursive: true });
  for (const file of vendoredFiles()) copyFileSync(path.join(SOURCE, file), path.join(TARGET, file));
  // The package ships no licence file; Apache-2.0 asks for the text beside the copy.
  copyFileSync("/usr/share/common-licenses/Apache-2.0", path.join(TARGET, "LICENSE"));
  writeFileSync(path.join(TARGET, "VERSION"), `@fluent/bundle ${version} (${license}), copied by scripts/vendor-fluent.mjs\n`);
  console.log(`copied @fluent/bundle ${version} into ${path.relative(root, TARGET)}`);
}
