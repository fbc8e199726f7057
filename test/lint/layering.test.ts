/**
 * `npm run lint` enforces the layering of src/ (docs/architecture.md) and forbids import cycles. These tests plant
 * violations and check that ESLint, with the project's own eslint.config.js, rejects each one — and accepts the
 * same kind of file when it keeps to its layer.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import { ESLint } from "eslint";

const ROOT = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: ROOT, ignore: false });

/** Rule ids ESLint reports for `code` placed at `file` (a path inside the project; the file need not exist). */
async function rulesHit(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

const PLANTED: [string, string, string, string][] = [
  // [who, file, import line, the rule that must fire]
  [
    "the domain imports the workbook port",
    "src/domain/planted.ts",
    'import type { OutCell } from "../workbook/port";',
    "import-x/no-restricted-paths",
  ],
  [
    "the domain imports a use case",
    "src/domain/law/planted.ts",
    'import { loadSettings } from "../../app/settings";',
    "import-x/no-restricted-paths",
  ],
  [
    "the domain imports the panel's texts",
    "src/domain/planted.ts",
    'import { ru } from "../i18n/ru";',
    "import-x/no-restricted-paths",
  ],
  [
    "the domain imports Node",
    "src/domain/planted.ts",
    'import { readFileSync } from "node:fs";',
    "@typescript-eslint/no-restricted-imports",
  ],
  [
    "a use case imports a concrete adapter",
    "src/app/planted.ts",
    'import { XlsxWorkbook } from "../workbook/xlsx/XlsxWorkbook";',
    "import-x/no-restricted-paths",
  ],
  [
    "a use case imports adapter helpers",
    "src/app/planted.ts",
    'import { planCell } from "../workbook/common";',
    "import-x/no-restricted-paths",
  ],
  [
    "a use case imports React",
    "src/app/planted.ts",
    'import { useState } from "react";',
    "@typescript-eslint/no-restricted-imports",
  ],
  [
    "a use case imports the taskpane",
    "src/app/planted.ts",
    'import { App } from "../taskpane/App";',
    "import-x/no-restricted-paths",
  ],
  [
    "the workbook layer imports a use case",
    "src/workbook/planted.ts",
    'import { checkLedger } from "../app/checkLedger";',
    "import-x/no-restricted-paths",
  ],
];

describe("npm run lint enforces the layering", () => {
  for (const [who, file, line, rule] of PLANTED) {
    it(`fails when ${who}`, async () => {
      expect(await rulesHit(file, `${line}\nexport const planted = 1;\n`)).toContain(rule);
    });
  }

  it("accepts imports that keep to the layers", async () => {
    const ok = [
      ["src/domain/planted.ts", 'import { parseAmount } from "./money";'],
      [
        "src/app/planted.ts",
        'import type { WorkbookPort } from "../workbook/port";\nimport { parseAmount } from "../domain/money";',
      ],
      ["src/workbook/planted.ts", 'import type { SheetGrid } from "../domain/grid";'],
      ["src/taskpane/planted.ts", 'import { checkLedger } from "../app/checkLedger";'],
    ];
    for (const [file, imports] of ok) {
      const hits = await rulesHit(
        file,
        `${imports}\nexport const planted = [${imports
          .match(/\{ (\w+)/g)!
          .map((m) => m.slice(2))
          .join(", ")}];\n`,
      );
      expect(
        hits.filter((r) => /restricted|no-cycle/.test(r)),
        file,
      ).toEqual([]);
    }
  });

  it("fails on an import cycle", async () => {
    const results = await eslint.lintFiles([path.join(ROOT, "test/lint/fixtures/cycle")]);
    const rules = results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).toContain("import-x/no-cycle");
  });
});
