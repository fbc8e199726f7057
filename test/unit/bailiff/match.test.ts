import { describe, expect, it } from "vitest";
import {
  decisionKey,
  documentKey,
  NOT_OPENED_RULES,
  notOpenedAfterDays,
  overdueForOpening,
  parseBailiffRegister,
  reconcile,
  type LedgerFacts,
  type MatchTarget,
  type ReconcileInput,
} from "../../../src/domain/bailiff";
import { bailiffScenario, renderShape, OUR_INN as GEN_INN, type PasteShape } from "../../generators/bailiffRegister";
import { OUR_INN, asGenerated } from "../../fixtures/bailiff/records";

function target(o: Partial<MatchTarget> & Pick<MatchTarget, "id" | "account" | "debtor" | "documentRaw">): MatchTarget {
  return {
    documentKey: documentKey(o.documentRaw),
    documentSuffix: "",
    ipKey: null,
    birthDate: null,
    addressKey: null,
    amount: null,
    orderDate: null,
    fsspDate: null,
    registerRow: 2,
    registerStatus: "направлено в ССП",
    ...o,
  };
}

const SOKOLOVA = target({
  id: "0012001/2022-01-2022-10",
  account: "0012001",
  debtor: "Соколова Е.В.",
  documentRaw: "2-15/2023",
  orderDate: "2023-01-10",
  amount: 2543012,
  fsspDate: "2023-02-20",
  registerRow: 2,
});
const ORLOVA = target({
  id: "0012002/2023-01-2023-09",
  account: "0012002",
  debtor: "Орлова М.Д.",
  documentRaw: "ФС № 012345678",
  orderDate: "2023-12-01",
  amount: 6120400,
  fsspDate: "2024-01-10",
  registerRow: 3,
});
const ROMASHKA = target({
  id: "0012003/2024-01-2024-06",
  account: "0012003",
  debtor: 'ООО "Ромашка"',
  documentRaw: "2-345/2024",
  orderDate: "2024-12-20",
  registerRow: 4,
});
const SENT_LONG_AGO = target({
  id: "0012004/2025-01-2025-12",
  account: "0012004",
  debtor: "Зайцев И.П.",
  documentRaw: "2-500/2026",
  fsspDate: "2026-09-01",
  registerRow: 5,
});
const SENT_RECENTLY = target({
  id: "0012005/2025-01-2025-12",
  account: "0012005",
  debtor: "Кузнецов А.А.",
  documentRaw: "2-501/2026",
  fsspDate: "2026-11-20",
  registerRow: 6,
});
const TARGETS = [SOKOLOVA, ORLOVA, ROMASHKA, SENT_LONG_AGO, SENT_RECENTLY];

function run(ledger: Map<string, LedgerFacts> = new Map(), extra: Partial<ReconcileInput> = {}) {
  return reconcile({
    register: parseBailiffRegister(renderShape(asGenerated(), "A")),
    targets: TARGETS,
    ledger,
    ourInn: OUR_INN,
    asOf: "2026-11-30",
    ...extra,
  });
}

