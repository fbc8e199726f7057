/** The file readers one by one: format sniffing, text decoding, separators and quoting, SheetJS into ExcelJS. */
import { describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { detectFileKind } from "../../../src/workbook/files/detect";
import { decodeTextFile } from "../../../src/workbook/files/text";
import { detectSeparator, parseDelimited, readDelimitedText } from "../../../src/workbook/files/csv";
import { FileFormatError, openSpreadsheet, sheetNameForFile } from "../../../src/workbook/files/open";
import { encode1251 } from "./readersFixtures";

const utf8 = (s: string) => new TextEncoder().encode(s);
const NBSP = "\u00a0";

describe("separator", () => {
  it("«;» with decimal commas and a title line above the table", () => {
    const text = `ООО «УК Пример», ОСВ за март 2024\nЛ/С;ФИО;Долг\n0012;Соколова Е.В.;25${NBSP}430,12\n0013;Орлов Д.С.;0,5\n`;
    expect(detectSeparator(text)).toBe(";");
    expect(readDelimitedText(text, "a.csv").slice(1)).toEqual([
      ["Л/С", "ФИО", "Долг"],
      ["0012", "Соколова Е.В.", `25${NBSP}430,12`],
      ["0013", "Орлов Д.С.", "0,5"],
    ]);
  });

  it("tab, and comma with quoted decimal commas", () => {
    expect(detectSeparator("Л/С\tДолг\n1\t2,5\n2\t3\n")).toBe("\t");
    const text = 'Л/С,ФИО,Долг\n0012,"Соколова, Е.В.","25 430,12"\n0013,Орлов,"1,00"\n';
    expect(detectSeparator(text)).toBe(",");
    expect(parseDelimited(text, ",")[1]).toEqual(["0012", "Соколова, Е.В.", "25 430,12"]);
  });

  it("quotes: doubled quotes and a line break inside a field; Excel's «sep=» line", () => {
    expect(parseDelimited('a;"ООО ""УК"";\nвторая строка";c\r\n1;2;3', ";")).toEqual([
      ["a", 'ООО "УК";\nвторая строка', "c"],
      ["1", "2", "3"],
    ]);
    expect(readDelimitedText("sep=,\nЛ/С,Долг\n1,2\n", "a.csv")).toEqual([
      ["Л/С", "Долг"],
      ["1", "2"],
    ]);
  });

  it("refuses text with no separator, naming the file", () => {
    expect(() => readDelimitedText("одна строка\nдругая\n", "письмо.txt")).toThrow(/разделитель.*«письмо\.txt»/);
  });
});

describe("encoding", () => {
  const text = "Л/С;Долг\n0012;25 430,12\n";
  it("UTF-8 with and without BOM, UTF-16LE with BOM, Windows-1251", () => {
    expect(decodeTextFile(utf8(text), "a")).toBe(text);
    expect(decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), "a")).toBe(text);
    const u16 = new Uint8Array(2 + text.length * 2);
    u16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) u16.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + 2 * i);
    expect(decodeTextFile(u16, "a")).toBe(text);
    expect(decodeTextFile(encode1251(text), "a")).toBe(text);
  });

  it("refuses bytes that are text in neither", () => {
    expect(() => decodeTextFile(new Uint8Array([0xcb, 0x2f, 0x98, 0x98]), "реестр.csv")).toThrow(FileFormatError);
  });
});

describe("format by content", () => {
  const book = () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ["Л/С", "Долг"],
        ["0012", 25430.12],
      ]),
      "Лист",
    );
    return wb;
  };
  it("tells .xlsx, .ods, .xls, text and other bytes apart", () => {
    const bytes = (bookType: XLSX.BookType) =>
      new Uint8Array(XLSX.write(book(), { type: "array", bookType }) as ArrayBuffer);
    expect(detectFileKind(bytes("xlsx"))).toBe("xlsx");
    expect(detectFileKind(bytes("ods"))).toBe("ods");
    expect(detectFileKind(bytes("biff8"))).toBe("xls");
    expect(detectFileKind(utf8("Л/С;Долг\n"))).toBe("text");
    expect(detectFileKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toBe("binary");
    expect(detectFileKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8("word/document.xml")]))).toBe("binary");
  });

  it(".xls keeps numbers, number formats and text identifiers with leading zeros", async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ["Л/С", "Долг", "Дата"],
      ["0012", 25430.12, 45352],
    ]);
    ws["B2"].z = "#,##0.00";
    ws["C2"].z = "dd.mm.yyyy";
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "ОСВ");
    const port = await openSpreadsheet(new Uint8Array(XLSX.write(wb, { type: "array", bookType: "biff8" })), "осв.xls");
    const grid = await port.readSheet("ОСВ");
    expect(grid.values[1]).toEqual(["0012", 25430.12, 45352]);
    expect(grid.text[1]).toEqual(["0012", `25${NBSP}430,12`, "01.03.2024"]);
  });

  it("an HTML table saved as .xls (1С does this) and a CSV named after its file", async () => {
    const html =
      "<html><body><table><tr><td>Л/С</td><td>Долг</td></tr><tr><td>12</td><td>5</td></tr></table></body></html>";
    const fromHtml = await openSpreadsheet(utf8(html), "выгрузка.xls");
    const [sheet] = await fromHtml.listSheets();
    expect((await fromHtml.readSheet(sheet.name)).text).toEqual([
      ["Л/С", "Долг"],
      ["12", "5"],
    ]);
    const csv = await openSpreadsheet(encode1251("Л/С;Долг\n0012;1,5\n"), "C:\\выгрузки\\ОСВ: март?.csv");
    expect((await csv.listSheets()).map((s) => s.name)).toEqual([sheetNameForFile("ОСВ: март?.csv")]);
    expect(sheetNameForFile("ОСВ: март?.csv")).toBe("ОСВ_ март_");
    expect((await csv.readSheet("ОСВ_ март_")).values).toEqual([
      ["Л/С", "Долг"],
      ["0012", "1,5"],
    ]);
  });
});

describe("the CLI's streamed .xlsx read", () => {
  it("gives the same sheets and grid as ExcelJS's full load: Cyrillic across chunk edges, merges, hidden sheets", async () => {
    const { turnoverSheet } = await import("../../generators/sheets");
    const { gridsToWorkbook, workbookToBuffer } = await import("../../generators/xlsx");
    const { XlsxWorkbook } = await import("../../../src/workbook/xlsx/XlsxWorkbook");
    const { readXlsxStreamed } = await import("../../../src/workbook/files/streamXlsx");
    const g = turnoverSheet({ seed: 7, accounts: 3000, identity: true, nameStyle: "mixed" }).grid;
    const wb = gridsToWorkbook([g, { ...g, sheet: "скрытый", values: [["x"]], text: [["x"]], numberFormat: [[""]] }]);
    wb.getWorksheet("скрытый")!.state = "hidden";
    const bytes = await workbookToBuffer(wb);
    const full = await XlsxWorkbook.fromArrayBuffer(bytes);
    const streamed = new XlsxWorkbook((await readXlsxStreamed(bytes))!);
    expect(await streamed.listSheets()).toEqual(await full.listSheets());
    const a = await full.readSheet(g.sheet);
    expect(a.merges!.length).toBeGreaterThan(0);
    expect(await streamed.readSheet(g.sheet)).toEqual(a);
  }, 60_000);
});
