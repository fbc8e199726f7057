/**
 * `plan WORKBOOK.xlsx --month YYYY-MM [--template FILE.json] [--json]`: the plan's indicators for a month with the
 * rows behind each figure. Never writes to the file (the monthly `run` writes the sheets).
 */
import type { Command } from "commander";
import { readFile } from "node:fs/promises";
import { isPeriod, formatPeriodRu, type Period } from "../../domain/dates";
import { formatKopecksPlain } from "../../domain/money";
import {
  PlanTemplateError,
  factText,
  fulfilment,
  validatePlanTemplate,
  type PlanIndicator,
  type PlanReport,
  type PlanTemplate,
} from "../../domain/plan";
import { fillPlan } from "../../app/fillPlan";
import { InputError } from "../errors";
import { printJson, printLines } from "../output";
import { asInputError, fileLabel, openWorkbook } from "../readWorkbook";

export function parseCliMonth(text: string, field = "--month"): Period {
  const t = text.trim();
  const m = /^(\d{1,2})\.(\d{4})$/.exec(t);
  const p = m ? `${m[2]}-${m[1].padStart(2, "0")}` : t;
  if (!isPeriod(p)) throw new InputError(`${field}: «${text}» — не месяц (ожидается ГГГГ-ММ, например 2026-03)`);
  return p;
}

/** A municipality's own template (JSON); Russian errors name the file. */
export async function readTemplateFile(path: string): Promise<PlanTemplate> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`Файл шаблона «${path}» не найден.`);
    throw new InputError(`Файл шаблона «${path}» — не JSON: ${(err as Error).message}`);
  }
  try {
    return validatePlanTemplate(raw);
  } catch (err) {
    if (err instanceof PlanTemplateError) throw new InputError(`${fileLabel(path)}: ${err.message}`);
    throw err;
  }
}

/** A figure in the JSON: money as a 2-decimal string, counts and days as numbers. */
function figure(ind: PlanIndicator, v: number | null): string | number | null {
  if (v === null) return null;
  return ind.unit === "money" ? formatKopecksPlain(v) : v;
}

/** The public JSON document of `plan --json`: one entry per indicator, `n` the measure's number in the plan. */
export function planJson(report: PlanReport) {
  return {
    month: report.month,
    measures: report.measures.flatMap((m) =>
      m.indicators.map((ind) => ({
        n: m.n,
        id: ind.id,
        measure: m.measure.name,
        indicator: ind.label,
        unit: ind.unit,
        target: figure(ind, ind.target),
        fact: figure(ind, ind.fact),
        met: ind.met,
        count: ind.rows.length,
        extra: ind.extra,
        missing: ind.missing,
        rows: ind.rows.map((r) => ({
          sheet: r.sheet,
          row: r.row,
          account: r.account,
          debtor: r.debtor,
          date: r.date,
          amount: r.amount === null ? null : formatKopecksPlain(r.amount),
          detail: r.detail,
        })),
      })),
    ),
  };
}

export function planLines(report: PlanReport): string[] {
  const lines = [`План мероприятий за ${formatPeriodRu(report.month)}`];
  for (const m of report.measures) {
    lines.push("", `${m.measure.number} ${m.measure.name} — ${m.indicatorText}`);
    for (const ind of m.indicators) lines.push(`  ${ind.id} ${factText(ind)} — ${fulfilment(ind)}`);
  }
  return lines;
}

export function registerPlan(program: Command): void {
  program
    .command("plan")
    .description("показатели плана мероприятий за месяц со строками реестров за каждой цифрой (файл не изменяется)")
    .argument("<книга.xlsx>", "книга с реестром судебной работы (и реестром должников, журналом сверок)")
    .requiredOption("--month <ГГГГ-ММ>", "отчётный месяц")
    .option("--template <файл.json>", "шаблон плана другого муниципалитета")
    .option("--json", "вывести JSON")
    .action(async (path: string, opts: { month: string; template?: string; json?: boolean }) => {
      const month = parseCliMonth(opts.month);
      const template = opts.template ? await readTemplateFile(opts.template) : undefined;
      const workbook = await openWorkbook(path);
      const r = await asInputError(() => fillPlan(workbook, { month, template, write: false })).catch((err) => {
        if (err instanceof PlanTemplateError) throw new InputError(`${fileLabel(path)}: ${err.message}`);
        throw err;
      });
      if (opts.json) printJson(planJson(r.report));
      else printLines(planLines(r.report));
    });
}
