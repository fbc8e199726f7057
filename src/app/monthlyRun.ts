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
import { TARGET_ROW_ID, factText, fulfilment, type IndicatorUnit, type PlanTemplate } from "../domain/plan";
import { runAll, type RunAllResult } from "./runAll";
import { fillPlan, type FillPlanResult } from "./fillPlan";
import { ReconcileInputError, runReconcile } from "./reconcile";
import { RunSession } from "./runSession";
import type { RecognizedLedger } from "../domain/ledger";

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
  options: OperationOptions & {
    asOf: IsoDate;
    source: BailiffSource;
    /** The ledger the run's check read and recognised, when it did. */
    ledger?: { sheet: string; ledger: RecognizedLedger };
  },
) => Promise<{ summary: string; skipped?: boolean }>;

/** «Сверить» as a step of the monthly run; no bailiff register in the workbook is a skip, not a failure. */
export const reconcileStep: ReconcileStep = async (port, o) => {
  try {
    const run = await runReconcile(port, {
      asOf: o.asOf,
      registerGrid: o.source.grid,
      registerText: o.source.text,
      registerSheet: o.source.sheet,
      ledger: o.ledger,
      signal: o.signal,
      onProgress: o.onProgress,
    });
    const c = run.result.counts;
    return {
      summary: `реестр «${run.source}»: производств ${run.register.proceedings.length}, наших ${c.ours}; оплачено напрямую ${c["paid-directly"] ?? 0}`,
    };
  } catch (err) {
    if (err instanceof ReconcileInputError && err.code === "no-register" && !o.source.grid && !o.source.text)
      return { skipped: true, summary: "в книге нет реестра исполнительных производств от ССП" };
    throw err;
  }
};

export interface MonthlyRunOptions extends OperationOptions {
  month: Period;
  /** The date claims are composed as of and the reconciliation's date. */
  asOf: IsoDate;
  today?: IsoDate;
  /** The ledger sheet, when the workbook has several. */
  sheet?: string;
  /** The bailiffs' register; {} looks for it among the workbook's sheets; null/absent skips the reconciliation. */
  bailiff?: BailiffSource | null;
  /** «Сверить» by default; tests hand in their own. */
  reconcile?: ReconcileStep;
  /** Another municipality's plan; otherwise the one saved in the workbook or the district's plan. */
  template?: PlanTemplate;
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
/** Progress units per step (four steps make 100): each step's own progress is scaled into its share of the bar. */
const UNIT = 25;

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

/** One bar never goes back: a step's inner parts (reading, writing a sheet) each count from 0 again. */
function monotonic(onProgress: (p: Progress) => void): (p: Progress) => void {
  let furthest = 0;
  return (p) => {
    furthest = Math.max(furthest, p.done);
    onProgress({ ...p, done: furthest });
  };
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

/**
 * The steps run over one RunSession: the sheet list, the settings and every sheet are read once for the whole run
 * (the ledger the check read is handed to the reconciliation and the plan), and the own sheets of all steps are
 * written together at the end — on Excel on the web a few round trips instead of three or four per sheet. A run
 * cancelled or failed before that writes none of them (the marks, the register and «Журнал сверок» are written by
 * their steps).
 */
export async function monthlyRun(port: WorkbookPort, options: MonthlyRunOptions): Promise<MonthlyRunResult> {
  const { signal } = options;
  const onProgress = options.onProgress && monotonic(options.onProgress);
  const session = new RunSession(port);
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
    all = await runAll(session, {
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
  else {
    try {
      const r = await (options.reconcile ?? reconcileStep)(session, {
        asOf: options.asOf,
        source: options.bailiff,
        ledger: all ? { sheet: all.check.sheet, ledger: all.check.ledger } : undefined,
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

  const planBar = stepProgress(onProgress, "plan");
  const plan = await fillPlan(session, {
    month: options.month,
    today: options.today,
    template: options.template,
    ledger: all?.check.ledger,
    signal,
    onProgress: planBar,
  });
  // every step's own sheets, written together
  planBar?.({ done: 4, total: 5, stage: "Запись листов" });
  await session.flush({
    signal,
    onProgress: planBar && ((p) => planBar({ ...p, done: 4 + p.done / Math.max(1, p.total), total: 5 })),
  });
  record("plan", "done", planSummary(plan));
  onProgress?.({ done: ORDER.length * UNIT, total: ORDER.length * UNIT });
  return { month: options.month, steps, all, plan };
}

/** One indicator as the taskpane shows it (plain data: it crosses from the worker). */
export interface PlanIndicatorView {
  id: string;
  label: string;
  unit: IndicatorUnit;
  fact: number | null;
  target: number | null;
  met: boolean | null;
  fulfilment: string;
  text: string;
  missing: string[];
  count: number;
}

export interface MonthlyReportView {
  month: Period;
  steps: StepSummary[];
  measures: { n: number; number: string; name: string; indicatorText: string; indicators: PlanIndicatorView[] }[];
  /** Measure 1's claims by month against the target, from «План — динамика» (kopecks; null = no data). */
  chart: { months: Period[]; fact: (number | null)[]; target: (number | null)[] };
}

export function monthlyReportView(r: MonthlyRunResult): MonthlyReportView {
  const measures = r.plan.report.measures.map((m) => ({
    n: m.n,
    number: m.measure.number,
    name: m.measure.name,
    indicatorText: m.indicatorText,
    indicators: m.indicators.map((ind) => ({
      id: ind.id,
      label: ind.label,
      unit: ind.unit,
      fact: ind.fact,
      target: ind.target,
      met: ind.met,
      fulfilment: fulfilment(ind),
      text: factText(ind),
      missing: ind.missing,
      count: ind.rows.length,
    })),
  }));
  const claims = r.plan.report.measures
    .flatMap((m) => m.indicators)
    .find((i) => i.set === "claims" && i.unit === "money" && i.target !== null);
  const h = r.plan.history;
  const series = (id: string | undefined) =>
    (h?.months ?? []).map((m) => (id ? (h?.values.get(id)?.get(m) ?? null) : null));
  return {
    month: r.month,
    steps: r.steps,
    measures,
    chart: { months: h?.months ?? [], fact: series(claims?.id), target: series(TARGET_ROW_ID) },
  };
}
