import { describe, expect, it } from "vitest";
import {
  defaultLaw,
  NO_PENALTY_WARNING,
  principalByPeriodFor,
  selectCandidates,
  type CandidateSettings,
} from "../../../src/domain/courtOrder";
import type { CanonicalLedger } from "../../../src/domain/ledger/model";
import type { RegisterEntry } from "../../../src/domain/register";
import { account, monthlyAccount, monthlyLedger, months, perAccountLedger, service } from "./ledgers";

const sp = (s: string) => s.replace(/\u00a0/g, " ");

function select(
  ledger: CanonicalLedger,
  asOf: string,
  settings?: Partial<CandidateSettings>,
  register?: RegisterEntry[],
) {
  return selectCandidates(ledger, { asOf, settings, register, law: defaultLaw });
}

/** A year-long one-row-per-account ledger (2025), as of 15.01.2026. */
function year(accounts: Parameters<typeof account>[0][]) {
  return perAccountLedger("2025-01-01", "2025-12-31", accounts.map(account));
}

function entry(e: Partial<RegisterEntry> & { account: string }): RegisterEntry {
  return {
    row: 5,
    key: "",
    debtor: "",
    periodFrom: null,
    periodTo: null,
    filingDate: null,
    orderDate: null,
    cancelDate: null,
    fsspDate: null,
    ipDate: null,
    endDate: null,
    caseNumber: "",
    ipNumber: "",
    statusText: "",
    status: "подано",
    principal: null,
    penalty: null,
    duty: null,
    claim: null,
    ...e,
  };
}

describe("the rule: debt ≥ 2 × average monthly obligation", () => {
  // «Начислено» 81 964,80 over 12 months → average 6 830,40; 2 × 6 830,40 = 13 660,80
  const charged = 8_196_480;

  it("selects a debt of exactly two averages, to the kopeck, and not one kopeck less", () => {
    const r = select(
      year([
        { account: "001", charged, closing: 1_366_080 },
        { account: "002", charged, closing: 1_366_079 },
      ]),
      "2026-01-15",
    );
    expect(r.candidates.map((c) => c.account)).toEqual(["001"]);
    const c = r.candidates[0];
    expect(sp(c.reason)).toBe("долг 13 660,80 ≥ 2 × 6 830,40 (среднее за 12 мес.)");
    expect(c.averageMonthly).toBe(683_040);
    expect(c.ratio).toBe(2);
    expect(r.rule).toEqual({ multiple: 2, windowMonths: 12, mode: "account" });
  });

  it("spells the reason as in the issue's example", () => {
    // 14 210,55 / 6 830,40 = 2.0805… → ratio 2.08
    const r = select(year([{ account: "001", charged, closing: 1_421_055 }]), "2026-01-15");
    expect(sp(r.candidates[0].reason)).toBe("долг 14 210,55 ≥ 2 × 6 830,40 (среднее за 12 мес.)");
    expect(r.candidates[0].ratio).toBe(2.08);
  });

  it("compares exactly, so the rounded average never flips the decision", () => {
    // charged 10 000,01 / 12 = 833,334166… → shown 833,33; 2 × exact average = 1 666,668333…
    // 1 666,67: 166 667 × 12 = 2 000 004 ≥ 2 × 1 000 001 = 2 000 002 → selected
    // 1 666,66 (= 2 × the rounded average): 166 666 × 12 = 1 999 992 < 2 000 002 → not selected
    const r = select(
      year([
        { account: "A", charged: 1_000_001, closing: 166_667 },
        { account: "B", charged: 1_000_001, closing: 166_666 },
      ]),
      "2026-01-15",
    );
    expect(r.candidates.map((c) => c.account)).toEqual(["A"]);
    expect(r.candidates[0].averageMonthly).toBe(83_333);
  });

  it("never selects an advance or a zero balance", () => {
    const r = select(
      year([
        { account: "A", charged: 1_200_000, closing: -150_000 },
        { account: "B", charged: 0, closing: 0 },
        { account: "C", charged: 0, closing: -1 },
      ]),
      "2026-01-15",
    );
    expect(r.candidates).toEqual([]);
    expect(r.excluded).toEqual([]);
  });

  it("selects a debt with nothing charged in the window; the ratio is then unknown", () => {
    const r = select(year([{ account: "A", charged: 0, closing: 50_000 }]), "2026-01-15");
    expect(r.candidates[0].averageMonthly).toBe(0);
    expect(r.candidates[0].ratio).toBeNull();
  });

  it("uses another multiple from the settings", () => {
    // average 1 000,00; multiple 3 → 3 000,00 needed
    const led = year([
      { account: "A", charged: 1_200_000, closing: 300_000 },
      { account: "B", charged: 1_200_000, closing: 299_999 },
    ]);
    const r = select(led, "2026-01-15", { multiple: 3 });
    expect(r.candidates.map((c) => c.account)).toEqual(["A"]);
    expect(sp(r.candidates[0].reason)).toBe("долг 3 000,00 ≥ 3 × 1 000,00 (среднее за 12 мес.)");
  });

  it("divides «Начислено» by the months of the ledger's period (one-row-per-account, 3 months)", () => {
    // 01.10.2025–31.12.2025: 3 months; charged 3 000,00 → average 1 000,00; debt 2 000,00 = 2 × 1 000,00
    const led = perAccountLedger("2025-10-01", "2025-12-31", [
      account({ account: "A", charged: 300_000, closing: 200_000 }),
    ]);
    const r = select(led, "2026-01-15");
    expect(sp(r.candidates[0].reason)).toBe("долг 2 000,00 ≥ 2 × 1 000,00 (среднее за 3 мес.)");
  });
});

