/**
 * Small pieces the UI relies on: Russian plural forms in messages, the Office theme's light/dark decision, and
 * the shipped sample workbook (assets/sample) still matching the sample ledger fixture it was built from.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { ru, formatCount } from "../../../src/i18n/ru";
import { luminance } from "../../../src/taskpane/theme";
import { buildSampleLedgerBytes } from "../../fixtures/ledgers";

describe("Russian messages", () => {
  it("use the right plural form: 1 замечание, 2–4 замечания, 5–20 замечаний, 21 замечание", () => {
    const f = ru.check.findingsCount;
    expect([1, 2, 4, 5, 11, 14, 21, 22, 25, 100_000].map(f)).toEqual([
      "1 замечание",
      "2 замечания",
      "4 замечания",
      "5 замечаний",
      "11 замечаний",
      "14 замечаний",
      "21 замечание",
      "22 замечания",
      "25 замечаний",
      "100 000 замечаний",
    ]);
    expect(ru.standalone.sizeInfo(1, 21)).toBe("1 строка × 21 столбец");
    expect(formatCount(1_234_567)).toBe("1 234 567");
  });
});

describe("Office theme", () => {
  it("tells dark backgrounds from light ones", () => {
    expect(luminance("#FFFFFF")).toBeCloseTo(1);
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#262626")! < 0.4).toBe(true); // Excel's dark grey theme
    expect(luminance("#E6E6E6")! > 0.4).toBe(true); // Excel's colorful/light theme
    expect(luminance("not a colour")).toBeNull();
  });
});

describe("assets/sample/sample-zhku.xlsx", () => {
  it("holds the sample ledger exactly as the fixture builds it, plus a court-work register and a bailiff register", async () => {
    const shipped = await XlsxWorkbook.fromArrayBuffer(
      readFileSync(path.resolve(__dirname, "../../../assets/sample/sample-zhku.xlsx")),
    );
    const fixture = await XlsxWorkbook.fromArrayBuffer(await buildSampleLedgerBytes());
    const sheet = (await fixture.listSheets())[0].name;
    expect((await shipped.listSheets()).map((s) => s.name)).toEqual([sheet, "Судебная работа", "Реестр ИП от ОСП"]);
    // What a user sees in every cell of the ledger is the same.
    const ledger = await shipped.readSheet(sheet);
    expect(ledger.text).toEqual((await fixture.readSheet(sheet)).text);
    // The bailiff register's first proceeding is against a debtor who is in the ledger.
    const fssp = await shipped.readSheet("Реестр ИП от ОСП");
    expect(ledger.text.map((row) => row[1])).toContain(fssp.text[1][3]);
  });
});
