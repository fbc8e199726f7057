/**
 * The Office.js adapter wired to the real host: use inside Excel after Office.onReady (the `Excel` global exists).
 * Outside Office (`typeof Excel === "undefined"`) it returns null, so the caller can fall back to the xlsx adapter.
 */
import { ExcelWorkbook } from "./ExcelWorkbook";

export function createOfficeWorkbook(): ExcelWorkbook | null {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") return null;
  return new ExcelWorkbook({
    excel: Excel,
    // Office.context.requirements is undefined outside a real host (engineering.md §3): guard it
    isSetSupported: (name, version) => {
      try {
        return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
  });
}
