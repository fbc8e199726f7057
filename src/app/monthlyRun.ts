/**
 * «Подготовить отчёт за месяц»: the month's whole routine in one run — check the ledger, select the court-order
 * candidates, reconcile with the bailiffs' register (when one is given), fill «План мероприятий». One progress for
 * all steps, one cancel; a step that cannot run (no ledger, no bailiff register) is skipped with a note and the
 * plan is still filled — its indicators then say which data is missing.
 */
import type { OperationOptions, Progress, WorkbookPort } from "../workbook/port";
import { throwIfAborted } from "../workbook/errors";
import type { SheetGrid } from "../domain/grid";
import { formatPeriodRu, type IsoDate, type Period } from "../domain/dates";
import { formatKopecksRu } from "../domain/money";
import { LedgerInputError } from "../domain/ledger";
import { fulfilment } from "../domain/plan";
import { runAll, type RunAllResult } from "./runAll";
import { fillPlan, type FillPlanResult } from "./fillPlan";

/** Where the bailiffs' register comes from: a sheet of this workbook, a grid read elsewhere, or pasted text. */
export interface BailiffSource {
  sheet?: string;
  grid?: SheetGrid;
  text?: string;
}

/**
 * The reconciliation step, handed in by the caller (the CLI and the taskpane pass «Сверить»): it writes its own
 * sheets and records the run in «Журнал сверок», and returns a one-line Russian summary.
 */
export type ReconcileStep = (
  port: WorkbookPort,
  options: OperationOptions & { asOf: IsoDate; source: BailiffSource },
) => Promise<{ summary: string; skipped?: boolean }>;

export interface MonthlyRunOptions extends OperationOptions {
  month: Period;
  /** The date claims are composed as of and the reconciliation's date. */
  asOf: IsoDate;
  today?: IsoDate;
  /** The ledger sheet, when the workbook has several. */
  sheet?: string;
  bailiff?: BailiffSource | null;
  reconcile?: ReconcileStep;
}

export type StepName = "check" | "candidates" | "reconcile" | "plan";
export type StepStatus = "done" | "skipped" | "failed";

export interface StepSummary {
  step: StepName;
  title: string;
  status: StepStatus;
  /** What the step found, or why it did not run. */
  summary: string;
}

export interface MonthlyRunResult {
  month: Period;
  steps: StepSummary[];
  all: RunAllResult | null;
  plan: FillPlanResult;
}

const TITLES: Record<StepName, string> = {
  check: "Проверка реестра",
  candidates: "Кандидаты на судебный приказ",
  reconcile: "Сверка с ССП",
  plan: "План мероприятий",
};
const ORDER: StepName[] = ["check", "candidates", "reconcile", "plan"];
/** Progress units per step: each step's own progress is scaled into its share of the bar. */
const UNIT = 100;

function stepProgress(onProgress: ((p: Progress) => void) | undefined, step: StepName) {
  if (!onProgress) return undefined;
  const at = ORDER.indexOf(step);
  return (p: Progress) =>
    onProgress({
      done: at * UNIT + Math.round((p.total > 0 ? Math.min(1, p.done / p.total) : 0) * UNIT),
      total: ORDER.length * UNIT,
      stage: `${TITLES[step]}${p.stage ? `: ${p.stage}` : ""}`,
    });
}

function checkSummary(all: RunAllResult): string {
  const s = all.check.summary.bySeverity;
  return `лист «${all.check.sheet}»: строк ${all.check.rows.data}; ошибок ${s.error}, предупреждений ${s.warning}, замечаний ${s.info}`;
}

function candidatesSummary(all: RunAllResult): string {
  const t = all.candidates.selection.totals;
  return `кандидатов ${t.count} на сумму требований ${formatKopecksRu(t.claim)} ₽`;
}

function planSummary(plan: FillPlanResult): string {
  const all = plan.report.measures.flatMap((m) => m.indicators);
  const claims = all.find((i) => i.set === "claims" && i.unit === "money" && i.target !== null);
  const missing = all.filter((i) => i.fact === null).length;
  const head = claims
    ? claims.fact === null
      ? "сумма требований за месяц: нет данных"
      : `сумма требований за месяц ${formatKopecksRu(claims.fact)} ₽ из ${formatKopecksRu(claims.target!)} ₽ — ${fulfilment(claims)}`
    : "";
  return [`${formatPeriodRu(plan.report.month)}: ${head}`, `показателей ${all.length}, без данных ${missing}`].join(
    "; ",
  );
}

export async function monthlyRun(port: WorkbookPort, options: MonthlyRunOptions): Promise<MonthlyRunResult> {
  const { signal, onProgress } = options;
  const steps: StepSummary[] = [];
  const record = (step: StepName, status: StepStatus, summary: string) =>
    steps.push({ step, title: TITLES[step], status, summary });

  // runAll reports «Проверка: …» then «Кандидаты: …»: each goes to its own share of the bar
  const checkBar = stepProgress(onProgress, "check");
  const candidatesBar = stepProgress(onProgress, "candidates");
  const runAllProgress = (p: Progress) => {
    const candidates = p.stage?.startsWith("Кандидаты: ") ?? false;
    const stage = p.stage?.replace(/^(Проверка|Кандидаты): /, "");
    (candidates ? candidatesBar : checkBar)?.({ ...p, stage });
  };
  let all: RunAllResult | null = null;
  try {
    all = await runAll(port, {
      sheet: options.sheet,
      asOf: options.asOf,
      today: options.today,
      signal,
      onProgress: onProgress && ((p) => runAllProgress(p)),
    });
    record("check", "done", checkSummary(all));
    record("candidates", "done", candidatesSummary(all));
  } catch (err) {
    if (!(err instanceof LedgerInputError)) throw err;
    record("check", "failed", err.message);
    record("candidates", "skipped", "реестр должников не проверен — кандидаты не отбирались");
  }
  throwIfAborted(signal);

  if (!options.bailiff) record("reconcile", "skipped", "реестр исполнительных производств от ССП не указан");
  else if (!options.reconcile) record("reconcile", "skipped", "сверка с ССП в этой версии недоступна");
  else {
    try {
      const r = await options.reconcile(port, {
        asOf: options.asOf,
        source: options.bailiff,
        signal,
        onProgress: stepProgress(onProgress, "reconcile"),
      });
      record("reconcile", r.skipped ? "skipped" : "done", r.summary);
    } catch (err) {
      if ((err as Error).name === "AbortError" || signal?.aborted) throw err;
      record("reconcile", "failed", (err as Error).message);
    }
  }
  throwIfAborted(signal);

  const plan = await fillPlan(port, {
    month: options.month,
    today: options.today,
    ledger: all?.check.ledger,
    signal,
    onProgress: stepProgress(onProgress, "plan"),
  });
  record("plan", "done", planSummary(plan));
  onProgress?.({ done: ORDER.length * UNIT, total: ORDER.length * UNIT });
  return { month: options.month, steps, all, plan };
}
