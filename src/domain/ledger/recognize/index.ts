/** Ledger recognition: the public entry points and the types they return (import paths stay `./recognize`). */
export { recognizeLedger } from "./recognizeLedger";
export { describeColumns } from "./mappingEditor";
export type { ColumnChoice, ConceptChoice, MappingChoices } from "./mappingEditor";
export { ledgerStrength, looksLikeLedgerGrid } from "./ledgerStrength";
export { readTitlePeriod } from "./titleBlock";
export type {
  RecognizeOptions,
  InvalidCell,
  LedgerRowRecord,
  DamagedCell,
  TitleAccount,
  TitlePeriod,
  RecognitionDetails,
  RecognizedLedger,
} from "./types";
