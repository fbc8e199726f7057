/**
 * Lossless save: a workbook with a chart, an image, a pivot table and its cache, a list validation, conditional
 * formatting, a user's note, defined names, a hidden sheet and custom XML goes through check → candidates →
 * «Внести в реестр» → save on the xlsx port (the standalone page's route), and every part of the original comes back
 * byte for byte except the ones the add-in changes on purpose.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { zipSync, type Zippable } from "fflate";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { LossySaveError } from "../../../src/workbook/xlsx/package/losslessSave";
import { checkLedger } from "../../../src/app/checkLedger";
import { findCandidates } from "../../../src/app/findCandidates";
import { addToRegister } from "../../../src/app/courtRegister";
import { OWN_SHEETS } from "../../../src/workbook/port";
import { MARK_FILL } from "../../../src/workbook/common";
import { REGISTER_HEADER } from "../../../src/domain/register/columns";
import { macroParts, richParts, text, unzipParts, zipParts } from "./losslessPackage";

const LEDGER = "Должники";
const LEDGER_PART = "xl/worksheets/sheet1.xml";
/** Parts the add-in edits on purpose when it writes its sheets and marks the ledger. */
const EDITED = [
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  LEDGER_PART,
  "xl/worksheets/_rels/sheet1.xml.rels",
];

async function runEverything(wb: XlsxWorkbook): Promise<void> {
  await checkLedger(wb, {});
  const found = await findCandidates(wb, { asOf: "2025-04-30" });
  await addToRegister(wb, found.selection.candidates);
}

/** Every relationship target exists and every part has a content type. */
function assertPackageResolves(parts: Map<string, Uint8Array>): void {
  const ct = text(parts, "[Content_Types].xml");
  for (const name of parts.keys()) {
    if (name === "[Content_Types].xml") continue;
    const ext = name.slice(name.lastIndexOf(".") + 1);
    const declared = ct.includes(`PartName="/${name}"`) || ct.includes(`Extension="${ext}"`);
    expect(declared, `тип содержимого части ${name}`).toBe(true);
    if (!name.endsWith(".rels")) continue;
    const folder = name.slice(0, name.lastIndexOf("_rels/")).split("/").filter(Boolean);
    for (const m of text(parts, name).matchAll(/<Relationship [^>]*Target="([^"]+)"[^>]*\/>/g)) {
      if (/TargetMode="External"/.test(m[0])) continue;
      const path = [...folder];
      for (const seg of m[1].split("/")) {
        if (seg === "..") path.pop();
        else path.push(seg);
      }
      expect(parts.has(path.join("/")), `${name} → ${m[1]}`).toBe(true);
    }
  }
}

function cellXfs(styles: string): string[] {
  const section = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  return section.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
}

/** The template with the user's note moved from the hidden sheet onto the ledger (A1). */
function ledgerWithUserNote(): Map<string, Uint8Array> {
  const parts = richParts();
  const sheet1 = text(parts, LEDGER_PART).replace(
    '<drawing r:id="rId1"/>',
    '<drawing r:id="rId1"/><legacyDrawing r:id="rId3"/>',
  );
  parts.set(LEDGER_PART, new TextEncoder().encode(sheet1));
  const rels = text(parts, "xl/worksheets/_rels/sheet1.xml.rels").replace(
    "</Relationships>",
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>',
  );
  parts.set("xl/worksheets/_rels/sheet1.xml.rels", new TextEncoder().encode(rels));
  parts.set(
    "xl/worksheets/sheet2.xml",
    new TextEncoder().encode(text(parts, "xl/worksheets/sheet2.xml").replace('<legacyDrawing r:id="rId2"/>', "")),
  );
  parts.delete("xl/worksheets/_rels/sheet2.xml.rels");
  return parts;
}

