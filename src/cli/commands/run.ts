/**
 * `run WORKBOOK.xlsx [--register FILE] --as-of DATE [--month YYYY-MM] --out OUT.xlsx [--json]`: the monthly run
 * (check → candidates → reconcile → plan) writing every sheet the add-in makes into OUT; the user's sheets are
 * copied untouched. Without --register the bailiffs' register is looked for among the workbook's own sheets.
 */
import type { Command } from "commander";
import { resolve } from "node:path";
import { periodOf } from "../../domain/dates";
import { monthlyRun, reconcileStep, type BailiffSource, type MonthlyRunResult } from "../../app/monthlyRun";
import { ReconcileInputError } from "../../app/reconcile";
import { PlanTemplateError } from "../../domain/plan";
import { InputError } from "../errors";
import { printJson, printLines } from "../output";
import { asInputError, fileLabel, openWorkbook, readInputAsTextOrWorkbook, saveWorkbook } from "../readWorkbook";
import { parseCliDate } from "./duty";
import { parseCliMonth, readTemplateFile } from "./plan";

async function bailiffSource(path: string | undefined): Promise<BailiffSource> {
  if (!path) return {};
  const input = await readInputAsTextOrWorkbook(path);
  if (input.kind === "text") return { text: input.text };
  const sheets = (await input.workbook.listSheets()).filter((s) => s.visible && s.rows > 0);
  if (sheets.length === 0) throw new InputError(`В книге «${path}» нет заполненных листов с реестром ССП.`);
  return { grid: await input.workbook.readSheet(sheets[0].name) };
}

const STATUS_RU = { done: "готово", skipped: "пропущено", failed: "не выполнено" } as const;

export function runJson(r: MonthlyRunResult, out: string) {
  return {
    month: r.month,
    out,
    steps: r.steps.map((s) => ({ step: s.step, title: s.title, status: s.status, summary: s.summary })),
    planSheets: r.plan.sheets,
  };
}

export function registerRun(program: Command): void {
  program
    .command("run")
    .description(
      "отчёт за месяц: проверка, кандидаты, сверка с ССП, план мероприятий — все листы надстройки в новый файл",
    )
    .argument("<книга.xlsx>", "книга с реестром должников и реестром судебной работы")
    .requiredOption("--as-of <дата>", "дата расчёта (ГГГГ-ММ-ДД)")
    .requiredOption("--out <файл.xlsx>", "куда записать книгу с листами надстройки")
    .option("--register <файл>", "реестр исполнительных производств от ССП (.xlsx, .csv, .txt)")
    .option("--month <ГГГГ-ММ>", "отчётный месяц плана (по умолчанию — месяц даты расчёта)")
    .option("--sheet <лист>", "лист с реестром должников (если в книге их несколько)")
    .option("--template <файл.json>", "шаблон плана другого муниципалитета")
    .option("--json", "вывести JSON")
    .action(
      async (
        path: string,
        opts: {
          asOf: string;
          out: string;
          register?: string;
          month?: string;
          sheet?: string;
          template?: string;
          json?: boolean;
        },
      ) => {
        const asOf = parseCliDate(opts.asOf, "--as-of");
        const month = opts.month ? parseCliMonth(opts.month) : periodOf(asOf);
        if (resolve(opts.out) === resolve(path))
          throw new InputError(`--out: «${opts.out}» — это исходная книга; укажите другой файл.`);
        const bailiff = await bailiffSource(opts.register);
        const template = opts.template ? await readTemplateFile(opts.template) : undefined;
        const workbook = await openWorkbook(path);
        const result = await asInputError(() =>
          monthlyRun(workbook, { month, asOf, sheet: opts.sheet, bailiff, reconcile: reconcileStep, template }),
        ).catch((err) => {
          if (err instanceof ReconcileInputError || err instanceof PlanTemplateError)
            throw new InputError(`${fileLabel(path)}: ${err.message}`);
          throw err;
        });
        await saveWorkbook(workbook, opts.out);
        if (opts.json) printJson(runJson(result, opts.out));
        else
          printLines([
            `Отчёт за месяц: «${fileLabel(path)}» → «${opts.out}»`,
            ...result.steps.map((s) => `  ${s.title} — ${STATUS_RU[s.status]}: ${s.summary}`),
          ]);
      },
    );
}