describe("the averaging window in monthly ledgers", () => {
  it("uses fewer months when the ledger covers fewer than 12", () => {
    // 07–12.2025, 1 000,00 a month: average 1 000,00 over 6 months
    // X paid the first four months: debt 2 000,00 = 2 × 1 000,00 → selected
    // Y also paid 500,00 in November: debt 1 500,00 → not selected
    const c = 100_000;
    const led = monthlyLedger([
      monthlyAccount({
        account: "X",
        months: months("2025-07", [
          [c, c],
          [c, c],
          [c, c],
          [c, c],
          [c, 0],
          [c, 0],
        ]),
      }),
      monthlyAccount({
        account: "Y",
        months: months("2025-07", [
          [c, c],
          [c, c],
          [c, c],
          [c, c],
          [c, 50_000],
          [c, 0],
        ]),
      }),
    ]);
    const r = select(led, "2026-01-15");
    expect(r.candidates.map((x) => x.account)).toEqual(["X"]);
    expect(sp(r.candidates[0].reason)).toBe("долг 2 000,00 ≥ 2 × 1 000,00 (среднее за 6 мес.)");
    expect(r.assumptions.some((a) => a.includes("6 мес."))).toBe(true);
  });

  it("takes only the last 12 months of a longer ledger", () => {
    // 11.2024–12.2025 (14 months): 5 000,00 in the first two, 1 000,00 after; paid all but the last two months.
    // Window 01–12.2025: average 1 000,00; debt 2 000,00 → selected.
    // (Over all 14 months the average would be 22 000,00 / 14 = 1 571,43 and 2 000,00 would not qualify.)
    const c = 100_000;
    const rows: [number, number][] = [
      [500_000, 500_000],
      [500_000, 500_000],
    ];
    for (let i = 0; i < 12; i++) rows.push(i < 10 ? [c, c] : [c, 0]);
    const led = monthlyLedger([monthlyAccount({ account: "X", months: months("2024-11", rows) })]);
    const r = select(led, "2026-01-15");
    expect(r.candidates).toHaveLength(1);
    expect(r.candidates[0].averageMonthly).toBe(c);
    expect(r.candidates[0].windowMonths).toBe(12);
  });

  it("ignores months after the as-of date", () => {
    // 01–06.2025 with 1 000,00 a month unpaid; as of 30.04.2025 only 01–04 count: debt 4 000,00, average 1 000,00
    const c = 100_000;
    const led = monthlyLedger([
      monthlyAccount({
        account: "X",
        months: months("2025-01", [
          [c, 0],
          [c, 0],
          [c, 0],
          [c, 0],
          [c, 0],
          [c, 0],
        ]),
      }),
    ]);
    const r = select(led, "2025-04-30");
    expect(r.candidates[0].debt).toBe(400_000);
    expect(r.candidates[0].windowMonths).toBe(4);
    expect(r.candidates[0].periodTo).toBe("2025-04");
  });

  it("adds the opening balance to the debt and dates it the month before the ledger", () => {
    // opening 5 000,00 + 2 × 1 000,00 charged − 0 paid = 7 000,00; average 1 000,00 over 2 months
    const c = 100_000;
    const ms = months("2025-01", [
      [c, 0],
      [c, 0],
    ]);
    ms[0].opening = 500_000;
    const led = monthlyLedger([monthlyAccount({ account: "X", opening: 500_000, months: ms })]);
    const r = select(led, "2025-02-20");
    const x = r.candidates[0];
    expect(x.debt).toBe(700_000);
    expect(principalByPeriodFor(led.accounts[0], "2025-02-20").map((p) => [p.period, p.amount])).toEqual([
      ["2024-12", 500_000],
      ["2025-01", c],
      ["2025-02", c],
    ]);
  });
});

