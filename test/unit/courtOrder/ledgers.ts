/** Small canonical ledgers built by hand for the candidate tests (amounts in kopecks). */
import type { CanonicalLedger, LedgerAccount, LedgerMonth, LedgerServiceLine } from "../../../src/domain/ledger/model";
import { addPeriods, type Period } from "../../../src/domain/dates";

export const FULL_DATA = {
  birthDate: "1980-02-14",
  birthPlace: "г. Белоярский",
  snils: "123-456-789 01",
};

export function account(a: Partial<LedgerAccount> & { account: string }): LedgerAccount {
  return {
    row: 2,
    rows: [2],
    name: "Соколова Елена Викторовна",
    address: "мкр. 3, д. 5, кв. 12",
    opening: 0,
    charged: 0,
    paid: 0,
    closing: 0,
    penalties: 0,
    ...FULL_DATA,
    ...a,
  };
}

/** One service line of an account (no opening balance): paid = charged − closing. */
export function service(name: string, charged: number, closing: number): LedgerServiceLine {
  return { service: name, opening: 0, charged, paid: charged - closing, closing, penalties: 0, row: 3 };
}

/** One-row-per-account ledger over a period. */
export function perAccountLedger(from: string | null, to: string | null, accounts: LedgerAccount[]): CanonicalLedger {
  return {
    sheet: "ОСВ",
    layout: "per-account",
    headerRow: 1,
    period: { from, to },
    columns: {},
    accounts: accounts.map((a, i) => ({ ...a, row: a.row === 2 ? i + 2 : a.row, rows: [i + 2] })),
    rows: { data: accounts.length, skipped: 0 },
  };
}

/** Months from `first`, each [charged, paid] in kopecks. */
export function months(first: Period, values: [number, number][]): LedgerMonth[] {
  return values.map(([charged, paid], i) => ({ period: addPeriods(first, i), charged, paid, row: 2 + i }));
}

export function monthlyAccount(a: Partial<LedgerAccount> & { account: string; months: LedgerMonth[] }): LedgerAccount {
  let charged = 0;
  let paid = 0;
  for (const m of a.months) {
    charged += m.charged;
    paid += m.paid;
  }
  const opening = a.opening ?? 0;
  return account({ charged, paid, closing: opening + charged - paid, ...a });
}

export function monthlyLedger(
  accounts: LedgerAccount[],
  layout: "per-month-rows" | "month-columns" = "per-month-rows",
): CanonicalLedger {
  const periods = accounts.flatMap((a) => (a.months ?? []).map((m) => m.period)).sort();
  return {
    sheet: "Реестр",
    layout,
    headerRow: 1,
    period: {
      from: periods.length ? `${periods[0]}-01` : null,
      to: periods.length ? `${periods[periods.length - 1]}-01` : null,
    },
    columns: {},
    monthColumns:
      layout === "month-columns"
        ? [...new Set(periods)].flatMap((p, i) => [
            { col: 3 + 2 * i, period: p, kind: "charged" as const },
            { col: 4 + 2 * i, period: p, kind: "paid" as const },
          ])
        : undefined,
    accounts,
    rows: { data: accounts.length, skipped: 0 },
  };
}
