/**
 * Property: a randomly generated clean ledger has no findings at all (so no errors), and planting one defect of a
 * kind yields exactly that finding at the planted row. The generator varies the shape: title block, one- or
 * two-level header (Долг/Аванс), numbers or text numbers with NBSP, identifiers with leading zeros, house group rows
 * and «Итого по дому» rows, СНИЛС/ИНН columns.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { recognizeLedger, validateLedger, type LedgerRuleCode } from "../../../src/domain/ledger";
import { formatKopecksRu } from "../../../src/domain/money";
import { gridOf, type GridCell } from "../../fixtures/ledgers";

interface Acc {
  id: string;
  name: string;
  address: string;
  snils: string;
  inn: string;
  opening: number;
  charged: number;
  paid: number;
  closing: number;
}

interface Shape {
  twoLevel: boolean;
  textNumbers: boolean;
  ids: boolean;
  houseSize: number;
}

const SURNAMES = ["Соколова", "Орлов", "Петрова", "Кузнецов", "Смирнова", "Волков", "Зайцева", "Морозов"];
const INITIALS = ["А", "В", "Е", "И", "Н", "О", "П", "С"];

function snilsWithCheck(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (9 - i);
  if (sum > 101) sum %= 101;
  const check = sum === 100 || sum === 101 ? 0 : sum;
  return `${nine.slice(0, 3)}-${nine.slice(3, 6)}-${nine.slice(6, 9)} ${String(check).padStart(2, "0")}`;
}

function innWithCheck(ten: string): string {
  const w11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const w12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const d11 = (w11.reduce((s, w, i) => s + w * Number(ten[i]), 0) % 11) % 10;
  const eleven = ten + d11;
  const d12 = (w12.reduce((s, w, i) => s + w * Number(eleven[i]), 0) % 11) % 10;
  return eleven + d12;
}

const accountArb = fc.record({
  surname: fc.constantFrom(...SURNAMES),
  i1: fc.constantFrom(...INITIALS),
  i2: fc.constantFrom(...INITIALS),
  flat: fc.integer({ min: 1, max: 300 }),
  snils9: fc.integer({ min: 2_000_000, max: 999_999_999 }).map((n) => String(n).padStart(9, "0")),
  inn10: fc.integer({ min: 0, max: 99_999_999 }).map((n) => "86" + String(n).padStart(8, "0")),
  opening: fc.integer({ min: -500_000, max: 10_000_000 }),
  charged: fc.integer({ min: 1, max: 2_000_000 }),
  paid: fc.integer({ min: 0, max: 3_000_000 }),
});

const ledgerArb = fc
  .record({
    accounts: fc.array(accountArb, { minLength: 3, maxLength: 25 }),
    firstId: fc.integer({ min: 1, max: 900_000 }),
    zeros: fc.boolean(),
    shape: fc.record({
      twoLevel: fc.boolean(),
      textNumbers: fc.boolean(),
      ids: fc.boolean(),
      houseSize: fc.integer({ min: 2, max: 30 }),
    }),
  })
  .map(({ accounts, firstId, zeros, shape }) => {
    const accs: Acc[] = accounts.map((a, i) => ({
      id: zeros ? String(firstId + i).padStart(8, "0") : String(firstId + i),
      name: `${a.surname} ${a.i1}.${a.i2}.`,
      address: `ул. Лесная, д. 4, кв. ${a.flat}`,
      snils: snilsWithCheck(a.snils9),
      inn: innWithCheck(a.inn10),
      opening: a.opening,
      charged: a.charged,
      paid: a.paid,
      closing: a.opening + a.charged - a.paid,
    }));
    return { accs, shape: shape as Shape };
  });

const NBSP = "\u00a0";
function amount(k: number, shape: Shape): GridCell {
  if (!shape.textNumbers) return k / 100;
  const t = formatKopecksRu(k).replace(/\u00a0/g, NBSP);
  return { v: t, t, f: "@" };
}

/** Render the ledger; returns the grid and each account's 1-based Excel row. */
function render(accs: Acc[], shape: Shape, title = "Оборотная ведомость по лицевым счетам за Март 2024 г.") {
  const rows: GridCell[][] = [["ООО «УК Пример»"], [title], []];
  const idCols = shape.ids ? ["СНИЛС", "ИНН"] : [];
  if (shape.twoLevel) {
    rows.push([
      "Л/С",
      "Собственник",
      "Адрес",
      ...idCols,
      "Сальдо на начало",
      null,
      "Начислено",
      "Оплачено",
      "Сальдо на конец",
      null,
    ]);
    rows.push([null, null, null, ...idCols.map(() => null), "Долг", "Аванс", null, null, "Долг", "Аванс"]);
  } else {
    rows.push([
      "Лицевой счёт",
      "ФИО",
      "Адрес",
      ...idCols,
      "Сальдо на начало",
      "Начислено",
      "Оплачено",
      "Сальдо на конец",
    ]);
  }
  const accRow: number[] = [];
  const balance = (k: number): GridCell[] =>
    shape.twoLevel ? [k > 0 ? amount(k, shape) : null, k < 0 ? amount(-k, shape) : null] : [amount(k, shape)];
  accs.forEach((a, i) => {
    if (i % shape.houseSize === 0) rows.push([`ул. Лесная, д. ${4 + i}`]);
    accRow.push(rows.length + 1);
    rows.push([
      a.id === "" ? null : { v: a.id, f: "@" },
      a.name === "" ? null : a.name,
      a.address === "" ? null : a.address,
      ...(shape.ids
        ? [
            { v: a.snils, f: "@" },
            { v: a.inn, f: "@" },
          ]
        : []),
      ...balance(a.opening),
      typeof a.charged === "string" ? { v: a.charged, f: "@" } : amount(a.charged, shape),
      amount(a.paid, shape),
      ...balance(a.closing),
    ]);
    if (i % shape.houseSize === shape.houseSize - 1)
      rows.push([null, null, "Итого по дому", ...idCols.map(() => null), amount(123456, shape)]);
  });
  rows.push(["Итого", null, null, ...idCols.map(() => null), amount(999999, shape)]);
  const merges = shape.twoLevel ? [] : undefined;
  return { grid: gridOf(rows, { sheet: "ОСВ", merges }), accRow, idOffset: idCols.length };
}