describe("claim composition on month-level ledgers", () => {
  // 01–04.2025, 1 000,00 charged each month, as of 30.04.2025; due dates 10.02, 10.03, 10.04, 12.05.2025;
  // rate for unpaid debt: key rate on 30.04.2025 (21 %) capped at 9,5 % (ПП 329).
  const c = 100_000;
  const led = (layout: "per-month-rows" | "month-columns") =>
    monthlyLedger(
      [
        monthlyAccount({
          account: "0001",
          name: "Иванов Иван Иванович",
          months: months("2025-01", [
            [c, 0],
            [c, 0],
            [c, 0],
            [c, 0],
          ]),
        }),
        // paid 1 000,00 in April: dated 01.04.2025 (first day of the month it was booked in), goes to January
        monthlyAccount({
          account: "0002",
          name: "Орлов Дмитрий Сергеевич",
          months: months("2025-01", [
            [c, 0],
            [c, 0],
            [c, 0],
            [c, c],
          ]),
        }),
      ],
      layout,
    );

  for (const layout of ["per-month-rows", "month-columns"] as const) {
    it(`computes principal, penalties, duty and totals by hand (${layout})`, () => {
      const r = select(led(layout), "2025-04-30");
      // 0001: January unpaid 11.02–30.04 = 79 days → days 31–79 = 49 at 1/300: 1 000 × 9,5 % × 49/300 = 15,5166…
      //       February 11.03–30.04 = 51 days → 21 at 1/300: 1 000 × 9,5 % × 21/300 = 6,65
      //       March: 20 days (grace); April: not yet due. Penalty 22,1666… → 22,17; claim 4 022,17
      // 0002: January paid 01.04.2025: 11.02–01.04 = 50 days → 20 at 1/300: 1 000 × 9,5 % × 20/300 = 6,3333…
      //       February 6,65 as above. Penalty 12,9833… → 12,98; principal 3 000,00; claim 3 012,98
      // duty: claim up to 100 000 ₽, court order: 50 % of 4 000 = 2 000 ₽ each (НК 333.19, 259-ФЗ)
      expect(r.candidates.map((x) => [x.account, x.principal, x.penalty, x.stateDuty, x.claim, x.route])).toEqual([
        ["0001", 400_000, 2_217, 200_000, 402_217, "court-order"],
        ["0002", 300_000, 1_298, 200_000, 301_298, "court-order"],
      ]);
      expect(r.candidates[1].periodFrom).toBe("2025-02");
      expect(r.candidates[1].ratio).toBe(3); // 3 000 / 1 000
      expect(r.totals).toEqual({
        count: 2,
        principal: 700_000,
        penalty: 3_515,
        stateDuty: 400_000,
        timeBarred: 0,
        claim: 703_515,
      });
      expect(r.target).toEqual({ monthly: 70_000_000, covered: 703_515, share: 1 }); // 7 035,15 / 700 000 = 1,005 % → 1,0
      expect(r.candidates.every((x) => !x.warnings.includes(NO_PENALTY_WARNING))).toBe(true);
      expect(r.assumptions.join("\n")).toContain("1-е число месяца");
    });
  }

  it("does not compute penalties on a one-row-per-account ledger and says so", () => {
    // same debts as a one-row ledger over 01–04.2025: 0001 charged 4 000,00, debt 4 000,00
    const r = select(
      perAccountLedger("2025-01-01", "2025-04-30", [account({ account: "0001", charged: 400_000, closing: 400_000 })]),
      "2025-04-30",
    );
    const x = r.candidates[0];
    expect([x.principal, x.penalty, x.claim, x.stateDuty, x.timeBarred]).toEqual([400_000, 0, 400_000, 200_000, 0]);
    expect(x.warnings).toContain("пени не рассчитаны: в реестре нет помесячных начислений и оплат");
    expect([x.periodFrom, x.periodTo]).toEqual(["2025-01", "2025-04"]);
  });

  it("excludes the time-barred months by default and includes them on request", () => {
    // 01–03.2022, 1 000,00 each, unpaid; filing 20.03.2025.
    // January: due 10.02.2022 → last day 10.02.2025 — barred; February: due 10.03.2022 → 10.03.2025 — barred;
    // March: due 11.04.2022 (10.04 was a Sunday) → 11.04.2025 — in time.
    const ledger = monthlyLedger([
      monthlyAccount({
        account: "X",
        months: months("2022-01", [
          [c, 0],
          [c, 0],
          [c, 0],
        ]),
      }),
    ]);
    const r = select(ledger, "2025-03-20");
    const x = r.candidates[0];
    expect([x.principal, x.timeBarred]).toEqual([c, 2 * c]);
    expect(x.barredPeriods).toEqual(["2022-01", "2022-02"]);
    expect([x.periodFrom, x.periodTo]).toEqual(["2022-03", "2022-03"]); // the claim covers March only
    expect(
      principalByPeriodFor(ledger.accounts[0], "2025-03-20", x.barredPeriods).map((p) => [
        p.period,
        p.amount,
        p.barred,
      ]),
    ).toEqual([
      ["2022-01", c, true],
      ["2022-02", c, true],
      ["2022-03", c, false],
    ]);
    // March only: days 12.04.2022–20.03.2025 = 1 074 days of delay: 60 at 1/300, 984 at 1/130, rate 9,5 %:
    // 1 000 × 0,095 × (60/300 + 984/130) = 95 × 7,769230… = 738,0769… → 738,08
    expect(x.penalty).toBe(73_808);
    expect(sp(x.warnings.join("\n"))).toContain("исключён долг за пределами срока исковой давности: 2 000,00 ₽");

    const all = select(ledger, "2025-03-20", { includeTimeBarred: true }).candidates[0];
    expect([all.principal, all.timeBarred]).toEqual([3 * c, 2 * c]);
    expect(all.periodFrom).toBe("2022-01");
    expect(all.penalty).toBeGreaterThan(x.penalty);
  });

  it("excludes a debt that is entirely time-barred", () => {
    const ledger = monthlyLedger([
      monthlyAccount({
        account: "X",
        months: months("2021-01", [
          [c, 0],
          [c, 0],
        ]),
      }),
    ]);
    const r = select(ledger, "2025-03-20");
    expect(r.candidates).toEqual([]);
    expect(r.excluded[0].reasons[0]).toContain("весь долг за пределами срока исковой давности");
  });
});

