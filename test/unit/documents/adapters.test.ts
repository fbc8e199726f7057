/**
 * The documents use case through each workbook adapter (ExcelJS for the page and the CLI; Office.js over the fake
 * Excel host, the way the taskpane runs): the same files, and the same register marks in the clerk's columns.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ADAPTERS } from "../../contract/fixtures";
import { registerTableSpec } from "../../../src/app/courtRegister";
import { makeDocuments } from "../../../src/app/makeDocuments";
import { REGISTER_HEADER as H } from "../../../src/domain/register";
import { parseRuDate } from "../../../src/domain/dates";
import { ledgerWorkbook } from "../courtOrder/workbooks";
import { docxText } from "./docxText";
import { CLAIMANT } from "./fixtures";
import { AS_OF, fillRegister } from "./registerWorkbook";

describe.each(ADAPTERS)("documents through the %s adapter", (_, make) => {
  it("generates the pack and marks only the empty clerk cells", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await ledgerWorkbook("per-month-rows")) as unknown as ArrayBuffer);
    const { port } = make(wb);
    const keys = await fillRegister(port);
    // the clerk had already recorded Орлов's date sent
    await port.upsertTableRows({ ...registerTableSpec(), ownColumns: [H.fsspDate] }, [
      { [H.key]: keys[1], [H.fsspDate]: { kind: "date", date: "2025-04-01" } },
    ]);
    const r = await makeDocuments(port, { claimant: CLAIMANT, date: AS_OF });
    expect(r.files.map((f) => f.name)).toEqual([
      "Заявление_0001_Иванов.docx",
      "Заявление_0002_Орлов.docx",
      "Квитанции_ПД-4_2025-04-30.docx",
      "Заявление_в_ОСП_2025-04-30.docx",
    ]);
    expect(docxText(r.files[0].bytes)).toContain("пени в размере 22,17 руб.");
    const rows = (await port.readTable(registerTableSpec()))!;
    expect(rows.map((row) => parseRuDate(row[H.fsspDate] as number))).toEqual([AS_OF, "2025-04-01"]);
    expect(rows.map((row) => row[H.receiptAttached])).toEqual(["да", "да"]);
  });
});
