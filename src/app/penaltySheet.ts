/**
 * The «Расчёт пени <Л/С>» sheet: a penalty calculation laid out as rows of cells for the court — the header texts,
 * one line per run of days, the totals by period and the rounded total. The layout belongs to the app; the law
 * engine returns plain rows (src/domain/law/penalty).
 */
import { formatDateRu, formatPeriodRu } from "../domain/dates";
import type { PenaltyResult } from "../domain/law/penalty";
import type { OutCell } from "../workbook/port";

const HEADER = [
  "Период",
  "Срок оплаты",
  "Сумма долга",
  "С",
  "По",
  "Дней",
  "Доля ставки",
  "Ставка, %",
  "Мораторий",
  "Формула",
  "Пени",
];

/** A totals line: the label in the first column, the sum under «Пени». */
function totalRow(label: string, kopecks: number): OutCell[] {
  const row: OutCell[] = new Array<OutCell>(HEADER.length).fill(null);
  row[0] = label;
  row[HEADER.length - 1] = { kind: "money", kopecks };
  return row;
}

export function penaltyTableSheet(result: PenaltyResult, title: string): OutCell[][] {
  const out: OutCell[][] = [];
  out.push([title]);
  out.push([`Расчёт пени на ${formatDateRu(result.asOf)}`]);
  for (const a of result.assumptions) out.push([a]);
  for (const n of result.rateNotes) out.push([n]);
  out.push([]);
  out.push([...HEADER]);
  for (const r of result.rows) {
    out.push([
      formatPeriodRu(r.period),
      { kind: "date", date: r.dueDate },
      { kind: "money", kopecks: r.principal },
      { kind: "date", date: r.from },
      { kind: "date", date: r.to },
      r.days,
      r.fraction,
      r.ratePercent,
      r.moratorium ?? "",
      r.formula,
      { kind: "money", kopecks: r.penalty },
    ]);
  }
  out.push([]);
  for (const [period, kop] of result.byPeriod) {
    if (kop !== 0) out.push(totalRow(`Итого за ${formatPeriodRu(period)}`, kop));
  }
  out.push(totalRow("Итого пени (итог округлён от точной суммы)", result.total));
  return out;
}