describe("route: court order up to 500 000 ₽, a lawsuit above", () => {
  // average 1 000,00 (12 000,00 over 12 months); no penalties (one-row ledger), filing 15.01.2026
  it("500 000,00 goes by court order, 500 000,01 by lawsuit", () => {
    const r = select(
      year([
        { account: "A", charged: 1_200_000, closing: 50_000_000 },
        { account: "B", charged: 1_200_000, closing: 50_000_001 },
      ]),
      "2026-01-15",
    );
    const [b, a] = r.candidates; // sorted by claim, largest first
    expect([a.account, a.route, a.claim]).toEqual(["A", "court-order", 50_000_000]);
    expect([b.account, b.route, b.claim]).toEqual(["B", "lawsuit", 50_000_001]);
    // duty: 10 000 + 2,5 % × (500 000 − 300 000) = 15 000 for a claim; a court order pays half: 7 500
    expect(a.stateDuty).toBe(750_000);
    // 500 000,01: 15 000 + 2 % × 0,01 = 15 000,0002 → 15 000 (claim, whole roubles)
    expect(b.stateDuty).toBe(1_500_000);
    expect(sp(b.warnings.join("\n"))).toContain("приказ невозможен");
    // the monthly target counts only court-order claims: 500 000,00
    expect(r.target.covered).toBe(50_000_000);
  });

  it("sends legal entities and entrepreneurs to the arbitration court", () => {
    const r = select(
      year([
        { account: "L1", name: "ООО «Ромашка»", inn: "8611000000", charged: 1_200_000, closing: 300_000 },
        { account: "L2", name: "ИП Сидоров Пётр Петрович", charged: 1_200_000, closing: 300_000 },
        { account: "L3", name: "Петров Пётр Петрович", inn: "1234567890", charged: 1_200_000, closing: 300_000 },
        { account: "P1", name: "Ипатов Иван Ильич", inn: "123456789012", charged: 1_200_000, closing: 300_000 },
      ]),
      "2026-01-15",
    );
    const by = Object.fromEntries(r.candidates.map((c) => [c.account, c]));
    expect(["L1", "L2", "L3", "P1"].map((k) => by[k].court)).toEqual([
      "arbitration",
      "arbitration",
      "arbitration",
      "general",
    ]);
    expect(by.L1.warnings.join("\n")).toContain("арбитражный суд (АПК 229.1)");
    // arbitration court order (НК 333.21, from 09.09.2024): 50 % of 10 000 but not less than 8 000 → 8 000
    expect(by.L1.stateDuty).toBe(800_000);
    expect(by.P1.stateDuty).toBe(200_000);
    // no birth data is asked of an organisation
    expect(by.L1.warnings.join("\n")).not.toContain("дата рождения");
  });
});

describe("per-service mode", () => {
  // 2025, 12 months. Account S: heating charged 12 000,00 (average 1 000,00), debt 2 500,00;
  // maintenance charged 24 000,00 (average 2 000,00), debt 0. Total: 2 500,00 < 2 × 3 000,00.
  const led = perAccountLedger("2025-01-01", "2025-12-31", [
    account({
      account: "S",
      charged: 3_600_000,
      closing: 250_000,
      services: [service("Отопление", 1_200_000, 250_000), service("Содержание жилья", 2_400_000, 0)],
    }),
    // a «Пени» line is not a monthly obligation: 5 000,00 of penalties never qualify by themselves
    account({
      account: "P",
      charged: 2_400_000,
      closing: 500_000,
      services: [service("Содержание жилья", 2_400_000, 0), service("Пени", 0, 500_000)],
    }),
  ]);

  it("is off by default: the account total decides", () => {
    const r = select(led, "2026-01-15");
    // P: 5 000,00 ≥ 2 × 2 000,00 on the total
    expect(r.candidates.map((c) => c.account)).toEqual(["P"]);
    expect(r.ruleText).toContain("по сумме всех услуг");
  });

  it("applies the rule to each service and names it", () => {
    const r = select(led, "2026-01-15", { mode: "service" });
    expect(r.candidates.map((c) => c.account)).toEqual(["S"]);
    const s = r.candidates[0];
    expect(s.service).toBe("Отопление");
    expect(sp(s.reason)).toBe("по услуге «Отопление»: долг 2 500,00 ≥ 2 × 1 000,00 (среднее за 12 мес.)");
    expect(s.principal).toBe(250_000);
    expect(r.rule.mode).toBe("service");
    expect(r.ruleText).toContain("по каждой услуге");
  });
});

