/**
 * The plan's indicators on a hand-made register of nine claims. Every expected figure is worked out next to its
 * assertion from the rows below; March 2026 hits the 700 000 ₽ target exactly.
 */
import { describe, expect, it } from "vitest";
import type { SheetGrid } from "../../../src/domain/grid";
import { recognizeRegister } from "../../../src/domain/register";
import {
  DEFAULT_PLAN_TEMPLATE,
  computePlan,
  factText,
  fulfilment,
  joinRegisters,
  reconciliationRuns,
  EMPTY_REGISTER,
  type LedgerPayments,
  type PlanIndicator,
  type PlanInput,
  type PlanRegister,
} from "../../../src/domain/plan";

const HEADERS = [
  "Ключ",
  "Л/С",
  "Должник",
  "Основной долг",
  "Пени",
  "Сумма требования",
  "Дата подачи",
  "Дата направления в ССП",
  "Квитанция с реквизитами взыскателя приложена",
  "№ ИП",
  "Статус",
  "Дата окончания",
  "Основание окончания",
  "Дата повторного предъявления",
  "Примечание",
];

type Row = (string | number | null)[];
// prettier-ignore
const ROWS: Row[] = [
  // key  acc   debtor       principal pen   claim      filed         fssp          receipt ИП    status                             end           reason              re-presented  note
  ["k1", "A1", "Иванов И.И.", 290000, 10000, 300000, "05.03.2026", null, null, null, "подано", null, null, null, null],
  ["k2", "A2", "Петров П.П.", 240000, 10000, 250000, "17.03.2026", null, null, null, "подано", null, null, null, null],
  ["k3", "A3", "Сидоров С.С.", 150000, 0, 150000, "31.03.2026", null, null, null, "подано", null, null, null, null],
  ["k4", "A4", "Кузнецов К.К.", 95000, 4000, 99000, "28.02.2026", "02.03.2026", "да", "1/26-ИП", "направлено в ССП", null, null, null, null],
  ["k5", "A5", "Смирнова А.А.", 50000, 0, 50000, "10.01.2026", "20.03.2026", "нет", null, "направлено в ССП", null, null, null, null],
  ["k6", "A6", "Орлов О.О.", 40000, 0, 40000, "10.06.2025", "01.08.2025", "да", "2/25-ИП", "окончено — невозможно взыскание", "15.03.2026", "ст. 46 ч. 1 п. 4", null, "трудоустройство через центр занятости"],
  ["k7", "A7", "Лебедев Л.Л.", 30000, 0, 30000, null, "06.05.2025", "да", "3/25-ИП", "повторно предъявлено", "10.09.2025", "ст. 46 ч. 1 п. 4", "11.03.2026", null],
  ["k8", "A8", "Новиков Н.Н.", 20000, 0, 20000, null, "01.04.2025", "нет", "4/25-ИП", "окончено — невозможно взыскание", "20.08.2025", "ст. 46 ч. 1 п. 3", null, "готовим иск о выселении"],
  ["k9", "A9", "Зайцев З.З.", 10000, 0, 10000, null, "01.06.2025", "нет", "5/25-ИП", "окончено — невозможно взыскание", "01.12.2025", null, null, null],
];

function grid(rows: Row[], sheet = "Реестр взыскания"): SheetGrid {
  const width = Math.max(...rows.map((r) => r.length));
  const cells = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  return {
    sheet,
    top: 0,
    left: 0,
    values: cells,
    text: cells.map((r) => r.map((v) => (v === null ? "" : String(v)))),
    numberFormat: [],
  };
}

function register(headers = HEADERS, rows = ROWS): PlanRegister {
  const keep = headers.map((h) => HEADERS.indexOf(h));
  const g = grid([headers, ...rows.map((r) => keep.map((i) => r[i]))]);
  const reg = recognizeRegister(g);
  if (!reg) throw new Error("register not recognised");
  return joinRegisters([{ reg, grid: g }]);
}

/** Ledger payments by account and month (kopecks); sheet rows 40… in the order given. */
function payments(list: [string, string, number][]): LedgerPayments {
  const byAccount: LedgerPayments["byAccount"] = new Map();
  list.forEach(([account, period, paid], i) => {
    byAccount.set(account, [...(byAccount.get(account) ?? []), { period, paid, row: 40 + i }]);
  });
  const months = new Set<string>();
  for (let m = 9; m <= 15; m++)
    months.add(`${2025 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, "0")}`);
  return { sheet: "ОСВ", months, byAccount };
}

