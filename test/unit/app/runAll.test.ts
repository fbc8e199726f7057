/**
 * A whole run reads the ledger from the workbook once and gives the same check and candidates as the two use cases
 * run one after the other.
 */
import { describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { runAll } from "../../../src/app/runAll";
import { checkLedger } from "../../../src/app/checkLedger";
import { findCandidates } from "../../../src/app/findCandidates";
import { OWN_SHEETS, type WorkbookPort } from "../../../src/workbook/port";
import { ledgerWorkbook } from "../courtOrder/workbooks";

/** Counts the port's whole-sheet readSheet calls per sheet (choosing the ledger sheet peeks at a range of each). */
function counting(port: WorkbookPort): { port: WorkbookPort; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const wrapped = Object.create(port) as WorkbookPort;
  wrapped.readSheet = (sheet, options) => {
    if (!options?.range) reads.set(sheet, (reads.get(sheet) ?? 0) + 1);
    return port.readSheet(sheet, options);
  };
  return { port: wrapped, reads };
}

describe("runAll", () => {
  it("reads the ledger once, writes «Проверка» and «Кандидаты», and matches the separate use cases", async () => {
    const whole = counting(await XlsxWorkbook.fromArrayBuffer(await ledgerWorkbook("per-month-rows")));
    const r = await runAll(whole.port, { asOf: "2025-04-30", today: "2025-05-01" });
    expect(whole.reads.get(r.check.sheet)).toBe(1);
    const names = (await whole.port.listSheets()).map((s) => s.name);
    expect(names).toContain(OWN_SHEETS.check);
    expect(names).toContain(OWN_SHEETS.candidates);

    const separate = await XlsxWorkbook.fromArrayBuffer(await ledgerWorkbook("per-month-rows"));
    const check = await checkLedger(separate, { today: "2025-05-01" });
    const cand = await findCandidates(separate, { asOf: "2025-04-30" });
    expect(r.check.findings).toEqual(check.findings);
    // the hand-computed amounts of courtOrder/findCandidates.test.ts: 0001 claims 4 000,00 + 22,17; 0002 3 000,00 + 12,98
    expect(r.candidates.selection.candidates.map((c) => [c.account, c.claim])).toEqual([
      ["0001", 402_217],
      ["0002", 301_298],
    ]);
    expect(r.candidates.selection.candidates).toEqual(cand.selection.candidates);
  });
});
