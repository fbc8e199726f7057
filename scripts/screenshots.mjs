#!/usr/bin/env node
// `npm run screenshots`: refresh the README's pictures (docs/taskpane.png, docs/standalone.png) on purpose.
// The e2e tests only write screenshots into the ignored test-results/ folder, so `npm test` leaves the tree clean;
// this script builds dist/, runs the two e2e files that take these shots, and copies them into docs/.
import { spawnSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const run = (args) => {
  const r = spawnSync("npx", args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status || 1);
};
run(["webpack", "--mode", "production", "--env", "url=https://example.org/zhku/"]);
run([
  "vitest",
  "run",
  "-c",
  "vitest.e2e.config.mts",
  "test/e2e/taskpane.e2e.test.ts",
  "test/e2e/standalone.e2e.test.ts",
]);
for (const [from, to] of [
  ["taskpane-320.png", "taskpane.png"],
  ["standalone-check.png", "standalone.png"],
]) {
  copyFileSync(path.join(root, "test-results", from), path.join(root, "docs", to));
  console.log(`docs/${to} ← test-results/${from}`);
}
