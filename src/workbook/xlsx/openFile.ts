/** Node-only: open and save .xlsx files on disk (kept out of XlsxWorkbook.ts so the browser bundle has no fs). */
import { readFile, writeFile } from "node:fs/promises";
import { XlsxWorkbook } from "./XlsxWorkbook";

export async function openXlsxFile(path: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromArrayBuffer(await readFile(path));
}

export async function saveXlsxFile(workbook: XlsxWorkbook, path: string): Promise<void> {
  await writeFile(path, new Uint8Array(await workbook.save()));
}
