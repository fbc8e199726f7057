/**
 * «План мероприятий» for a month: reads the court-work register(s), the ledger's monthly payments and
 * «Журнал сверок», computes the plan's indicators and writes three own sheets — the plan's table as the
 * municipality wrote it with the month's fact and fulfilment (ready to print: A4 landscape, header rows repeated,
 * one page wide), «План — расшифровка» with the rows behind every figure, and «План — динамика» with one column per
 * month kept across runs.
 */
import type {
  OperationOptions,
  OutCell,
  OwnSheetChart,
  OwnSheetContent,
  SheetInfo,
  WorkbookPort,
} from "../workbook/port";
import { OWN_SHEETS, isOwnSheet } from "../workbook/port";
import { throwIfAborted } from "../workbook/errors";
import { columnLetter, type SheetGrid } from "../domain/grid";
import { formatDateRu, formatPeriodRu, type IsoDate, type Period } from "../domain/dates";
import { LedgerInputError, recognizeLedger } from "../domain/ledger";
import type { CanonicalLedger } from "../domain/ledger/model";
import { recognizeRegister, type RecognizedRegister } from "../domain/register";
import {
  DEFAULT_PLAN_TEMPLATE,
  RECONCILIATION_LOG,
  TARGET_ROW_ID,
  computePlan,
  factText,
  fulfilment,
  historyTable,
  joinRegisters,
  ledgerPayments,
  mergeHistory,
  monthHeader,
  parseHistory,
  reconciliationRuns,
  targetText,
  unitText,
  validatePlanTemplate,
  type PlanHistory,
  type PlanIndicator,
  type PlanInput,
  type PlanReport,
  type PlanTemplate,
} from "../domain/plan";
import { pickLedgerSheet, readSavedMapping } from "./checkLedger";
import { settingsFromRecord } from "./settings";
import { writeOwnSheets } from "./runSession";

/** Settings key of a municipality's own plan template (the JSON validatePlanTemplate accepts). */
export const PLAN_TEMPLATE_KEY = "planTemplate";

export interface FillPlanOptions extends OperationOptions {
  month: Period;
  /** Another municipality's template; otherwise the one saved in the workbook, otherwise the district's plan. */
  template?: PlanTemplate;
  /** The ledger already read (the monthly run reads it once); otherwise the ledger sheet is found and read. */
  ledger?: CanonicalLedger;
  /** The day the report is made, printed under the title (defaults to today). */
  today?: IsoDate;
  /** false: compute only (the CLI's `plan`). */
  write?: boolean;
}

export interface FillPlanResult {
  report: PlanReport;
  /** Where the figures came from. */
  registerSheets: string[];
  ledgerSheet: string | null;
  history: PlanHistory | null;
  /** Sheets written. */
  sheets: string[];
}

const PROBE_ROWS = 35;
/** A sheet this small is read whole at once: probing its header first would cost a second round trip. */
const SMALL_SHEET_CELLS = 20_000;

function planTemplateFrom(settings: Record<string, unknown>): PlanTemplate {
  const saved = settings[PLAN_TEMPLATE_KEY];
  return saved === undefined || saved === null ? DEFAULT_PLAN_TEMPLATE : validatePlanTemplate(saved);
}

/** Court-work registers: ours and any visible user sheet whose header reads as one with a personal-account column. */
async function readRegisters(port: WorkbookPort, sheets: SheetInfo[], skip: string | null, options: OperationOptions) {
  const parts: { reg: RecognizedRegister; grid: SheetGrid }[] = [];
  for (const s of sheets) {
    if (s.name === skip || s.rows === 0) continue;
    const ours = s.name === OWN_SHEETS.register;
    if (!ours && (isOwnSheet(s) || !s.visible)) continue;
    if (!ours && s.rows * s.columns > SMALL_SHEET_CELLS) {
      const range = `A1:${columnLetter(Math.max(0, Math.min(s.columns + 10, 200) - 1))}${Math.min(s.rows + 5, PROBE_ROWS)}`;
      const head = recognizeRegister(await port.readSheet(s.name, { signal: options.signal, range }));
      // a bailiffs' list of proceedings has no personal accounts: it is not our register
      if (!head || head.columns.account === undefined) continue;
    }
    const grid = await port.readSheet(s.name, { signal: options.signal });
    const reg = recognizeRegister(grid);
    if (reg && reg.columns.account !== undefined) parts.push({ reg, grid });
  }
  return joinRegisters(parts);
}

async function readLedger(port: WorkbookPort, options: OperationOptions): Promise<CanonicalLedger | null> {
  try {
    const sheet = await pickLedgerSheet(port, options);
    const saved = await readSavedMapping(port, sheet);
    const grid = await port.readSheet(sheet, { signal: options.signal });
    return recognizeLedger(grid, saved ? { mapping: saved.mapping, headerRow: saved.headerRow } : {});
  } catch (err) {
    if (err instanceof LedgerInputError) return null; // no ledger: the payment indicators say so
    throw err;
  }
}