const PAYMENTS = payments([
  ["A1", "2026-03", 1000_00],
  ["A4", "2026-03", 5000_00],
  ["A6", "2025-11", 100_00],
  ["A6", "2026-03", 200_00],
  ["A7", "2025-09", 1500_00],
  ["A8", "2026-03", 300_00],
]);

const LOG = reconciliationRuns([
  { "Дата сверки": "25.03.2026", "Наших производств": 5, "Оплачено напрямую": 2, "Сумма оплат напрямую": 3500.5 },
  { "Дата сверки": "20.02.2026", "Наших производств": 4, "Оплачено напрямую": 1, "Сумма оплат напрямую": 100 },
]);

const TARGET = 700_000_00;

function plan(month: string, over: Partial<PlanInput> = {}): Map<string, PlanIndicator> {
  const input: PlanInput = { month, target: TARGET, register: register(), payments: PAYMENTS, reconciliations: LOG };
  const report = computePlan(DEFAULT_PLAN_TEMPLATE, { ...input, ...over });
  return new Map(report.measures.flatMap((m) => m.indicators).map((i) => [i.id, i]));
}

const rowsOf = (i: PlanIndicator | undefined) => i!.rows.map((r) => r.row);

describe("measure 1 — claims", () => {
  it("March 2026: three applications whose claims make exactly the 700 000 ₽ target", () => {
    const p = plan("2026-03");
    // filed 05.03, 17.03 and 31.03: sheet rows 2, 3, 4
    expect(p.get("1.1")).toMatchObject({ fact: 3, met: null, missing: [] });
    expect(rowsOf(p.get("1.1"))).toEqual([2, 3, 4]);
    // 300 000 + 250 000 + 150 000 = 700 000,00 ₽ — equal to the target, so met
    expect(p.get("1.2")).toMatchObject({ fact: 700_000_00, target: TARGET, met: true });
    expect(fulfilment(p.get("1.2")!)).toBe("выполнено");
  });

  it("February 2026: one application for 99 000 ₽ falls short", () => {
    const p = plan("2026-02");
    expect(p.get("1.1")!.fact).toBe(1);
    expect(p.get("1.2")).toMatchObject({ fact: 99_000_00, met: false });
    expect(fulfilment(p.get("1.2")!)).toBe("не выполнено");
  });

  it("money collected in March on accounts already in court: A1 1 000 + A4 5 000 + A6 200 (A8 never filed)", () => {
    const p = plan("2026-03");
    expect(p.get("1.3")!.fact).toBe(6200_00);
    expect(
      p
        .get("1.3")!
        .rows.map((r) => r.account)
        .sort(),
    ).toEqual(["A1", "A4", "A6"]);
    expect(p.get("1.3")!.rows[0].sheet).toBe("ОСВ");
  });

  it("a month with nothing filed is a counted zero and the target not met", () => {
    const p = plan("2024-05");
    expect(p.get("1.1")).toMatchObject({ fact: 0, missing: [] });
    expect(p.get("1.2")).toMatchObject({ fact: 0, met: false });
  });

  it("without a filing-date column the figures are «нет данных», never zero", () => {
    const p = plan("2026-03", { register: register(HEADERS.filter((h) => h !== "Дата подачи")) });
    for (const id of ["1.1", "1.2", "1.3"]) {
      expect(p.get(id)).toMatchObject({ fact: null, met: null, missing: ["нет даты подачи в реестре"] });
      expect(fulfilment(p.get(id)!)).toBe("нет данных");
    }
    expect(factText(p.get("1.2")!)).toContain("нет данных: нет даты подачи в реестре");
  });

  it("without the ledger's monthly payments the collected money says so", () => {
    const p = plan("2026-03", { payments: null });
    expect(p.get("1.3")).toMatchObject({ fact: null, missing: ["нет оплат по месяцам в реестре должников"] });
    expect(plan("2027-01").get("1.3")!.missing).toEqual(["в реестре должников нет оплат за январь 2027"]);
  });

  it("without any register every measure-1 figure is missing", () => {
    const p = plan("2026-03", { register: EMPTY_REGISTER });
    expect(p.get("1.2")!.missing[0]).toMatch(/нет реестра судебной работы/);
  });
});