describe("exclusions and warnings", () => {
  const base = { charged: 1_200_000, closing: 300_000 }; // average 1 000,00, debt 3 000,00
  const run = (a: Parameters<typeof account>[0], register?: RegisterEntry[], settings?: Partial<CandidateSettings>) =>
    select(year([{ ...base, ...a }]), "2026-01-15", settings, register);

  it("excludes a debt already in the register for an overlapping period with an open case", () => {
    const r = run({ account: "001" }, [
      entry({
        account: "001",
        periodFrom: "2025-06",
        periodTo: "2026-02",
        caseNumber: "2-15/2026",
        status: "приказ вынесен",
      }),
    ]);
    expect(r.candidates).toEqual([]);
    expect(r.excluded[0].reasons[0]).toContain("уже в реестре взыскания");
    expect(r.excluded[0].reasons[0]).toContain("дело № 2-15/2026");
  });

  it("keeps a candidate whose register rows cover other periods or were returned by the court", () => {
    const r = run({ account: "001" }, [
      entry({ account: "001", periodFrom: "2023-01", periodTo: "2023-12", status: "окончено — оплачено" }),
      entry({ account: "001", periodFrom: "2025-01", periodTo: "2025-12", status: "возвращено судом" }),
    ]);
    expect(r.candidates.map((c) => c.account)).toEqual(["001"]);
  });

  it("treats a register row without a period as covering the debt", () => {
    const r = run({ account: "001" }, [entry({ account: "001", status: "подано" })]);
    expect(r.excluded[0].reasons[0]).toContain("период не указан");
  });

  it("routes a debt whose order was cancelled to a lawsuit", () => {
    const r = run({ account: "001" }, [
      entry({
        account: "001",
        periodFrom: "2025-01",
        periodTo: "2025-06",
        orderDate: "2025-08-01",
        cancelDate: "2025-09-01",
        status: "приказ отменён",
      }),
    ]);
    const c = r.candidates[0];
    expect(c.route).toBe("lawsuit");
    expect(c.warnings.join("\n")).toContain("отменён 01.09.2025");
    expect(c.warnings.join("\n")).toContain("нужен иск");
    // a lawsuit pays the full claim duty: up to 100 000 ₽ → 4 000 ₽
    expect(c.stateDuty).toBe(400_000);
  });

  it("lists what ГПК 124 requires and the ledger lacks", () => {
    const r = run({
      account: "001",
      name: "Соколова Е.В.",
      address: "",
      birthDate: undefined,
      birthPlace: undefined,
      snils: undefined,
    });
    expect(r.candidates[0].warnings).toContain(
      "не хватает данных для заявления (ГПК 124): полное ФИО (в реестре инициалы), адрес, дата рождения, место рождения, идентификатор (СНИЛС, ИНН или паспорт)",
    );
    const full = run({ account: "002" });
    expect(full.candidates[0].warnings).toEqual([NO_PENALTY_WARNING]);
  });

  it("warns about several owners without shares", () => {
    const several = run({ account: "001", name: "Соколова Елена Викторовна, Соколов Виктор Петрович" });
    expect(several.candidates[0].warnings.join("\n")).toContain("несколько собственников без долей");
    const withShares = run({ account: "002", name: "Соколова Елена Викторовна (1/2), Соколов Виктор Петрович (1/2)" });
    expect(withShares.candidates[0].warnings.join("\n")).not.toContain("несколько собственников");
    const shareColumn = run({
      account: "003",
      name: "Соколова Елена Викторовна, Соколов Виктор Петрович",
      share: "1/2; 1/2",
    });
    expect(shareColumn.candidates[0].warnings.join("\n")).not.toContain("несколько собственников");
  });

  it("does not route heirs, the deceased or bankrupts to a court order", () => {
    for (const [name, word] of [
      ["Наследники Соколовой Елены Викторовны", "наследники"],
      ["Петров Пётр Петрович (умер)", "умер"],
      ["Сидоров Сидор Сидорович — банкрот", "банкрот"],
    ]) {
      const c = run({ account: "001", name }).candidates[0];
      expect(c.route, name).toBe("lawsuit");
      expect(c.warnings.join("\n"), name).toContain(`«${word}»`);
    }
  });

  it("excludes claims below the minimal amount", () => {
    const r = select(
      year([
        { account: "A", ...base },
        { account: "B", charged: 1_200_000, closing: 600_000 },
      ]),
      "2026-01-15",
      { minClaim: 500_000 },
    );
    expect(r.candidates.map((c) => c.account)).toEqual(["B"]);
    expect(sp(r.excluded[0].reasons[0])).toBe("требование 3 000,00 ₽ меньше порога 5 000,00 ₽ (настройка)");
  });

  it("warns when the ledger itself already names a case", () => {
    const c = run({ account: "001", caseNumber: "2-99/2025" }).candidates[0];
    expect(c.warnings.join("\n")).toContain("дело № 2-99/2025");
  });
});

