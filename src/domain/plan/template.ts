/**
 * The municipal plan as a template: the table's columns, its section row, the measures in the municipality's own
 * wording and the approval block. The add-in fills the month's columns next to it; the wording is data, so another
 * municipality's plan is another JSON (validated here), not a code change. Each measure names which indicator set
 * the add-in computes for it (`computes`).
 */

/** The indicator sets the add-in knows how to compute (docs/law.md, «План мероприятий»). */
export const PLAN_INDICATOR_SETS = ["claims", "direct-payment", "reconciliation", "returned"] as const;
export type PlanIndicatorSet = (typeof PLAN_INDICATOR_SETS)[number];

export interface PlanMeasure {
  /** As printed in the «№ п/п» column («1.», «4»). */
  number: string;
  name: string;
  expectedResult: string;
  mechanism: string;
  /** The plan's «Индикаторы» text; «{цель}» is replaced by the monthly target from Настройки. */
  indicator: string;
  responsible: string;
  term: string;
  computes: PlanIndicatorSet;
}

export interface PlanTemplate {
  /** Lines of the approval block printed at the top right («УТВЕРЖДАЮ:» …). */
  approval: string[];
  title: string;
  /** The seven column headers of the plan's table, left to right. */
  columns: string[];
  /** The section row above the measures. */
  section: string;
  measures: PlanMeasure[];
}

export class PlanTemplateError extends Error {
  constructor(readonly problems: string[]) {
    super(`Шаблон плана мероприятий не подходит: ${problems.join("; ")}`);
    this.name = "PlanTemplateError";
  }
}

const MEASURE_FIELDS: [keyof PlanMeasure, string][] = [
  ["number", "номер"],
  ["name", "наименование мероприятия"],
  ["expectedResult", "ожидаемый результат"],
  ["mechanism", "механизм реализации"],
  ["indicator", "индикаторы"],
  ["responsible", "ответственные исполнители"],
  ["term", "срок"],
];

function isText(x: unknown): x is string {
  return typeof x === "string";
}

function textList(x: unknown): x is string[] {
  return Array.isArray(x) && x.every(isText);
}

/** Checks a template read from JSON (or settings); throws PlanTemplateError naming every problem in Russian. */
export function validatePlanTemplate(raw: unknown): PlanTemplate {
  const problems: string[] = [];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new PlanTemplateError(["это не объект"]);
  const t = raw as Record<string, unknown>;
  if (!textList(t.approval)) problems.push("«approval» должен быть списком строк");
  if (!isText(t.title) || t.title.trim() === "") problems.push("нет заголовка «title»");
  if (!textList(t.columns) || t.columns.length !== 7)
    problems.push("«columns» — ровно 7 заголовков столбцов (№, наименование … срок)");
  if (!isText(t.section)) problems.push("нет строки раздела «section»");
  if (!Array.isArray(t.measures) || t.measures.length === 0) problems.push("нет мероприятий «measures»");
  else {
    t.measures.forEach((m: unknown, i: number) => {
      const where = `мероприятие ${i + 1}`;
      if (typeof m !== "object" || m === null) {
        problems.push(`${where}: не объект`);
        return;
      }
      const rec = m as Record<string, unknown>;
      for (const [field, label] of MEASURE_FIELDS)
        if (!isText(rec[field])) problems.push(`${where}: нет поля «${field}» (${label})`);
      if (!PLAN_INDICATOR_SETS.includes(rec.computes as PlanIndicatorSet))
        problems.push(`${where}: «computes» — одно из ${PLAN_INDICATOR_SETS.join(", ")}`);
    });
  }
  if (problems.length > 0) throw new PlanTemplateError(problems);
  return raw as PlanTemplate;
}

/** The measure's «Индикаторы» text with the target filled in («не менее 700 000 руб. (в месяц)»). */
export function indicatorText(m: PlanMeasure, targetRoublesText: string): string {
  return m.indicator.replace(/\{цель\}/g, targetRoublesText);
}
