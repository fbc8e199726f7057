/**
 * What the documents are made of, read from the workbook: the register rows «Реестр взыскания» (the claim, the
 * debtor's ГПК 124 data, the court order once the clerk records it), the ledger's monthly history for the claim by
 * month and the penalty calculation (ЖК РФ ст. 155 ч. 14, the same table «Расчёт пени на листы» writes), and the
 * magistrates' districts table. Reading only; makeDocuments.ts decides and writes.
 */
import type { WorkbookPort } from "../workbook/port";
import { isAbortError } from "../workbook/errors";
import { parseRuDate, type IsoDate, type Period } from "../domain/dates";
import { parseAmount, type Kopecks } from "../domain/money";
import { parsePeriod } from "../domain/dates";
import { REGISTER_HEADER, isEmptyCell, type RegisterTableRow } from "../domain/register";
import { calculatePenalty, type PenaltyResult } from "../domain/law";
import { penaltyInputForAccount, principalByPeriodFor } from "../domain/courtOrder/lawPeriods";
import { recognizeLedger, type LedgerAccount } from "../domain/ledger";
import type { AnnexCell } from "../documents/application";
import { pickLedgerSheet, readSavedMapping } from "./checkLedger";
import { registerTableSpec } from "./courtRegister";
import { penaltyTableSheet } from "./penaltySheet";

/** One register row as the documents need it. */
export interface RegisterEntry {
  /** 1-based data row of the register (the header is row 0; empty rows are not counted). */
  row: number;
  key: string;
  account: string;
  debtor: string;
  birthDate: IsoDate | null;
  birthPlace: string;
  identifier: string;
  address: string;
  periodFrom: Period | null;
  periodTo: Period | null;
  principal: Kopecks;
  penalty: Kopecks;
  duty: Kopecks;
  filingDate: IsoDate | null;
  court: string;
  caseNumber: string;
  orderDate: IsoDate | null;
  status: string;
  /** The two cells the covering letter fills: true when the clerk (or an earlier run) already filled them. */
  fsspDateFilled: boolean;
  receiptFilled: boolean;
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
const money = (v: unknown): Kopecks => parseAmount(typeof v === "number" || typeof v === "string" ? v : null) ?? 0;
const date = (v: unknown): IsoDate | null => (typeof v === "number" || typeof v === "string" ? parseRuDate(v) : null);

/** «14.03.1975, г. Тверь» (how «Внести в реестр» writes it) → date and place; a bare date cell works too. */
export function splitBirth(v: unknown): { birthDate: IsoDate | null; birthPlace: string } {
  if (typeof v === "number") return { birthDate: date(v), birthPlace: "" };
  const s = text(v);
  const m = /^(\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2})\s*(?:г\.?)?\s*[,;]?\s*(.*)$/.exec(s);
  if (m) return { birthDate: parseRuDate(m[1]), birthPlace: m[2].trim() };
  return { birthDate: null, birthPlace: s };
}

export function registerEntry(row: RegisterTableRow, index: number): RegisterEntry {
  const h = REGISTER_HEADER;
  const period = (v: unknown) => (typeof v === "number" || typeof v === "string" ? parsePeriod(v) : null);
  return {
    row: index + 1,
    key: text(row[h.key]),
    account: text(row[h.account]),
    debtor: text(row[h.debtor]),
    ...splitBirth(row[h.birth]),
    identifier: text(row[h.identifier]),
    address: text(row[h.address]),
    periodFrom: period(row[h.periodFrom]),
    periodTo: period(row[h.periodTo]),
    principal: money(row[h.principal]),
    penalty: money(row[h.penalty]),
    duty: money(row[h.duty]),
    filingDate: date(row[h.filingDate]),
    court: text(row[h.court]),
    caseNumber: text(row[h.caseNumber]),
    orderDate: date(row[h.orderDate]),
    status: text(row[h.status]),
    fsspDateFilled: !isEmptyCell(row[h.fsspDate]),
    receiptFilled: !isEmptyCell(row[h.receiptAttached]),
  };
}