function findings(grid: ReturnType<typeof render>["grid"]) {
  return validateLedger(recognizeLedger(grid), { today: "2026-11-28" });
}

describe("property: clean ledgers", () => {
  it("a randomly generated clean ledger has no findings", () => {
    fc.assert(
      fc.property(ledgerArb, ({ accs, shape }) => {
        const { grid } = render(accs, shape);
        const ledger = recognizeLedger(grid);
        expect(ledger.rows.data).toBe(accs.length);
        expect(ledger.accounts.map((a) => a.account)).toEqual(accs.map((a) => a.id));
        expect(ledger.accounts.map((a) => a.closing)).toEqual(accs.map((a) => a.closing));
        expect(findings(grid)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

type Defect = { code: LedgerRuleCode; plant: (accs: Acc[], i: number) => Acc[]; title?: string; atTitle?: boolean };

const edit = (accs: Acc[], i: number, change: Partial<Acc>) => accs.map((a, j) => (j === i ? { ...a, ...change } : a));

const DEFECTS: Defect[] = [
  { code: "account.missing", plant: (accs, i) => edit(accs, i, { id: "" }) },
  { code: "account.duplicate", plant: (accs, i) => edit(accs, Math.max(i, 1), { id: accs[Math.max(i, 1) - 1].id }) },
  { code: "amount.invalid", plant: (accs, i) => edit(accs, i, { charged: "12,3,4" as unknown as number }) },
  { code: "balance.mismatch", plant: (accs, i) => edit(accs, i, { closing: accs[i].closing + 2 + (i % 5) * 1000 }) },
  { code: "name.missing", plant: (accs, i) => edit(accs, i, { name: "" }) },
  { code: "address.missing", plant: (accs, i) => edit(accs, i, { address: "" }) },
  {
    code: "charge.negative",
    plant: (accs, i) =>
      edit(accs, i, { charged: -accs[i].charged, closing: accs[i].opening - accs[i].charged - accs[i].paid }),
  },
  {
    code: "debt.no-charges",
    plant: (accs, i) => edit(accs, i, { opening: 10000 + i, charged: 0, paid: 0, closing: 10000 + i }),
  },
  { code: "owners.no-shares", plant: (accs, i) => edit(accs, i, { name: `${accs[i].name}, Орлова Н.П.` }) },
  {
    code: "period.invalid",
    plant: (accs) => accs,
    title: "Оборотная ведомость за период 31.03.2024 - 01.03.2024",
    atTitle: true,
  },
  { code: "period.future", plant: (accs) => accs, title: "Оборотная ведомость за Март 2030 г.", atTitle: true },
];

describe("property: one planted defect → exactly that finding", () => {
  it.each(DEFECTS.map((d) => [d.code, d] as const))("%s", (_code, d) => {
    fc.assert(
      fc.property(ledgerArb, fc.nat(), ({ accs, shape }, pick) => {
        const i = pick % accs.length;
        const planted = d.plant(accs, i);
        const { grid, accRow } = render(planted, shape, d.title);
        const got = findings(grid).map((f) => ({ code: f.code, row: f.row }));
        const row = d.atTitle ? 2 : accRow[d.code === "account.duplicate" ? Math.max(i, 1) : i];
        expect(got).toEqual([{ code: d.code, row }]);
      }),
      { numRuns: 30 },
    );
  });

  it.each([
    ["id.snils-invalid" as const, 3],
    ["id.inn-invalid" as const, 4],
  ])("%s", (code, col) => {
    fc.assert(
      fc.property(ledgerArb, fc.nat(), ({ accs, shape }, pick) => {
        const i = pick % accs.length;
        const a = accs[i];
        // change the last digit: a single wrong digit always breaks the check
        const bump = (s: string) => s.slice(0, -1) + ((Number(s.slice(-1)) + 1) % 10);
        const planted = edit(accs, i, code === "id.snils-invalid" ? { snils: bump(a.snils) } : { inn: bump(a.inn) });
        const { grid, accRow } = render(planted, { ...shape, ids: true });
        const got = findings(grid).map((f) => ({ code: f.code, row: f.row, col: f.col }));
        expect(got).toEqual([{ code, row: accRow[i], col }]);
      }),
      { numRuns: 30 },
    );
  });
});
