/** What ledger recognition returns beyond the canonical ledger: the rows as read and what validation needs. */
import type { Kopecks } from "../../money";
import type { IsoDate, Period } from "../../dates";
import type { CanonicalLedger, ColumnMapping, LedgerConcept } from "../model";

export interface RecognizeOptions {
  /** A user-corrected mapping (concept → 0-based sheet column); replaces the detected one. */
  mapping?: ColumnMapping;
  /** 1-based row of the (last) header row, when the user fixed it. */
  headerRow?: number;
}

/** A cell holding something that is not a number in any accepted spelling. */
export interface InvalidCell {
  /** 0-based sheet coordinates. */
  row: number;
  col: number;
  concept: LedgerConcept | "month";
  text: string;
}

/** One data row as read (amounts in kopecks; null = no such column). */
export interface LedgerRowRecord {
  /** 1-based Excel row. */
  row: number;
  account: string;
  service: string;
  name: string;
  address: string;
  /** per-month-rows: the row's period (null = unreadable). */
  period?: Period | null;
  periodText?: string;
  opening: Kopecks | null;
  charged: Kopecks | null;
  recalculation: Kopecks | null;
  subsidy: Kopecks | null;
  paid: Kopecks | null;
  closing: Kopecks | null;
  penalties: Kopecks | null;
  /** month-columns: value per ledger.monthColumns entry (null = empty). */
  monthValues?: (Kopecks | null)[];
  snils?: string;
  inn?: string;
  share?: string;
  birthPlace?: string;
  passport?: string;
  /** Court-work columns a ledger may carry (ГПК 124 data and an existing case). */
  caseNumber?: string;
  orderDate?: IsoDate | null;
  ipNumber?: string;
  /** Displayed text of the date cells and the date read from them (null = not a date). */
  birthDateText?: string;
  birthDate?: IsoDate | null;
  lastPaymentDateText?: string;
  lastPaymentDate?: IsoDate | null;
  lastPaymentAmount?: Kopecks | null;
  /** Some amount of the row could not be read (balance checks skip it). */
  hasInvalid: boolean;
  /** The account cell was empty and the account came from the block's first row. */
  inheritedAccount: boolean;
}

/** An identifier cell (account, house, flat, case number) that Excel turned into a date («5/1» → 05.янв). */
export interface DamagedCell {
  /** 0-based sheet coordinates. */
  row: number;
  col: number;
  concept: LedgerConcept;
  text: string;
}

/** A single-account sheet (a «Карточка расчётов»): the account, owner and address named in the title. */
export interface TitleAccount {
  account: string;
  name: string;
  address: string;
  /** 0-based sheet cell of the title text the account came from. */
  row: number;
  col: number;
}

export interface TitlePeriod {
  from: IsoDate | null;
  to: IsoDate | null;
  /** 0-based sheet cell of the title text the period came from. */
  row: number;
  col: number;
  text: string;
  /** The title names a period that does not exist (31.02.2024) or ends before it starts. */
  invalid: boolean;
}

/** What validation needs beyond the canonical ledger. */
export interface RecognitionDetails {
  rows: LedgerRowRecord[];
  invalidCells: InvalidCell[];
  titlePeriod: TitlePeriod | null;
  /** The account named in the title when the sheet has no account column (a single-account card). */
  titleAccount: TitleAccount | null;
  /** Identifier cells that hold an Excel date. */
  damagedCells: DamagedCell[];
  /** Header texts per 0-based sheet column (flattened two-level headers). */
  headers: { col: number; text: string }[];
  /** 0-based sheet rows of the header block. */
  headerTop: number;
  headerBottom: number;
  /** The detected mapping (before any user correction). */
  detected: ColumnMapping;
  /** The workbook did not give the sheet's merged areas (all of them, or those from this 0-based sheet row down). */
  mergesUnavailable?: { fromRow: number };
}

export type RecognizedLedger = CanonicalLedger & { details: RecognitionDetails };
