/**
 * .xls (BIFF5/8), .ods and HTML / SpreadsheetML 2003 tables through SheetJS Community Edition 0.20.3, republished
 * on npm as @e965/xlsx (the npm `xlsx` 0.18.5 lacks the fixes for CVE-2023-30533 and CVE-2024-22363). Loaded on
 * demand, so the page does not grow for .xlsx users. The result is the same in-memory ExcelJS workbook the xlsx
 * adapter works on: values, number formats, merged cells and hidden sheets carried over.
 */
import ExcelJS from "exceljs";
import type * as SheetJS from "@e965/xlsx";
import { FileFormatError } from "./errors";

type SheetJsModule = typeof SheetJS;

async function loadSheetJs(): Promise<SheetJsModule> {
  const mod = (await import("@e965/xlsx")) as SheetJsModule & { default?: SheetJsModule };
  return typeof mod.read === "function" ? mod : mod.default!;
}

/** What SheetJS says about an encrypted file («File is password-protected», «Encryption scheme unsupported»…). */
const PROTECTED = /password|encrypt|RC4|filepass/i;

export function protectedFileError(fileName: string): FileFormatError {
  return new FileFormatError(
    `Файл «${fileName}» защищён паролем; снимите пароль в программе, где он создан (в Excel — «Файл → Сведения → ` +
      `Защита книги → Зашифровать с помощью пароля», очистить поле), и откройте снова.`,
  );
}

function copySheet(XLSX: SheetJsModule, src: SheetJS.WorkSheet, dst: ExcelJS.Worksheet): void {
  const rows = (src["!data"] ?? []) as (SheetJS.CellObject | undefined)[][];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const out = dst.getRow(r + 1);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || cell.t === "z" || cell.v === undefined || cell.v === null || cell.v === "") continue;
      const target = out.getCell(c + 1);
      if (cell.t === "e") target.value = { error: (cell.w ?? "#N/A") as ExcelJS.CellErrorValue["error"] };
      else if (cell.t === "d" && cell.v instanceof Date) target.value = cell.v;
      else target.value = cell.v as number | string | boolean;
      const fmt = typeof cell.z === "string" ? cell.z : typeof cell.z === "number" ? XLSX.SSF.get_table()[cell.z] : "";
      if (fmt && fmt !== "General" && cell.t === "n") target.numFmt = fmt;
    }
  }
  for (const m of src["!merges"] ?? []) dst.mergeCells(m.s.r + 1, m.s.c + 1, m.e.r + 1, m.e.c + 1);
}

/** Sheet names SheetJS reads may break Excel's rules (ODS allows 31+ characters and «:»); keep them unique. */
function safeName(name: string, used: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "Лист";
  for (let k = 2; used.has(base.toLowerCase()); k++) base = `${name.slice(0, 27)} (${k})`;
  used.add(base.toLowerCase());
  return base;
}

export async function readWithSheetJs(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const XLSX = await loadSheetJs();
  let book: SheetJS.WorkBook;
  try {
    book = XLSX.read(bytes, { type: "array", dense: true, cellNF: true, cellDates: false, cellFormula: false });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (PROTECTED.test(message)) throw protectedFileError(fileName);
    throw new FileFormatError(`Файл «${fileName}» повреждён или не является таблицей (.xls, .ods): ${message}`);
  }
  const out = new ExcelJS.Workbook();
  const used = new Set<string>();
  book.SheetNames.forEach((name, i) => {
    const ws = out.addWorksheet(safeName(name, used));
    const hidden = book.Workbook?.Sheets?.[i]?.Hidden;
    if (hidden) ws.state = hidden === 2 ? "veryHidden" : "hidden";
    copySheet(XLSX, book.Sheets[name], ws);
  });
  if (out.worksheets.length === 0) throw new FileFormatError(`В файле «${fileName}» нет ни одного листа.`);
  return out;
}
