/**
 * Use case «Сверить» (cross-check with the bailiffs' register): read the bailiff register (a sheet, or text the clerk
 * pasted), the court-work register (ours «Реестр взыскания» or the clerk's own) and the ledger; match and give every
 * proceeding a status (src/domain/bailiff); write «Сверка ССП», the three lists to hand over, fill empty cells of the
 * add-in's columns in «Реестр взыскания», and record the run in «Журнал сверок». Bad input stops before anything is
 * written. Clerk decisions on ambiguous matches are kept in the workbook's settings and applied on every run.
 */
import type { OperationOptions, SheetInfo, WorkbookPort } from "../workbook/port";
import { OWN_SHEETS, isOwnSheet } from "../workbook/port";
import { throwIfAborted } from "../workbook/errors";
import { columnLetter, type SheetGrid } from "../domain/grid";
import { parseRuDate, type IsoDate } from "../domain/dates";
import { recognizeRegister, type RegisterEntry } from "../domain/register";
import { recognizeLedger, type LedgerAccount, type RecognizedLedger } from "../domain/ledger";
import {
  BailiffRegisterError,
  addressKey,
  documentKey,
  ipKey,
  parseBailiffRegister,
  parseDocumentNumber,
  reconcile,
  textToGrid,
  type ClerkDecision,
  type LedgerFacts,
  type MatchTarget,
  type ParsedBailiffRegister,
  type ReconcileResult,
} from "../domain/bailiff";
import { pickLedgerSheet, readSavedMapping } from "./checkLedger";
import { loadSettings } from "./settings";
import { writeReconcileOutput } from "./reconcileSheets";

/** Where the clerk's decisions live in the workbook settings: decisionKey → decision. */
export const RECONCILE_DECISIONS_KEY = "reconcileDecisions";

/** Bad input for «Сверить»: a Russian message; nothing was written. */
export class ReconcileInputError extends Error {
  constructor(
    readonly code: "empty" | "unrecognised" | "no-register" | "no-court-register" | "sheet-not-found",
    message: string,
  ) {
    super(message);
    this.name = "ReconcileInputError";
  }
}

export interface ReconcileOptions extends OperationOptions {
  asOf: IsoDate;
  /** The sheet with the bailiff register; found by its header when neither it nor `registerText` is given. */
  registerSheet?: string;
  /** Text pasted into the taskpane box (or read from a .csv/.txt file). */
  registerText?: string;
  /** A grid read elsewhere (the CLI's .xlsx register file). */
  registerGrid?: SheetGrid;
  ledgerSheet?: string;
  /**
   * The ledger already read and recognised (the monthly run's check did it), so it is not read and recognised a
   * second time; ignored when it is the sheet the bailiff register comes from.
   */
  ledger?: { sheet: string; ledger: RecognizedLedger };
  /** New decisions to apply and remember (merged over the saved ones). */
  decisions?: Record<string, ClerkDecision>;
  /** Write the sheets, the register columns and the log (default true). The CLI passes false. */
  write?: boolean;
  /** Run timestamp for the log key (defaults to now). */
  now?: string;
}

export interface ReconcileRun {
  register: ParsedBailiffRegister;
  /** Where the register came from: a sheet name or «вставленный текст». */
  source: string;
  courtSheets: string[];
  ledgerSheet: string | null;
  result: ReconcileResult;
  /** Notes for the user (no ledger found, fallback to names …). */
  notes: string[];
  written: string[];
}

const PROBE_ROWS = 60;

async function probe(port: WorkbookPort, s: SheetInfo, options: OperationOptions): Promise<SheetGrid> {
  const range = `A1:${columnLetter(Math.max(0, Math.min(s.columns + 5, 60) - 1))}${Math.min(s.rows + 5, PROBE_ROWS)}`;
  return port.readSheet(s.name, { signal: options.signal, range });
}

function tryParse(grid: SheetGrid): ParsedBailiffRegister | null {
  try {
    return parseBailiffRegister(grid);
  } catch {
    return null;
  }
}