describe("statuses on the hand-written register", () => {
  it("every proceeding gets its status, match and action", () => {
    const r = run();
    const rows = r.results.map((x) => [
      x.proceeding.ip,
      x.ambiguous ? "ambiguous" : x.status,
      x.target?.account ?? null,
    ]);
    expect(rows).toEqual([
      ["12345/23/86004-ИП", "returned", "0012001"],
      ["2345/24/86004-ИП", "active", "0012002"],
      ["987/25/86004-ИП", "active", "0012001"],
      ["4321/24/86004-ИП", "ambiguous", "0012001"],
      ["55555/22/86004-ИП", "other-creditor", null],
      ["777/25/86004-ИП", "executed", "0012003"],
    ]);
    // returned under ст. 46 ч. 1 п. 4 on 31.05.2024: again from +6 months (ст. 46 ч. 5), within 3 years of the
    // end decree (ст. 21, 22 ч. 3); it was in fact presented again on 10.01.2025
    const returned = r.results[0];
    expect([returned.representFrom, returned.deadline, returned.representedBy]).toEqual([
      "2024-11-30",
      "2027-05-31",
      "987/25/86004-ИП",
    ]);
    expect(returned.action).toBe("уже предъявлен повторно (ИП 987/25/86004-ИП)");
    expect(r.results[3].ambiguous?.reason).toBe("fee-only");
    expect(r.results[4].evidence[0]).toMatch(/ИНН взыскателя 7707083893 — не наш/);
    expect(r.results[1].evidence).toContain("№ документа ФС012345678 есть в реестре взыскания");
  });

  it("register updates: the newest proceeding per case, the re-presentation date, statuses", () => {
    const r = run();
    expect(
      r.updates.map((u) => [u.target.account, u.ip, u.ipDate, u.status, u.endDate, u.endReason, u.representDate]),
    ).toEqual([
      ["0012001", "987/25/86004-ИП", "2025-01-10", "повторно предъявлено", null, "", "2025-01-10"],
      ["0012002", "2345/24/86004-ИП", "2024-01-22", "ИП возбуждено", null, "", null],
      ["0012003", "777/25/86004-ИП", "2025-03-03", "окончено — оплачено", "2025-08-12", "ст. 47 ч. 1 п. 1", null],
    ]);
  });

  it("sent to the bailiffs more than 30 days ago with no proceeding: «Не возбуждено»", () => {
    const r = run();
    expect(r.notOpened.map((n) => [n.target.account, n.daysSinceSent])).toEqual([["0012004", 90]]);
  });

  it("the «Не возбуждено» days come from the dated rules table, and a run may set its own", () => {
    expect(notOpenedAfterDays("2026-11-30")).toBe(30);
    expect(NOT_OPENED_RULES.every((r) => /229-ФЗ ст\. 30/.test(r.basis))).toBe(true);
    // more than 30 days: sent 31.10.2026 is not yet overdue on 30.11.2026, sent 30.10.2026 is
    expect(overdueForOpening("2026-10-31", "2026-11-30")).toBe(false);
    expect(overdueForOpening("2026-10-30", "2026-11-30")).toBe(true);
    expect(overdueForOpening(null, "2026-11-30")).toBe(false);
    // sent 90 days ago: within a 120-day setting it is still waiting; with 5 days the recent one is late too
    expect(run(new Map(), { notOpenedAfterDays: 120 }).notOpened).toEqual([]);
    expect(run(new Map(), { notOpenedAfterDays: 5 }).notOpened.map((n) => [n.target.account, n.daysSinceSent])).toEqual(
      [
        ["0012004", 90],
        ["0012005", 10],
      ],
    );
  });

  it("paid directly: a payment after the order covering its amount, and the balance no longer holds the debt", () => {
    const paid = run(new Map([["0012002", { closing: 0, lastPaymentDate: "2026-10-15", lastPaymentAmount: 6200000 }]]));
    const orlova = paid.results[1];
    expect([orlova.status, orlova.paidDirect]).toEqual(["paid-directly", { amount: 6200000, date: "2026-10-15" }]);
    expect(paid.paidDirectTotal).toBe(6200000);
    // a small payment is not enough; nor is a large one while the balance still holds the debt
    const small = run(
      new Map([["0012002", { closing: 5800000, lastPaymentDate: "2026-10-15", lastPaymentAmount: 320000 }]]),
    );
    expect(small.results[1].status).toBe("active");
    const stillOwes = run(
      new Map([["0012002", { closing: 6500000, lastPaymentDate: "2026-10-15", lastPaymentAmount: 6200000 }]]),
    );
    expect(stillOwes.results[1].status).toBe("active");
    // a payment before the order date does not count; monthly payments after it do
    const before = run(
      new Map([["0012002", { closing: 0, lastPaymentDate: "2023-11-01", lastPaymentAmount: 6200000 }]]),
    );
    expect(before.results[1].status).toBe("active");
    const monthly = run(
      new Map([
        [
          "0012002",
          {
            closing: 10000,
            months: [
              { period: "2025-03", paid: 200000 },
              { period: "2025-04", paid: 6150000 },
            ],
          },
        ],
      ]),
    );
    expect([monthly.results[1].status, monthly.results[1].paidDirect]).toEqual([
      "paid-directly",
      { amount: 6150000, date: "2025-04-01" },
    ]);
  });

  it("clerk decisions are applied: a confirmed fee proceeding matches, a rejected one is another creditor's", () => {
    const base = run();
    const fee = base.results[3].proceeding;
    const confirmed = run(new Map(), {
      decisions: new Map([[decisionKey(fee), { decision: "confirm", target: SOKOLOVA.id }]]),
    });
    expect([confirmed.results[3].ambiguous, confirmed.results[3].target?.id, confirmed.results[3].evidence]).toEqual([
      null,
      SOKOLOVA.id,
      ["подтверждено сотрудником"],
    ]);
    const rejected = run(new Map(), { decisions: new Map([[decisionKey(fee), { decision: "reject" }]]) });
    expect(rejected.results[3].status).toBe("other-creditor");
  });

  it("namesakes without a document of ours go to the clerk; a different gender form never matches", () => {
    const register = parseBailiffRegister(renderShape([asGenerated()[1]], "A"));
    register.proceedings[0].document.key = null;
    const twins = [
      target({ id: "a", account: "1", debtor: "Орлова М.Д.", documentRaw: "" }),
      target({ id: "b", account: "2", debtor: "Орлова Мария Дмитриевна", documentRaw: "" }),
    ];
    const r = reconcile({ register, targets: twins, ledger: new Map(), ourInn: OUR_INN, asOf: "2026-11-30" });
    expect(r.results[0].ambiguous?.reason).toBe("name-only");
    const husband = [target({ id: "c", account: "3", debtor: "Орлов М.Д.", documentRaw: "" })];
    const r2 = reconcile({ register, targets: husband, ledger: new Map(), ourInn: OUR_INN, asOf: "2026-11-30" });
    expect([r2.results[0].status, r2.results[0].ambiguous]).toEqual(["other-creditor", null]);
  });

  it("name and birth date match without a document number", () => {
    const register = parseBailiffRegister(renderShape([asGenerated()[1]], "C"));
    register.proceedings[0].document.key = null;
    const t = target({ id: "x", account: "9", debtor: "Орлова М.Д.", documentRaw: "", birthDate: "1975-07-03" });
    const r = reconcile({ register, targets: [t], ledger: new Map(), ourInn: "", asOf: "2026-11-30" });
    expect([r.results[0].target?.id, r.results[0].score, r.results[0].evidence]).toEqual([
      "x",
      0.9,
      ["ФИО совпадает по инициалам", "дата рождения совпадает"],
    ]);
  });
});