describe("lossless save of a workbook opened from a file", () => {
  it("keeps every part the add-in did not mean to change byte for byte", async () => {
    const original = richParts();
    const wb = await XlsxWorkbook.fromArrayBuffer(zipParts(original));
    await runEverything(wb);
    const saved = unzipParts(await wb.save());

    for (const [name, bytes] of original) {
      expect(saved.has(name), `часть ${name} на месте`).toBe(true);
      if (!EDITED.includes(name)) expect(Buffer.from(saved.get(name)!).equals(Buffer.from(bytes)), name).toBe(true);
    }
    for (const name of EDITED) expect(text(saved, name), name).not.toBe(text(original, name));
    const added = [...saved.keys()].filter((k) => !original.has(k)).sort();
    // four own sheets (Проверка, Кандидаты, Реестр взыскания, zhku_meta) and the notes of the marks
    expect(added.filter((k) => k.startsWith("xl/worksheets/sheet"))).toHaveLength(4);
    expect(added.filter((k) => !k.startsWith("xl/worksheets/sheet"))).toEqual([
      "xl/comments2.xml",
      "xl/drawings/vmlDrawing2.vml",
    ]);
    // the user's names stay; the register's filter gets its sheet-scoped name as Excel writes it
    const names = /<definedNames>([\s\S]*)<\/definedNames>/.exec(text(saved, "xl/workbook.xml"))![1];
    expect(names).toMatch(
      /^<definedName name="Долги">'Должники'!\$G\$5:\$G\$9<\/definedName><definedName name="Виды" localSheetId="1">'Справочник'!\$A\$1:\$A\$2<\/definedName><definedName name="_xlnm\._FilterDatabase" localSheetId="6" hidden="1">'Реестр взыскания'!\$A\$1:\$[A-Z]+\$5<\/definedName>$/,
    );
    assertPackageResolves(saved);
  });

  it("edits the ledger only at the marked cells and appends styles after the user's", async () => {
    const original = richParts();
    const wb = await XlsxWorkbook.fromArrayBuffer(zipParts(original));
    await runEverything(wb);
    const saved = unzipParts(await wb.save());
    const before = text(original, LEDGER_PART);
    const after = text(saved, LEDGER_PART);
    // B8 (no owner: an empty cell that did not exist) and G9 (balance mismatch) are the two marks
    const b8 = /<c r="B8" s="(\d+)"\/>/.exec(after)!;
    const g9 = /<c r="G9" s="(\d+)">/.exec(after)!;
    const legacy = /<legacyDrawing r:id="rId\d+"\/>/.exec(after)!;
    const undone = after.replace(b8[0], "").replace(g9[0], '<c r="G9" s="2">').replace(legacy[0], "");
    expect(undone).toBe(before);

    const xfsBefore = cellXfs(text(original, "xl/styles.xml"));
    const xfsAfter = cellXfs(text(saved, "xl/styles.xml"));
    expect(xfsAfter.slice(0, xfsBefore.length)).toEqual(xfsBefore);
    // G9 keeps its money format (numFmtId 164) under the red fill
    expect(xfsAfter[Number(g9[1])]).toMatch(/numFmtId="164"/);
    expect(text(saved, "xl/styles.xml")).toContain(`rgb="FF${MARK_FILL.error.slice(1)}"`);
    // the add-in's notes use a VML block no other drawing uses
    expect(text(saved, "xl/drawings/vmlDrawing2.vml")).toMatch(/<o:idmap v:ext="edit" data="2"\/>/);
  });

  it("opens again with ExcelJS and through the port: data, marks, notes, own sheets and settings", async () => {
    const wb = await XlsxWorkbook.fromArrayBuffer(zipParts(richParts()));
    await runEverything(wb);
    const bytes = await wb.save();
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load(bytes);
    expect(excel.worksheets.map((w) => w.name)).toEqual([
      LEDGER,
      "Справочник",
      "Сводная",
      OWN_SHEETS.check,
      "zhku_meta",
      OWN_SHEETS.candidates,
      OWN_SHEETS.register,
    ]);
    const ledger = excel.getWorksheet(LEDGER)!;
    expect(ledger.getCell("G9").value).toBe(2500);
    expect(ledger.getCell("G9").numFmt).toBe("#,##0.00");
    expect(excel.getWorksheet("Справочник")!.getCell("A1").note).toBeTruthy();
    expect(excel.getWorksheet("Справочник")!.state).toBe("hidden");

    const port = await XlsxWorkbook.fromArrayBuffer(bytes);
    expect(port.fillColor(LEDGER, 8, 6)).toBe(MARK_FILL.error);
    expect(port.noteText(LEDGER, 8, 6)).toMatch(/сальдо на конец 2\s500,00/);
    expect(port.noteText(LEDGER, 7, 1)).toMatch(/не указан собственник/);
    const register = await port.readSheet(OWN_SHEETS.register);
    expect(register.values.slice(1).map((r) => r[register.values[0].indexOf(REGISTER_HEADER.account)])).toEqual([
      "0001",
      "0004",
      "0002",
      "0005",
    ]);
    expect((await port.listSheets()).find((s) => s.name === OWN_SHEETS.check)?.ownedByAddin).toBe(true);
  });

  it("on a rerun replaces only the add-in's parts, in place, and the styles stop growing", async () => {
    const first = await XlsxWorkbook.fromArrayBuffer(zipParts(richParts()));
    await runEverything(first);
    const once = unzipParts(await first.save());
    const second = await XlsxWorkbook.fromArrayBuffer(zipParts(once));
    await runEverything(second);
    const twice = unzipParts(await second.save());
    const third = await XlsxWorkbook.fromArrayBuffer(zipParts(twice));
    await runEverything(third);
    const thrice = unzipParts(await third.save());

    expect([...twice.keys()].sort()).toEqual([...once.keys()].sort());
    expect(text(twice, "xl/workbook.xml")).toBe(text(once, "xl/workbook.xml"));
    for (const name of ["xl/charts/chart1.xml", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/comments1.xml"])
      expect(text(twice, name)).toBe(text(once, name));
    expect(text(thrice, "xl/styles.xml")).toBe(text(twice, "xl/styles.xml"));
    expect(text(thrice, LEDGER_PART)).toBe(text(twice, LEDGER_PART));
    const port = await XlsxWorkbook.fromArrayBuffer(zipParts(thrice));
    expect(port.noteText(LEDGER, 8, 6)).toMatch(/сальдо на конец/);
  });

  it("«Снять пометки» after a reopen gives the cells back their look and notes", async () => {
    const first = await XlsxWorkbook.fromArrayBuffer(zipParts(richParts()));
    await runEverything(first);
    const reopened = await XlsxWorkbook.fromArrayBuffer(await first.save());
    await reopened.clearMarks();
    const cleared = await XlsxWorkbook.fromArrayBuffer(await reopened.save());
    expect(cleared.fillColor(LEDGER, 8, 6)).toBeNull();
    expect(cleared.noteText(LEDGER, 8, 6)).toBeNull();
    expect(cleared.noteText(LEDGER, 7, 1)).toBeNull();
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load(await reopened.save());
    expect(excel.getWorksheet(LEDGER)!.getCell("G9").numFmt).toBe("#,##0.00");
  });

  it("keeps an .xlsm macro-enabled with its VBA project", async () => {
    const original = macroParts();
    const wb = await XlsxWorkbook.fromArrayBuffer(zipParts(original));
    await runEverything(wb);
    const saved = unzipParts(await wb.save());
    expect(Buffer.from(saved.get("xl/vbaProject.bin")!).equals(Buffer.from(original.get("xl/vbaProject.bin")!))).toBe(
      true,
    );
    expect(text(saved, "[Content_Types].xml")).toContain(
      'PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"',
    );
    expect(text(saved, "xl/_rels/workbook.xml.rels")).toContain('Target="vbaProject.bin"');
    assertPackageResolves(saved);
  });

  it("adds its notes next to the user's own notes on the ledger, leaving theirs as they were", async () => {
    const parts = ledgerWithUserNote();
    const wb = await XlsxWorkbook.fromArrayBuffer(zipParts(parts));
    await runEverything(wb);
    const saved = unzipParts(await wb.save());
    const comments = text(saved, "xl/comments1.xml");
    const userComment = /<comment ref="A1"[\s\S]*?<\/comment>/.exec(text(parts, "xl/comments1.xml"))![0];
    expect(comments).toContain(userComment);
    expect(comments).toContain("<author>Бухгалтер</author><author>Взыскание ЖКУ</author>");
    const vml = text(saved, "xl/drawings/vmlDrawing1.vml");
    const userShape = /<v:shape [\s\S]*?<\/v:shape>/.exec(text(parts, "xl/drawings/vmlDrawing1.vml"))![0];
    expect(vml.startsWith(text(parts, "xl/drawings/vmlDrawing1.vml").replace(/<\/xml>\s*$/, ""))).toBe(true);
    expect(vml).toContain(userShape);
    expect([...vml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => m[1])).toEqual(["1025", "1026", "1027"]);
    assertPackageResolves(saved);
    const port = await XlsxWorkbook.fromArrayBuffer(zipParts(saved));
    expect(port.noteText(LEDGER, 0, 0)).toBe("Виды заявлений для списка в столбце H");
    expect(port.noteText(LEDGER, 8, 6)).toMatch(/сальдо на конец/);
    // «Снять пометки» takes the add-in's notes out again and the user's stays
    await port.clearMarks();
    const cleared = unzipParts(await port.save());
    expect(text(cleared, "xl/comments1.xml")).toContain(userComment);
    expect([...text(cleared, "xl/drawings/vmlDrawing1.vml").matchAll(/<v:shape /g)]).toHaveLength(1);
  });

  it("refuses to save with losses when the marked sheet has a legacy drawing without notes, and offers the results apart", async () => {
    const parts = richParts();
    // a form control's VML on the ledger (no comments part): the add-in's notes cannot be added next to it safely
    parts.set(
      LEDGER_PART,
      new TextEncoder().encode(
        text(parts, LEDGER_PART).replace(
          '<drawing r:id="rId1"/>',
          '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>',
        ),
      ),
    );
    parts.set(
      "xl/worksheets/_rels/sheet1.xml.rels",
      new TextEncoder().encode(
        text(parts, "xl/worksheets/_rels/sheet1.xml.rels").replace(
          "</Relationships>",
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>',
        ),
      ),
    );
    const wb = await XlsxWorkbook.fromArrayBuffer(zipParts(parts));
    await runEverything(wb);
    const error = await wb.save().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LossySaveError);
    expect((error as LossySaveError).message).toMatch(
      /лист «Должники»: на листе уже есть примечания или элементы управления/,
    );

    const results = new ExcelJS.Workbook();
    await results.xlsx.load((await wb.saveResults("Реестр УК.xlsx")) as unknown as ArrayBuffer);
    expect(results.worksheets.map((w) => w.name)).toEqual([
      OWN_SHEETS.check,
      OWN_SHEETS.candidates,
      OWN_SHEETS.register,
      "Пометки",
    ]);
    const marks = results.getWorksheet("Пометки")!;
    const links = marks
      .getColumn(2)
      .values.filter((v) => typeof v === "object" && v !== null) as ExcelJS.CellFormulaValue[];
    expect(links.map((l) => l.formula)).toEqual([
      `HYPERLINK("Реестр УК.xlsx#'Должники'!B8","B8")`,
      `HYPERLINK("Реестр УК.xlsx#'Должники'!G9","G9")`,
    ]);
    const check = results.getWorksheet(OWN_SHEETS.check)!;
    const formulas: string[] = [];
    check.eachRow((row) => row.eachCell((c) => c.type === ExcelJS.ValueType.Formula && formulas.push(c.formula)));
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).toMatch(/^HYPERLINK\("Реестр УК\.xlsx#'Должники'!/);
  });

  it("copies the untouched parts' compressed bytes as they were instead of recompressing them", async () => {
    const original = richParts();
    // the chart stored uncompressed (method 0) in the input: a recompressing writer would deflate it
    const files = Object.fromEntries(
      [...original].map(([k, v]) => [k, k === "xl/charts/chart1.xml" ? [v, { level: 0 }] : v]),
    );
    const wb = await XlsxWorkbook.fromArrayBuffer(zipSync(files as Zippable));
    await runEverything(wb);
    const saved = new Uint8Array(await wb.save());
    const name = new TextEncoder().encode("xl/charts/chart1.xml");
    const at = Buffer.from(saved).indexOf(Buffer.from(name)) - 30;
    const header = new DataView(saved.buffer, saved.byteOffset + at, 30);
    expect(header.getUint32(0, true)).toBe(0x04034b50);
    expect(header.getUint16(8, true)).toBe(0); // still stored
    expect(header.getUint32(18, true)).toBe(original.get("xl/charts/chart1.xml")!.length);
  });

  it("a workbook built in memory (no file behind it) is still written whole by ExcelJS", async () => {
    const excel = new ExcelJS.Workbook();
    excel.addWorksheet("Лист1").getCell("A1").value = "=1+1";
    const wb = new XlsxWorkbook(excel);
    expect(wb.keepsOriginalPackage).toBe(false);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.save());
    expect(back.getWorksheet("Лист1")!.getCell("A1").value).toBe("=1+1");
  });
});
