/**
 * Rules over every data row, in one pass: a missing or repeated account, a missing owner or address, the row's
 * period, its balance, a negative charge, СНИЛС / ИНН and dates. Returns what the account rules and the
 * month-to-month check need from the pass.
 */
import { formatPeriodRu } from "../../dates";
import { validateInn, validateSnils } from "../../ids";
import type { LedgerRowRecord } from "../recognize";
import { rub, type ValidationContext } from "./context";
import { checkMonthColumns, checkRowBalance } from "./balance";

export interface RowPass {
  /** Accounts with a cell that could not be read (their sums are not judged). */
  accountsWithInvalid: Set<string>;
  /** Per-month rows by account and service, for the month-to-month check. */
  chains: Map<string, LedgerRowRecord[]>;
}

export function checkRows(ctx: ValidationContext): RowPass {
  const layout = ctx.ledger.layout;
  const accountsWithInvalid = new Set<string>();
  const chains = new Map<string, LedgerRowRecord[]>();
  /** First row (1-based) of each account key. */
  const seen = new Map<string, number>();
  for (const r of ctx.ledger.details.rows) {
    const row0 = r.row - 1;
    if (r.hasInvalid) accountsWithInvalid.add(r.account);
    checkAccount(ctx, r, row0, seen);
    checkOwnerAndAddress(ctx, r, row0);
    if (ctx.cols.period !== undefined) checkPeriodCell(ctx, r, row0, ctx.cols.period);
    if (
      !r.hasInvalid &&
      layout !== "month-columns" &&
      r.opening !== null &&
      r.closing !== null &&
      (r.charged !== null || r.paid !== null)
    )
      checkRowBalance(ctx, r, row0);
    if (layout === "month-columns" && !r.hasInvalid) checkMonthColumns(ctx, r, row0);
    if (layout === "per-month-rows" && r.account !== "") {
      const k = `${r.account}\u0000${r.service}`;
      const list = chains.get(k);
      if (list) list.push(r);
      else chains.set(k, [r]);
    }
    // a negative charge with a recalculation column is the recalculation's business
    if (!ctx.hasRecalc) checkNegativeCharge(ctx, r, row0);
    checkIdentifiers(ctx, r, row0);
  }
  return { accountsWithInvalid, chains };
}

/** The row's account: present, and not repeated (per service, per month, per co-owner as the layout says). */
function checkAccount(ctx: ValidationContext, r: LedgerRowRecord, row0: number, seen: Map<string, number>): void {
  const { cols, add, firstCol, nameCol } = ctx;
  const layout = ctx.ledger.layout;
  if (r.account === "" && cols.account === undefined) {
    // no account column: the owner's name is the key, and it is missing
    if (nameCol >= 0)
      add("name.missing", row0, nameCol, "", `в строке ${r.row} есть суммы, но не указан собственник (ФИО).`);
    return;
  }
  if (r.account === "") {
    add(
      "account.missing",
      row0,
      cols.account ?? firstCol,
      "",
      `в строке ${r.row} есть суммы, но не указан лицевой счёт.`,
      r.name,
    );
    return;
  }
  let key =
    layout === "per-month-rows"
      ? `${r.account}\u0000${r.service}\u0000${r.period ?? r.periodText ?? ""}`
      : layout === "month-columns" || r.service === ""
        ? r.account
        : `${r.account}\u0000${r.service}`;
  // with a share column, co-owners of one flat come on rows of their own: the owner is part of the key
  if (cols.share !== undefined && !r.inheritedAccount) key += `\u0000${r.name}`;
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, r.row);
    return;
  }
  const what = layout === "per-month-rows" ? ` за ${r.period ? formatPeriodRu(r.period) : "тот же период"}` : "";
  const svc = r.service ? ` (услуга «${r.service}»)` : "";
  add(
    "account.duplicate",
    row0,
    cols.account ?? firstCol,
    r.account,
    `лицевой счёт ${r.account}${svc}${what} повторяется: он уже есть в строке ${first}.`,
    r.name,
  );
}

