/**
 * A faithful fake of the Excel JS API (the part the Office.js adapter uses), for tests only.
 *
 * Semantics copied from Office.js:
 * - API objects are proxies; reading a property before `load()` + `context.sync()` throws PropertyNotLoaded;
 * - writes and method calls are queued and applied in order at `sync()`; an error stops the batch (earlier
 *   commands stay applied) and rejects sync() with an OfficeExtension.Error-like object {code, message};
 * - strings written to `values` are parsed like typed input: "=…" (and "+…", "-…", "@…" that are not numbers) become
 *   formulas, numeric and date-looking text becomes numbers, a leading apostrophe forces text; cells formatted "@"
 *   keep text as is; `null` in a values array leaves the cell unchanged;
 * - every request and response is sized (JSON of the queued commands and of the loaded values) and over 5 MB the
 *   sync is rejected with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded (Excel on the web);
 *   reading more than 5 million cells gives `null` values, as the docs warn.
 *
 * Backed by an ExcelJS workbook — the same model the xlsx adapter reads — so one fixture serves both adapters.
 * Tables (ListObjects) keep their cells in that model; the host records each table's name, style and extent in
 * `tables` (ExcelJS has no live table model), so tests can assert a table exists and grows.
 * Counts syncs, records each one's payload, and can fail the N-th sync.
 *
 * The pieces live in test/fakes/excel/ by concern (host, context, proxies per object kind); this file is the entry.
 */
export { PAYLOAD_LIMIT, CELL_READ_LIMIT } from "./excel/payload";
export { FakeOfficeError } from "./excel/errors";
export {
  FakeExcelHost,
  createFakeExcel,
  type FakeExcelNamespace,
  type FakeExcelOptions,
  type SyncRecord,
} from "./excel/host";
export { FakeRequestContext } from "./excel/context";
export { FakeApplication, FakeWorkbook, FakeWorksheetCollection } from "./excel/workbook";
export { FakeWorksheet } from "./excel/worksheet";
export { FakeRange } from "./excel/range";
export { FakeRangeAreas } from "./excel/rangeAreas";
export { FakeNote, FakeNoteCollection } from "./excel/notes";
export { FakeTable, FakeTableCollection, FakeTableRowCollection, type FakeTableModel } from "./excel/tables";
export { columnLetter } from "../../src/domain/grid";