describe("reading the debtor's name", () => {
  it("does not mistake surnames for marks or legal forms", async () => {
    const { nameFlags, isLegalEntity, severalOwnersWithoutShares, hasOnlyInitials } =
      await import("../../../src/domain/courtOrder");
    expect(nameFlags("Умеров Руслан Ильич")).toEqual([]);
    expect(nameFlags("Иванов И.И. (умерла 03.02.2024)")).toHaveLength(1);
    expect(isLegalEntity("Ипатов Иван Ильич")).toBe(false);
    expect(isLegalEntity("Администрация Белоярского района")).toBe(true);
    expect(isLegalEntity("МУП «Теплосети»")).toBe(true);
    expect(severalOwnersWithoutShares("Иванов Иван Иванович и Иванова Мария Петровна")).toBe(true);
    expect(severalOwnersWithoutShares("ООО «Рога и копыта»")).toBe(false);
    expect(hasOnlyInitials("Соколова Е. В.")).toBe(true);
    expect(hasOnlyInitials("Соколова Елена Викторовна")).toBe(false);
  });
});

describe("overdue debt only (setting «Только просроченный долг», off by default)", () => {
  // 01–04.2025, 1 000,00 charged a month. Due dates (ЖК 155 ч. 1, ГК 193): 10.02, 10.03, 10.04 (Thursday),
  // 12.05.2025 (10.05 is a Saturday). Average over the 4 months: 1 000,00; 2 × average = 2 000,00.
  const c = 100_000;
  const led = monthlyLedger([
    monthlyAccount({
      account: "A",
      months: months("2025-01", [
        [c, 0],
        [c, 0],
        [c, 0],
        [c, 0],
      ]),
    }),
    // paid January and February: the closing debt is March + April = 2 000,00, of which only March is overdue
    monthlyAccount({
      account: "B",
      months: months("2025-01", [
        [c, c],
        [c, c],
        [c, 0],
        [c, 0],
      ]),
    }),
  ]);

  it("by default takes the closing debt (the issue's rule) and says that April is not due yet", () => {
    const r = select(led, "2025-04-30");
    // A: 4 000,00; B: 2 000,00 = 2 × 1 000,00 → both selected
    expect(r.candidates.map((x) => [x.account, x.debt, x.principal, x.periodTo])).toEqual([
      ["A", 400_000, 400_000, "2025-04"],
      ["B", 200_000, 200_000, "2025-04"],
    ]);
    const note = sp(r.assumptions.join("\n"));
    expect(note).toContain("04.2025");
    expect(note).toContain("12.05.2025");
    expect(note).toContain("«Только просроченный долг»");
  });

  it("counts only debt whose due date has passed, in the rule and in the claim", () => {
    const r = select(led, "2025-04-30", { overdueOnly: true });
    // A: January–March overdue = 3 000,00 ≥ 2 000,00 → selected; April (due 12.05) left out of the claim.
    // B: only March overdue = 1 000,00 < 2 000,00 → not selected.
    expect(r.candidates.map((x) => x.account)).toEqual(["A"]);
    const a = r.candidates[0];
    expect([a.debt, a.principal, a.periodFrom, a.periodTo]).toEqual([300_000, 300_000, "2025-01", "2025-03"]);
    // penalties as in the claim-composition test: 15,5166… + 6,65 = 22,1666… → 22,17 (April had none anyway)
    expect([a.penalty, a.claim]).toEqual([2_217, 302_217]);
    expect(sp(a.reason)).toBe("долг 3 000,00 ≥ 2 × 1 000,00 (среднее за 4 мес.)");
    expect(r.assumptions.join("\n")).toContain("только просроченный долг");
  });

  it("a month is overdue from the day after its due date", () => {
    // as of 10.04.2025 (March's due date): A's overdue debt is January + February = 2 000,00 = 2 × 1 000,00 → selected
    // exactly; B has nothing overdue. As of 11.04.2025 March is overdue too: A 3 000,00, B 1 000,00.
    const on = select(led, "2025-04-10", { overdueOnly: true });
    expect(on.candidates.map((x) => [x.account, x.debt])).toEqual([["A", 200_000]]);
    const after = select(led, "2025-04-11", { overdueOnly: true });
    expect(after.candidates.map((x) => [x.account, x.debt])).toEqual([["A", 300_000]]);
  });

  it("cannot separate overdue debt in a one-row-per-account ledger and says so", () => {
    const r = select(
      perAccountLedger("2025-01-01", "2025-04-30", [account({ account: "A", charged: 400_000, closing: 400_000 })]),
      "2025-04-30",
      {
        overdueOnly: true,
      },
    );
    expect(r.candidates[0].debt).toBe(400_000);
    expect(r.assumptions.join("\n")).toContain("просроченный долг не выделить");
  });
});

