/** Short Russian forms used in the selection's texts. */
import type { Period } from "../dates";

/** «2025-03» → «03.2025» */
export function formatPeriodNumeric(p: Period): string {
  return `${p.slice(5, 7)}.${p.slice(0, 4)}`;
}

/** 2 → «2»; 1.5 → «1,5» */
export function formatMultiple(m: number): string {
  return String(m).replace(".", ",");
}
