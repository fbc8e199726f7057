/** Short Russian forms used in the selection's texts (months: formatPeriodNumeric in dates.ts). */

/** 2 → «2»; 1.5 → «1,5» */
export function formatMultiple(m: number): string {
  return String(m).replace(".", ",");
}
