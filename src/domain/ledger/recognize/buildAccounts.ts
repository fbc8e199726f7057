/**
 * The canonical accounts from the rows as read: rows of one account (its services, its months) are summed into
 * one LedgerAccount; per-month rows and month columns become the account's months (docs/formats.md).
 */
import type { Kopecks } from "../../money";
import type { Period } from "../../dates";
import type { LedgerAccount, LedgerLayout, LedgerMonth, LedgerServiceLine } from "../model";
import type { MonthColumn } from "./mapColumns";
import type { LedgerRowRecord } from "./types";

/** Months of per-month-rows accounts, gathered while the rows are read and closed at the end. */
interface MonthRows {
  byAccount: Map<LedgerAccount, Map<Period, LedgerMonth>>;
  /** Per-month subsidy (a credit to the account): closes a month when the sheet has no closing column. */
  subsidy: Map<LedgerMonth, Kopecks>;
}

/** What the month columns hold, the same for every row of a sheet. */
interface MonthColumnKinds {
  hasCharged: boolean;
  hasDebt: boolean;
}

export function buildAccounts(
  rows: LedgerRowRecord[],
  layout: LedgerLayout,
  monthColumns: MonthColumn[],
  hasService: boolean,
): LedgerAccount[] {
  const byKey = new Map<string, LedgerAccount>();
  const monthRows: MonthRows = { byAccount: new Map(), subsidy: new Map() };
  const kinds: MonthColumnKinds = {
    hasCharged: monthColumns.some((m) => m.kind === "charged"),
    hasDebt: monthColumns.some((m) => m.kind === "debt"),
  };
  const order: LedgerAccount[] = [];
  for (const row of rows) {
    if (row.account === "") continue;
    let a = byKey.get(row.account);
    if (!a) {
      a = newAccount(row);
      byKey.set(row.account, a);
      order.push(a);
    } else a.rows.push(row.row);
    copyIdentity(a, row);
    if (layout === "per-month-rows" && row.period) addMonthRow(a, row, row.period, monthRows);
    else if (layout === "month-columns" && row.monthValues)
      addMonthColumnsRow(a, row, row.monthValues, monthColumns, kinds);
    else addAccountRow(a, row, hasService);
  }
  closeMonthRowAccounts(monthRows);
  return order;
}

function newAccount(row: LedgerRowRecord): LedgerAccount {
  return {
    account: row.account,
    row: row.row,
    rows: [row.row], // exact-size array: most accounts have one row, and a million empty-then-grown arrays cost 150 MB
    name: "",
    address: "",
    opening: 0,
    charged: 0,
    paid: 0,
    closing: 0,
    penalties: 0,
    // identity fields (birthDate, snils, …) are added only to accounts that have them: on a million accounts
    // declaring them all up front costs about 100 MB
    months: undefined,
    services: undefined,
  };
}

/** The first non-empty value of each identity field among the account's rows. */
function copyIdentity(a: LedgerAccount, row: LedgerRowRecord): void {
  if (a.name === "" && row.name !== "") a.name = row.name;
  if (a.address === "" && row.address !== "") a.address = row.address;
  if (row.snils && !a.snils) a.snils = row.snils;
  if (row.inn && !a.inn) a.inn = row.inn;
  if (row.share && !a.share) a.share = row.share;
  if (row.birthDate && !a.birthDate) a.birthDate = row.birthDate;
  if (row.birthPlace && !a.birthPlace) a.birthPlace = row.birthPlace;
  if (row.passport && !a.passport) a.passport = row.passport;
  if (row.caseNumber && !a.caseNumber) a.caseNumber = row.caseNumber;
  if (row.orderDate && !a.orderDate) a.orderDate = row.orderDate;
  if (row.ipNumber && !a.ipNumber) a.ipNumber = row.ipNumber;
  if (row.lastPaymentDate && !a.lastPaymentDate) a.lastPaymentDate = row.lastPaymentDate;
  if (row.lastPaymentAmount && !a.lastPaymentAmount) a.lastPaymentAmount = row.lastPaymentAmount;
}

