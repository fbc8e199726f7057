/**
 * «План — динамика»: one column per month, kept across runs. The sheet is read back and only the month's column
 * is replaced, so months reported earlier (and the figures as they were then) stay.
 */
import { formatPeriodNumeric, isPeriod, type Period } from "../dates";
import type { CellValue } from "../grid";
import { parseAmount } from "../money";
import type { PlanIndicator } from "./indicators";

export interface HistoryRow {
  id: string;
  label: string;
  unit: PlanIndicator["unit"];
}

export interface PlanHistory {
  rows: HistoryRow[];
  months: Period[];
  /** id → month → value (kopecks, count or days); a missing figure is absent, never zero. */
  values: Map<string, Map<Period, number>>;
}

/** The row of the target line next to measure 1's fact (the chart's second series). */
export const TARGET_ROW_ID = "цель";

/** «03.2026» ⇄ "2026-03": the header of a month column. */
export function monthHeader(p: Period): string {
  return formatPeriodNumeric(p);
}

function headerMonth(v: CellValue): Period | null {
  const m = /^(\d{2})\.(\d{4})$/.exec(String(v ?? "").trim());
  const p = m ? `${m[2]}-${m[1]}` : null;
  return p && isPeriod(p) ? p : null;
}

const UNIT_TEXT: Record<PlanIndicator["unit"], string> = { money: "руб.", count: "шт.", days: "дн." };
const TEXT_UNIT = new Map(Object.entries(UNIT_TEXT).map(([k, v]) => [v, k as PlanIndicator["unit"]]));

/** Columns: «№», «Показатель», «Ед.», then months. Reads what parseHistory's counterpart historyRows wrote. */
export function parseHistory(values: CellValue[][]): PlanHistory {
  const history: PlanHistory = { rows: [], months: [], values: new Map() };
  const header = values[0] ?? [];
  const monthCols: [number, Period][] = [];
  header.forEach((v, c) => {
    const p = c >= 3 ? headerMonth(v) : null;
    if (p) monthCols.push([c, p]);
  });
  history.months = monthCols.map(([, p]) => p);
  for (const r of values.slice(1)) {
    const id = String(r[0] ?? "").trim();
    if (id === "") continue;
    const unit = TEXT_UNIT.get(String(r[2] ?? "").trim()) ?? "count";
    history.rows.push({ id, label: String(r[1] ?? ""), unit });
    const byMonth = new Map<Period, number>();
    for (const [c, p] of monthCols) {
      const v = r[c];
      if (typeof v !== "number") continue;
      byMonth.set(p, unit === "money" ? (parseAmount(v) ?? 0) : v);
    }
    history.values.set(id, byMonth);
  }
  return history;
}

/** The history with `month`'s column replaced by these indicators (and the target row); months sorted. */
export function mergeHistory(
  old: PlanHistory,
  month: Period,
  indicators: PlanIndicator[],
  target: { label: string; value: number },
): PlanHistory {
  const rows = [...old.rows];
  const values = new Map([...old.values].map(([k, v]) => [k, new Map(v)]));
  const put = (row: HistoryRow, v: number | null) => {
    const at = rows.findIndex((r) => r.id === row.id);
    if (at < 0) rows.push(row);
    else rows[at] = row;
    const byMonth = values.get(row.id) ?? new Map<Period, number>();
    if (v === null) byMonth.delete(month);
    else byMonth.set(month, v);
    values.set(row.id, byMonth);
  };
  put({ id: TARGET_ROW_ID, label: target.label, unit: "money" }, target.value);
  for (const ind of indicators) put({ id: ind.id, label: ind.label, unit: ind.unit }, ind.fact);
  // every row but the target in plan order («1.2» before «1.10» is not a case: at most a few per measure)
  const order = (id: string) => (id === TARGET_ROW_ID ? "" : id);
  rows.sort((a, b) => order(a.id).localeCompare(order(b.id), "ru", { numeric: true }));
  const months = [...new Set([...old.months, month])].sort();
  return { rows, months, values };
}

/** The history as a table: header then one row per indicator; money stays kopecks (the app makes money cells). */
export function historyTable(h: PlanHistory): {
  header: string[];
  rows: { row: HistoryRow; cells: (number | null)[] }[];
} {
  return {
    header: ["№", "Показатель", "Ед.", ...h.months.map(monthHeader)],
    rows: h.rows.map((row) => ({ row, cells: h.months.map((m) => h.values.get(row.id)?.get(m) ?? null) })),
  };
}

export function unitText(unit: PlanIndicator["unit"]): string {
  return UNIT_TEXT[unit];
}