export async function fillPlan(port: WorkbookPort, options: FillPlanOptions): Promise<FillPlanResult> {
  const { signal, onProgress } = options;
  const total = 5;
  onProgress?.({ done: 0, total, stage: "Чтение настроек и шаблона плана" });
  // one read of the settings record for the target and the template (each read is a round trip in Excel)
  const record = await port.readSettings();
  const settings = settingsFromRecord(record);
  const template = options.template ?? planTemplateFrom(record);
  const sheets = await port.listSheets();
  throwIfAborted(signal);

  onProgress?.({ done: 1, total, stage: "Чтение реестра должников" });
  const ledger = options.ledger ?? (await readLedger(port, { signal }));
  throwIfAborted(signal);

  onProgress?.({ done: 2, total, stage: "Чтение реестра судебной работы и журнала сверок" });
  const register = await readRegisters(port, sheets, ledger?.sheet ?? null, { signal });
  const log = sheets.some((s) => s.name === RECONCILIATION_LOG.sheet)
    ? await port.readTable({ sheet: RECONCILIATION_LOG.sheet, columns: [], key: "Ключ", ownColumns: [] })
    : null;
  throwIfAborted(signal);

  onProgress?.({ done: 3, total, stage: "Расчёт показателей плана" });
  const input: PlanInput = {
    month: options.month,
    target: settings.thresholds.monthlyTarget,
    register,
    payments: ledger ? ledgerPayments(ledger) : null,
    reconciliations: log ? reconciliationRuns(log as Record<string, unknown>[]) : null,
  };
  const report = computePlan(template, input);
  const result: FillPlanResult = {
    report,
    registerSheets: register.sheets,
    ledgerSheet: ledger?.sheet ?? null,
    history: null,
    sheets: [],
  };
  if (options.write === false) return result;

  onProgress?.({ done: 4, total, stage: `Запись листа «${OWN_SHEETS.plan}»` });
  const old = sheets.some((s) => s.name === OWN_SHEETS.planHistory)
    ? parseHistory((await port.readSheet(OWN_SHEETS.planHistory, { signal })).values)
    : parseHistory([]);
  const all = report.measures.flatMap((m) => m.indicators);
  result.history = mergeHistory(old, options.month, all, {
    label: "Цель плана по мере 1 (сумма требований в месяц)",
    value: input.target,
  });
  const detail = planDetailContent(report);
  const contents = [
    planSheetContent(template, report, input.target, detail.blockRows, options.today ?? localToday()),
    detail.content,
    historyContent(result.history, claimsIndicator(report)?.id),
  ];
  throwIfAborted(signal);
  await writeOwnSheets(port, contents, { signal });
  result.sheets.push(...contents.map((c) => c.name));
  onProgress?.({ done: total, total });
  return result;
}

