/**
 * Opening the user's files for the CLI commands: .xlsx through the xlsx adapter, .csv/.txt as plain text.
 * Every problem with the input becomes an InputError (exit code 2) with one Russian line naming the file.
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { InputError } from "./errors";
import { XlsxWorkbook } from "../workbook/xlsx/XlsxWorkbook";
import { saveXlsxFile } from "../workbook/xlsx/openFile";
import { LossySaveError } from "../workbook/xlsx/package/losslessSave";
import { resultsFileName } from "../workbook/xlsx/package/resultsWorkbook";
import { WorkbookError } from "../workbook/errors";
import { detectFileKind, FileFormatError, openSpreadsheet } from "../workbook/files/open";
import { readXlsxStreamed } from "../workbook/files/streamXlsx";
import type { SheetGrid } from "../domain/grid";

/** Compound File (OLE2) signature: old .xls files and password-protected (encrypted) .xlsx files. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** .xlsx is a zip: "PK\x03\x04". */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

async function readInputFile(path: string): Promise<Buffer> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError(`«${path}» — это папка, а не файл.`);
    return await readFile(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`Файл «${path}» не найден.`);
    if (code === "EACCES" || code === "EPERM") throw new InputError(`Нет доступа к файлу «${path}».`);
    throw new InputError(`Не удалось прочитать файл «${path}»: ${(err as Error).message}`);
  }
}

/**
 * Open a workbook (.xlsx, .xls, .ods, .csv/.txt); Russian InputErrors for a missing, unreadable or encrypted file.
 * `readOnly`: the command never saves, so an .xlsx may be read by the faster streaming reader (nothing of the
 * original package is kept for a lossless save).
 */
export async function openWorkbook(path: string, options: { readOnly?: boolean } = {}): Promise<XlsxWorkbook> {
  const bytes = await readInputFile(path);
  // .xls, .ods, .csv/.txt (by content, not by extension) become the same in-memory workbook; the file is not changed
  const kind = detectFileKind(bytes);
  if (kind !== "xlsx") {
    try {
      const workbook = await openSpreadsheet(bytes, path, kind);
      workbook.sourceName = path;
      return workbook;
    } catch (err) {
      if (err instanceof FileFormatError) throw new InputError(err.message);
      throw err;
    }
  }
  try {
    const streamed = options.readOnly ? await readXlsxStreamed(bytes) : null;
    const workbook = streamed ? new XlsxWorkbook(streamed) : await XlsxWorkbook.fromArrayBuffer(bytes);
    workbook.sourceName = path;
    return workbook;
  } catch (err) {
    throw new InputError(`Файл «${path}» повреждён или не является книгой Excel (.xlsx): ${(err as Error).message}`);
  }
}

/** Read a sheet (the first visible one when `sheet` is not given) as a grid. */
export async function readSheetFromFile(
  path: string,
  sheet?: string,
): Promise<{ workbook: XlsxWorkbook; grid: SheetGrid }> {
  const workbook = await openWorkbook(path);
  const sheets = (await workbook.listSheets()).filter((s) => s.visible);
  const name = sheet ?? sheets[0]?.name;
  if (!name) throw new InputError(`В книге «${path}» нет видимых листов.`);
  try {
    return { workbook, grid: await workbook.readSheet(name) };
  } catch (err) {
    if (err instanceof WorkbookError && err.code === "sheet-not-found")
      throw new InputError(
        `В книге «${path}» нет листа «${name}»; есть: ${sheets.map((s) => `«${s.name}»`).join(", ")}.`,
      );
    throw err;
  }
}

/**
 * A register or other input that may be an .xlsx workbook or plain text (.csv/.txt, pasted data).
 * Text files are decoded as UTF-8, or as Windows-1251 when they are not valid UTF-8 (Excel's "CSV" on Russian Windows).
 */
export async function readInputAsTextOrWorkbook(
  path: string,
): Promise<{ kind: "text"; text: string } | { kind: "xlsx"; workbook: XlsxWorkbook }> {
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm" || ext === ".xls") return { kind: "xlsx", workbook: await openWorkbook(path) };
  const bytes = await readInputFile(path);
  if (startsWith(bytes, ZIP_SIGNATURE) || startsWith(bytes, CFB_SIGNATURE))
    return { kind: "xlsx", workbook: await openWorkbook(path) };
  return { kind: "text", text: decodeText(bytes) };
}

export function decodeText(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

/**
 * Save a workbook; the CLI's --out. A workbook opened from a file keeps every part the add-in did not change
 * (charts, pivot tables, macros…). When the changes cannot be written without loss, OUT is not written: the
 * results go to «<OUT> — результаты.xlsx» with links back to the input's cells, and the command fails (exit 2)
 * saying so. WorkbookErrors become InputErrors.
 */
export async function saveWorkbook(workbook: XlsxWorkbook, path: string, inputName?: string): Promise<void> {
  if (workbook.macroEnabled && !/\.xlsm$/i.test(path))
    throw new InputError(
      `Книга с макросами сохраняется только как .xlsm: укажите «${path.replace(/\.\w+$/, "")}.xlsm».`,
    );
  try {
    await saveXlsxFile(workbook, path);
  } catch (err) {
    if (err instanceof LossySaveError) {
      const separate = join(dirname(path), resultsFileName(basename(path)));
      // the links lead to the input's cells, written relative to where the results workbook lies
      const source = inputName ?? workbook.sourceName;
      const target = source ? relative(dirname(separate), resolve(source)) || basename(source) : basename(path);
      await writeFile(separate, await workbook.saveResults(target));
      throw new InputError(`Файл «${path}» не записан. ${err.message} Результаты записаны в «${separate}».`);
    }
    throw new InputError(`Не удалось записать файл «${path}»: ${(err as Error).message}`);
  }
}

/** Run a workbook operation, turning the layer's Russian errors into InputErrors (exit code 2). */
export async function asInputError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof WorkbookError) throw new InputError(err.message);
    throw err;
  }
}

export function fileLabel(path: string): string {
  return basename(path);
}
