/**
 * Register rows built from selected candidates, and the merge that decides what to write into a register the clerk
 * also edits: new keys become new rows; in an existing row only EMPTY cells of the add-in's columns are filled —
 * a cell that has a value (typed by the clerk or written earlier) is never changed.
 */
import { formatDateRu, formatPeriodNumeric, type Period } from "../dates";
import type { Kopecks } from "../money";
import type { Candidate } from "../courtOrder/select";
import { REGISTER_COLUMNS, REGISTER_HEADER, type RegisterField, type RegisterStatus } from "./columns";

/** A register row by field: money in kopecks (numbers), dates ISO strings, text strings. */
export type RegisterRow = Partial<Record<RegisterField, string | Kopecks | null>>;

/** A row as the workbook table holds it: values by header text. */
export type RegisterTableRow = Record<string, unknown>;

export const INITIAL_STATUS: RegisterStatus = "подготовлено";

/** «0012345/2024-01-2024-12»: the account and the claimed period identify a claim. */
export function registerKey(account: string, from: Period | null, to: Period | null): string {
  return `${account.trim()}/${from ?? ""}-${to ?? ""}`;
}

function periodText(p: Period | null): string {
  return p ? formatPeriodNumeric(p) : "";
}

export function registerRowFromCandidate(c: Candidate): RegisterRow {
  const d = c.debtorData;
  const birth = [d.birthDate ? formatDateRu(d.birthDate) : "", d.birthPlace ?? ""].filter((x) => x !== "").join(", ");
  const identifier = d.snils ? `СНИЛС ${d.snils}` : d.inn ? `ИНН ${d.inn}` : d.passport ? `паспорт ${d.passport}` : "";
  return {
    key: registerKey(c.account, c.periodFrom, c.periodTo),
    account: c.account,
    debtor: c.debtor,
    birth,
    identifier,
    address: c.address,
    periodFrom: periodText(c.periodFrom),
    periodTo: periodText(c.periodTo),
    principal: c.principal,
    penalty: c.penalty,
    duty: c.stateDuty,
    claim: c.claim,
    status: INITIAL_STATUS,
  };
}

export function isEmptyCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Field-keyed row → header-keyed row (only the add-in's columns). `cell` turns a domain value into what the table
 * stores (the app makes money and date cells); the default keeps it as is.
 */
export function toTableRow(
  row: RegisterRow,
  cell: (value: string | Kopecks, format: "text" | "money" | "date") => unknown = (v) => v,
): RegisterTableRow {
  const out: RegisterTableRow = {};
  for (const c of REGISTER_COLUMNS) {
    if (c.filledBy !== "addin") continue;
    const v = row[c.field];
    if (v !== undefined && v !== null) out[c.header] = cell(v, c.format);
  }
  return out;
}

export interface RegisterWrites {
  /** Rows with a key the register does not have yet. */
  added: RegisterTableRow[];
  /** Existing rows where some add-in cells were empty: the key and only those cells. */
  filled: RegisterTableRow[];
  /** Keys already in the register (nothing to add). */
  unchanged: string[];
}

/**
 * What to write into the register: `existing` as read from the sheet, `incoming` the rows for the selected
 * candidates (both by header; incoming made with toTableRow). Pure; the app hands the result to the port's upsert.
 */
export function mergeRegisterRows(existing: RegisterTableRow[], incoming: RegisterTableRow[]): RegisterWrites {
  const keyHeader = REGISTER_HEADER.key;
  const byKey = new Map<string, RegisterTableRow>();
  for (const row of existing) {
    const k = row[keyHeader];
    if (!isEmptyCell(k) && !byKey.has(String(k).trim())) byKey.set(String(k).trim(), row);
  }
  const added: RegisterTableRow[] = [];
  const filled: RegisterTableRow[] = [];
  const unchanged: string[] = [];
  const seen = new Set<string>();
  for (const row of incoming) {
    const key = String(row[keyHeader] ?? "").trim();
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    const current = byKey.get(key);
    if (!current) {
      added.push(row);
      continue;
    }
    const merged: RegisterTableRow = { [keyHeader]: current[keyHeader] };
    let changed = false;
    for (const [header, value] of Object.entries(row)) {
      if (isEmptyCell(current[header]) && !isEmptyCell(value)) {
        merged[header] = value;
        changed = true;
      }
    }
    if (changed) filled.push(merged);
    else unchanged.push(key);
  }
  return { added, filled, unchanged };
}