function localToday(): IsoDate {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Columns of the printed plan: the seven of the template, then the month's three. */
const PLAN_WIDTHS = [6, 26, 18, 42, 22, 22, 13, 44, 14, 14];
const FIRST_MONTH_COL = 7;

/** The plan's table with the month's fact; `blockRows` tells where each indicator's rows start on the detail sheet. */
export function planSheetContent(
  template: PlanTemplate,
  report: PlanReport,
  target: number,
  blockRows: Map<string, number>,
  today: IsoDate,
): OwnSheetContent {
  const width = PLAN_WIDTHS.length;
  const blank = (): OutCell[] => Array<OutCell>(width).fill(null);
  const rows: OutCell[][] = [];
  for (const line of template.approval) {
    const r = blank();
    r[FIRST_MONTH_COL] = line;
    rows.push(r);
  }
  rows.push([], [template.title]);
  rows.push([
    `Отчёт за ${formatPeriodRu(report.month)}; сформирован ${formatDateRu(today)}; цель по мере 1 — ${targetText(target)} руб. в месяц (Настройки)`,
  ]);
  const headerAt = rows.length;
  rows.push([...template.columns, `Факт за ${formatPeriodRu(report.month)}`, "Выполнение", "Расшифровка"]);
  rows.push(Array.from({ length: width }, (_, i) => String(i + 1)));
  rows.push([null, template.section]);
  for (const m of report.measures) {
    m.indicators.forEach((ind, i) => {
      const measureCells: OutCell[] =
        i === 0
          ? [
              m.measure.number,
              m.measure.name,
              m.measure.expectedResult,
              m.measure.mechanism,
              m.indicatorText,
              m.measure.responsible,
              m.measure.term,
            ]
          : Array<OutCell>(FIRST_MONTH_COL).fill(null);
      rows.push([...measureCells, factText(ind), fulfilment(ind), detailLink(ind, blockRows)]);
    });
  }
  rows.push(
    [],
    [
      "«нет данных» — в книге нет сведений для показателя (что именно отсутствует, сказано в столбце факта); это не ноль.",
    ],
    ["«—» — показатель учитывается, но плановое значение для него не установлено."],
  );
  return {
    name: OWN_SHEETS.plan,
    rows,
    columns: PLAN_WIDTHS.map((w) => ({ width: w, format: "text" as const })),
    headerRows: [headerAt, headerAt + 1],
    print: { landscape: true, repeatRows: [headerAt, headerAt + 1], fitToWidth: true, wrapText: true },
  };
}

function detailLink(ind: PlanIndicator, blockRows: Map<string, number>): OutCell {
  const at = blockRows.get(ind.id);
  if (at === undefined || ind.fact === null) return null;
  return { kind: "link", text: `строк: ${ind.rows.length}`, sheet: OWN_SHEETS.planDetail, address: `A${at + 1}` };
}

const DETAIL_HEADER = ["Показатель", "Лист", "Строка", "Л/С", "Должник", "Дата", "Сумма", "Пояснение"];

/** One block per indicator: its title with the fact, then the rows behind it, each linked to its source cell. */
export function planDetailContent(report: PlanReport): { content: OwnSheetContent; blockRows: Map<string, number> } {
  const rows: OutCell[][] = [[`Расшифровка показателей плана за ${formatPeriodRu(report.month)}`], DETAIL_HEADER];
  const headerRows = [1];
  const blockRows = new Map<string, number>();
  for (const m of report.measures) {
    for (const ind of m.indicators) {
      blockRows.set(ind.id, rows.length);
      headerRows.push(rows.length);
      rows.push([ind.id, factText(ind)]);
      for (const r of ind.rows) {
        rows.push([
          ind.id,
          r.sheet,
          { kind: "link", text: String(r.row), sheet: r.sheet, address: `A${r.row}` },
          r.account,
          r.debtor,
          r.date ? { kind: "date", date: r.date } : null,
          r.amount === null ? null : { kind: "money", kopecks: r.amount },
          r.detail,
        ]);
      }
      if (ind.rows.length === 0) rows.push([ind.id, ind.fact === null ? "нет данных" : "строк нет"]);
    }
  }
  return {
    blockRows,
    content: {
      name: OWN_SHEETS.planDetail,
      rows,
      columns: [
        { width: 10, format: "text" },
        { width: 24, format: "text" },
        { width: 8 },
        { width: 12, format: "text" },
        { width: 28, format: "text" },
        { width: 12, format: "date" },
        { width: 16, format: "money" },
        { width: 50, format: "text" },
      ],
      headerRows,
      freezeRows: 2,
    },
  };
}

/**
 * Measure 1's claims filed in the month: the indicator the plan's target is set for (the chart's fact) — also in a
 * month without the data (no target then), as the first money indicator of the claims set.
 */
function claimsIndicator(report: PlanReport): PlanIndicator | undefined {
  const claims = report.measures.flatMap((m) => m.indicators).filter((i) => i.set === "claims" && i.unit === "money");
  return claims.find((i) => i.target !== null) ?? claims[0];
}

/** Chart title on «План — динамика» (the pane draws the same series under the same words). */
export const HISTORY_CHART_TITLE = "Мера 1: сумма требований по поданным заявлениям и цель, по месяцам";
/** Rows the chart takes below the table. */
const CHART_ROWS = 18;

/**
 * The fact row against the target row, month by month, as a native line chart below the table: the series point
 * at the sheet's cells, so the chart shows exactly what the table says.
 */
function historyChart(h: PlanHistory, rowOf: Map<string, number>, factId: string | undefined): OwnSheetChart | null {
  const fact = factId === undefined ? undefined : rowOf.get(factId);
  const target = rowOf.get(TARGET_ROW_ID);
  if (fact === undefined || target === undefined || h.months.length === 0) return null;
  const span = (row: number) => ({ row, col: 3, rows: 1, cols: h.months.length });
  const label = (row: number) => h.rows[row - 1].label;
  return {
    type: "line",
    title: HISTORY_CHART_TITLE,
    anchor: { row: h.rows.length + 2, col: 1, rows: CHART_ROWS, cols: 2 },
    categories: span(0),
    series: [
      { name: `${factId} ${label(fact)}`, values: span(fact) },
      { name: label(target), values: span(target) },
    ],
    valueAxisTitle: unitText("money"),
  };
}

/**
 * «План — динамика»: indicators down, months across; money as money cells so the sheet reads back in kopecks. With
 * `factId` (measure 1's claims indicator), a chart of that row against the target row.
 */
export function historyContent(h: PlanHistory, factId?: string): OwnSheetContent {
  const t = historyTable(h);
  const chart = historyChart(h, new Map(t.rows.map(({ row }, i) => [row.id, i + 1])), factId);
  const rows: OutCell[][] = [t.header];
  for (const { row, cells } of t.rows) {
    rows.push([
      row.id,
      row.label,
      unitText(row.unit),
      ...cells.map((v): OutCell => (v === null ? null : row.unit === "money" ? { kind: "money", kopecks: v } : v)),
    ]);
  }
  return {
    name: OWN_SHEETS.planHistory,
    rows,
    columns: [
      { width: 8, format: "text" },
      { width: 60, format: "text" },
      { width: 6 },
      ...h.months.map(() => ({ width: 16 })),
    ],
    headerRows: [0],
    freezeRows: 1,
    ...(chart ? { charts: [chart] } : {}),
  };
}

/** The month's column header in «План — динамика» (for readers of the sheet, e.g. the chart). */
export { monthHeader };
