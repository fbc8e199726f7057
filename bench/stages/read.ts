/**
 * Bench stages «read-*»: opening a ledger file of N accounts and reading its sheet, as the standalone page and the
 * CLI do, per format. «read-xlsx» is ExcelJS's full load (the reference); «read-xlsx-stream» the CLI's read-only
 * path (src/workbook/files/streamXlsx.ts); «read-csv» a Windows-1251 CSV with «;» and decimal commas;
 * «read-xls» an .xls through SheetJS (BIFF8 holds at most 65 536 rows, so its larger size is 60 000).
 */
import type { SheetGrid } from "../../src/domain/grid";
import { turnoverSheet } from "../../test/generators/sheets";
import { gridsToXlsx } from "../../test/generators/xlsx";
import { encode1251, gridToDelimited, gridToSheetJs } from "../../test/unit/workbook/readersFixtures";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { openSpreadsheet } from "../../src/workbook/files/open";
import { readXlsxStreamed } from "../../src/workbook/files/streamXlsx";

const SEED = 20261115;

export interface ReadState {
  bytes: Uint8Array;
  sheet: string;
  name: string;
}

function ledgerGrid(rows: number): SheetGrid {
  return { ...turnoverSheet({ seed: SEED, accounts: rows, nameStyle: "mixed" }).grid, sheet: "осв" };
}

async function readAll(port: XlsxWorkbook, sheet: string) {
  const grid = await port.readSheet(sheet);
  return { cells: grid.values.length * (grid.values[0]?.length ?? 0) };
}

function stage(
  name: string,
  sizes: number[],
  encode: (g: SheetGrid) => Promise<Uint8Array> | Uint8Array,
  open: (s: ReadState) => Promise<XlsxWorkbook>,
) {
  return {
    name,
    sizes,
    runs: () => 3,
    async setup(rows: number) {
      const grid = ledgerGrid(rows);
      return { state: { bytes: await encode(grid), sheet: grid.sheet, name: `осв.${name}` }, floorGrid: grid };
    },
    async run(s: ReadState) {
      return { ...(await readAll(await open(s), s.sheet)), fileBytes: s.bytes.byteLength };
    },
  };
}

const SIZES = [10_000, 100_000];
const xlsx = (g: SheetGrid) => gridsToXlsx([g]);

export const readXlsxStage = stage("read-xlsx", SIZES, xlsx, (s) => XlsxWorkbook.fromArrayBuffer(s.bytes));
export const readXlsxStreamStage = stage("read-xlsx-stream", SIZES, xlsx, async (s) => {
  const wb = await readXlsxStreamed(s.bytes);
  if (!wb) throw new Error("потоковое чтение не подошло к пакету");
  return new XlsxWorkbook(wb);
});
export const readCsvStage = stage(
  "read-csv",
  SIZES,
  (g) => encode1251(gridToDelimited(g, ";")),
  (s) => openSpreadsheet(s.bytes, "осв.csv"),
);
export const readXlsStage = stage(
  "read-xls",
  [10_000, 60_000],
  (g) => gridToSheetJs([g], "biff8"),
  (s) => openSpreadsheet(s.bytes, "осв.xls"),
);
