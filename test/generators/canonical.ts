/**
 * The canonical ledger a correct recognition must produce for a generated month-columns sheet — built straight from
 * the model (no recognition involved). Used by the candidates benchmark (to time selection alone) and by tests as
 * the expected outcome.
 */
import { formatDateRu, fromDayNumber, periodEnd, periodStart } from "../../src/domain/dates";
import type { CanonicalLedger, LedgerAccount, LedgerMonth } from "../../src/domain/ledger/model";
import { addressOf, birthPlaceOf } from "./model";
import { ownerText } from "./sheets";
import type { LedgerModel } from "./model";
import { formatSnils, personInn, snilsCheck } from "./ids";

/** Data rows start below a 4-row title block and a 2-row header (as monthColumnsSheet lays them out). */
const MONTH_COLUMNS_HEADER_ROW = 6;

export function canonicalFromModel(m: LedgerModel, sheet = "Долги по месяцам"): CanonicalLedger {
  if (!m.monthCharged || !m.monthPaid) throw new Error("canonicalFromModel: the model must keep months");
  const first = 4;
  const monthColumns: NonNullable<CanonicalLedger["monthColumns"]> = [];
  for (let k = 0; k < m.months; k++) {
    monthColumns.push({ col: first + 2 * k, period: m.periods[k], kind: "charged" });
    monthColumns.push({ col: first + 2 * k + 1, period: m.periods[k], kind: "paid" });
  }
  const accounts: LedgerAccount[] = new Array(m.count);
  for (let a = 0; a < m.count; a++) {
    const row = MONTH_COLUMNS_HEADER_ROW + 1 + a;
    const months: LedgerMonth[] = new Array(m.months);
    let bal = m.opening[a];
    for (let k = 0; k < m.months; k++) {
      const charged = m.monthCharged[a * m.months + k];
      const paid = m.monthPaid[a * m.months + k];
      months[k] = { period: m.periods[k], opening: bal, charged, paid, closing: bal + charged - paid, row };
      bal += charged - paid;
    }
    const personal = m.ownerKind[a] === 0;
    const nine = String(m.snils9[a]).padStart(9, "0");
    accounts[a] = {
      account: m.account[a],
      row,
      rows: [row],
      name: ownerText(m, a, "full"),
      address: addressOf(m, a),
      birthDate: personal ? fromDayNumber(m.birthDay[a]) : undefined,
      birthPlace: personal ? birthPlaceOf(m, a) : undefined,
      snils: personal ? formatSnils(nine + String(snilsCheck(nine)).padStart(2, "0")) : undefined,
      inn: personal ? personInn(m.inn6[a]) : undefined,
      opening: m.opening[a],
      charged: m.charged[a],
      paid: m.paid[a],
      closing: m.closing[a],
      penalties: 0,
      months,
    };
  }
  return {
    sheet,
    layout: "month-columns",
    headerRow: MONTH_COLUMNS_HEADER_ROW,
    period: { from: periodStart(m.firstPeriod), to: periodEnd(m.lastPeriod) },
    columns: { account: 0, name: 1, address: 2, openingBalance: 3, closingBalance: first + 2 * m.months },
    monthColumns,
    accounts,
    rows: { data: m.count, skipped: 0 },
  };
}

/** «01.11.2023 - 31.10.2026», the period line of the generated titles. */
export function periodLine(m: LedgerModel): string {
  return `${formatDateRu(periodStart(m.firstPeriod))} - ${formatDateRu(periodEnd(m.lastPeriod))}`;
}
