/**
 * Use case «Кандидаты на судебный приказ»: read the ledger through the port, recognise it, read the court-work
 * register if the workbook has one (ours or the clerk's own, recognised by its headers), select the candidates and
 * write the add-in's own sheet «Кандидаты» (one row per candidate with the reason, amounts, route and warnings;
 * the excluded debts with their reasons; a totals block). A rerun replaces the sheet; the ledger is not changed.
 */
import { loadCandidateOptions } from "./candidateOptions";
import type { OperationOptions, OutCell, OwnSheetContent, SheetInfo, WorkbookPort } from "../workbook/port";
import { OWN_SHEETS } from "../workbook/port";
import { throwIfAborted } from "../workbook/errors";
import { formatDateRu, formatPeriodRu, type IsoDate } from "../domain/dates";
import { columnLetter } from "../domain/grid";
import { recognizeLedger, type RecognizedLedger } from "../domain/ledger";
import {
  defaultLaw,
  selectCandidates,
  type Candidate,
  type CandidateSelection,
  type CandidateSettings,
  type RuleMode,
} from "../domain/courtOrder";
import { recognizeRegister, type RegisterEntry } from "../domain/register";
import { pickLedgerSheet, readSavedMapping } from "./checkLedger";
import { isOwnSheet } from "../workbook/port";
import { DEFAULT_THRESHOLDS, loadSettings } from "./settings";

/** Where candidate-specific settings live in the workbook's settings record (thresholds hold multiple/window/target). */
export { CANDIDATE_SETTINGS_KEY } from "./candidateOptions";

export interface FindCandidatesOptions extends OperationOptions {
  sheet?: string;
  asOf: IsoDate;
  /** Overrides for the settings stored in the workbook. */
  settings?: Partial<CandidateSettings>;
  /** Write «Кандидаты» (default true). The CLI passes false: it never changes the input file. */
  write?: boolean;
  /**
   * The ledger already read and recognised from `sheet` (a whole run: the check just did it), so the sheet is not
   * read from the workbook a second time — on Excel on the web that halves the round trips.
   */
  ledger?: RecognizedLedger;
}

export interface FindCandidatesResult {
  sheet: string;
  layout: RecognizedLedger["layout"];
  ledger: RecognizedLedger;
  /** The register sheets that were read (their rows exclude debts already in work). */
  registerSheets: string[];
  selection: CandidateSelection;
}

const ROUTE_RU: Record<Candidate["route"], string> = { "court-order": "судебный приказ", lawsuit: "иск" };
const COURT_RU: Record<Candidate["court"], string> = { general: "мировой судья", arbitration: "арбитражный суд" };
const MODE_RU: Record<RuleMode, string> = { account: "по сумме по лицевому счёту", service: "по каждой услуге" };
/** Rows probed at the top of a sheet to tell whether it is a court-work register. */
const REGISTER_PROBE_ROWS = 35;

/** Settings: the plan thresholds and the «candidates» record from the workbook, then the caller's overrides. */
async function candidateSettingsFor(
  port: WorkbookPort,
  overrides: Partial<CandidateSettings> = {},
): Promise<Partial<CandidateSettings>> {
  const stored = await loadSettings(port);
  const own: Partial<CandidateSettings> = await loadCandidateOptions(port);
  const t = stored.thresholds;
  return {
    multiple: t.multiple,
    windowMonths: t.windowMonths,
    monthlyTarget: t.monthlyTarget,
    // the dated law table decides unless the user changed the limit in Настройки
    ...(t.courtOrderLimit !== DEFAULT_THRESHOLDS.courtOrderLimit ? { courtOrderLimit: t.courtOrderLimit } : {}),
    ...own,
    ...overrides,
  };
}

/** Reads only the top rows of a sheet to tell whether its header is a court-work register's. */
async function looksLikeRegister(port: WorkbookPort, s: SheetInfo, options: OperationOptions): Promise<boolean> {
  const probe = `A1:${columnLetter(Math.max(0, Math.min(s.columns + 10, 200) - 1))}${Math.min(s.rows + 5, REGISTER_PROBE_ROWS)}`;
  return recognizeRegister(await port.readSheet(s.name, { signal: options.signal, range: probe })) !== null;
}

