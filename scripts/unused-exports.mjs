#!/usr/bin/env node
// `npm run unused`: exports of src/ referenced nowhere — no other file (src, test, bench, scripts) imports them and
// their own file does not use them either: dead code to remove. Uses the TypeScript compiler: every import/re-export specifier is resolved to the
// symbol it names, so renamed and re-exported imports count. Exit 1 when something is unused.
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const configPath = path.join(root, "tsconfig.json");
const config = ts.getParsedCommandLineOfConfigFile(
  configPath,
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
);
const program = ts.createProgram(config.fileNames, config.options);
const checker = program.getTypeChecker();
const own = (f) => !f.isDeclarationFile && !f.fileName.includes("/node_modules/");

/** Symbols other files reach through import or export-from specifiers (aliases resolved to their target). */
const used = new Set();
const resolve = (sym) => (sym && sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym);
for (const file of program.getSourceFiles().filter(own)) {
  const visit = (node) => {
    if (
      ts.isImportSpecifier(node) ||
      ts.isExportSpecifier(node) ||
      ts.isImportClause(node) ||
      ts.isNamespaceImport(node)
    ) {
      const target = resolve(checker.getSymbolAtLocation(node.name ?? node));
      if (target) used.add(target);
      if (ts.isNamespaceImport(node)) used.add("*" + (target?.declarations?.[0]?.getSourceFile().fileName ?? ""));
    }
    if (ts.isExportDeclaration(node) && !node.exportClause && node.moduleSpecifier) {
      // export * from "./x": everything of x is reachable through this barrel; count the barrel's own users later
      const mod = checker.getSymbolAtLocation(node.moduleSpecifier);
      for (const s of mod ? checker.getExportsOfModule(mod) : []) used.add(resolve(s));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

const unused = [];
for (const file of program.getSourceFiles().filter((f) => own(f) && f.fileName.startsWith(path.join(root, "src")))) {
  const mod = checker.getSymbolAtLocation(file);
  if (!mod || used.has("*" + file.fileName)) continue;
  for (const sym of checker.getExportsOfModule(mod)) {
    const target = resolve(sym);
    if (used.has(target) || used.has(sym)) continue;
    // an export referenced inside its own file only by a dynamic import or a worker entry is still used
    const decl = target.declarations?.[0];
    if (!decl || decl.getSourceFile() !== file) continue;
    // used in its own file (e.g. a type in another export's signature): not dead, only exported more than needed
    const mentions = file.text.match(new RegExp(`(?<![\\w$])${sym.name}(?![\\w$])`, "g"))?.length ?? 0;
    if (mentions > 1) continue;
    const { line } = file.getLineAndCharacterOfPosition(decl.getStart());
    unused.push(`${path.relative(root, file.fileName)}:${line + 1}  ${sym.name}`);
  }
}
if (unused.length === 0) {
  console.log("Все экспорты src/ используются.");
} else {
  console.log(`Экспорты, которые никто не импортирует (${unused.length}):\n${unused.join("\n")}`);
  process.exitCode = 1;
}
