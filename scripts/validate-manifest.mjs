#!/usr/bin/env node
// Validates add-in manifests against the Office XSDs in test/schemas with xmllint (Debian: libxml2-utils), offline.
// Usage: node scripts/validate-manifest.mjs [manifest.xml ...]   (default: manifest.xml, and dist/manifest.xml if built)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const SCHEMA = path.join(root, "test/schemas/OfficeAppManifestV1_1.xsd");

/** Runs xmllint; returns {ok, output}. Throws a Russian message when xmllint is missing. */
export function validateManifestFile(file) {
  const r = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, file], { encoding: "utf8" });
  if (r.error && r.error.code === "ENOENT") {
    throw new Error("Не найден xmllint: установите пакет libxml2-utils (sudo apt-get install libxml2-utils).");
  }
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const files =
    args.length > 0
      ? args
      : ["manifest.xml", ...(existsSync(path.join(root, "dist/manifest.xml")) ? ["dist/manifest.xml"] : [])];
  let failed = false;
  for (const f of files) {
    try {
      const { ok, output } = validateManifestFile(path.resolve(root, f));
      console.log(output || `${f}: ${ok ? "ok" : "ошибка"}`);
      if (!ok) failed = true;
    } catch (e) {
      console.error(e.message);
      process.exit(1);
    }
  }
  process.exit(failed ? 3 : 0);
}
