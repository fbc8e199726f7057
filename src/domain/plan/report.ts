/**
 * The plan's report for a month: the template's measures, each with its indicators, and the texts the sheet
 * prints for them («Факт», «Выполнение»).
 */
import type { Period } from "../dates";
import { formatKopecksRu } from "../money";
import { measureIndicators, type PlanIndicator, type PlanInput } from "./indicators";
import { indicatorText, type PlanMeasure, type PlanTemplate } from "./template";

export interface PlanMeasureReport {
  /** 1-based place of the measure in the template. */
  n: number;
  measure: PlanMeasure;
  /** The plan's «Индикаторы» text with the target filled in. */
  indicatorText: string;
  indicators: PlanIndicator[];
}

export interface PlanReport {
  month: Period;
  measures: PlanMeasureReport[];
}

/** «700 000» — the target in whole roubles as the plan writes it (kopecks only when there are any). */
export function targetText(kopecks: number): string {
  const ru = formatKopecksRu(kopecks);
  return ru.endsWith(",00") ? ru.slice(0, -3) : ru;
}

export function computePlan(template: PlanTemplate, input: PlanInput): PlanReport {
  return {
    month: input.month,
    measures: template.measures.map((measure, i) => ({
      n: i + 1,
      measure,
      indicatorText: indicatorText(measure, targetText(input.target)),
      indicators: measureIndicators(measure.computes, input, i + 1),
    })),
  };
}

export function valueText(ind: Pick<PlanIndicator, "unit">, v: number): string {
  if (ind.unit === "money") return `${formatKopecksRu(v)} ₽`;
  if (ind.unit === "days") return `${v} дн.`;
  return String(v);
}

/** «Подано заявлений …: 4» or «… : нет данных: нет даты подачи в реестре». */
export function factText(ind: PlanIndicator): string {
  if (ind.fact === null) {
    const why = ind.missing.length > 0 ? ind.missing.join("; ") : ind.extra;
    return `${ind.label}: нет данных${why ? `: ${why}` : ""}`;
  }
  const parts = [valueText(ind, ind.fact)];
  if (ind.target !== null && ind.unit === "money") parts.push(`цель ${valueText(ind, ind.target)}`);
  if (ind.extra) parts.push(ind.extra);
  return `${ind.label}: ${parts[0]}${parts.length > 1 ? ` (${parts.slice(1).join("; ")})` : ""}`;
}

export type Fulfilment = "выполнено" | "не выполнено" | "нет данных" | "—";

/** «—» for an indicator the plan sets no target for (it is counted, not judged). */
export function fulfilment(ind: PlanIndicator): Fulfilment {
  if (ind.met === true) return "выполнено";
  if (ind.met === false) return "не выполнено";
  return ind.missing.length > 0 || ind.fact === null ? "нет данных" : "—";
}
