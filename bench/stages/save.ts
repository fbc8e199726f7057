/**
 * Bench stages «save» and «save-exceljs»: the standalone page's «Скачать результат» on a checked ledger of N
 * accounts (own sheets «Проверка» and «Кандидаты» written, the ledger's cells marked). «save» is the lossless
 * package edit (src/workbook/xlsx/package), «save-exceljs» the whole-workbook ExcelJS write it replaced — the
 * reference it must not be slower than.
 */
import type { SheetGrid } from "../../src/domain/grid";
import { gridsToXlsx, turnoverSheet } from "../../test/generators";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { runAll } from "../../src/app/runAll";

const SEED = 20261115;
const AS_OF = "2026-11-15";

export interface SaveState {
  port: XlsxWorkbook;
}

async function prepare(rows: number): Promise<{ state: SaveState; floorGrid: SheetGrid }> {
  const k = Math.max(1, Math.round(rows / 10_000));
  const g = turnoverSheet({
    seed: SEED,
    accounts: rows,
    nameStyle: "mixed",
    defects: { "account.missing": k, "account.duplicate": k, "amount.invalid": k, "balance.mismatch": k },
  });
  const port = await XlsxWorkbook.fromArrayBuffer(await gridsToXlsx([g.grid]));
  await runAll(port, { sheet: g.grid.sheet, asOf: AS_OF, today: AS_OF });
  return { state: { port }, floorGrid: g.grid };
}

export const saveStage = {
  name: "save",
  sizes: [1_000, 10_000, 100_000],
  runs: () => 3,
  setup: prepare,
  async run({ port }: SaveState) {
    return { bytes: (await port.save()).byteLength };
  },
};

export const saveExcelJsStage = {
  name: "save-exceljs",
  sizes: [1_000, 10_000, 100_000],
  runs: () => 3,
  setup: prepare,
  async run({ port }: SaveState) {
    return { bytes: ((await port.workbook.xlsx.writeBuffer()) as ArrayBuffer).byteLength };
  },
};
