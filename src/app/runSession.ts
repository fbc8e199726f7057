/**
 * One run of several steps over a workbook (the monthly run): a WorkbookPort in front of the real one that reads
 * each thing once per run — the sheet list, the settings, every sheet read whole (a probe of the top rows of a sheet
 * already read is cut from it) — and holds the own sheets the steps write until `flush`, which writes them all in
 * as few round trips as their size allows (WorkbookPort.writeOwnSheets). On Excel on the web every read of a big
 * sheet is a dozen round trips and every own sheet written alone three or four.
 *
 * What the run itself changes is kept in step: a sheet written or a table upserted is in the list (and is read
 * again from the workbook when asked), settings written are the settings read next. The user's sheets are taken
 * as they were when the run read them: a run is one snapshot.
 */
import { columnIndex, type SheetGrid } from "../domain/grid";
import type {
  CellMark,
  OperationOptions,
  OwnSheetContent,
  SheetInfo,
  TableRow,
  TableSpec,
  WorkbookPort,
} from "../workbook/port";
import { throwIfAborted } from "../workbook/errors";

/** A sheet this small is read whole when its top rows are asked for: the probe would be a round trip of its own. */
const SMALL_SHEET_CELLS = 20_000;

type ReadOptions = OperationOptions & { range?: string };

export class RunSession implements WorkbookPort {
  private sheets: SheetInfo[] | null = null;
  private settings: Record<string, unknown> | null = null;
  /** Sheets read whole, by name. */
  private readonly grids = new Map<string, SheetGrid>();
  /** Ranges read on their own (a sheet not read whole), by "sheet!range". */
  private readonly ranges = new Map<string, SheetGrid>();
  /** Own sheets waiting for `flush`, by name (a later content replaces an earlier one). */
  private readonly pending = new Map<string, OwnSheetContent>();

  constructor(readonly port: WorkbookPort) {}

  async listSheets(): Promise<SheetInfo[]> {
    this.sheets ??= await this.port.listSheets();
    return this.sheets.map((s) => ({ ...s }));
  }

  async readSheet(sheet: string, options: ReadOptions = {}): Promise<SheetGrid> {
    throwIfAborted(options.signal);
    if (this.pending.has(sheet)) await this.flush(options);
    const whole = this.grids.get(sheet);
    if (!options.range) {
      if (whole) return whole;
      const grid = await this.port.readSheet(sheet, options);
      this.grids.set(sheet, grid);
      return grid;
    }
    const area = parseRange(options.range);
    if (whole && area) return cutGrid(whole, area);
    const key = `${sheet}!${options.range}`;
    const known = this.ranges.get(key);
    if (known) return known;
    const info = this.sheets?.find((s) => s.name === sheet);
    if (area && info && info.rows * info.columns <= SMALL_SHEET_CELLS) {
      const grid = await this.port.readSheet(sheet, { signal: options.signal });
      this.grids.set(sheet, grid);
      return cutGrid(grid, area);
    }
    const grid = await this.port.readSheet(sheet, options);
    this.ranges.set(key, grid);
    return grid;
  }

  /** Held until `flush` (a read of the sheet flushes first). */
  async writeOwnSheet(content: OwnSheetContent, options: OperationOptions = {}): Promise<void> {
    throwIfAborted(options.signal);
    this.pending.delete(content.name);
    this.pending.set(content.name, content);
    this.forget(content.name);
    const width = Math.max(0, ...content.rows.map((r) => r.length));
    this.listed(content.name, content.rows.length, width, true);
  }

  async writeOwnSheets(contents: OwnSheetContent[], options: OperationOptions = {}): Promise<number> {
    for (const c of contents) await this.writeOwnSheet(c, options);
    return contents.length;
  }

  /** Write the own sheets held so far: together where the port can, else one by one. */
  async flush(options: OperationOptions = {}): Promise<string[]> {
    const contents = [...this.pending.values()];
    if (contents.length === 0) return [];
    throwIfAborted(options.signal);
    this.pending.clear();
    await writeOwnSheets(this.port, contents, options);
    return contents.map((c) => c.name);
  }

  /** Own sheets held for `flush`. */
  get held(): string[] {
    return [...this.pending.keys()];
  }

  async readTable(spec: TableSpec): Promise<TableRow[] | null> {
    if (this.pending.has(spec.sheet)) await this.flush();
    return this.port.readTable(spec);
  }

