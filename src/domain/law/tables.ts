/**
 * The law data CSVs parsed once at module load (texts come from data/tables.generated.ts, made by
 * scripts/gen-law-data.mjs). Rates are kept as integer hundredths of a percent (basis points): 9.50 % → 950.
 */
import { KEY_RATE_CSV, RU_CALENDAR_CSV } from "./data/tables.generated";
import { toDayNumber, type IsoDate } from "../dates";

export interface KeyRateRow {
  effectiveFrom: IsoDate;
  day: number;
  /** Hundredths of a percent: 21.00 % → 2100. */
  bp: number;
  source: string;
}

export interface CalendarRow {
  date: IsoDate;
  kind: "holiday" | "workday";
  source: string;
}

/** Data lines of a CSV with '#' comments and a header line; splits on the first N−1 commas only (sources contain commas). */
function dataLines(text: string, columns: number): string[][] {
  const lines = text.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
  return lines.slice(1).map((line) => {
    const cells: string[] = [];
    let rest = line;
    for (let i = 0; i < columns - 1; i++) {
      const at = rest.indexOf(",");
      if (at < 0) break;
      cells.push(rest.slice(0, at).trim());
      rest = rest.slice(at + 1);
    }
    cells.push(rest.trim());
    return cells;
  });
}

/** "14.25" → 1425 without float arithmetic. */
function percentToBp(text: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`key-rate-ru.csv: ставка «${text}» не число`);
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

export const KEY_RATE_ROWS: readonly KeyRateRow[] = dataLines(KEY_RATE_CSV, 3).map(([date, rate, source]) => ({
  effectiveFrom: date,
  day: toDayNumber(date),
  bp: percentToBp(rate),
  source,
}));

export const CALENDAR_ROWS: readonly CalendarRow[] = dataLines(RU_CALENDAR_CSV, 3).map(([date, kind, source]) => ({
  date,
  kind: kind as CalendarRow["kind"],
  source,
}));
