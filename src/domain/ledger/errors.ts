/** Bad input for the ledger check: the sheet cannot be read as a ledger at all (not a finding — nothing is written). */
export type LedgerInputErrorKind = "empty-sheet" | "not-ledger" | "several-ledgers" | "no-ledger" | "sheet-not-found";

export class LedgerInputError extends Error {
  readonly kind: LedgerInputErrorKind;
  /** not-ledger: Russian titles of the missing concepts; several-ledgers: the candidate sheets. */
  readonly missing: string[];
  readonly headersSeen: string[];
  readonly sheets: string[];

  constructor(
    kind: LedgerInputErrorKind,
    message: string,
    extra: { missing?: string[]; headersSeen?: string[]; sheets?: string[] } = {},
  ) {
    super(message);
    this.name = "LedgerInputError";
    this.kind = kind;
    this.missing = extra.missing ?? [];
    this.headersSeen = extra.headersSeen ?? [];
    this.sheets = extra.sheets ?? [];
  }
}
