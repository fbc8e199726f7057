/** The CLI's writing path (saveWorkbook, used by `run --out`): OUT keeps every part of the input it did not change. */
import { afterAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { openWorkbook, saveWorkbook } from "../../../src/cli/readWorkbook";
import { InputError } from "../../../src/cli/errors";
import { checkLedger } from "../../../src/app/checkLedger";
import { OWN_SHEETS } from "../../../src/workbook/port";
import { macroParts, richParts, text, unzipParts, zipParts } from "./losslessPackage";

const dir = mkdtempSync(join(tmpdir(), "zhku-lossless-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("CLI saveWorkbook", () => {
  it("writes OUT with the input's chart, pivot cache and image untouched and the check sheet added", async () => {
    const input = join(dir, "Реестр.xlsx");
    const original = richParts();
    const inputBytes = zipParts(original);
    writeFileSync(input, inputBytes);
    const wb = await openWorkbook(input);
    await checkLedger(wb, {});
    const out = join(dir, "Реестр-проверено.xlsx");
    await saveWorkbook(wb, out);
    const saved = unzipParts(new Uint8Array(readFileSync(out)));
    for (const name of [
      "xl/charts/chart1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/pivotCache/pivotCacheRecords1.xml",
      "xl/media/image1.png",
      "xl/sharedStrings.xml",
      "customXml/item1.xml",
    ])
      expect(Buffer.from(saved.get(name)!).equals(Buffer.from(original.get(name)!)), name).toBe(true);
    expect(text(saved, "xl/workbook.xml")).toContain(`name="${OWN_SHEETS.check}"`);
    // the input file itself is never written
    expect(Buffer.from(readFileSync(input)).equals(Buffer.from(inputBytes))).toBe(true);
  });

  it("keeps a macro workbook .xlsm and refuses an .xlsx OUT for it", async () => {
    const input = join(dir, "Макросы.xlsm");
    writeFileSync(input, zipParts(macroParts()));
    const wb = await openWorkbook(input);
    await checkLedger(wb, {});
    await expect(saveWorkbook(wb, join(dir, "Макросы-выход.xlsx"))).rejects.toThrow(/только как \.xlsm/);
    const out = join(dir, "Макросы-выход.xlsm");
    await saveWorkbook(wb, out);
    expect(unzipParts(new Uint8Array(readFileSync(out))).has("xl/vbaProject.bin")).toBe(true);
  });

  it("does not write OUT when the marks cannot go in without loss, and writes the results apart", async () => {
    const parts = richParts();
    const enc = new TextEncoder();
    // a form control's legacy drawing on the ledger: the add-in's notes cannot be added next to it safely
    parts.set(
      "xl/worksheets/sheet1.xml",
      enc.encode(
        text(parts, "xl/worksheets/sheet1.xml").replace(
          '<drawing r:id="rId1"/>',
          '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>',
        ),
      ),
    );
    parts.set(
      "xl/worksheets/_rels/sheet1.xml.rels",
      enc.encode(
        text(parts, "xl/worksheets/_rels/sheet1.xml.rels").replace(
          "</Relationships>",
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>',
        ),
      ),
    );
    const input = join(dir, "Кнопки.xlsx");
    writeFileSync(input, zipParts(parts));
    const wb = await openWorkbook(input);
    await checkLedger(wb, {});
    const out = join(dir, "Кнопки-выход.xlsx");
    const err = await saveWorkbook(wb, out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/«Должники»: на листе уже есть примечания или элементы управления/);
    expect(existsSync(out)).toBe(false);
    const results = join(dir, "Кнопки-выход — результаты.xlsx");
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(results);
    const links: string[] = [];
    excel.getWorksheet("Пометки")!.eachRow((row) => {
      const v = row.getCell(2).value as ExcelJS.CellFormulaValue | null;
      if (v && typeof v === "object" && "formula" in v) links.push(v.formula);
    });
    expect(links).toEqual([
      `HYPERLINK("Кнопки.xlsx#'Должники'!B8","B8")`,
      `HYPERLINK("Кнопки.xlsx#'Должники'!G9","G9")`,
    ]);
  });
});
