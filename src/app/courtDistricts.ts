/**
 * The magistrates' districts table the user keeps on «Участки мировых судей»: which участок hears cases for an
 * address or a street (court-order cases go to the magistrate of the debtor's place of residence, ГПК ст. 23,
 * ст. 28). One row per address or street; the most specific matching row wins («ул. Лесная, д. 5» before
 * «ул. Лесная»). The add-in creates the sheet with headers when missing and never changes the user's rows.
 */
import type { CellValue } from "../domain/grid";
import type { TableSpec, WorkbookPort } from "../workbook/port";
import { OWN_SHEETS } from "../workbook/port";

export const COURT_HEADERS = {
  match: "Адрес или улица",
  district: "Судебный участок",
  name: "Наименование суда",
  address: "Адрес суда",
} as const;

export const COURT_COLUMNS = [COURT_HEADERS.match, COURT_HEADERS.district, COURT_HEADERS.name, COURT_HEADERS.address];

export interface CourtDistrict {
  /** The address or street as the user wrote it. */
  match: string;
  /** «Судебный участок № 371 Тверского района г. Москвы» (district and court name joined when both are given). */
  name: string;
  address: string;
}

export const courtTableSpec: TableSpec = {
  sheet: OWN_SHEETS.courts,
  columns: COURT_COLUMNS,
  key: COURT_HEADERS.match,
  ownColumns: [],
};

/** Lower case, ё → е, abbreviations' dots and commas as spaces, single spaces: «Ул.Лесная, д.5» ~ «ул лесная д 5». */
export function normalizeAddress(s: string): string {
  return ` ${s
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[.,;№"«»()]/g, " ")
    .replace(/\s+/g, " ")
    .trim()} `;
}

const text = (v: CellValue | undefined | unknown) => (v === null || v === undefined ? "" : String(v).trim());

/** The table's rows as districts (rows without an address or a court are skipped). */
export function courtDistrictsFromRows(rows: readonly Record<string, unknown>[]): CourtDistrict[] {
  const out: CourtDistrict[] = [];
  for (const r of rows) {
    const match = text(r[COURT_HEADERS.match]);
    const district = text(r[COURT_HEADERS.district]);
    const court = text(r[COURT_HEADERS.name]);
    if (!match || !(district || court)) continue;
    const name = district && court && !district.includes(court) ? `${district} (${court})` : district || court;
    out.push({ match, name, address: text(r[COURT_HEADERS.address]) });
  }
  return out;
}

/** The district for an address: the longest table entry contained in it (word boundaries respected). */
export function findCourtDistrict(districts: readonly CourtDistrict[], address: string): CourtDistrict | null {
  const target = normalizeAddress(address);
  let best: CourtDistrict | null = null;
  let bestLength = 0;
  for (const d of districts) {
    const key = normalizeAddress(d.match);
    if (key.trim() && target.includes(key) && key.length > bestLength) {
      best = d;
      bestLength = key.length;
    }
  }
  return best;
}

/** Reads the table; null when the sheet does not exist yet. */
export async function readCourtDistricts(port: WorkbookPort): Promise<CourtDistrict[] | null> {
  const rows = await port.readTable(courtTableSpec);
  return rows === null ? null : courtDistrictsFromRows(rows);
}

/** Creates «Участки мировых судей» with its headers when it is missing (the user fills the rows). */
export async function ensureCourtSheet(port: WorkbookPort): Promise<boolean> {
  const sheets = await port.listSheets();
  if (sheets.some((s) => s.name === OWN_SHEETS.courts)) return false;
  await port.writeOwnSheet({
    name: OWN_SHEETS.courts,
    rows: [COURT_COLUMNS],
    columns: [{ width: 40 }, { width: 40 }, { width: 40 }, { width: 50 }],
    headerRows: [0],
    freezeRows: 1,
  });
  return true;
}