  async upsertTableRows(spec: TableSpec, rows: TableRow[], options: OperationOptions = {}): Promise<void> {
    if (this.pending.has(spec.sheet)) await this.flush(options);
    await this.port.upsertTableRows(spec, rows, options);
    this.forget(spec.sheet);
    const before = this.sheets?.find((s) => s.name === spec.sheet);
    // an upper bound of the rows (some may have updated existing ones): only «empty or not» matters to the steps
    this.listed(spec.sheet, (before?.rows || 1) + rows.length, Math.max(before?.columns ?? 0, spec.columns.length));
  }

  markCells(sheet: string, marks: CellMark[], options?: OperationOptions): Promise<void> {
    return this.port.markCells(sheet, marks, options);
  }

  clearMarks(sheet?: string): Promise<void> {
    return this.port.clearMarks(sheet);
  }

  /** Asked of the port behind (a session that answered "shown" would lose the legend of an Excel without notes). */
  async markNotesShown(): Promise<boolean | undefined> {
    return this.port.markNotesShown?.();
  }

  selectCell(sheet: string, row: number, col: number): Promise<void> {
    return this.port.selectCell(sheet, row, col);
  }

  async readSettings(): Promise<Record<string, unknown>> {
    this.settings ??= await this.port.readSettings();
    return structuredClone(this.settings);
  }

  async writeSettings(settings: Record<string, unknown>): Promise<void> {
    await this.port.writeSettings(settings);
    this.settings = structuredClone(settings);
  }

  /** A sheet the run wrote: read from the workbook again when asked. */
  private forget(sheet: string): void {
    this.grids.delete(sheet);
    for (const key of [...this.ranges.keys()]) if (key.startsWith(`${sheet}!`)) this.ranges.delete(key);
  }

  /** The run's own sheet in the cached list (added at the end, as Excel adds a new sheet). */
  private listed(name: string, rows: number, columns: number, owned = true): void {
    if (!this.sheets) return;
    const at = this.sheets.findIndex((s) => s.name === name);
    const info: SheetInfo = { name, rows, columns, ownedByAddin: owned, visible: true };
    if (at >= 0)
      this.sheets[at] = { ...this.sheets[at], rows, columns, ownedByAddin: owned || this.sheets[at].ownedByAddin };
    else this.sheets.push(info);
  }
}

/** Several own sheets together where the port can (WorkbookPort.writeOwnSheets), else one by one. */
export async function writeOwnSheets(
  port: WorkbookPort,
  contents: OwnSheetContent[],
  options: OperationOptions = {},
): Promise<void> {
  const written = port.writeOwnSheets ? await port.writeOwnSheets(contents, options) : undefined;
  if (written === undefined) for (const c of contents) await port.writeOwnSheet(c, options);
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:AD45" → 0-based inclusive bounds; null for anything else (then the range is read from the workbook). */
function parseRange(range: string): Area | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(range.trim());
  if (!m) return null;
  const area = { top: +m[2] - 1, left: columnIndex(m[1]), bottom: +m[4] - 1, right: columnIndex(m[3]) };
  return area.top <= area.bottom && area.left <= area.right ? area : null;
}

/**
 * The cells of `area` from a sheet read whole, as a read of that range gives them: every cell of the range, those
 * outside the used range empty with the General format; the merged areas that touch the range.
 */
function cutGrid(whole: SheetGrid, area: Area): SheetGrid {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const values: SheetGrid["values"] = [];
  const text: string[][] = [];
  const numberFormat: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const at = area.top + r - whole.top;
    const v = whole.values[at];
    const t = whole.text[at];
    const f = whole.numberFormat[at];
    const vRow = new Array<SheetGrid["values"][number][number]>(cols);
    const tRow = new Array<string>(cols);
    const fRow = new Array<string>(cols);
    for (let c = 0; c < cols; c++) {
      const col = area.left + c - whole.left;
      vRow[c] = v?.[col] ?? null;
      tRow[c] = t?.[col] ?? "";
      fRow[c] = f?.[col] ?? "General";
    }
    values.push(vRow);
    text.push(tRow);
    numberFormat.push(fRow);
  }
  const merges = whole.merges?.filter(
    (m) => m.top <= area.bottom && m.bottom >= area.top && m.left <= area.right && m.right >= area.left,
  );
  return { sheet: whole.sheet, top: area.top, left: area.left, values, text, numberFormat, merges };
}