/** The register's rows, or null when the workbook has no register yet. */
export async function readRegisterEntries(port: WorkbookPort): Promise<RegisterEntry[] | null> {
  const rows = (await port.readTable(registerTableSpec())) as RegisterTableRow[] | null;
  return rows === null ? null : rows.map(registerEntry);
}

/** «Без заявления»: nothing filed yet — no filing date, and the status still «подготовлено» (or returned/empty). */
export function withoutApplication(e: RegisterEntry): boolean {
  return e.filingDate === null && ["", "подготовлено", "возвращено судом"].includes(e.status.toLowerCase());
}

/** The ledger's accounts by л/с, or null when the workbook has no single recognisable ledger. */
export async function readLedgerAccounts(
  port: WorkbookPort,
  sheet?: string,
  signal?: AbortSignal,
): Promise<Map<string, LedgerAccount> | null> {
  try {
    const name = await pickLedgerSheet(port, { sheet, signal });
    const saved = await readSavedMapping(port, name);
    const grid = await port.readSheet(name, { signal });
    const ledger = recognizeLedger(grid, saved ? { mapping: saved.mapping, headerRow: saved.headerRow } : {});
    return new Map(ledger.accounts.map((a) => [a.account, a] as const));
  } catch (err) {
    if (isAbortError(err)) throw err;
    // no ledger, several ledgers or an unreadable one: the documents go without the monthly breakdown
    return null;
  }
}

const inRange = (p: Period, from: Period | null, to: Period | null) => (!from || p >= from) && (!to || p <= to);

/** The penalty result restricted to the claimed months (rows, per-month totals and the total). */
function onlyPeriods(r: PenaltyResult, from: Period | null, to: Period | null): PenaltyResult {
  const byPeriod = new Map<Period, Kopecks>();
  let total = 0;
  for (const [p, k] of r.byPeriod) {
    if (!inRange(p, from, to)) continue;
    byPeriod.set(p, k);
    total += k;
  }
  // field by field: rows, byPeriod, assumptions and rateNotes are getters of the result (a spread drops them)
  return {
    asOf: r.asOf,
    total,
    byPeriod,
    rows: r.rows.filter((row) => inRange(row.period, from, to)),
    settings: r.settings,
    assumptions: r.assumptions,
    rateNotes: r.rateNotes,
    overpaid: r.overpaid,
  };
}

export interface LedgerDetail {
  principalByPeriod: { period: Period; amount: Kopecks }[];
  penaltyAnnex: AnnexCell[][] | null;
  /** The penalty the annex computes for the claimed months. */
  penaltyTotal: Kopecks | null;
}

/** Claim by month and the penalty table for one register row, from the ledger's monthly history. */
export function ledgerDetail(account: LedgerAccount | undefined, e: RegisterEntry, asOf: IsoDate): LedgerDetail {
  const none: LedgerDetail = { principalByPeriod: [], penaltyAnnex: null, penaltyTotal: null };
  if (!account) return none;
  const source = penaltyInputForAccount(account, asOf);
  if (!source) return none;
  const byPeriod = principalByPeriodFor(account, asOf)
    .filter((p) => !p.barred && p.amount > 0 && inRange(p.period, e.periodFrom, e.periodTo))
    .map((p) => ({ period: p.period, amount: p.amount }));
  const sum = byPeriod.reduce((s, p) => s + p.amount, 0);
  const full = calculatePenalty({ charges: source.charges, payments: source.payments, asOf });
  const result = onlyPeriods(full, e.periodFrom, e.periodTo);
  const title = `Расчёт пени по лицевому счёту ${e.account} (${e.debtor}) на ${asOf.split("-").reverse().join(".")}`;
  const rows = penaltyTableSheet(result, title) as AnnexCell[][];
  rows.splice(2, 0, [
    "Оплаты месяца без точной даты отнесены на 1-е число месяца, в котором они проведены (так пени не завышаются).",
  ]);
  return {
    // the breakdown is shown only when it adds up to the register's principal (otherwise the ledger changed since)
    principalByPeriod: sum === e.principal ? byPeriod : [],
    penaltyAnnex: rows,
    penaltyTotal: result.total,
  };
}
