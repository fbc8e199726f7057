/**
 * Seeded, deterministic synthetic workbooks for tests, the e2e and the benchmark (same seed → identical output).
 *
 *   const g = turnoverSheet({ accounts: 10_000, seed: 7, defects: { "balance.mismatch": 3 } });
 *   g.grid      — a SheetGrid (values / text / numberFormat / merges), as the workbook layer reads a sheet
 *   g.defects   — each planted defect with its kind, 1-based row, column and A1 cell
 *   g.model     — the ledger model behind it (typed arrays: accounts, people, balances, months)
 *   await gridsToXlsx([g.grid]) — the same as an .xlsx buffer (ExcelJS; up to ~100 000 rows)
 */
export { Prng } from "./prng";
export * from "./ids";
export * from "./names";
export * from "./addresses";
export * from "./model";
export * from "./sheets";
export * from "./canonical";
export * from "./register";
export * from "./xlsx";

import { monthColumnsSheet, monthlyRowsSheet, turnoverSheet } from "./sheets";
import { courtRegisterSheet } from "./register";

/**
 * Every sheet kind the generator makes, by name (for the CLI-style "make me a workbook of kind X" uses).
 * Bailiff registers (docs/formats.md, § 3.4) join here: `bailiff: (o) => bailiffRegisterSheet(o)`,
 * built from courtRegisterSheet(...).cases so the proceedings match the register.
 */
export const SHEET_KINDS = {
  turnover: turnoverSheet,
  "monthly-rows": monthlyRowsSheet,
  "month-columns": monthColumnsSheet,
  "court-register": courtRegisterSheet,
} as const;
