#!/usr/bin/env node
// `npm start`. Windows/macOS with Excel: sideload manifest.xml into Excel with office-addin-debugging (it starts
// the HTTPS dev server). Elsewhere (Linux, or no Excel): the plain-HTTP dev server for the standalone page.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const port = Number(process.env.npm_package_config_dev_server_port ?? 3000);
export const PID_FILE = path.join(root, "node_modules/.cache/zhku-dev-server.pid");
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const sideload = (process.platform === "win32" || process.platform === "darwin") && process.env.ZHKU_STANDALONE !== "1";

function run(cmd, args, env) {
  const child = spawn(cmd, args, {
    cwd: root,
    stdio: ["inherit", "pipe", "inherit"],
    env: { ...process.env, ...env },
    shell: process.platform === "win32",
  });
  return child;
}

if (sideload) {
  console.log("Запускаю Excel с надстройкой (office-addin-debugging, HTTPS на порту " + port + ")…");
  console.log("Без Excel: ZHKU_STANDALONE=1 npm start — откроется автономная страница.");
  const child = run(
    npx,
    [
      "office-addin-debugging",
      "start",
      "manifest.xml",
      "desktop",
      "--app",
      "excel",
      "--dev-server",
      "npm run dev-server",
      "--dev-server-port",
      String(port),
    ],
    { ZHKU_HTTPS: "1" },
  );
  child.stdout.pipe(process.stdout);
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  const url = `http://localhost:${port}/standalone.html?sample=1`;
  console.log(`Запускаю сервер разработки (http, порт ${port})…`);
  // node + webpack-cli directly (not through npx), so the process id we keep is the server itself.
  const child = run(
    process.execPath,
    [path.join(root, "node_modules/webpack-cli/bin/cli.js"), "serve", "--mode", "development"],
    {},
  );
  mkdirSync(path.dirname(PID_FILE), { recursive: true });
  writeFileSync(PID_FILE, String(child.pid));
  let announced = false;
  child.stdout.on("data", (chunk) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (!announced && /compiled (successfully|with \d+ warning)/.test(text)) {
      announced = true;
      console.log(`\n  Автономная страница: ${url}`);
      console.log(
        "  Страница сама откроет пример книги; свой файл — «Открыть файл…» или перетаскиванием. Остановить: Ctrl+C или npm stop.\n",
      );
    }
  });
  console.log(`Страница будет доступна по адресу ${url} (после сборки).`);
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}