/**
 * Rows of the court-work register(s): our «Реестр взыскания» and any other visible sheet whose header reads as a
 * court-work register (the clerk's own, with other headers). Other sheets are probed by their top rows only.
 */
async function readRegisters(
  port: WorkbookPort,
  ledgerSheet: string,
  options: OperationOptions,
): Promise<{ sheets: string[]; entries: RegisterEntry[] }> {
  const sheets: string[] = [];
  const entries: RegisterEntry[] = [];
  for (const s of await port.listSheets()) {
    if (s.name === ledgerSheet || s.rows === 0) continue;
    const ours = s.name === OWN_SHEETS.register;
    if (!ours && (isOwnSheet(s) || !s.visible || !(await looksLikeRegister(port, s, options)))) continue;
    const reg = recognizeRegister(await port.readSheet(s.name, { signal: options.signal }));
    if (!reg) continue;
    sheets.push(s.name);
    entries.push(...reg.entries);
  }
  return { sheets, entries };
}

export async function findCandidates(
  port: WorkbookPort,
  options: FindCandidatesOptions,
): Promise<FindCandidatesResult> {
  const { signal, onProgress } = options;
  const total = 5;
  onProgress?.({ done: 0, total, stage: "Поиск листа с реестром должников" });
  const sheet = options.ledger && options.sheet ? options.sheet : await pickLedgerSheet(port, options);
  throwIfAborted(signal);
  let ledger = options.ledger;
  if (!ledger) {
    const saved = await readSavedMapping(port, sheet);
    const grid = await port.readSheet(sheet, { signal });
    onProgress?.({ done: 1, total, stage: "Распознавание реестра должников" });
    ledger = recognizeLedger(grid, saved ? { mapping: saved.mapping, headerRow: saved.headerRow } : {});
    throwIfAborted(signal);
  }

  onProgress?.({ done: 2, total, stage: `Чтение листа «${OWN_SHEETS.register}»` });
  const register = await readRegisters(port, sheet, { signal });
  throwIfAborted(signal);

  onProgress?.({ done: 3, total, stage: "Отбор кандидатов, расчёт пени и госпошлины" });
  const settings = await candidateSettingsFor(port, options.settings);
  const selection = selectCandidates(ledger, {
    asOf: options.asOf,
    settings,
    register: register.entries,
    law: defaultLaw,
  });
  throwIfAborted(signal);

  const result: FindCandidatesResult = {
    sheet,
    layout: ledger.layout,
    ledger,
    registerSheets: register.sheets,
    selection,
  };
  if (options.write !== false) {
    onProgress?.({ done: 4, total, stage: `Запись листа «${OWN_SHEETS.candidates}»` });
    await port.writeOwnSheet(candidatesSheetContent(result), { signal });
  }
  onProgress?.({ done: total, total, stage: "Готово" });
  return result;
}

const money = (kopecks: number): OutCell => ({ kind: "money", kopecks });

const CANDIDATE_COLUMNS = [
  "№",
  "Л/С",
  "Должник",
  "Адрес",
  "Строка реестра",
  "Долг",
  "Среднемесячное начисление",
  "Кратность",
  "Основание отбора",
  "Период с",
  "Период по",
  "Основной долг",
  "Пени",
  "Госпошлина",
  "Срок давности пропущен",
  "Сумма требования",
  "Путь",
  "Суд",
  "Предупреждения",
] as const;

