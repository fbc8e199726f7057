import { describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { OWN_SHEETS } from "../../../src/workbook/port";
import { findCandidates } from "../../../src/app/findCandidates";
import {
  addToRegister,
  registerTableSpec,
  writePenaltySheet,
  writePenaltySheetsFor,
} from "../../../src/app/courtRegister";
import { ledgerWorkbook, type Layout } from "./workbooks";
import { saveCandidateOptions, DEFAULT_CANDIDATE_OPTIONS } from "../../../src/app/candidateOptions";
import { defaultLaw, selectCandidates } from "../../../src/domain/courtOrder";
import { monthlyAccount, monthlyLedger, months } from "./ledgers";

/*
 * The ledger of workbooks.ts (01–04.2025, 1 000,00 charged a month), as of 30.04.2025:
 *   0001: debt 4 000,00; average 4 000,00 / 4 = 1 000,00; 4 000,00 ≥ 2 × 1 000,00 → candidate.
 *   0002: debt 4 000,00 − 1 000,00 = 3 000,00 ≥ 2 000,00 → candidate.
 *   0003: debt 0 → not a candidate.
 * Penalties (month-level layouts only; rate 9,5 % = min(9,5, key rate 21 %) on 30.04.2025, ПП 329):
 *   0001: January 11.02–30.04 = 79 days, 49 at 1/300 → 1 000 × 0,095 × 49/300 = 15,5166…;
 *         February 11.03–30.04 = 51 days, 21 at 1/300 → 6,65; March 20 days (grace) → 0; April not due.
 *         Total 22,1666… → 22,17.
 *   0002: the April payment is dated 01.04.2025 and pays January: 11.02–01.04 = 50 days, 20 at 1/300 → 6,3333…;
 *         February 6,65; total 12,9833… → 12,98.
 * Duty: claims up to 100 000 ₽ → court order 50 % of 4 000 = 2 000 ₽ (НК 333.19, 259-ФЗ).
 */
const EXPECTED: Record<Layout, [string, number, number, number, number][]> = {
  // account, principal, penalty, duty, claim (kopecks)
  "per-account": [
    ["0001", 400_000, 0, 200_000, 400_000],
    ["0002", 300_000, 0, 200_000, 300_000],
  ],
  "per-month-rows": [
    ["0001", 400_000, 2_217, 200_000, 402_217],
    ["0002", 300_000, 1_298, 200_000, 301_298],
  ],
  "month-columns": [
    ["0001", 400_000, 2_217, 200_000, 402_217],
    ["0002", 300_000, 1_298, 200_000, 301_298],
  ],
};

async function open(layout: Layout, register?: (string | number | null)[][], registerSheet?: string) {
  return XlsxWorkbook.fromArrayBuffer(await ledgerWorkbook(layout, register, registerSheet));
}

describe("findCandidates on the three ledger layouts", () => {
  for (const layout of ["per-account", "per-month-rows", "month-columns"] as const) {
    it(`selects the hand-computed candidates and amounts (${layout})`, async () => {
      const wb = await open(layout);
      const r = await findCandidates(wb, { asOf: "2025-04-30" });
      expect(r.layout).toBe(layout);
      expect(r.selection.candidates.map((c) => [c.account, c.principal, c.penalty, c.stateDuty, c.claim])).toEqual(
        EXPECTED[layout],
      );
      expect(r.selection.candidates.map((c) => c.averageMonthly)).toEqual([100_000, 100_000]);
      const noPenalty = r.selection.candidates[0].warnings.includes(
        "пени не рассчитаны: в реестре нет помесячных начислений и оплат",
      );
      expect(noPenalty).toBe(layout === "per-account");
    });
  }

  it("writes «Кандидаты» with the reasons and a totals block, and a rerun replaces it", async () => {
    const wb = await open("per-month-rows");
    await findCandidates(wb, { asOf: "2025-04-30" });
    const grid = await wb.readSheet(OWN_SHEETS.candidates);
    const text = grid.text.map((r) => r.join("|").replace(/\u00a0/g, " ")).join("\n");
    expect(text).toContain("Кандидаты на судебный приказ на 30.04.2025");
    expect(text).toContain("долг 4 000,00 ≥ 2 × 1 000,00 (среднее за 4 мес.)");
    expect(text).toContain("Сумма требований");
    expect(text).toContain("Цель плана в месяц");
    const before = grid.values.length;
    await findCandidates(wb, { asOf: "2025-04-30" });
    const again = await wb.readSheet(OWN_SHEETS.candidates);
    expect(again.values.length).toBe(before);
    expect((await wb.listSheets()).filter((s) => s.name === OWN_SHEETS.candidates)).toHaveLength(1);
  });

  it("does not write when asked not to (the CLI)", async () => {
    const wb = await open("per-account");
    await findCandidates(wb, { asOf: "2025-04-30", write: false });
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["Должники"]);
  });

  it("skips a debt the clerk's own register already has in work", async () => {
    const wb = await open("per-month-rows", [
      ["Реестр судебных приказов"],
      ["Лицевой счет", "ФИО", "Период", "№ судебного приказа", "Дата приказа", "Дата передачи в ФССП"],
      ["0001", "Иванов Иван Иванович", "01.2025 - 03.2025", "2-15/2025", "10.04.2025", ""],
    ]);
    const r = await findCandidates(wb, { asOf: "2025-04-30" });
    expect(r.registerSheets).toEqual(["Реестр приказов"]);
    expect(r.selection.candidates.map((c) => c.account)).toEqual(["0002"]);
    expect(r.selection.excluded[0].reasons[0]).toContain("2-15/2025");
  });

  it("finds the clerk's register on any sheet by its headers; a cancelled order turns the debt into a lawsuit", async () => {
    const wb = await open(
      "per-month-rows",
      [
        ["Л/С", "Должник", "Период с", "Период по", "№ дела", "Дата приказа", "Дата отмены", "Статус"],
        ["0002", "Орлов Д.С.", "01.2025", "02.2025", "2-16/2025", "05.03.2025", "20.03.2025", "отменён"],
      ],
      "Лист2",
    );
    const r = await findCandidates(wb, { asOf: "2025-04-30" });
    expect(r.registerSheets).toEqual(["Лист2"]);
    const orlov = r.selection.candidates.find((c) => c.account === "0002")!;
    expect(orlov.route).toBe("lawsuit");
    // a lawsuit pays the full duty: claim up to 100 000 ₽ → 4 000 ₽
    expect(orlov.stateDuty).toBe(400_000);
    // covered counts court orders only: 0001's 4 022,17
    expect(r.selection.target.covered).toBe(402_217);
  });

  it("takes the rule from the workbook's settings (Настройки), overridable by the caller", async () => {
    const wb = await open("per-month-rows");
    // multiple 4: 0001 (4 000,00 ≥ 4 × 1 000,00) stays, 0002 (3 000,00) drops out
    await wb.writeSettings({
      thresholds: { multiple: 4, windowMonths: 12, monthlyTarget: 100_000_00, courtOrderLimit: 500_000_00 },
      candidates: { minClaim: 0 },
    });
    const r = await findCandidates(wb, { asOf: "2025-04-30", write: false });
    expect(r.selection.rule.multiple).toBe(4);
    expect(r.selection.candidates.map((c) => c.account)).toEqual(["0001"]);
    expect(r.selection.target.monthly).toBe(100_000_00);
    const both = await findCandidates(wb, { asOf: "2025-04-30", write: false, settings: { multiple: 2 } });
    expect(both.selection.candidates).toHaveLength(2);
  });

  it("applies the selection options saved in Настройки: a minimal claim of 3 500,00 ₽ leaves 0002 (3 012,98 ₽) out", async () => {
    const wb = await open("per-month-rows");
    await saveCandidateOptions(wb, { ...DEFAULT_CANDIDATE_OPTIONS, minClaim: 350_000 });
    const r = await findCandidates(wb, { asOf: "2025-04-30" });
    expect(r.selection.candidates.map((c) => c.account)).toEqual(["0001"]);
    const excluded = r.selection.excluded.find((e) => e.account === "0002");
    expect(excluded?.reasons.join(" ")).toMatch(/3\s500,00/);
  });

  it("reports progress and stops when cancelled", async () => {
    const wb = await open("per-account");
    const stages: string[] = [];
    await findCandidates(wb, { asOf: "2025-04-30", onProgress: (p) => stages.push(p.stage ?? "") });
    expect(stages[stages.length - 1]).toBe("Готово");
    const ac = new AbortController();
    ac.abort();
    await expect(findCandidates(wb, { asOf: "2025-04-30", signal: ac.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});

describe("the court-work register in a workbook", () => {
  it("adds the selected candidates with status «подготовлено» and never overwrites what the clerk typed", async () => {
    const wb = await open("per-month-rows");
    const first = await findCandidates(wb, { asOf: "2025-04-30" });
    const added = await addToRegister(wb, first.selection.candidates);
    expect(added).toEqual({ added: 2, filled: 0, unchanged: 0 });
    const spec = registerTableSpec();
    let rows = (await wb.readTable(spec))!;
    expect(
      rows.map((r) => [
        r["Л/С"],
        r["Период с"],
        r["Период по"],
        r["Основной долг"],
        r["Пени"],
        r["Сумма требования"],
        r["Статус"],
      ]),
    ).toEqual([
      ["0001", "01.2025", "04.2025", 4000, 22.17, 4022.17, "подготовлено"],
      ["0002", "02.2025", "04.2025", 3000, 12.98, 3012.98, "подготовлено"],
    ]);

    // the clerk files 0001 and corrects the principal by hand; clears the penalty of 0002
    const ws = wb.workbook.getWorksheet(OWN_SHEETS.register)!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const col = (h: string) => header.indexOf(h);
    ws.getCell(2, col("№ дела")).value = "2-15/2025";
    ws.getCell(2, col("Статус")).value = "подано";
    ws.getCell(2, col("Основной долг")).value = 3999;
    ws.getCell(3, col("Пени")).value = null;

    // rerun: both debts are in the register now (filed, and prepared) — neither is offered again
    const second = await findCandidates(wb, { asOf: "2025-04-30" });
    expect(second.selection.candidates).toEqual([]);
    expect(second.selection.excluded.map((e) => e.reasons[0].replace(/ \(.*$/, ""))).toEqual([
      "уже в реестре взыскания со статусом «подано»",
      "уже в реестре взыскания со статусом «подготовлено»",
    ]);
    // putting the first run's candidates again changes no typed cell
    const again = await addToRegister(wb, first.selection.candidates);
    expect(again).toEqual({ added: 0, filled: 1, unchanged: 1 });
    rows = (await wb.readTable(spec))!;
    expect(rows[0]["№ дела"]).toBe("2-15/2025");
    expect(rows[0]["Статус"]).toBe("подано");
    expect(rows[0]["Основной долг"]).toBe(3999);
    expect(rows[1]["Пени"]).toBe(12.98); // the emptied cell of the add-in's column is filled again
    expect(rows).toHaveLength(2);
  });

  it("writes the penalty calculation table «Расчёт пени <Л/С>»", async () => {
    const wb = await open("per-month-rows");
    const r = await findCandidates(wb, { asOf: "2025-04-30" });
    const account = r.ledger.accounts.find((a) => a.account === r.selection.candidates[0].account)!;
    const name = await writePenaltySheet(wb, account, { asOf: "2025-04-30" });
    expect(name).toBe("Расчёт пени 0001");
    const grid = await wb.readSheet(name);
    const last = grid.values.findIndex((row) => String(row[0] ?? "").startsWith("Итого пени"));
    expect(last).toBeGreaterThan(0);
    expect(grid.values[last].filter((v) => typeof v === "number")).toEqual([22.17]);
    expect(grid.text.flat().join(" ")).toContain("1-е число месяца");
  });

  it("leaves the time-barred months out of the penalty table, as out of the claim", async () => {
    // 01–03.2022, 1 000,00 a month unpaid, as of 20.03.2025: January and February are time-barred (select.test.ts);
    // March alone: 1 000 × 0,095 × (60/300 + 984/130) = 738,0769… → 738,08 — the penalty of the claim
    const wb = await open("per-month-rows");
    const c = 100_000;
    const account = monthlyAccount({
      account: "0009",
      months: months("2022-01", [
        [c, 0],
        [c, 0],
        [c, 0],
      ]),
    });
    const sel = selectCandidates(monthlyLedger([account]), { asOf: "2025-03-20", law: defaultLaw });
    const cand = sel.candidates[0];
    expect(cand.penalty).toBe(73_808);
    const name = await writePenaltySheet(wb, account, { asOf: "2025-03-20", barredPeriods: cand.barredPeriods });
    const grid = await wb.readSheet(name);
    const total = grid.values.findIndex((row) => String(row[0] ?? "").startsWith("Итого пени"));
    expect(grid.values[total].filter((v) => typeof v === "number")).toEqual([738.08]);
    const text = grid.text.flat().join(" ");
    expect(text).toContain("01.2022, 02.2022");
    expect(text).toContain("ГК 207");
    expect(grid.text.some((row) => row[0] === "январь 2022" || row[0] === "Январь 2022")).toBe(false);
  });

  it("«Расчёт пени» for chosen candidates re-reads their ledger and writes one sheet each with the claim's penalty", async () => {
    const wb = await open("per-month-rows");
    const r = await findCandidates(wb, { asOf: "2025-04-30" });
    const out = await writePenaltySheetsFor(wb, {
      sheet: r.sheet,
      asOf: "2025-04-30",
      candidates: r.selection.candidates,
    });
    expect(out.written).toEqual(["Расчёт пени 0001", "Расчёт пени 0002"]);
    expect(out.skipped).toEqual([]);
    // the totals worked out at the top of this file: 22,17 and 12,98
    for (const [name, total] of [
      ["Расчёт пени 0001", 22.17],
      ["Расчёт пени 0002", 12.98],
    ] as const) {
      const grid = await wb.readSheet(name);
      const row = grid.values.findIndex((cells) => String(cells[0] ?? "").startsWith("Итого пени"));
      expect(grid.values[row].filter((v) => typeof v === "number")).toEqual([total]);
    }
  });

  it("«Расчёт пени» on a ledger without months writes nothing and says why for each account", async () => {
    const wb = await open("per-account");
    const r = await findCandidates(wb, { asOf: "2025-04-30" });
    const out = await writePenaltySheetsFor(wb, {
      sheet: r.sheet,
      asOf: "2025-04-30",
      candidates: r.selection.candidates,
    });
    expect(out.written).toEqual([]);
    expect(out.skipped.map((s) => s.account)).toEqual(["0001", "0002"]);
    expect(out.skipped[0].reason).toContain("нет помесячных начислений и оплат");
    expect((await wb.listSheets()).some((s) => s.name.startsWith("Расчёт пени"))).toBe(false);
  });

  it("refuses the penalty table for a ledger without months", async () => {
    const wb = await open("per-account");
    const r = await findCandidates(wb, { asOf: "2025-04-30" });
    await expect(writePenaltySheet(wb, r.ledger.accounts[0], { asOf: "2025-04-30" })).rejects.toThrow(
      "нет помесячных начислений и оплат",
    );
  });
});
