/** Ledger recognition and validation; the shapes recognised are described in docs/formats.md. */
export * from "./model";
export { AMOUNT_CONCEPTS, CONCEPT_TITLES, normalizeHeader, classifySingle, classifyPair, headerMonth } from "./headers";
export type { HeaderMatch, MonthKind } from "./headers";
export { recognizeLedger, describeColumns, looksLikeLedgerGrid, ledgerStrength, readTitlePeriod } from "./recognize";
export type {
  RecognizeOptions,
  RecognizedLedger,
  RecognitionDetails,
  LedgerRowRecord,
  InvalidCell,
  TitlePeriod,
  MappingChoices,
  ColumnChoice,
  ConceptChoice,
} from "./recognize";
export { validateLedger, summarizeFindings, severalOwners, LEDGER_RULES } from "./validate";
export type { LedgerFinding, LedgerRule, LedgerRuleCode, ValidateOptions, FindingSummary, Severity } from "./validate";
export { LedgerInputError } from "./errors";
export type { LedgerInputErrorKind } from "./errors";