/** The bailiff register grid: pasted text, a given grid, the named sheet, or the one sheet whose header reads as one. */
export async function findBailiffRegisterGrid(
  port: WorkbookPort,
  o: Pick<ReconcileOptions, "registerGrid" | "registerText" | "registerSheet" | "signal">,
): Promise<{ grid: SheetGrid; source: string }> {
  if (o.registerGrid) return { grid: o.registerGrid, source: o.registerGrid.sheet };
  if (o.registerText !== undefined) {
    if (o.registerText.trim() === "")
      throw new ReconcileInputError("empty", "Вставленный текст пуст: скопируйте таблицу исполнительных производств.");
    return { grid: textToGrid(o.registerText), source: "вставленный текст" };
  }
  const sheets = (await port.listSheets()).filter((s) => s.visible && !isOwnSheet(s) && s.rows > 0);
  if (o.registerSheet) {
    if (!sheets.some((s) => s.name === o.registerSheet))
      throw new ReconcileInputError("sheet-not-found", `В книге нет листа «${o.registerSheet}».`);
    return { grid: await port.readSheet(o.registerSheet, { signal: o.signal }), source: o.registerSheet };
  }
  // the sheet most like a bailiff register: most records with a proceeding number (a court-work register has
  // them on some rows only), a bailiff-bank header over a list, not a sheet that reads as a court-work register
  let best: { name: string; score: number } | null = null;
  for (const s of sheets) {
    const head = await probe(port, s, o);
    const parsed = tryParse(head);
    if (!parsed || parsed.proceedings.length === 0) continue;
    const share = parsed.proceedings.filter((p) => p.ip).length / parsed.proceedings.length;
    const score = share * 100 + (parsed.kind === "osp-list" ? 0 : 50) - (recognizeRegister(head) ? 30 : 0);
    if (share >= 0.5 && (!best || score > best.score)) best = { name: s.name, score };
  }
  if (best) return { grid: await port.readSheet(best.name, { signal: o.signal }), source: best.name };
  throw new ReconcileInputError(
    "no-register",
    `В книге не найден реестр исполнительных производств (заголовки «Должник», «Исполнительное производство» или «№ ИП»). Листы: ${sheets.map((s) => `«${s.name}»`).join(", ")}. Вставьте реестр в поле или укажите лист.`,
  );
}

/** The court-work register rows from every sheet that reads as one (not the bailiff register, not the ledger). */
async function courtEntries(port: WorkbookPort, skip: Set<string>, o: OperationOptions) {
  const sheets: string[] = [];
  const entries: { sheet: string; entry: RegisterEntry; address: string; birth: string }[] = [];
  for (const s of await port.listSheets()) {
    if (skip.has(s.name) || s.rows === 0) continue;
    const ours = s.name === OWN_SHEETS.register;
    if (!ours && (isOwnSheet(s) || !s.visible || !recognizeRegister(await probe(port, s, o)))) continue;
    const grid = await port.readSheet(s.name, { signal: o.signal });
    const reg = recognizeRegister(grid);
    // a court-work register names the account of each case; a bailiff list (no accounts) is not one
    if (!reg || reg.entries.length === 0 || reg.columns.account === undefined) continue;
    sheets.push(s.name);
    const cell = (row: number, col: number | undefined) =>
      col === undefined ? "" : (grid.text[row - 1 - grid.top]?.[col - grid.left] ?? "");
    for (const e of reg.entries) {
      entries.push({
        sheet: s.name,
        entry: e,
        address: cell(e.row, reg.columns.address),
        birth: cell(e.row, reg.columns.birth),
      });
    }
  }
  return { sheets, entries };
}

function facts(a: LedgerAccount, periodFrom: IsoDate | null): LedgerFacts {
  return {
    periodFrom,
    periodPaid: a.paid,
    closing: a.closing,
    lastPaymentDate: a.lastPaymentDate,
    lastPaymentAmount: a.lastPaymentAmount,
    months: a.months?.map((m) => ({ period: m.period, paid: m.paid })),
  };
}

/** Register rows (and ledger accounts that carry a case or an ИП of their own) as match targets. */
export function buildTargets(
  entries: { entry: RegisterEntry; address: string; birth: string }[],
  accounts: readonly LedgerAccount[],
): MatchTarget[] {
  const byAccount = new Map(accounts.map((a) => [a.account, a] as const));
  const targets: MatchTarget[] = entries.map(({ entry: e, address, birth }) => {
    const a = byAccount.get(e.account);
    const doc = parseDocumentNumber(e.caseNumber);
    return {
      id: e.key || `${e.account}/${e.row}`,
      account: e.account,
      debtor: e.debtor || a?.name || "",
      documentRaw: e.caseNumber,
      documentKey: doc?.key ?? null,
      documentSuffix: doc?.suffix ?? "",
      ipKey: ipKey(e.ipNumber),
      birthDate: a?.birthDate ?? parseRuDate(birth.split(",")[0] ?? "") ?? null,
      addressKey: addressKey(address || a?.address || ""),
      amount: e.claim ?? e.principal,
      orderDate: e.orderDate,
      fsspDate: e.fsspDate,
      registerRow: e.row,
      registerStatus: e.statusText || e.status,
    };
  });
  const inRegister = new Set(entries.map((e) => e.entry.account));
  for (const a of accounts) {
    if (inRegister.has(a.account)) continue;
    targets.push({
      id: `л/с ${a.account}`,
      account: a.account,
      debtor: a.name,
      documentRaw: a.caseNumber ?? "",
      documentKey: a.caseNumber ? documentKey(a.caseNumber) : null,
      documentSuffix: "",
      ipKey: a.ipNumber ? ipKey(a.ipNumber) : null,
      birthDate: a.birthDate ?? null,
      addressKey: addressKey(a.address),
      amount: null,
      orderDate: a.orderDate ?? null,
      fsspDate: null,
      registerRow: null,
      registerStatus: "",
    });
  }
  return targets;
}