describe("matching the register the clerk keeps", () => {
  const base = { charged: 1_200_000, closing: 300_000 };
  const run = (register: RegisterEntry[]) =>
    select(year([{ account: "0012345", ...base }]), "2026-01-15", undefined, register);

  it("finds the account when the clerk's register lost its leading zeros (a number cell)", () => {
    const r = run([
      entry({ account: "12345", periodFrom: "2025-01", periodTo: "2025-12", caseNumber: "2-7/2026", status: "подано" }),
    ]);
    expect(r.candidates).toEqual([]);
    expect(r.excluded[0].reasons[0]).toContain("дело № 2-7/2026");
  });

  it("treats a row whose order was cancelled and a lawsuit then filed as an open case, not a new lawsuit to file", () => {
    const r = run([
      entry({
        account: "0012345",
        periodFrom: "2025-01",
        periodTo: "2025-06",
        cancelDate: "2025-09-01",
        statusText: "иск подан",
        status: "иск подан",
      }),
    ]);
    expect(r.candidates).toEqual([]);
    expect(r.excluded[0].reasons[0]).toContain("«иск подан»");
  });
});

describe("limitation where the ledger cannot show the months", () => {
  it("warns that the opening balance's age is unknown when it is part of the claim", () => {
    // opening 5 000,00 + 01–02.2025 1 000,00 each, paid 1 000,00 in February (goes to the opening first, ГК 319.1):
    // unpaid: opening 4 000,00, January 1 000,00, February 1 000,00 → 6 000,00 ≥ 2 × 1 000,00
    const c = 100_000;
    const ms = months("2025-01", [
      [c, 0],
      [c, c],
    ]);
    ms[0].opening = 500_000;
    const r = select(monthlyLedger([monthlyAccount({ account: "X", opening: 500_000, months: ms })]), "2025-03-20");
    const x = r.candidates[0];
    expect(x.principal).toBe(600_000);
    expect(sp(x.warnings.join("\n"))).toContain("входящее сальдо 4 000,00 ₽");
    // an opening balance paid off by the payments raises no warning
    const paid = months("2025-01", [
      [c, 500_000],
      [c, 0],
    ]);
    paid[0].opening = 500_000;
    const y = select(monthlyLedger([monthlyAccount({ account: "Y", opening: 500_000, months: paid })]), "2025-03-20")
      .candidates[0];
    expect(y.principal).toBe(200_000);
    expect(y.warnings.join("\n")).not.toContain("входящее сальдо");
  });

  it("does not claim to have excluded time-barred debt from a one-row-per-account ledger", () => {
    const r = select(
      perAccountLedger("2025-01-01", "2025-12-31", [account({ account: "A", charged: 1_200_000, closing: 300_000 })]),
      "2026-01-15",
    );
    const text = r.assumptions.join("\n");
    expect(text).not.toContain("исключён из требования");
    expect(text).toContain("срок исковой давности не проверен");
  });
});

describe("a hand-kept register without account numbers", () => {
  const base = { charged: 1_200_000, closing: 300_000 };
  it("matches its rows by the debtor's full name and says so", () => {
    const r = select(
      year([
        { account: "0012345", name: "Соколова Елёна Викторовна", ...base },
        { account: "0012346", name: "Соколов Виктор Петрович", ...base },
      ]),
      "2026-01-15",
      undefined,
      [
        entry({
          account: "",
          debtor: "СОКОЛОВА ЕЛЁНА  ВИКТОРОВНА",
          caseNumber: "2-15/2025",
          status: "приказ вынесен",
          row: 8,
        }),
      ],
    );
    expect(r.candidates.map((c) => c.account)).toEqual(["0012346"]);
    expect(r.excluded[0].account).toBe("0012345");
    expect(r.excluded[0].reasons[0]).toContain("дело № 2-15/2025");
    expect(r.excluded[0].reasons[0]).toContain("по ФИО");
  });
});

describe("register rows without a period", () => {
  const base = { account: "001", charged: 1_200_000, closing: 300_000 }; // the claim covers 01–12.2025
  it("dates an old case by its filing or order date: a 2023 order cannot cover the 2025 debt", () => {
    const old = entry({
      account: "001",
      orderDate: "2023-02-01",
      caseNumber: "2-1/2023",
      status: "окончено — оплачено",
    });
    expect(select(year([base]), "2026-01-15", undefined, [old]).candidates.map((c) => c.account)).toEqual(["001"]);
    // an order of 01.08.2025 may cover January–July 2025: excluded
    const recent = entry({ account: "001", orderDate: "2025-08-01", caseNumber: "2-9/2025", status: "приказ вынесен" });
    expect(select(year([base]), "2026-01-15", undefined, [recent]).excluded[0].reasons[0]).toContain("дело № 2-9/2025");
  });
});

