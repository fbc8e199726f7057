/** `zhku-collect sheets FILE` end to end (spawned like a user runs it) and the shared file-opening helper. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { openWorkbook, readSheetFromFile, decodeText } from "../../../src/cli/readWorkbook";
import { InputError } from "../../../src/cli/errors";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { saveXlsxFile } from "../../../src/workbook/xlsx/openFile";
import { OWN_SHEETS } from "../../../src/workbook/port";
import { cli } from "../../fixtures/cli";

let dir: string;
let sample: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhku-sheets-"));
  const wb = new ExcelJS.Workbook();
  const ledger = wb.addWorksheet("Начисления");
  ledger.addRow(["Лицевой счёт", "Сумма"]);
  ledger.addRow(["00123", 10]);
  ledger.addRow(["00124", 20]);
  wb.addWorksheet("Пусто");
  const port = new XlsxWorkbook(wb);
  await port.writeOwnSheet({ name: OWN_SHEETS.check, rows: [["Ошибок нет"]] });
  sample = join(dir, "книга.xlsx");
  await saveXlsxFile(port, sample);
  // not a table in any format (a PNG header); a CSV named .xlsx would be read as CSV: formats go by content
  writeFileSync(join(dir, "not.xlsx"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  // an encrypted workbook is an OLE compound file: it starts with D0 CF 11 E0 A1 B1 1A E1
  writeFileSync(
    join(dir, "secret.xlsx"),
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
  );
  mkdirSync(join(dir, "folder.xlsx"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("zhku-collect sheets", () => {
  it("prints the sheets as JSON (the metadata sheet is not listed)", () => {
    const r = cli("sheets", sample, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      file: sample,
      sheets: [
        { name: "Начисления", rows: 3, columns: 2, ownedByAddin: false },
        { name: "Пусто", rows: 0, columns: 0, ownedByAddin: false },
        { name: "Проверка", rows: 1, columns: 1, ownedByAddin: true },
      ],
    });
  });

  it("prints a readable Russian list without --json", () => {
    const r = cli("sheets", sample);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("листов — 3");
    expect(r.stdout).toMatch(/Начисления\s+3\s+2\s+нет/);
    expect(r.stdout).toMatch(/Проверка\s+1\s+1\s+да/);
  });

  it.each([
    ["missing.xlsx", "не найден"],
    ["not.xlsx", "не является таблицей"],
    ["secret.xlsx", "защищён паролем"],
    ["folder.xlsx", "это папка"],
  ])("%s → exit 2 with one Russian line naming the file", (file, words) => {
    const path = join(dir, file);
    const r = cli("sheets", path, "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`«${path}»`);
    expect(lines[0]).toContain(words);
  });
});

describe("readWorkbook helpers", () => {
  it("reads the first visible sheet or a named one; a missing sheet is an InputError listing the sheets", async () => {
    const { grid } = await readSheetFromFile(sample);
    expect(grid.sheet).toBe("Начисления");
    expect(grid.text[1]).toEqual(["00123", "10"]);
    const err = await readSheetFromFile(sample, "Январь").catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toBe(`В книге «${sample}» нет листа «Январь»; есть: «Начисления», «Пусто», «Проверка».`);
    await expect(openWorkbook(join(dir, "secret.xlsx"))).rejects.toBeInstanceOf(InputError);
  });

  it("decodes UTF-8 (with or without BOM) and Windows-1251 text", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("Долг")]))).toBe("Долг");
    // "Долг" in Windows-1251: Д=C4 о=EE л=EB г=E3
    expect(decodeText(new Uint8Array([0xc4, 0xee, 0xeb, 0xe3]))).toBe("Долг");
  });
});
