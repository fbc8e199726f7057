/**
 * The native chart of «План — динамика» in files the xlsx adapter writes: a workbook built in memory (ExcelJS's
 * package with the chart parts added), a file opened and saved losslessly (the user's own chart and sheets kept to
 * the byte), a rerun (one chart, never two) and the CLI's `run --out`. The chart XML is parsed (well-formed) and its
 * elements checked in the order CT_LineChart and CT_LineSer require.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { SaxesParser } from "saxes";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { OWN_SHEETS } from "../../../src/workbook/port";
import { fillPlan } from "../../../src/app/fillPlan";
import { main } from "../../../src/cli/main";
import { richParts, text, unzipParts, zipParts } from "./losslessPackage";

const REGISTER = [
  ["Л/С", "Должник", "Сумма требования", "Дата подачи", "Статус"],
  ["0001", "Иванов И.И.", 400000, "05.03.2026", "подано"],
  ["0002", "Петров П.П.", 300000, "20.03.2026", "подано"],
  ["0003", "Сидоров С.С.", 50000, "12.02.2026", "подано"],
];
const Q = `'${OWN_SHEETS.planHistory}'!`;
const dir = mkdtempSync(join(tmpdir(), "zhku-chart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Parts = Map<string, Uint8Array>;

/** A parsed element: name and children, enough to check the schema's order. */
interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** Parse strictly (throws on XML that is not well-formed). */
function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const root: El = { name: "#doc", attrs: {}, children: [], text: "" };
  const stack = [root];
  parser.on("opentag", (t) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: "" };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (t) => (stack[stack.length - 1].text += t));
  parser.write(xml).close();
  return root.children[0];
}

function all(el: El, name: string): El[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
}

/** The children's names match `pattern` (a regex over "name,name,…"). */
function expectOrder(el: El, pattern: RegExp): void {
  expect(el.children.map((c) => c.name).join(",")).toMatch(pattern);
}

function checkChartSchema(xml: string): El {
  const root = parse(xml);
  expect(root.name).toBe("c:chartSpace");
  const chart = all(root, "c:chart")[0];
  expectOrder(chart, /^c:title,c:autoTitleDeleted,c:plotArea,c:legend,c:plotVisOnly,c:dispBlanksAs$/);
  const line = all(root, "c:lineChart");
  expect(line).toHaveLength(1);
  // CT_LineChart: grouping, varyColors, ser*, dLbls?, dropLines?, hiLowLines?, upDownBars?, marker?, smooth?, axId{2}
  expectOrder(line[0], /^c:grouping,c:varyColors,(c:ser,)+c:marker,c:axId,c:axId$/);
  // CT_LineSer: idx, order, tx?, spPr?, marker?, dPt*, dLbls?, trendline*, errBars?, cat?, val?, smooth?
  for (const ser of all(root, "c:ser")) expectOrder(ser, /^c:idx,c:order,c:tx,c:marker,c:cat,c:val,c:smooth$/);
  expectOrder(all(root, "c:valAx")[0], /^c:axId,c:scaling,c:delete,c:axPos,c:majorGridlines,c:title,c:numFmt,/);
  return root;
}

/** Sheet name → its part, through workbook.xml and its relationships. */
function sheetParts(parts: Parts): Map<string, string> {
  const wb = text(parts, "xl/workbook.xml");
  const rels = text(parts, "xl/_rels/workbook.xml.rels");
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\s[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*?Target="([^"]+)"|Target="([^"]+)"[^>]*?Id="${m[2]}"`).exec(rels)!;
    out.set(m[1].replace(/&quot;/g, '"'), `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`);
  }
  return out;
}

const relsOf = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");

/** The sheets whose relationships include a drawing that holds a chart part we wrote. */
function sheetsWithDrawingOf(parts: Parts, chartPart: string): string[] {
  const chartFile = chartPart.split("/").pop()!;
  const drawings = [...parts.keys()].filter(
    (k) => /^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/.test(k) && text(parts, k).includes(`charts/${chartFile}"`),
  );
  const names = drawings.map((d) =>
    d
      .replace("_rels/", "")
      .replace(/\.rels$/, "")
      .split("/")
      .pop()!,
  );
  return [...sheetParts(parts)]
    .filter(([, part]) => parts.has(relsOf(part)) && names.some((n) => text(parts, relsOf(part)).includes(n)))
    .map(([name]) => name);
}

function chartParts(parts: Parts): string[] {
  return [...parts.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k)).sort();
}

function formulas(root: El): string[] {
  return all(root, "c:f").map((f) => f.text);
}

async function planned(port: XlsxWorkbook): Promise<XlsxWorkbook> {
  await fillPlan(port, { month: "2026-02", today: "2026-03-01" });
  await fillPlan(port, { month: "2026-03", today: "2026-04-01" });
  return port;
}

function registerBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Судебная работа");
  REGISTER.forEach((r) => ws.addRow(r));
  ws.getCell("H1").value = { formula: "SUM(C2:C4)", result: 750000 };
  return wb;
}

