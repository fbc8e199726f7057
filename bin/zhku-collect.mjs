#!/usr/bin/env node
// The zhku-collect command: runs the TypeScript CLI through tsx (installed with the project), so it works right after npm ci.
import { register } from "tsx/esm/api";
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
