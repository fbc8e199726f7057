#!/usr/bin/env node
// `npm test`: type checking, lint (layering, cycles, format), the production build (with an example hosting URL), unit + contract + manifest
// tests (vitest), then the end-to-end tests in headless Chromium against dist/. Stops at the first failing step.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** The URL the test build's manifest points to; the manifest tests check dist/ against it. */
export const TEST_BUILD_URL = "https://example.org/zhku/";

const steps = [
  ["Проверка типов (tsc --noEmit)", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["Слои и циклы импорта (eslint)", "npx", ["eslint", "."]],
  ["Формат кода (prettier --check)", "npx", ["prettier", "--check", "."]],
  ["Сборка dist/ (webpack, production)", "npx", ["webpack", "--mode", "production", "--env", `url=${TEST_BUILD_URL}`]],
  ["Модульные, контрактные тесты и манифест (vitest)", "npx", ["vitest", "run", ...reporters("unit")]],
  [
    "Сквозные тесты в Chromium (vitest, e2e)",
    "npx",
    ["vitest", "run", "-c", "vitest.e2e.config.mts", ...reporters("e2e")],
  ],
];

/** Vitest's usual output plus a JSON report, so the closing line can count every test of both suites. */
function reporters(name) {
  return ["--reporter=default", "--reporter=json", `--outputFile.json=test-results/${name}.json`];
}

/** Passed/failed/skipped counts from the JSON reports written by the steps that ran. */
function tally() {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const name of ["unit", "e2e"]) {
    const file = path.join(root, "test-results", `${name}.json`);
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, "utf8"));
    total.passed += report.numPassedTests ?? 0;
    total.failed += report.numFailedTests ?? 0;
    total.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  return total;
}

const started = Date.now();
for (const name of ["unit", "e2e"]) rmSync(path.join(root, "test-results", `${name}.json`), { force: true });
for (const [title, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  if (r.status !== 0) {
    console.error(`\n✗ ${title}: ошибка (код ${r.status ?? r.signal}, ${secs} с)`);
    const t = tally();
    console.error(`tests: ${t.passed} passed, ${Math.max(t.failed, 1)} failed, ${t.skipped} skipped`);
    process.exit(r.status || 1);
  }
  console.log(`✓ ${title} (${secs} с)`);
}
const t = tally();
console.log(`tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
console.log(`\nВсе проверки пройдены за ${((Date.now() - started) / 1000).toFixed(0)} с.`);
