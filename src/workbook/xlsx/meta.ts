/** The very hidden «zhku_meta» sheet: own sheets, marks (with what they covered) and settings. */
import type ExcelJS from "exceljs";
import { META_SHEET, decodeMeta, emptyMeta, encodeMeta, type AddinMeta } from "../common";
import { findSheet, type XlsxBook } from "./book";
import { readExcelJsBlock, usedBounds } from "./ranges";

function metaSheet(book: XlsxBook): ExcelJS.Worksheet | undefined {
  return findSheet(book, META_SHEET);
}

export function readMeta(book: XlsxBook): AddinMeta {
  const ws = metaSheet(book);
  if (!ws) return emptyMeta();
  const b = usedBounds(ws);
  if (!b) return emptyMeta();
  return decodeMeta(readExcelJsBlock(ws, { top: 0, left: 0, bottom: b.bottom, right: b.right }).values);
}

/** Replace the metadata sheet with `meta`, every cell as text. */
export function writeMeta(book: XlsxBook, meta: AddinMeta): void {
  const old = metaSheet(book);
  if (old) book.workbook.removeWorksheet(old.id);
  const ws = book.workbook.addWorksheet(META_SHEET, { state: "veryHidden" });
  book.writtenSheets.add(META_SHEET);
  for (const row of encodeMeta(meta)) {
    const r = ws.addRow([]);
    row.forEach((s, i) => {
      if (s !== "") {
        const cell = r.getCell(i + 1);
        cell.value = s;
        cell.numFmt = "@";
      }
    });
  }
}
