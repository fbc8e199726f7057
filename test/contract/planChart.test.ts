/**
 * «План — динамика» carries a native line chart of measure 1's claims filed against the target, month by month.
 * In Excel (the fake, alone and behind the real Office.js library): exactly one chart on the sheet, its series on
 * the fact and target rows and its categories on the month headers — after a rerun too (the sheet is replaced, so
 * is the chart). The file the xlsx adapter writes is covered in test/unit/workbook/chartPart.test.ts.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ADAPTERS } from "./fixtures";
import { OWN_SHEETS } from "../../src/workbook/port";
import { fillPlan, HISTORY_CHART_TITLE } from "../../src/app/fillPlan";

const REGISTER = [
  ["Л/С", "Должник", "Сумма требования", "Дата подачи", "Статус"],
  ["0001", "Иванов И.И.", 400000, "05.03.2026", "подано"],
  ["0002", "Петров П.П.", 300000, "20.03.2026", "подано"],
  ["0003", "Сидоров С.С.", 50000, "12.02.2026", "подано"],
];

function registerWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Судебная работа");
  REGISTER.forEach((r) => ws.addRow(r));
  return wb;
}

const EXCEL = ADAPTERS.filter(([name]) => name.startsWith("excel"));
const Q = `'${OWN_SHEETS.planHistory}'!`;

describe.each(EXCEL)("«План — динамика» chart: %s", (_name, make) => {
  it("one line chart: the claims row (1.2) against the target row, months as categories, also after a rerun", async () => {
    const { port, host } = make(registerWorkbook());
    await fillPlan(port, { month: "2026-02", today: "2026-03-01" });
    let charts = host!.chartsOn(OWN_SHEETS.planHistory);
    expect(charts).toHaveLength(1);
    // one month: header D1, rows «цель» (2), 1.1 (3), 1.2 (4)
    expect(charts[0].series.map((s) => [s.values, s.categories])).toEqual([
      [`${Q}D4`, `${Q}D1`],
      [`${Q}D2`, `${Q}D1`],
    ]);

    await fillPlan(port, { month: "2026-03", today: "2026-04-01" });
    charts = host!.chartsOn(OWN_SHEETS.planHistory);
    expect(charts).toHaveLength(1);
    expect(host!.charts).toHaveLength(1); // none left on a deleted or temporary sheet
    const [chart] = charts;
    expect(chart.type).toBe("LineMarkers");
    expect(chart.title).toBe(HISTORY_CHART_TITLE);
    expect(chart.valueAxisTitle).toBe("руб.");
    expect(chart.series).toEqual([
      {
        name: "1.2 Сумма требований по поданным заявлениям (долг + пени)",
        values: `${Q}D4:E4`,
        categories: `${Q}D1:E1`,
      },
      { name: "Цель плана по мере 1 (сумма требований в месяц)", values: `${Q}D2:E2`, categories: `${Q}D1:E1` },
    ]);
    // the cells behind the series: February 50 000, March 700 000 against 700 000 a month
    const grid = await port.readSheet(OWN_SHEETS.planHistory);
    expect(grid.text[0].slice(3)).toEqual(["02.2026", "03.2026"]);
    expect(grid.values[3].slice(0, 1)).toEqual(["1.2"]);
    expect(grid.values[3].slice(3)).toEqual([50000, 700000]);
    expect(grid.values[1].slice(3)).toEqual([700000, 700000]);
    // below the table (rows 1..N), not over it
    const rows = grid.values.length;
    expect(Number(/\d+/.exec(chart.position!.start)![0])).toBeGreaterThan(rows);
    // the other own sheets carry none
    expect(host!.chartsOn(OWN_SHEETS.plan)).toEqual([]);
    expect(host!.chartsOn(OWN_SHEETS.planDetail)).toEqual([]);
  });

  it("one sheet written alone (writeOwnSheet) gets its chart too", async () => {
    const { port, host } = make(registerWorkbook());
    await port.writeOwnSheet({
      name: OWN_SHEETS.planHistory,
      rows: [
        ["№", "Показатель", "Ед.", "02.2026", "03.2026", "04.2026"],
        ["цель", "Цель", "руб.", 700000, 700000, 700000],
        ["1.2", "Сумма", "руб.", 50000, null, 810000],
      ],
      charts: [
        {
          type: "line",
          title: "Т",
          anchor: { row: 4, col: 1, rows: 10, cols: 2 },
          categories: { row: 0, col: 3, rows: 1, cols: 3 },
          series: [
            { name: "Сумма", values: { row: 2, col: 3, rows: 1, cols: 3 } },
            { name: "Цель", values: { row: 1, col: 3, rows: 1, cols: 3 } },
          ],
        },
      ],
    });
    const charts = host!.chartsOn(OWN_SHEETS.planHistory);
    expect(charts).toHaveLength(1);
    expect(charts[0].position).toEqual({ start: "B5", end: "C14" });
    expect(charts[0].series.map((s) => s.values)).toEqual([`${Q}D3:F3`, `${Q}D2:F2`]);
  });
});
