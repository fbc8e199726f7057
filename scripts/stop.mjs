#!/usr/bin/env node
// `npm stop`: Windows/macOS — unload the add-in from Excel and stop its dev server (office-addin-debugging);
// elsewhere — stop the dev server that `npm start` launched (its process id is kept in node_modules/.cache).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const PID_FILE = path.join(root, "node_modules/.cache/zhku-dev-server.pid");

if ((process.platform === "win32" || process.platform === "darwin") && process.env.ZHKU_STANDALONE !== "1") {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const r = spawnSync(npx, ["office-addin-debugging", "stop", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(r.status ?? 0);
}
if (!existsSync(PID_FILE)) {
  console.log("Сервер разработки не запущен.");
  process.exit(0);
}
const pid = Number(readFileSync(PID_FILE, "utf8"));
rmSync(PID_FILE);
try {
  process.kill(pid, "SIGTERM");
  console.log(`Сервер разработки остановлен (процесс ${pid}).`);
} catch {
  console.log("Сервер разработки уже остановлен.");
}