describe("measure 2 — direct payment", () => {
  it("March: two documents sent, one with the receipt (50 %)", () => {
    const p = plan("2026-03");
    expect(p.get("2.1")!.fact).toBe(2);
    expect(rowsOf(p.get("2.1"))).toEqual([5, 6]);
    expect(p.get("2.2")).toMatchObject({ fact: 1, target: 2, met: false, extra: "1 из 2, 50 %" });
  });

  it("money in March from debtors under enforcement: A4 5 000 + A6 200 (A6 ended on 15.03, still this month)", () => {
    expect(plan("2026-03").get("2.3")!.fact).toBe(5200_00);
  });

  it("median days to the first money: 29 in March (02.03→31.03) against 134 before (121 and 147)", () => {
    const i = plan("2026-03").get("2.4")!;
    // A4: sent 02.03.2026, money in March → dated 31.03: 29 days
    // A8 paid in March, but after its document came back (08.2025): not the document's money
    // before: A6 sent 01.08.2025, first money 11.2025 → 30.11: 121; A7 sent 06.05.2025, 09.2025 → 30.09: 147
    expect(i).toMatchObject({ fact: 29, target: 134, met: true });
  });

  it("a month without documents sent has no share to judge", () => {
    const p = plan("2024-05");
    expect(p.get("2.2")).toMatchObject({ fact: 0, met: null, extra: "документы в месяце не направлялись" });
    expect(fulfilment(p.get("2.2")!)).toBe("—");
  });

  it("without the receipt column the share is missing", () => {
    const p = plan("2026-03", { register: register(HEADERS.filter((h) => !h.startsWith("Квитанция"))) });
    expect(p.get("2.1")!.fact).toBe(2);
    expect(p.get("2.2")).toMatchObject({ fact: null, met: null });
    expect(p.get("2.2")!.missing[0]).toMatch(/Квитанция с реквизитами взыскателя/);
  });
});

describe("measure 3 — reconciliations from «Журнал сверок»", () => {
  it("March: one reconciliation, 5 proceedings, 2 direct payments for 3 500,50 ₽", () => {
    const p = plan("2026-03");
    expect(p.get("3.1")).toMatchObject({ fact: 1, met: true });
    expect(p.get("3.2")!.fact).toBe(5);
    expect(p.get("3.3")).toMatchObject({ fact: 3500_50, extra: "оплат: 2" });
    expect(p.get("3.1")!.rows[0]).toMatchObject({ sheet: "Журнал сверок", row: 2 });
  });

  it("a month without a reconciliation is not met", () => {
    expect(plan("2026-04").get("3.1")).toMatchObject({ fact: 0, met: false });
  });

  it("a workbook without «Журнал сверок» says so", () => {
    const p = plan("2026-03", { reconciliations: null });
    expect(p.get("3.1")).toMatchObject({ fact: null, met: null });
    expect(p.get("3.3")!.missing[0]).toMatch(/нет листа «Журнал сверок»/);
  });
});

describe("measure 4 — returned documents", () => {
  it("March: A6 returned, A7 presented again, A8 waits past six months, notes name two other measures", () => {
    const p = plan("2026-03");
    expect(p.get("4.1")!.fact).toBe(1);
    expect(rowsOf(p.get("4.1"))).toEqual([7]);
    expect(p.get("4.2")!.fact).toBe(1);
    expect(rowsOf(p.get("4.2"))).toEqual([8]);
    // returned by 31.03.2026 and not presented again: A6 (15.03.2026 — six months end 15.09.2026), A8 (20.08.2025 →
    // 20.02.2026, eligible), A9 (01.12.2025 → 01.06.2026); only A8
    expect(p.get("4.3")!.fact).toBe(1);
    expect(rowsOf(p.get("4.3"))).toEqual([9]);
    expect(p.get("4.4")).toMatchObject({ fact: 2, extra: "трудоустройство: 1; выселение: 1" });
  });

  it("without the re-presentation column those figures are missing", () => {
    const p = plan("2026-03", { register: register(HEADERS.filter((h) => h !== "Дата повторного предъявления")) });
    expect(p.get("4.1")!.fact).toBe(1);
    expect(p.get("4.2")).toMatchObject({ fact: null, missing: ["нет даты повторного предъявления в реестре"] });
    expect(p.get("4.3")!.fact).toBeNull();
  });
});

describe("the report", () => {
  it("fills the target into measure 1's indicator text and numbers the measures", () => {
    const report = computePlan(DEFAULT_PLAN_TEMPLATE, {
      month: "2026-03",
      target: 650_000_00,
      register: register(),
      payments: null,
      reconciliations: null,
    });
    expect(report.measures.map((m) => m.n)).toEqual([1, 2, 3, 4]);
    expect(report.measures[0].indicatorText).toBe("не менее 650\u00a0000 руб. (в месяц)");
    expect(report.measures[0].indicators[1]).toMatchObject({ target: 650_000_00, met: true });
  });
});