/** A per-month row: added to the account's month (several services of one month add up). */
function addMonthRow(a: LedgerAccount, row: LedgerRowRecord, period: Period, monthRows: MonthRows): void {
  let months = monthRows.byAccount.get(a);
  if (!months) monthRows.byAccount.set(a, (months = new Map()));
  let m = months.get(period);
  if (!m) months.set(period, (m = { period, charged: 0, paid: 0, row: row.row }));
  m.charged += (row.charged ?? 0) + (row.recalculation ?? 0);
  m.paid += row.paid ?? 0;
  if (row.subsidy) monthRows.subsidy.set(m, (monthRows.subsidy.get(m) ?? 0) + Math.abs(row.subsidy));
  if (row.opening !== null) m.opening = (m.opening ?? 0) + row.opening;
  if (row.closing !== null) m.closing = (m.closing ?? 0) + row.closing;
  a.penalties += row.penalties ?? 0;
}

function byPeriod(x: LedgerMonth, y: LedgerMonth): number {
  return x.period < y.period ? -1 : x.period > y.period ? 1 : 0;
}

/** A row of a month-columns sheet: its months from the month columns, the totals from them and the row's own columns. */
function addMonthColumnsRow(
  a: LedgerAccount,
  row: LedgerRowRecord,
  monthValues: (Kopecks | null)[],
  monthColumns: MonthColumn[],
  kinds: MonthColumnKinds,
): void {
  const months: LedgerMonth[] = [];
  const monthOf = new Map<Period, LedgerMonth>();
  monthColumns.forEach((mc, i) => {
    let m = monthOf.get(mc.period);
    if (!m) {
      m = { period: mc.period, charged: 0, paid: 0, row: row.row };
      monthOf.set(mc.period, m);
      months.push(m);
    }
    const v = monthValues[i] ?? 0;
    if (mc.kind === "charged") m.charged += v;
    else if (mc.kind === "paid") m.paid += v;
    else m.closing = (m.closing ?? 0) + v;
  });
  months.sort(byPeriod);
  a.months = months;
  a.charged += months.reduce((s, m) => s + m.charged, 0) + (row.charged ?? 0) + (row.recalculation ?? 0);
  a.paid += months.reduce((s, m) => s + m.paid, 0) + (row.paid ?? 0);
  a.opening += row.opening ?? 0;
  if (row.closing !== null) a.closing += row.closing;
  else if (kinds.hasDebt) {
    // debt per month: a running balance when charges are beside it, else the debt arising in each month
    a.closing += kinds.hasCharged
      ? (months[months.length - 1].closing ?? 0)
      : months.reduce((s, m) => s + (m.closing ?? 0), 0);
  } else a.closing += a.opening + a.charged - a.paid;
  a.penalties += row.penalties ?? 0;
}

/** A per-account (or per-service) row: its sums add to the account; a service row is also kept as a line. */
function addAccountRow(a: LedgerAccount, row: LedgerRowRecord, hasService: boolean): void {
  const charged = (row.charged ?? 0) + (row.recalculation ?? 0);
  a.opening += row.opening ?? 0;
  a.charged += charged;
  a.paid += row.paid ?? 0;
  a.closing += row.closing ?? (row.opening ?? 0) + charged - (row.paid ?? 0);
  a.penalties += row.penalties ?? 0;
  if (hasService && row.service !== "") {
    const line: LedgerServiceLine = {
      service: row.service,
      opening: row.opening ?? 0,
      charged,
      paid: row.paid ?? 0,
      closing: row.closing ?? 0,
      penalties: row.penalties ?? 0,
      row: row.row,
    };
    (a.services ??= []).push(line);
  }
}

/** Per-month-rows accounts: the opening of the first month, the sums of all, the closing of the last. */
function closeMonthRowAccounts(monthRows: MonthRows): void {
  const subsidy = (m: LedgerMonth) => monthRows.subsidy.get(m) ?? 0;
  for (const [a, months] of monthRows.byAccount) {
    const list = [...months.values()].sort(byPeriod);
    a.months = list;
    a.opening = list[0].opening ?? 0;
    a.charged = list.reduce((s, m) => s + m.charged, 0);
    a.paid = list.reduce((s, m) => s + m.paid, 0);
    const last = list[list.length - 1];
    // no closing column (a «Карточка расчётов»): the last month's opening + charged − paid − subsidy
    if (last.closing !== undefined) a.closing = last.closing;
    else if (last.opening !== undefined) a.closing = last.opening + last.charged - last.paid - subsidy(last);
    else a.closing = a.opening + a.charged - a.paid - list.reduce((s, m) => s + subsidy(m), 0);
  }
}
