/**
 * WorkbookPort over Office.js (Excel.run). The `Excel` namespace is passed in, so tests give it the fake
 * (test/fakes/excelFake.ts).
 *
 * Requirement sets: the adapter needs ExcelApi 1.9 (getRangeByIndexes 1.7, getUsedRangeOrNullObject 1.4,
 * RangeAreas/getRanges 1.9, suspendApiCalculationUntilNextSync 1.6, worksheet visibility 1.1).
 * Newer features are used only when present: getMergedAreasOrNullObject (1.13; without it merges are not
 * reported), worksheet notes (1.18; without them marks get the fill colour only).
 *
 * Performance (docs/architecture.md): reads and writes go in whole blocks of rows; a block is sized by the
 * estimated JSON payload so each request and response stays under 4 MB (Excel on the web rejects 5 MB) and
 * each read under 5 million cells; one sync per block; range proxies are untracked; formats are set per column
 * or on RangeAreas, never cell by cell in a loop.
 *
 * Data safety: own sheets are written into a temporary sheet «… (запись…)» and swapped in only after the last
 * block landed (ownSheet.ts). Every string is written with a leading apostrophe (or into a text-formatted cell),
 * so nothing the add-in writes is ever taken for a formula; our own HYPERLINKs are the only formulas.
 *
 * The work is done by the modules next to this class, one per concern: readSheet, writeBlocks, ownSheet, tables,
 * marks, meta (the hidden metadata sheet), addresses, errors; this class holds the options and delegates.
 */
import type { SheetGrid } from "../../domain/grid";
import { columnLetter } from "../../domain/grid";
import { sheetNotFoundError } from "../errors";
import type {
  CellMark,
  OperationOptions,
  OwnSheetContent,
  SheetInfo,
  TableRow,
  TableSpec,
  WorkbookPort,
} from "../port";
import { READ_TARGET, WRITE_TARGET, type ExcelApi, type ExcelEnv } from "./env";
import { mapExcelError } from "./errors";
import { clearMarks, markCells } from "./marks";
import { loadMeta, queueMetaRead, writeMeta } from "./meta";
import { writeOwnSheet, writeOwnSheets } from "./ownSheet";
import { listSheets, readSheet } from "./readSheet";
import { readTable, upsertTableRows } from "./tables";

export type { ExcelApi } from "./env";
export { mapExcelError } from "./errors";
export { parseAddressList } from "./addresses";
export { tableNameFor } from "./tables";
export { toExcelInput } from "./writeBlocks";

export interface ExcelWorkbookOptions {
  excel: ExcelApi;
  /** Office.context.requirements.isSetSupported, or a stand-in; absent = assume ExcelApi 1.9 only. */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Target size of one request/response in bytes (defaults in env.ts; Excel on the web rejects 5 MB). Tests set it low. */
  payloadTarget?: number;
}

export class ExcelWorkbook implements WorkbookPort {
  private readonly env: ExcelEnv;

  constructor(options: ExcelWorkbookOptions) {
    const excel = options.excel;
    const check = options.isSetSupported;
    this.env = {
      run: async (batch) => {
        try {
          return await excel.run(batch);
        } catch (err) {
          throw mapExcelError(err);
        }
      },
      supports: (version) => {
        if (check) {
          try {
            return check("ExcelApi", version);
          } catch {
            return false;
          }
        }
        return Number(version.split(".")[1]) <= 9;
      },
      readTarget: options.payloadTarget ?? READ_TARGET,
      payloadTarget: options.payloadTarget ?? WRITE_TARGET,
    };
  }

  /** Worksheet notes came with ExcelApi 1.18; without them markCells sets the fill only. */
  async markNotesShown(): Promise<boolean> {
    return this.env.supports("1.18");
  }

  listSheets(): Promise<SheetInfo[]> {
    return listSheets(this.env);
  }

  readSheet(sheet: string, options: OperationOptions & { range?: string } = {}): Promise<SheetGrid> {
    return readSheet(this.env, sheet, options);
  }

  writeOwnSheet(content: OwnSheetContent, options: OperationOptions = {}): Promise<void> {
    return writeOwnSheet(this.env, content, options);
  }

  writeOwnSheets(contents: OwnSheetContent[], options: OperationOptions = {}): Promise<number> {
    return writeOwnSheets(this.env, contents, options);
  }

  readTable(spec: TableSpec): Promise<TableRow[] | null> {
    return readTable(this.env, spec);
  }

  upsertTableRows(spec: TableSpec, rows: TableRow[], options: OperationOptions = {}): Promise<void> {
    return upsertTableRows(this.env, spec, rows, options);
  }

  markCells(sheet: string, marks: CellMark[], options: OperationOptions = {}): Promise<void> {
    return markCells(this.env, sheet, marks, options);
  }

  clearMarks(sheet?: string): Promise<void> {
    return clearMarks(this.env, sheet);
  }

  async selectCell(sheet: string, row: number, col: number): Promise<void> {
    await this.env.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      await ctx.sync();
      if (ws.isNullObject) throw sheetNotFoundError(sheet);
      ws.activate();
      ws.getRange(`${columnLetter(col)}${row + 1}`).select();
      await ctx.sync();
    });
  }

  async readSettings(): Promise<Record<string, unknown>> {
    return (await loadMeta(this.env)).settings;
  }

  async writeSettings(settings: Record<string, unknown>): Promise<void> {
    await this.env.run(async (ctx) => {
      const readMeta = queueMetaRead(ctx);
      await ctx.sync();
      const state = readMeta();
      state.meta.settings = { ...settings };
      await writeMeta(ctx, state.meta, state, this.env.payloadTarget);
      await ctx.sync();
    });
  }
}
