/**
 * The same generated ledger in every format users hold: .xlsx (the reference), CSV in Windows-1251 with «;» and
 * decimal commas (Excel's «CSV» on Russian Windows, 1С), CSV in UTF-8 with a BOM and tabs, .xls (BIFF8) and .ods
 * written by SheetJS — each cell as Excel would save it (text files get the displayed text).
 */
import * as XLSX from "@e965/xlsx";
import type { SheetGrid } from "../../../src/domain/grid";
import { gridsToXlsx } from "../../generators/xlsx";

/** Unicode → Windows-1251 byte, built from the decoder itself. */
const CP1251 = (() => {
  const table = new Map<string, number>();
  const decoded = new TextDecoder("windows-1251").decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  for (let i = 0; i < 256; i++) table.set(decoded[i], i);
  return table;
})();

export function encode1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = CP1251.get(text[i]);
    if (b === undefined) throw new Error(`символ «${text[i]}» не кодируется в Windows-1251`);
    out[i] = b;
  }
  return out;
}

/** The grid's displayed text as delimited lines (quoted where the field needs it, as Excel does). */
export function gridToDelimited(grid: SheetGrid, sep: string, eol = "\r\n"): string {
  const quote = (s: string) =>
    s.includes(sep) || s.includes('"') || /[\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  const lines: string[] = [];
  for (let r = 0; r < grid.top; r++) lines.push("");
  for (const row of grid.text) lines.push([...Array(grid.left).fill(""), ...row].map(quote).join(sep));
  return lines.join(eol) + eol;
}

/** A SheetJS sheet with the grid's values and number formats (numbers stay numbers, text stays text). */
function sheetJsSheet(grid: SheetGrid): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxC = 0;
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const addr = XLSX.utils.encode_cell({ r: grid.top + r, c: grid.left + c });
      const z = grid.numberFormat[r]?.[c];
      if (typeof v === "number") ws[addr] = { t: "n", v, ...(z && z !== "General" ? { z } : {}) };
      else if (typeof v === "boolean") ws[addr] = { t: "b", v };
      else ws[addr] = { t: "s", v: String(v) };
      maxC = Math.max(maxC, grid.left + c);
    }),
  );
  ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: grid.top + grid.values.length - 1, c: maxC } });
  ws["!merges"] = (grid.merges ?? []).map((m) => ({ s: { r: m.top, c: m.left }, e: { r: m.bottom, c: m.right } }));
  return ws;
}

export function gridToSheetJs(grids: SheetGrid[], bookType: "biff8" | "ods"): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const g of grids) XLSX.utils.book_append_sheet(wb, sheetJsSheet(g), g.sheet);
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType }) as ArrayBuffer);
}

export interface LedgerFiles {
  xlsx: Uint8Array;
  csv1251: Uint8Array;
  csvUtf8Tab: Uint8Array;
  xls: Uint8Array;
  ods: Uint8Array;
}

/** All formats of one grid; the grid's sheet name should be the text files' base name (Excel names the sheet so). */
export async function ledgerInAllFormats(grid: SheetGrid): Promise<LedgerFiles> {
  return {
    xlsx: await gridsToXlsx([grid]),
    csv1251: encode1251(gridToDelimited(grid, ";")),
    csvUtf8Tab: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(gridToDelimited(grid, "\t"))]),
    xls: gridToSheetJs([grid], "biff8"),
    ods: gridToSheetJs([grid], "ods"),
  };
}

/**
 * An .xls marked as encrypted the way Excel marks it: a FILEPASS record (0x002F, RC4) right after the workbook
 * stream's BOF record. SheetJS CE cannot write encrypted files, so the record is put into a plain BIFF8 by hand.
 */
export function passwordProtectedXls(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ["Л/С", "Долг"],
      ["0012", 25430.12],
    ]),
    "ОСВ",
  );
  const cfb = XLSX.CFB.read(new Uint8Array(XLSX.write(wb, { type: "array", bookType: "biff8" })), { type: "array" });
  const entry = XLSX.CFB.find(cfb, "Workbook")!;
  const data = Uint8Array.from(entry.content as ArrayLike<number>);
  const afterBof = 4 + (data[2] | (data[3] << 8));
  const body = new Uint8Array(54);
  body.set([1, 0, 1, 0, 1, 0]); // wEncryptionType = RC4, version 1.1
  const record = new Uint8Array([0x2f, 0x00, body.length, 0x00, ...body]);
  const out = new Uint8Array(data.length + record.length);
  out.set(data.subarray(0, afterBof));
  out.set(record, afterBof);
  out.set(data.subarray(afterBof), afterBof + record.length);
  entry.content = out as unknown as typeof entry.content;
  entry.size = out.length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: "array" }) as ArrayBuffer);
}
