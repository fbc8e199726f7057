/**
 * Use cases on the court-work register «Реестр взыскания»: «Внести в реестр» (the selected candidates become rows
 * with status «подготовлено»; in rows already there only empty cells of the add-in's columns are filled — what the
 * clerk typed is never overwritten), and «Расчёт пени» for one account (a sheet «Расчёт пени <Л/С>»).
 */
import type { OperationOptions, OutCell, TableRow, TableSpec, WorkbookPort } from "../workbook/port";
import { OWN_SHEETS, PENALTY_SHEET_PREFIX } from "../workbook/port";
import { throwIfAborted } from "../workbook/errors";
import { formatDateRu, formatPeriodNumeric, type IsoDate, type Period } from "../domain/dates";
import type { Kopecks } from "../domain/money";
import { calculatePenalty, type PenaltyResult, type PenaltySettings } from "../domain/law/penalty";
import { penaltyInputForAccount, type Candidate } from "../domain/courtOrder";
import type { LedgerAccount } from "../domain/ledger/model";
import { recognizeLedger } from "../domain/ledger";
import { readSavedMapping } from "./checkLedger";
import { penaltyTableSheet } from "./penaltySheet";
import {
  REGISTER_COLUMNS,
  REGISTER_HEADER,
  mergeRegisterRows,
  registerRowFromCandidate,
  toTableRow,
  type RegisterTableRow,
} from "../domain/register";

/** The register as an Excel table for the workbook port: keyed by «Ключ»; the add-in's columns are its own. */
export function registerTableSpec(sheet: string = OWN_SHEETS.register): TableSpec {
  return {
    sheet,
    columns: REGISTER_COLUMNS.map((c) => c.header),
    key: REGISTER_HEADER.key,
    ownColumns: REGISTER_COLUMNS.filter((c) => c.filledBy === "addin").map((c) => c.header),
    formats: Object.fromEntries(REGISTER_COLUMNS.map((c) => [c.header, c.format])),
  };
}

function outCell(value: string | Kopecks, format: "text" | "money" | "date"): OutCell {
  if (format === "money" && typeof value === "number") return { kind: "money", kopecks: value };
  if (format === "date" && typeof value === "string" && value !== "") return { kind: "date", date: value };
  return value;
}

export interface AddToRegisterResult {
  added: number;
  /** Existing rows where empty cells of the add-in's columns were filled. */
  filled: number;
  /** Candidates whose row was already complete in the register. */
  unchanged: number;
}

export async function addToRegister(
  port: WorkbookPort,
  candidates: readonly Candidate[],
  options: OperationOptions & { sheet?: string } = {},
): Promise<AddToRegisterResult> {
  const spec = registerTableSpec(options.sheet);
  throwIfAborted(options.signal);
  const existing = ((await port.readTable(spec)) ?? []) as RegisterTableRow[];
  const incoming = candidates.map((c) => toTableRow(registerRowFromCandidate(c), outCell));
  const writes = mergeRegisterRows(existing, incoming);
  const rows = [...writes.added, ...writes.filled] as TableRow[];
  if (rows.length > 0) await port.upsertTableRows(spec, rows, options);
  return { added: writes.added.length, filled: writes.filled.length, unchanged: writes.unchanged.length };
}

/** «Расчёт пени 0012345» within Excel's 31 characters and without the characters Excel forbids. */
function penaltySheetName(account: string): string {
  const clean = account.replace(/[[\]:*?/\\]/g, "-").trim();
  return (PENALTY_SHEET_PREFIX + clean).slice(0, 31);
}

/**
 * The penalty result without some periods, the way the claim counts it (select.ts): the rows and per-period totals
 * of the other periods, the total their sum. Built field by field: rows and byPeriod are getters of the result.
 */
function withoutPeriods(r: PenaltyResult, drop: ReadonlySet<Period>): PenaltyResult {
  const byPeriod = new Map<Period, Kopecks>();
  let total = 0;
  for (const [p, k] of r.byPeriod) {
    if (drop.has(p)) continue;
    byPeriod.set(p, k);
    total += k;
  }
  return {
    asOf: r.asOf,
    total,
    byPeriod,
    rows: r.rows.filter((row) => !drop.has(row.period)),
    settings: r.settings,
    assumptions: r.assumptions,
    rateNotes: r.rateNotes,
    overpaid: r.overpaid,
  };
}

