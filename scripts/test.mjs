#!/usr/bin/env node
// `npm test`: type checking, the production build (with an example hosting URL), unit + contract + manifest
// tests (vitest), then the end-to-end tests in headless Chromium against dist/. Stops at the first failing step.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** The URL the test build's manifest points to; the manifest tests check dist/ against it. */
export const TEST_BUILD_URL = "https://example.org/zhku/";

const steps = [
  ["Проверка типов (tsc --noEmit)", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["Сборка dist/ (webpack, production)", "npx", ["webpack", "--mode", "production", "--env", `url=${TEST_BUILD_URL}`]],
  ["Модульные, контрактные тесты и манифест (vitest)", "npx", ["vitest", "run"]],
  ["Сквозные тесты в Chromium (vitest, e2e)", "npx", ["vitest", "run", "-c", "vitest.e2e.config.mts"]],
];

const started = Date.now();
for (const [title, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  if (r.status !== 0) {
    console.error(`\n✗ ${title}: ошибка (код ${r.status ?? r.signal}, ${secs} с)`);
    process.exit(r.status || 1);
  }
  console.log(`✓ ${title} (${secs} с)`);
}
console.log(`\nВсе проверки пройдены за ${((Date.now() - started) / 1000).toFixed(0)} с.`);
