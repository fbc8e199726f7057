/**
 * Use case «Кандидаты на судебный приказ»: read the ledger through the port, recognise it, read the court-work
 * register if the workbook has one (ours or the clerk's own, recognised by its headers), select the candidates and
 * write the add-in's own sheet «Кандидаты» (one row per candidate with the reason, amounts, route and warnings;
 * the excluded debts with their reasons; a totals block). A rerun replaces the sheet; the ledger is not changed.
 */
import { loadCandidateOptions } from "./candidateOptions";
import type { OperationOptions, SheetInfo, WorkbookPort } from "../workbook/port";
import { OWN_SHEETS } from "../workbook/port";
import { throwIfAborted } from "../workbook/errors";
import type { IsoDate } from "../domain/dates";
import { columnLetter } from "../domain/grid";
import { recognizeLedger, type RecognizedLedger } from "../domain/ledger";
import { defaultLaw, selectCandidates, type CandidateSelection, type CandidateSettings } from "../domain/courtOrder";
import { recognizeRegister, type RegisterEntry } from "../domain/register";
import { candidatesSheetContent } from "./candidatesSheet";
import { pickLedgerSheet, readSavedMapping } from "./checkLedger";
import { isOwnSheet } from "../workbook/port";
import { DEFAULT_THRESHOLDS, loadSettings } from "./settings";
import { DONE_STAGE } from "./progressStages";

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
    await port.writeOwnSheet(candidatesSheetContent(selection, sheet, register.sheets), { signal });
  }
  onProgress?.({ done: total, total, stage: DONE_STAGE });
  return result;
}