/**
 * Owner and address: on every row that gives its account (rows that inherit the account from the first row of
 * their block — per-service or per-month blocks — inherit the owner and address too).
 */
function checkOwnerAndAddress(ctx: ValidationContext, r: LedgerRowRecord, row0: number): void {
  const { add, nameCol, addressCol } = ctx;
  if (r.account === "" || r.inheritedAccount || ctx.cols.account === undefined) return;
  if (nameCol >= 0 && r.name.trim() === "")
    add("name.missing", row0, nameCol, r.account, `у лицевого счёта ${r.account} не указан собственник (ФИО).`, r.name);
  if (addressCol >= 0 && r.address.trim() === "")
    add(
      "address.missing",
      row0,
      addressCol,
      r.account,
      `у лицевого счёта ${r.account} не указан адрес помещения.`,
      r.name,
    );
}

function checkPeriodCell(ctx: ValidationContext, r: LedgerRowRecord, row0: number, periodCol: number): void {
  if (r.period === null || (ctx.ledger.layout === "per-month-rows" && !r.period)) {
    const t = r.periodText ?? "";
    const message = t === "" ? "не указан период строки." : `период «${t}» не распознан.`;
    ctx.add("period.invalid", row0, periodCol, r.account, message, r.name);
  } else if (r.period && ctx.todayPeriod && r.period > ctx.todayPeriod) {
    ctx.add(
      "period.future",
      row0,
      periodCol,
      r.account,
      `период «${formatPeriodRu(r.period)}» ещё не наступил.`,
      r.name,
    );
  }
}

/** A negative charge without a recalculation column to explain it: perhaps a sign mixed up. */
function checkNegativeCharge(ctx: ValidationContext, r: LedgerRowRecord, row0: number): void {
  const { add, chargedCol, chargedMonthIdx, monthColumns } = ctx;
  if (r.charged !== null && r.charged < 0 && chargedCol >= 0) {
    add(
      "charge.negative",
      row0,
      chargedCol,
      r.account,
      `отрицательное начисление ${rub(r.charged)}, а столбца перерасчёта нет — проверьте, не перепутан ли знак.`,
      r.name,
    );
  }
  if (!r.monthValues) return;
  for (const i of chargedMonthIdx) {
    const v = r.monthValues[i];
    if (v !== null && v < 0)
      add(
        "charge.negative",
        row0,
        monthColumns[i].col,
        r.account,
        `отрицательное начисление ${rub(v)} за ${formatPeriodRu(monthColumns[i].period)}, а столбца перерасчёта нет.`,
        r.name,
      );
  }
}

/** СНИЛС and ИНН check digits, dates that could not be read. */
function checkIdentifiers({ cols, add }: ValidationContext, r: LedgerRowRecord, row0: number): void {
  if (r.snils && cols.snils !== undefined && !validateSnils(r.snils).valid) {
    add(
      "id.snils-invalid",
      row0,
      cols.snils,
      r.account,
      `СНИЛС «${r.snils}»: ${validateSnils(r.snils).message}.`,
      r.name,
    );
  }
  if (r.inn && cols.inn !== undefined && !validateInn(r.inn).valid) {
    add("id.inn-invalid", row0, cols.inn, r.account, `ИНН «${r.inn}»: ${validateInn(r.inn).message}.`, r.name);
  }
  if (r.birthDateText && cols.birthDate !== undefined && !r.birthDate) {
    add("date.invalid", row0, cols.birthDate, r.account, `дата рождения «${r.birthDateText}» не распознана.`, r.name);
  }
  if (r.lastPaymentDateText && cols.lastPaymentDate !== undefined && !r.lastPaymentDate) {
    add(
      "date.invalid",
      row0,
      cols.lastPaymentDate,
      r.account,
      `дата последней оплаты «${r.lastPaymentDateText}» не распознана.`,
      r.name,
    );
  }
}
