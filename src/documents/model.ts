/**
 * The data the document builders take. Plain values only (money in kopecks, ISO dates): the app layer fills them
 * from the register, the ledger and Настройки; src/documents never reads a workbook.
 */
import type { IsoDate } from "../domain/dates";

/** The claimant's requisites as Настройки keeps them (same fields as the app's ClaimantRequisites). */
export interface ClaimantDetails {
  /** Full name of the organisation (взыскатель). */
  name: string;
  inn: string;
  kpp: string;
  ogrn: string;
  address: string;
  bankName: string;
  bik: string;
  /** Расчётный счёт. */
  account: string;
  /** Корреспондентский счёт банка. */
  corrAccount: string;
}

/** A letter's outgoing registration: «Исх. № 15 от 02.12.2026». An empty number leaves a blank to fill by hand. */
export interface Outgoing {
  number?: string;
  date: IsoDate;
}

/** Who signs: the position and the name; empty values leave lines to fill by hand. */
export interface Signatory {
  position?: string;
  name?: string;
}

/**
 * A piece of text inside a paragraph. `gap: true` marks data that is missing: the document shows it highlighted
 * in yellow so the clerk sees what to fill in before filing.
 */
export type Inline = string | { text: string; bold?: boolean; gap?: boolean; italic?: boolean };
