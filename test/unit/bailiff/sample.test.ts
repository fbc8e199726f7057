import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { runReconcile } from "../../../src/app/reconcile";

describe("the bundled example workbook", () => {
  it("«Сверить» on the ОСП register shows every status", async () => {
    const port = await XlsxWorkbook.fromArrayBuffer(readFileSync("assets/sample/sample-zhku.xlsx"));
    const run = await runReconcile(port, { asOf: "2026-11-30", write: false });
    expect(run.source).toBe("Реестр ИП от ОСП");
    expect(run.result.results.map((r) => [r.proceeding.ip, r.ambiguous ? "ambiguous" : r.status])).toEqual([
      ["4512/26/86004-ИП", "active"],
      ["6120/26/86004-ИП", "executed"],
      ["7781/26/86004-ИП", "returned"],
      ["9034/25/86004-ИП", "paid-directly"],
      ["3305/25/86004-ИП", "terminated"],
      ["9120/26/86004-ИП", "ambiguous"],
      ["4410/26/86004-ИП", "other-creditor"],
    ]);
    expect(run.result.notOpened.map((n) => n.target.documentRaw)).toEqual(["2-1044/2025"]);
  });
});
