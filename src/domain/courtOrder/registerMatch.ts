/**
 * Matching the court-work register «Реестр взыскания» (ours or the clerk's) against the ledger: rows are matched by
 * account (leading zeros ignored) or, in a register kept without accounts, by the debtor's full name; a row without
 * a period covers the months before its filing/order date (all, without one). The standing says whether a debt is
 * already in work, had its order cancelled (ГПК 129) or refused (ГПК 125).
 */
import { formatDateRu, formatPeriodNumeric, periodOf, type Period } from "../dates";
import type { LedgerAccount } from "../ledger/model";
import { STATUSES_FREEING_PERIOD } from "../register/columns";
import type { RegisterEntry } from "../register/recognize";
import type { CourtProtection } from "./lawEngine";

const NO_ENTRIES: RegisterEntry[] = [];

/** Statuses a row may still show when only the cancel date was typed (the clerk did not update the status). */
const STATUSES_BEFORE_CANCEL: readonly RegisterEntry["status"][] = ["подготовлено", "подано", "приказ вынесен"];

/** What the register says of an account's claimed months. */
export interface RegisterStanding {
  /** Filed-to-cancelled spans of cancelled orders: the limitation did not run meanwhile (ГК 204). */
  courtProtection: CourtProtection[];
  /** An order was cancelled or refused for these months: only a lawsuit is possible now. */
  orderImpossible: boolean;
}

/**
 * The register rows overlapping the months [from, to]: a cancelled or refused order adds a warning and rules the
 * order out; a row still in work excludes the debt (its reason goes to `excludeReasons`).
 */
export function registerStanding(
  entries: RegisterEntry[],
  from: Period | null,
  to: Period | null,
  warnings: string[],
  excludeReasons: string[],
): RegisterStanding {
  const standing: RegisterStanding = { courtProtection: [], orderImpossible: false };
  for (const e of entries) {
    if (!overlaps(e, from, to)) continue;
    // a cancel date with a later status typed (e.g. «иск подан») is a case still in work, not an order to replace
    if (e.status === "приказ отменён" || (e.cancelDate && STATUSES_BEFORE_CANCEL.includes(e.status))) {
      standing.orderImpossible = true;
      warnings.push(
        `судебный приказ за этот период отменён${e.cancelDate ? ` ${formatDateRu(e.cancelDate)}` : ""} (${describeEntry(e)}): нужен иск, не новый приказ (ГПК 129)`,
      );
      const filed = e.filingDate ?? e.orderDate;
      if (filed && e.cancelDate) standing.courtProtection.push({ filed, cancelled: e.cancelDate });
    } else if (e.status === "отказано") {
      standing.orderImpossible = true;
      warnings.push(
        `отказано в выдаче судебного приказа за этот период (${describeEntry(e)}): повторно приказ не выдадут — нужен иск (ГПК 125)`,
      );
    } else if (!STATUSES_FREEING_PERIOD.includes(e.status)) {
      excludeReasons.push(`уже в реестре взыскания со статусом «${e.statusText || e.status}» (${describeEntry(e)})`);
    }
  }
  return standing;
}

/** An account number as both registers may show it: a number cell in the clerk's register loses leading zeros. */
function accountKey(account: string): string {
  const t = account.trim();
  return /^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, "") : t;
}

/** A full name compared case- and spacing-insensitively («СОКОЛОВА ЕЛЕНА ВИКТОРОВНА» = «Соколова Елена Викторовна»). */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^а-яa-z0-9]+/g, " ")
    .trim();
}

export interface RegisterIndex {
  byAccount: Map<string, RegisterEntry[]>;
  /** Rows of a register kept without account numbers, by the debtor's name. */
  byName: Map<string, RegisterEntry[]>;
}

export function indexRegister(entries: RegisterEntry[]): RegisterIndex {
  const index: RegisterIndex = { byAccount: new Map(), byName: new Map() };
  for (const e of entries) {
    let map = index.byAccount;
    let k = accountKey(e.account);
    if (k === "") {
      map = index.byName;
      k = nameKey(e.debtor.split("\n")[0]); // «ФИО⏎дата рождения⏎место» in one cell: the name is the first line
    }
    if (k === "") continue;
    const list = map.get(k);
    if (list) list.push(e);
    else map.set(k, [e]);
  }
  return index;
}

export function registerRowsFor(index: RegisterIndex, account: LedgerAccount): RegisterEntry[] {
  const byAccount = index.byAccount.get(accountKey(account.account));
  const byName = index.byName.size > 0 ? index.byName.get(nameKey(account.name)) : undefined;
  if (byAccount && byName) return [...byAccount, ...byName];
  return byAccount ?? byName ?? NO_ENTRIES;
}

function overlaps(e: RegisterEntry, from: Period | null, to: Period | null): boolean {
  if (!from || !to) return true;
  if (!e.periodFrom && !e.periodTo) {
    // period not stated: a claim filed (or an order issued) in a month covers only months before it; without
    // either date assume it may cover the debt
    const filed = e.filingDate ?? e.orderDate;
    return filed ? from < periodOf(filed) : true;
  }
  const ef = e.periodFrom ?? e.periodTo!;
  const et = e.periodTo ?? e.periodFrom!;
  return ef <= to && from <= et;
}

function describeEntry(e: RegisterEntry): string {
  const parts: string[] = [];
  if (e.caseNumber) parts.push(`дело № ${e.caseNumber}`);
  if (e.orderDate) parts.push(`приказ от ${formatDateRu(e.orderDate)}`);
  if (e.periodFrom || e.periodTo)
    parts.push(
      `период ${formatPeriodNumeric(e.periodFrom ?? e.periodTo!)}–${formatPeriodNumeric(e.periodTo ?? e.periodFrom!)}`,
    );
  else parts.push("период не указан");
  parts.push(`строка ${e.row}`);
  if (accountKey(e.account) === "") parts.push("совпадение по ФИО — Л/С в реестре взыскания не указан");
  return parts.join(", ");
}