describe("matching quality against hand-made truth (seeded generator)", () => {
  const cases: [number, PasteShape][] = [
    [1, "A"],
    [2, "B"],
    [3, "C"],
    [4, "D"],
    [5, "E"],
  ];
  for (const [seed, shape] of cases) {
    it(`seed ${seed}, shape ${shape}: precision ≥ 0.99, recall ≥ 0.97`, () => {
      const sc = bailiffScenario(seed, 300);
      const register = parseBailiffRegister(renderShape(sc.records, shape));
      expect(register.proceedings).toHaveLength(sc.records.length);
      const r = reconcile({ register, targets: sc.targets, ledger: new Map(), ourInn: GEN_INN, asOf: "2026-11-30" });
      let tp = 0;
      let fp = 0;
      let positives = 0;
      r.results.forEach((res, i) => {
        const truth = sc.records[i].truth;
        if (truth) positives += 1;
        if (res.ambiguous || !res.target || res.status === "other-creditor") return;
        if (res.target.id === truth) tp += 1;
        else fp += 1;
      });
      const traps = sc.records.filter((x) => x.truth === null).length;
      expect(traps).toBeGreaterThan(20);
      expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.99);
      expect(tp / positives).toBeGreaterThanOrEqual(0.97);
    });
  }
});