async function readLedger(port: WorkbookPort, o: ReconcileOptions, skip: Set<string>) {
  if (o.ledger && !skip.has(o.ledger.sheet) && (!o.ledgerSheet || o.ledgerSheet === o.ledger.sheet)) return o.ledger;
  try {
    const sheet = await pickLedgerSheet(port, { sheet: o.ledgerSheet, signal: o.signal });
    if (skip.has(sheet)) return null;
    const saved = await readSavedMapping(port, sheet);
    const grid = await port.readSheet(sheet, { signal: o.signal });
    return {
      sheet,
      ledger: recognizeLedger(grid, saved ? { mapping: saved.mapping, headerRow: saved.headerRow } : {}),
    };
  } catch (err) {
    if (o.ledgerSheet) throw err;
    return null;
  }
}

export async function runReconcile(port: WorkbookPort, options: ReconcileOptions): Promise<ReconcileRun> {
  const { signal, onProgress } = options;
  const total = 6;
  onProgress?.({ done: 0, total, stage: "Чтение реестра исполнительных производств" });
  const { grid, source } = await findBailiffRegisterGrid(port, options);
  let register: ParsedBailiffRegister;
  try {
    register = parseBailiffRegister(grid);
  } catch (err) {
    if (err instanceof BailiffRegisterError) throw new ReconcileInputError(err.code, err.message);
    throw err;
  }
  throwIfAborted(signal);
  onProgress?.({ done: 1, total, stage: "Чтение реестра должников" });
  const skip = new Set([source]);
  const ledger = await readLedger(port, options, skip);
  if (ledger) skip.add(ledger.sheet);
  onProgress?.({ done: 2, total, stage: "Чтение реестра судебной работы" });
  const court = await courtEntries(port, skip, options);
  if (court.entries.length === 0) {
    throw new ReconcileInputError(
      "no-court-register",
      `В книге нет реестра судебной работы («${OWN_SHEETS.register}» или листа с заголовками «№ дела», «Дата направления в ССП», «№ ИП»): сверять не с чем.`,
    );
  }
  throwIfAborted(signal);
  onProgress?.({ done: 3, total, stage: "Сопоставление производств" });
  const settings = await port.readSettings();
  const saved = (settings[RECONCILE_DECISIONS_KEY] as Record<string, ClerkDecision> | undefined) ?? {};
  const decisions = { ...saved, ...(options.decisions ?? {}) };
  const accounts = ledger?.ledger.accounts ?? [];
  const result = reconcile({
    register,
    targets: buildTargets(court.entries, accounts),
    ledger: new Map(
      accounts.map(
        (a) =>
          [a.account, facts(a, ledger?.ledger.layout === "per-account" ? ledger.ledger.period.from : null)] as const,
      ),
    ),
    ourInn: (await loadSettings(port)).claimant.inn.trim(),
    asOf: options.asOf,
    decisions: new Map(Object.entries(decisions)),
  });
  const notes: string[] = [];
  if (!ledger) notes.push("Реестр должников не найден: оплаты напрямую не проверены.");
  if (register.noDocumentNumbers)
    notes.push("В реестре нет номеров исполнительных документов: сопоставление по ФИО, дате рождения, адресу и сумме.");
  const run: ReconcileRun = {
    register,
    source,
    courtSheets: court.sheets,
    ledgerSheet: ledger?.sheet ?? null,
    result,
    notes,
    written: [],
  };
  if (options.write !== false) {
    throwIfAborted(signal);
    onProgress?.({ done: 4, total, stage: "Запись листов сверки" });
    if (options.decisions && Object.keys(options.decisions).length > 0)
      await port.writeSettings({ ...(await port.readSettings()), [RECONCILE_DECISIONS_KEY]: decisions });
    run.written = await writeReconcileOutput(port, run, { asOf: options.asOf, now: options.now, signal, onProgress });
  }
  onProgress?.({ done: total, total });
  return run;
}