describe("what the clerk is told about the data behind the rule", () => {
  it("says when debts pass only because nothing was charged in the window", () => {
    // B: charged 12 000,00, debt 3 000,00 ≥ 2 × 1 000,00; A: nothing charged, debt 500,00 passes with any debt
    const r = select(
      year([
        { account: "A", charged: 0, closing: 50_000 },
        { account: "B", charged: 1_200_000, closing: 300_000 },
      ]),
      "2026-01-15",
    );
    expect(r.candidates).toHaveLength(2);
    expect(r.assumptions.join("\n")).toContain("у 1 кандидата за окно усреднения ничего не начислено");
  });

  it("warns that a one-row ledger made up after the as-of date shows a later debt", () => {
    const r = select(year([{ account: "B", charged: 1_200_000, closing: 300_000 }]), "2025-10-31");
    expect(r.assumptions.join("\n")).toContain("реестр составлен по 31.12.2025 — позже даты расчёта 31.10.2025");
    expect(
      select(year([{ account: "B", charged: 1_200_000, closing: 300_000 }]), "2026-01-15").assumptions.join("\n"),
    ).not.toContain("позже даты расчёта");
  });

  it("warns that a «Пени» line of the ledger is inside the debt claimed as principal", () => {
    const led = perAccountLedger("2025-01-01", "2025-12-31", [
      account({
        account: "P",
        charged: 1_200_000,
        closing: 350_000,
        services: [service("Содержание жилья", 1_200_000, 300_000), service("Пени", 0, 50_000)],
      }),
    ]);
    const c = select(led, "2026-01-15").candidates[0];
    expect(c.principal).toBe(350_000);
    expect(sp(c.warnings.join("\n"))).toContain("в долг входят пени по строке «Пени» реестра: 500,00 ₽");
  });
});

describe("advances in monthly ledgers", () => {
  it("never selects an account that paid ahead, however large its charges", () => {
    // 01–03.2025, 1 000,00 a month; paid 4 000,00 in January: balance 3 000,00 − 4 000,00 = −1 000,00 (advance)
    const c = 100_000;
    const led = monthlyLedger([
      monthlyAccount({
        account: "A",
        months: months("2025-01", [
          [c, 400_000],
          [c, 0],
          [c, 0],
        ]),
      }),
    ]);
    const r = select(led, "2025-04-20");
    expect(r.candidates).toEqual([]);
    expect(r.excluded).toEqual([]);
  });
});

describe("statuses that decide the route", () => {
  const base = { account: "001", charged: 1_200_000, closing: 300_000 };
  const run = (e: Partial<RegisterEntry>) =>
    select(year([base]), "2026-01-15", undefined, [
      entry({ account: "001", periodFrom: "2025-01", periodTo: "2025-12", ...e }),
    ]);

  it("sends a debt whose court order was refused (ГПК 125) to a lawsuit, not to a new order", () => {
    const r = run({ status: "отказано", statusText: "отказано в принятии", caseNumber: "М-5/2025" });
    const c = r.candidates[0];
    expect(c.route).toBe("lawsuit");
    expect(c.warnings.join("\n")).toContain("отказано в выдаче судебного приказа");
    expect(c.warnings.join("\n")).toContain("ГПК 125");
    // a stateDuty for a lawsuit: up to 100 000 ₽ → 4 000 ₽ (НК 333.19)
    expect(c.stateDuty).toBe(400_000);
  });

  it("lets a returned application be filed again as a court order", () => {
    expect(run({ status: "возвращено судом" }).candidates[0].route).toBe("court-order");
  });
});

describe("penalties count towards the court-order limit", () => {
  it("sends a principal under 500 000 ₽ to a lawsuit when the penalties take the claim over it", () => {
    // 01–04.2025, 124 500,00 a month unpaid, as of 30.04.2025: principal 498 000,00.
    // Penalties (rate 9,5 %): January 49 days at 1/300 → 124 500 × 0,095 × 49/300 = 1 931,825;
    // February 21 days → 124 500 × 0,095 × 21/300 = 827,925; total 2 759,75. Claim 500 759,75 > 500 000 → lawsuit.
    // Duty for a claim (НК 333.19): 15 000 + 2 % × 759,75 = 15 015,195 → 15 015 (whole roubles).
    const c = 12_450_000;
    const led = monthlyLedger([
      monthlyAccount({
        account: "A",
        months: months("2025-01", [
          [c, 0],
          [c, 0],
          [c, 0],
          [c, 0],
        ]),
      }),
    ]);
    const x = select(led, "2025-04-30").candidates[0];
    expect([x.principal, x.penalty, x.claim, x.route, x.stateDuty]).toEqual([
      49_800_000,
      275_975,
      50_075_975,
      "lawsuit",
      1_501_500,
    ]);
    expect(sp(x.warnings.join("\n"))).toContain("требование 500 759,75 ₽ больше 500 000,00 ₽");
  });
});
