/**
 * Node only (the CLI): a faster read of an .xlsx for commands that only read. ExcelJS's streaming worksheet reader
 * parses a sheet in about half the time of its full load, but fed by its own unzip it splits multi-byte UTF-8
 * characters at chunk edges («Сорокина» → «Соро��ина», ExcelJS 4.4) and it skips merged cells. So the package is
 * unzipped here (fflate), each part decoded whole and handed over in pieces, the merges read from the sheet XML,
 * and the rows put into the same ExcelJS workbook the xlsx adapter works on. Returns null when the package is not
 * laid out as expected — the caller then does the full load.
 */
import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { strFromU8, unzipSync } from "fflate";

/** The streaming reader's internals this module drives (ExcelJS 4.4 lib/stream/xlsx/workbook-reader.js). */
interface StreamReader {
  model?: { sheets?: { id: number; name: string; state?: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<StreamRow> }>;
}
interface StreamRow {
  number: number;
}

const PARTS =
  /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml)$/;
const MERGE = /<mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"/g;

/** Decoded text in 64 K-character pieces: one huge write makes the SAX parser hold every event of the part at once. */
function pieces(text: string): Readable {
  const out: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + 65536);
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end++; // keep a surrogate pair together
    out.push(text.slice(at, end));
    at = end;
  }
  return Readable.from(out);
}

const whole = (bytes: Uint8Array) => pieces(strFromU8(bytes));

/**
 * The reader's rows are ExcelJS Row objects already (cells, values, shared cached styles): they move into the
 * workbook's sheet as they are — copying them cell by cell would cost more than the parse itself.
 */
async function adoptRows(rows: AsyncIterable<StreamRow>, ws: ExcelJS.Worksheet): Promise<void> {
  const sheetRows = (ws as unknown as { _rows: unknown[] })._rows;
  for await (const row of rows) {
    (row as unknown as { _worksheet: ExcelJS.Worksheet })._worksheet = ws;
    sheetRows[row.number - 1] = row;
  }
}

export async function readXlsxStreamed(bytes: Uint8Array): Promise<ExcelJS.Workbook | null> {
  const files = unzipSync(bytes, { filter: (f) => PARTS.test(f.name) });
  if (!files["xl/workbook.xml"] || !files["xl/_rels/workbook.xml.rels"]) return null;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: "cache",
    styles: "cache",
    worksheets: "emit",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as StreamReader;
  await reader._parseRels(whole(files["xl/_rels/workbook.xml.rels"]));
  await reader._parseWorkbook(whole(files["xl/workbook.xml"]));
  if (files["xl/sharedStrings.xml"])
    for await (const _ of reader._parseSharedStrings(whole(files["xl/sharedStrings.xml"])));
  if (files["xl/styles.xml"]) await reader._parseStyles(whole(files["xl/styles.xml"]));

  const out = new ExcelJS.Workbook();
  for (const sheet of reader.model?.sheets ?? []) {
    const rel = reader.workbookRels?.find((r) => r.Id === sheet.rId);
    const path = rel && `xl/${rel.Target.replace(/^\/?(xl\/)?/, "")}`;
    const m = path ? /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path) : null;
    if (!m || !files[path!]) return null;
    const ws = out.addWorksheet(sheet.name, { state: (sheet.state ?? "visible") as ExcelJS.WorksheetState });
    const xml = strFromU8(files[path!]);
    for (const emitted of reader._parseWorksheet(pieces(xml), m[1])) await adoptRows(emitted.value, ws);
    for (const merge of xml.matchAll(MERGE)) ws.mergeCells(merge[1]);
  }
  return out;
}