describe("«План — динамика» chart in the saved file", () => {
  it("a workbook built in memory: chart1.xml over the fact and target rows, linked from that sheet only", async () => {
    const port = await planned(new XlsxWorkbook(registerBook()));
    const parts = unzipParts(await port.save());
    expect(chartParts(parts)).toEqual(["xl/charts/chart1.xml"]);
    const chart = checkChartSchema(text(parts, "xl/charts/chart1.xml"));
    expect(formulas(chart)).toEqual([`${Q}$D$1:$E$1`, `${Q}$D$4:$E$4`, `${Q}$D$1:$E$1`, `${Q}$D$2:$E$2`]);
    // the cached values Excel shows before it recalculates: 50 000 and 700 000 ₽ against 700 000 a month
    const caches = all(chart, "c:numCache").map((c) => all(c, "c:v").map((v) => v.text));
    expect(caches).toEqual([
      ["50000", "700000"],
      ["700000", "700000"],
    ]);
    expect(all(chart, "c:strCache")[0].children.map((c) => all(c, "c:v")[0]?.text ?? null)).toEqual([
      null,
      "02.2026",
      "03.2026",
    ]);
    expect(sheetsWithDrawingOf(parts, "xl/charts/chart1.xml")).toEqual([OWN_SHEETS.planHistory]);
    const ct = text(parts, "[Content_Types].xml");
    expect(ct).toContain(
      'PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
    );
    expect(ct).toContain(
      'PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"',
    );
    parse(text(parts, "xl/drawings/drawing1.xml"));
    const history = text(parts, sheetParts(parts).get(OWN_SHEETS.planHistory)!);
    expect(history).toMatch(/<drawing r:id="rId\d+"\/>/);
    parse(history);

    // ExcelJS opens it again: the user's sheet keeps its values and formula, the history reads the same
    const again = await XlsxWorkbook.fromArrayBuffer(new Uint8Array(await port.save()));
    const user = again.workbook.getWorksheet("Судебная работа")!;
    expect(user.getCell("H1").value).toMatchObject({ formula: "SUM(C2:C4)" });
    expect(user.getCell("C2").value).toBe(400000);
    expect((await again.readSheet(OWN_SHEETS.planHistory)).values[3].slice(3)).toEqual([50000, 700000]);
  });

  it("opened from a file and saved losslessly: the user's chart untouched, ours added; a rerun keeps one", async () => {
    const original = richParts();
    const port = await planned(await XlsxWorkbook.fromArrayBuffer(zipParts(original)));
    const saved = unzipParts(await port.save());
    // the user's chart, drawing and sheets as they were, to the byte
    for (const [name, bytes] of original)
      if (/^xl\/(charts|drawings|media|pivot)/.test(name) || /^xl\/worksheets\/sheet[123]\.xml$/.test(name))
        expect(Buffer.from(saved.get(name)!).equals(Buffer.from(bytes)), name).toBe(true);
    expect(chartParts(saved)).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    const ours = checkChartSchema(text(saved, "xl/charts/chart2.xml"));
    expect(formulas(ours)).toContain(`${Q}$D$4:$E$4`);
    expect(sheetsWithDrawingOf(saved, "xl/charts/chart2.xml")).toEqual([OWN_SHEETS.planHistory]);
    expect(sheetsWithDrawingOf(saved, "xl/charts/chart1.xml")).not.toContain(OWN_SHEETS.planHistory);

    // the saved file opened again and the plan rerun: the sheet and its chart replaced, never two
    const rerun = await XlsxWorkbook.fromArrayBuffer(new Uint8Array(await port.save()));
    await fillPlan(rerun, { month: "2026-04", today: "2026-05-01" });
    const third = unzipParts(await rerun.save());
    expect(chartParts(third)).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    expect(
      Buffer.from(third.get("xl/charts/chart1.xml")!).equals(Buffer.from(original.get("xl/charts/chart1.xml")!)),
    ).toBe(true);
    const drawings = [...third.keys()].filter((k) => /^xl\/drawings\/drawing\d+\.xml$/.test(k));
    expect(drawings).toHaveLength(2); // the user's and ours
    const f = formulas(checkChartSchema(text(third, "xl/charts/chart2.xml")));
    expect(f[0]).toBe(`${Q}$D$1:$F$1`);
    expect(sheetsWithDrawingOf(third, "xl/charts/chart2.xml")).toEqual([OWN_SHEETS.planHistory]);
    // the package opens again
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rerun.save()) as ArrayBuffer);
    expect(wb.getWorksheet(OWN_SHEETS.planHistory)).toBeDefined();
  });

  it("the separate results workbook carries the chart too", async () => {
    const port = await planned(new XlsxWorkbook(registerBook()));
    const parts = unzipParts(await port.saveResults("Реестр.xlsx"));
    expect(chartParts(parts)).toEqual(["xl/charts/chart1.xml"]);
    expect(sheetsWithDrawingOf(parts, "xl/charts/chart1.xml")).toEqual([OWN_SHEETS.planHistory]);
  });

  it("the CLI's `run --out OUT.xlsx` writes the chart into OUT", async () => {
    const out = join(dir, "out.xlsx");
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const code = await main(["run", "assets/sample/sample-zhku.xlsx", "--as-of", "2026-02-28", "--out", out]).finally(
      () => write.mockRestore(),
    );
    expect(code).toBe(0);
    const parts = unzipParts(new Uint8Array(readFileSync(out)));
    const mine = chartParts(parts).filter((p) => sheetsWithDrawingOf(parts, p).includes(OWN_SHEETS.planHistory));
    expect(mine).toHaveLength(1);
    const f = formulas(checkChartSchema(text(parts, mine[0])));
    expect(f).toHaveLength(4);
    for (const x of f) expect(x.startsWith(Q)).toBe(true);
    expect(f[0]).toBe(`${Q}$D$1`); // one month: February
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const h = wb.getWorksheet(OWN_SHEETS.planHistory)!;
    const row = Number(/\$(\d+)$/.exec(f[1])![1]);
    expect(h.getCell(`A${row}`).value).toBe("1.2");
    expect(h.getCell(`A${Number(/\$(\d+)$/.exec(f[3])![1])}`).value).toBe("цель");
  });
});
