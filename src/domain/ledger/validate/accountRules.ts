/** Rules over the canonical accounts: a debt with no charges in the period, several owners without shares. */
import { rub, type ValidationContext } from "./context";

export function checkAccounts(ctx: ValidationContext, accountsWithInvalid: Set<string>): void {
  const { add, cols, chargedCol, chargedMonthIdx, monthColumns, closingCol, nameCol } = ctx;
  const hasChargeData = chargedCol >= 0 || chargedMonthIdx.length > 0;
  const shareCol = cols.share;
  for (const a of ctx.ledger.accounts) {
    const row0 = a.row - 1;
    if (hasChargeData && a.closing > 0 && a.charged === 0 && !accountsWithInvalid.has(a.account)) {
      add(
        "debt.no-charges",
        row0,
        chargedCol >= 0 ? chargedCol : (monthColumns[chargedMonthIdx[0]]?.col ?? closingCol),
        a.account,
        `долг ${rub(a.closing)} при нулевых начислениях за период — проверьте, не закрыт ли счёт и не пропущены ли начисления.`,
      );
    }
    if (nameCol >= 0 && (shareCol === undefined || !a.share) && severalOwners(a.name)) {
      add(
        "owners.no-shares",
        row0,
        nameCol,
        a.account,
        `в одной ячейке несколько собственников («${a.name}»), а доли не указаны: судебный приказ нужен на каждого собственника по его доле.`,
      );
    }
  }
}

const OWNER_SEPARATOR = /[,;\n]|\sи\s/;
const OWNER_SPLIT = /\s*(?:[,;\r\n]|\sи\s)\s*/;
const SHARE_IN_TEXT = /\d+\s*\/\s*\d+|дол[яи]/i;
const PERSON = /^[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁа-яё][а-яё]+)?\s+(?:[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.?)?|[А-ЯЁ][а-яё]+)/;

/** «Соколова Е.В., Соколов В.П.» — two or more people in one cell, with no share written next to them. */
export function severalOwners(name: string): boolean {
  if (!OWNER_SEPARATOR.test(name) || SHARE_IN_TEXT.test(name)) return false;
  let people = 0;
  for (const part of name.split(OWNER_SPLIT)) if (PERSON.test(part.trim())) people++;
  return people >= 2;
}
