/**
 * What the plan's indicators are computed from, read into plain records: the court-work register rows (with the
 * columns the candidate selection does not need — receipt, amounts collected, re-presentation, note), the ledger's
 * payments by month, and the record every «Сверить» run leaves on «Журнал сверок».
 */
import { parseRuDate, type IsoDate, type Period } from "../dates";
import type { CellValue, SheetGrid } from "../grid";
import { parseAmount, roublesToKopecks, type Kopecks } from "../money";
import type { CanonicalLedger } from "../ledger/model";
import type { RecognizedRegister, RegisterConcept } from "../register/recognize";
import type { RegisterStatus } from "../register/columns";

/** One claim of the court-work register as the plan needs it. */
export interface PlanEntry {
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  account: string;
  debtor: string;
  filingDate: IsoDate | null;
  fsspDate: IsoDate | null;
  endDate: IsoDate | null;
  representDate: IsoDate | null;
  /** Сумма требования, or основной долг + пени when the register has no claim column. */
  claim: Kopecks | null;
  /** The receipt cell: true «да», false «нет», null empty. */
  receipt: boolean | null;
  endReason: string;
  note: string;
  status: RegisterStatus;
}

/** The registers read and which of the plan's columns they have (an indicator without its column says so). */
export interface PlanRegister {
  sheets: string[];
  columns: Set<RegisterConcept>;
  entries: PlanEntry[];
}

export const EMPTY_REGISTER: PlanRegister = { sheets: [], columns: new Set(), entries: [] };

/** «да», «+», «приложена», «1», TRUE → true; «нет», «-», «0», FALSE → false. */
export function parseYesNo(v: CellValue, text: string): boolean | null {
  if (typeof v === "boolean") return v;
  const s = text.trim().toLowerCase();
  if (s === "") return null;
  if (/^(нет|не\b|-|—|0|false|ложь)/.test(s)) return false;
  if (/^(да|\+|1|true|истина|прилож|есть|v|✓)/.test(s)) return true;
  return null;
}

/** The plan's view of one recognised register sheet (the grid is the one recognizeRegister read). */
export function planEntriesFrom(reg: RecognizedRegister, grid: SheetGrid): PlanEntry[] {
  const cell = (r: number, c: RegisterConcept): { v: CellValue; t: string } => {
    const col = reg.columns[c];
    if (col === undefined) return { v: null, t: "" };
    const i = r - grid.top - 1;
    return { v: grid.values[i]?.[col - grid.left] ?? null, t: (grid.text[i]?.[col - grid.left] ?? "").trim() };
  };
  const date = (r: number, c: RegisterConcept): IsoDate | null => {
    const { v, t } = cell(r, c);
    return typeof v === "number" ? parseRuDate(v) : parseRuDate(t);
  };
  return reg.entries.map((e) => {
    const claim =
      e.claim ?? (e.principal === null && e.penalty === null ? null : (e.principal ?? 0) + (e.penalty ?? 0));
    const receipt = cell(e.row, "receiptAttached");
    return {
      sheet: reg.sheet,
      row: e.row,
      account: e.account,
      debtor: e.debtor,
      filingDate: e.filingDate,
      fsspDate: e.fsspDate,
      endDate: e.endDate,
      representDate: date(e.row, "representDate"),
      claim,
      receipt: parseYesNo(receipt.v, receipt.t),
      endReason: cell(e.row, "endReason").t,
      note: cell(e.row, "note").t,
      status: e.status,
    };
  });
}

/** Joins several register sheets; a claim kept on two sheets (same account and dates) counts once. */
export function joinRegisters(parts: { reg: RecognizedRegister; grid: SheetGrid }[]): PlanRegister {
  const out: PlanRegister = { sheets: [], columns: new Set(), entries: [] };
  const seen = new Set<string>();
  for (const { reg, grid } of parts) {
    out.sheets.push(reg.sheet);
    for (const c of Object.keys(reg.columns) as RegisterConcept[]) out.columns.add(c);
    for (const e of planEntriesFrom(reg, grid)) {
      const id = [e.account, e.filingDate, e.fsspDate, e.claim].join("|");
      if (seen.has(id)) continue;
      seen.add(id);
      out.entries.push(e);
    }
  }
  return out;
}

/** Payments by account and month from the ledger; `months` are the months the ledger covers month by month. */
export interface LedgerPayments {
  sheet: string;
  months: Set<Period>;
  byAccount: Map<string, { period: Period; paid: Kopecks; row: number }[]>;
}

/**
 * Payments per month: from the monthly layouts as they are; from a one-row-per-account ledger only when its period
 * is a single month (then the account's «оплачено» is that month's money). Otherwise null: no months to count.
 */
export function ledgerPayments(ledger: CanonicalLedger): LedgerPayments | null {
  const months = new Set<Period>();
  const byAccount = new Map<string, { period: Period; paid: Kopecks; row: number }[]>();
  const from = ledger.period.from?.slice(0, 7) ?? null;
  const to = ledger.period.to?.slice(0, 7) ?? null;
  const singleMonth = from !== null && from === to ? from : null;
  for (const a of ledger.accounts) {
    const list: { period: Period; paid: Kopecks; row: number }[] = [];
    if (a.months && a.months.length > 0) {
      for (const m of a.months) {
        months.add(m.period);
        list.push({ period: m.period, paid: m.paid, row: m.row });
      }
    } else if (singleMonth) {
      months.add(singleMonth);
      list.push({ period: singleMonth, paid: a.paid, row: a.row });
    }
    if (list.length > 0) byAccount.set(a.account, list);
  }
  return months.size === 0 ? null : { sheet: ledger.sheet, months, byAccount };
}

/** The sheet each «Сверить» run appends a row to, and the headers read from it. */
export const RECONCILIATION_LOG = {
  sheet: "Журнал сверок",
  date: "Дата сверки",
  records: "Записей",
  ours: "Наших производств",
  paidDirectCount: "Оплачено напрямую",
  paidDirectSum: "Сумма оплат напрямую",
} as const;

export interface ReconciliationRun {
  /** 1-based Excel row on «Журнал сверок». */
  row: number;
  date: IsoDate;
  ours: number;
  paidDirectCount: number;
  paidDirectSum: Kopecks;
}

function num(v: unknown): number {
  if (typeof v === "number") return v;
  const k = typeof v === "string" ? parseAmount(v) : null;
  return k === null ? 0 : k / 100;
}

/** Rows of «Журнал сверок» (values by header, as the port's readTable gives them); rows without a date are skipped. */
export function reconciliationRuns(rows: Record<string, unknown>[]): ReconciliationRun[] {
  const L = RECONCILIATION_LOG;
  const out: ReconciliationRun[] = [];
  rows.forEach((r, i) => {
    const d = r[L.date];
    const date = typeof d === "number" || typeof d === "string" ? parseRuDate(d) : null;
    if (!date) return;
    const sum = r[L.paidDirectSum];
    out.push({
      row: i + 2,
      date,
      ours: Math.round(num(r[L.ours] ?? r[L.records])),
      paidDirectCount: Math.round(num(r[L.paidDirectCount])),
      paidDirectSum: typeof sum === "number" ? roublesToKopecks(sum) : (parseAmount(String(sum ?? "")) ?? 0),
    });
  });
  return out;
}