/** The «Кандидаты» sheet. */
function candidatesSheetContent(result: FindCandidatesResult): OwnSheetContent {
  const s = result.selection;
  const rows: OutCell[][] = [];
  const headerRows: number[] = [];
  rows.push([`Кандидаты на судебный приказ на ${formatDateRu(s.asOf)}`]);
  rows.push([`Правило: ${s.ruleText}; окно усреднения — ${s.rule.windowMonths} мес. (${MODE_RU[s.rule.mode]}).`]);
  rows.push([
    `Реестр должников: лист «${result.sheet}»` +
      (result.registerSheets.length
        ? `; учтён реестр взыскания: ${result.registerSheets.map((n) => `«${n}»`).join(", ")}`
        : "; реестра взыскания в книге нет"),
  ]);
  rows.push([]);
  headerRows.push(rows.length);
  rows.push([...CANDIDATE_COLUMNS]);
  const firstDataRow = rows.length;
  s.candidates.forEach((c, i) => {
    rows.push([
      i + 1,
      c.account,
      c.debtor,
      c.address,
      { kind: "link", text: `строка ${c.row}`, sheet: result.sheet, address: `A${c.row}` },
      money(c.debt),
      money(c.averageMonthly),
      c.ratio,
      c.reason,
      c.periodFrom ? formatPeriodRu(c.periodFrom) : "",
      c.periodTo ? formatPeriodRu(c.periodTo) : "",
      money(c.principal),
      money(c.penalty),
      money(c.stateDuty),
      money(c.timeBarred),
      money(c.claim),
      ROUTE_RU[c.route],
      COURT_RU[c.court],
      c.warnings.join("; "),
    ]);
  });
  if (s.candidates.length === 0) rows.push(["", "", "Кандидатов нет: ни один долг не достиг порога правила."]);
  rows.push([]);
  headerRows.push(rows.length);
  rows.push(["Итого"]);
  rows.push(["", "Кандидатов", "", "", "", "", "", "", "", "", "", "", "", "", "", s.totals.count]);
  rows.push(["", "Основной долг", "", "", "", "", "", "", "", "", "", "", "", "", "", money(s.totals.principal)]);
  rows.push(["", "Пени", "", "", "", "", "", "", "", "", "", "", "", "", "", money(s.totals.penalty)]);
  rows.push(["", "Госпошлина", "", "", "", "", "", "", "", "", "", "", "", "", "", money(s.totals.stateDuty)]);
  rows.push(["", "Сумма требований", "", "", "", "", "", "", "", "", "", "", "", "", "", money(s.totals.claim)]);
  rows.push(["", "Цель плана в месяц", "", "", "", "", "", "", "", "", "", "", "", "", "", money(s.target.monthly)]);
  rows.push([
    "",
    "Покрыто (судебные приказы)",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    money(s.target.covered),
  ]);
  rows.push(["", `Доля цели: ${String(s.target.share).replace(".", ",")} %`]);
  if (s.excluded.length > 0) {
    rows.push([]);
    headerRows.push(rows.length);
    rows.push(["Не включены", "Л/С", "Должник", "", "Строка реестра", "Долг", "", "", "Причина"]);
    for (const e of s.excluded) {
      rows.push([
        "",
        e.account,
        e.debtor,
        "",
        { kind: "link", text: `строка ${e.row}`, sheet: result.sheet, address: `A${e.row}` },
        money(e.debt),
        "",
        "",
        e.reasons.join("; "),
      ]);
    }
  }
  rows.push([]);
  headerRows.push(rows.length);
  rows.push(["Допущения расчёта"]);
  for (const a of s.assumptions) rows.push(["", a]);
  return {
    name: OWN_SHEETS.candidates,
    rows,
    headerRows,
    freezeRows: firstDataRow,
    columns: [
      { width: 6 },
      { width: 14, format: "text" },
      { width: 32 },
      { width: 32 },
      { width: 12 },
      { width: 14, format: "money" },
      { width: 14, format: "money" },
      { width: 10 },
      { width: 48 },
      { width: 14 },
      { width: 14 },
      { width: 14, format: "money" },
      { width: 12, format: "money" },
      { width: 12, format: "money" },
      { width: 14, format: "money" },
      { width: 16, format: "money" },
      { width: 16 },
      { width: 16 },
      { width: 60 },
    ],
  };
}