/** Write the penalty calculation table (law engine, ЖК 155 ч. 14) for one account on «Расчёт пени <Л/С>». */
export async function writePenaltySheet(
  port: WorkbookPort,
  account: LedgerAccount,
  options: OperationOptions & {
    asOf: IsoDate;
    settings?: Partial<PenaltySettings>;
    /** Months left out of the claim as time-barred (Candidate.barredPeriods): their penalties are left out too. */
    barredPeriods?: readonly Period[];
  },
): Promise<string> {
  throwIfAborted(options.signal);
  const source = penaltyInputForAccount(account, options.asOf);
  if (!source) {
    throw new Error(
      `Для л/с ${account.account} в реестре нет помесячных начислений и оплат — расчёт пени составить нельзя.`,
    );
  }
  const full = calculatePenalty({
    charges: source.charges,
    payments: source.payments,
    asOf: options.asOf,
    settings: options.settings,
  });
  const barred = new Set(options.barredPeriods ?? []);
  const result = barred.size > 0 ? withoutPeriods(full, barred) : full;
  const title = `Расчёт пени по лицевому счёту ${account.account}${account.name ? ` (${account.name})` : ""} на ${formatDateRu(options.asOf)}`;
  const rows = penaltyTableSheet(result, title);
  // where the dates of payments came from (the ledger has months, not days)
  rows.splice(2, 0, [
    "Оплаты месяца без точной даты отнесены на 1-е число месяца, в котором они проведены (так пени не завышаются).",
  ]);
  if (barred.size > 0) {
    const list = [...barred].sort().map(formatPeriodNumeric).join(", ");
    rows.splice(3, 0, [
      `Месяцы за пределами срока исковой давности (${list}) не взыскиваются; пени по ним не начислены (ГК 207).`,
    ]);
  }
  const name = penaltySheetName(account.account);
  await port.writeOwnSheet(
    {
      name,
      rows,
      columns: [
        { width: 16 },
        { width: 12 },
        { width: 14 },
        { width: 12 },
        { width: 12 },
        { width: 8 },
        { width: 10 },
        { width: 10 },
        { width: 20 },
        { width: 48 },
        { width: 14 },
      ],
    },
    options,
  );
  return name;
}

export interface PenaltySheetsResult {
  /** Names of the sheets written, in the order of the candidates. */
  written: string[];
  /** Candidates for which no table could be made, with the Russian reason. */
  skipped: { account: string; reason: string }[];
}

/**
 * «Расчёт пени» for chosen candidates: re-reads their ledger sheet (with the mapping the clerk saved for it), and
 * writes one «Расчёт пени <Л/С>» sheet per account with monthly charges and payments, leaving out the months the
 * claim leaves out as time-barred.
 */
export async function writePenaltySheetsFor(
  port: WorkbookPort,
  args: { sheet: string; asOf: IsoDate; candidates: readonly Candidate[] },
  options: OperationOptions = {},
): Promise<PenaltySheetsResult> {
  const { signal, onProgress } = options;
  const total = args.candidates.length + 1;
  onProgress?.({ done: 0, total, stage: `Чтение листа «${args.sheet}»` });
  const saved = await readSavedMapping(port, args.sheet);
  const grid = await port.readSheet(args.sheet, { signal });
  const ledger = recognizeLedger(grid, saved ? { mapping: saved.mapping, headerRow: saved.headerRow } : {});
  const byAccount = new Map(ledger.accounts.map((a) => [a.account, a] as const));
  const result: PenaltySheetsResult = { written: [], skipped: [] };
  let done = 1;
  for (const c of args.candidates) {
    throwIfAborted(signal);
    onProgress?.({ done, total, stage: `Расчёт пени по л/с ${c.account}` });
    const account = byAccount.get(c.account);
    if (!account) {
      result.skipped.push({ account: c.account, reason: `лицевой счёт не найден на листе «${args.sheet}»` });
    } else if (!penaltyInputForAccount(account, args.asOf)) {
      result.skipped.push({ account: c.account, reason: "в реестре нет помесячных начислений и оплат" });
    } else {
      result.written.push(
        await writePenaltySheet(port, account, { asOf: args.asOf, barredPeriods: c.barredPeriods, signal }),
      );
    }
    done += 1;
  }
  onProgress?.({ done: total, total });
  return result;
}
