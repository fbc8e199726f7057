/**
 * The grid columns the row reader uses, resolved once per sheet from the column mapping (sheet columns → grid
 * columns, -1 where the sheet has no such column), so that the row loop only indexes.
 */
import type { ColumnMapping, LedgerConcept } from "../model";
import { AMOUNT_CONCEPTS } from "../headers";
import type { MonthColumn } from "./mapColumns";

/** An amount concept's column; `parts` when the concept is the sum of several columns. */
export interface AmountColumn {
  concept: LedgerConcept;
  /** Index in AMOUNT_CONCEPTS (the slot of the row's amounts). */
  slot: number;
  col: number;
  parts: number[] | undefined;
}

export interface RowColumns {
  account: number;
  name: number;
  /** Surname, first name, patronymic columns present on the sheet (a name in three columns). */
  nameParts: number[];
  address: number;
  /**
   * Address parts added to the address, each with its label («д. », «кв. »): with a full address column («Адрес
   * дома») only the flat; otherwise all the parts make the address.
   */
  addressParts: { label: string; col: number }[];
  service: number;
  period: number;
  snils: number;
  inn: number;
  share: number;
  birthDate: number;
  birthPlace: number;
  passport: number;
  caseNumber: number;
  orderDate: number;
  ipNumber: number;
  lastPaymentDate: number;
  /** Identifier columns whose cells must never be dates. */
  neverDates: { concept: LedgerConcept; col: number }[];
  amounts: AmountColumn[];
  months: number[];
  /** The leftmost amount or month column: a total's label stands left of it. */
  firstAmount: number;
  /** Account, name, address and service columns (a total's label may stand in any of them). */
  identity: number[];
}

/** Identifier columns whose cells must never be dates (Excel turns «5/1», «2-1/20», «3-5» into dates). */
const NEVER_DATES: readonly LedgerConcept[] = ["account", "house", "building", "flat", "caseNumber", "ipNumber"];
/** Address parts in the order they are written, with the label each takes. */
const ADDRESS_PARTS = [
  { part: "settlement", label: "" },
  { part: "street", label: "" },
  { part: "house", label: "д. " },
  { part: "building", label: "корп. " },
  { part: "flat", label: "кв. " },
] as const;

/** Slots of the row's amounts by AMOUNT_CONCEPTS index. */
export const SLOT = {
  openingBalance: AMOUNT_CONCEPTS.indexOf("openingBalance"),
  openingDebt: AMOUNT_CONCEPTS.indexOf("openingDebt"),
  openingAdvance: AMOUNT_CONCEPTS.indexOf("openingAdvance"),
  closingBalance: AMOUNT_CONCEPTS.indexOf("closingBalance"),
  closingDebt: AMOUNT_CONCEPTS.indexOf("closingDebt"),
  closingAdvance: AMOUNT_CONCEPTS.indexOf("closingAdvance"),
  charged: AMOUNT_CONCEPTS.indexOf("charged"),
  recalculation: AMOUNT_CONCEPTS.indexOf("recalculation"),
  subsidy: AMOUNT_CONCEPTS.indexOf("subsidy"),
  paid: AMOUNT_CONCEPTS.indexOf("paid"),
  penalties: AMOUNT_CONCEPTS.indexOf("penalties"),
  lastPaymentAmount: AMOUNT_CONCEPTS.indexOf("lastPaymentAmount"),
} as const;

export function rowColumns(
  columns: ColumnMapping,
  monthColumns: MonthColumn[],
  gridLeft: number,
  gridWidth: number,
  parts: Partial<Record<LedgerConcept, number[]>> | undefined,
): RowColumns {
  const col = (k: LedgerConcept): number => (columns[k] === undefined ? -1 : columns[k] - gridLeft);
  const amounts = AMOUNT_CONCEPTS.map((concept, slot) => ({
    concept,
    slot,
    col: col(concept),
    parts: parts?.[concept]?.map((sc) => sc - gridLeft),
  })).filter((a) => a.col >= 0);
  const months = monthColumns.map((m) => m.col - gridLeft);
  let firstAmount = gridWidth;
  for (const a of amounts) firstAmount = Math.min(firstAmount, a.col);
  for (const c of months) firstAmount = Math.min(firstAmount, c);
  return {
    account: col("account"),
    name: col("name"),
    nameParts: [col("surname"), col("firstName"), col("patronymic")].filter((c) => c >= 0),
    address: col("address"),
    addressParts: ADDRESS_PARTS.filter((p) => col("address") < 0 || p.part === "flat")
      .map((p) => ({ label: p.label, col: col(p.part) }))
      .filter((p) => p.col >= 0),
    service: col("service"),
    period: col("period"),
    snils: col("snils"),
    inn: col("inn"),
    share: col("share"),
    birthDate: col("birthDate"),
    birthPlace: col("birthPlace"),
    passport: col("passport"),
    caseNumber: col("caseNumber"),
    orderDate: col("orderDate"),
    ipNumber: col("ipNumber"),
    lastPaymentDate: col("lastPaymentDate"),
    neverDates: NEVER_DATES.map((concept) => ({ concept, col: col(concept) })).filter((p) => p.col >= 0),
    amounts,
    months,
    firstAmount,
    identity: [col("account"), col("name"), col("surname"), col("address"), col("service")].filter((c) => c >= 0),
  };
}
