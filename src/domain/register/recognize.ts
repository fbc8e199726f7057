/**
 * Reading a court-work register: ours («Реестр взыскания») or one the clerk already keeps with other headers
 * (docs/formats.md, § 2: «№ дела», «№ судебного приказа», «Дата приказа», «№ ИП», «Дата передачи в ФССП»,
 * «Сумма по заявлению в ФССП - ОД / пени / ГП» …). The header row is found by keyword scoring, as for ledgers:
 * every row near the top (alone, or with the row below as a second header level) is scored by how many register
 * concepts its cells name; the best row wins.
 */
import { parsePeriod, parseRuDate, type IsoDate, type Period } from "../dates";
import type { CellValue, SheetGrid } from "../grid";
import { parseAmount, type Kopecks } from "../money";
import { REGISTER_STATUSES, type RegisterField, type RegisterStatus } from "./columns";

export interface RegisterEntry {
  /** 1-based Excel row. */
  row: number;
  key: string;
  account: string;
  debtor: string;
  periodFrom: Period | null;
  periodTo: Period | null;
  filingDate: IsoDate | null;
  orderDate: IsoDate | null;
  cancelDate: IsoDate | null;
  fsspDate: IsoDate | null;
  ipDate: IsoDate | null;
  endDate: IsoDate | null;
  caseNumber: string;
  ipNumber: string;
  /** The status cell as typed. */
  statusText: string;
  /** The status understood from the cell or, without one, from the dates filled in. */
  status: RegisterStatus;
  principal: Kopecks | null;
  penalty: Kopecks | null;
  duty: Kopecks | null;
  claim: Kopecks | null;
}

/** A register column concept; "period" is a single «Период» cell holding both ends. */
export type RegisterConcept = RegisterField | "period";

export interface RecognizedRegister {
  sheet: string;
  /** 1-based Excel row of the (last) header row. */
  headerRow: number;
  /** concept → 0-based sheet column. */
  columns: Partial<Record<RegisterConcept, number>>;
  /** Header texts as read (flattened «Родитель / Подзаголовок» for two-level headers), by 0-based sheet column. */
  headers: Record<number, string>;
  entries: RegisterEntry[];
}

/** Header synonyms, most specific first: the first pattern a header matches decides its concept. */
const SYNONYMS: [RegisterConcept, RegExp][] = [
  ["key", /^ключ/],
  ["receiptAttached", /квитанц/],
  ["birth", /рожд/],
  ["identifier", /идентификатор|снилс|паспорт|^инн/],
  ["cancelDate", /отмен/],
  ["effectiveDate", /вступ/],
  ["representDate", /повторн/],
  ["ipDate", /возбужд/],
  ["endReason", /основани|причин/],
  ["endDate", /оконч/],
  ["collectedFssp", /взыскано|поступ.*(ссп|пристав)/],
  ["paidDirect", /напрямую/],
  ["principal", /(^|[^а-я])од$|основн\S* долг|сумма долга|^долг$/],
  ["penalty", /пени|пеня|неустойк/],
  ["duty", /пошлин|(^|[^а-я])гп$/],
  ["claim", /требован|цена иска|сумма иска|сумма по заявлению|итого|всего|сумма взыск/],
  ["fsspDate", /(дата|направл|передач|предъяв).*(ссп|пристав|осп)/],
  ["orderDate", /дата.*(приказ|вынесен|решени)/],
  ["filingDate", /дата.*(подач|заявлен|суд)|^подан/],
  ["ipNumber", /(^|[^а-я])ип([^а-я]|$)|исполнительн\S* производств/],
  ["caseNumber", /дел[оа]|приказ/],
  ["court", /суд|участ/],
  ["status", /статус|состояни|стади/],
  ["periodFrom", /^период с$|^с$|начало периода|^период с /],
  ["periodTo", /^период по$|^по$|конец периода|^период по /],
  ["period", /период/],
  ["account", /(^|[^а-я])(л\/?с|л\/сч|лс)([^а-я]|$)|лицев/],
  ["debtor", /должник|фио|ф\.и\.о|собственник|абонент|наименован|плательщик/],
  ["address", /адрес/],
  ["note", /примечан|комментар/],
];

const COURT_CONCEPTS: RegisterConcept[] = [
  "caseNumber",
  "orderDate",
  "ipNumber",
  "fsspDate",
  "status",
  "filingDate",
  "cancelDate",
  "ipDate",
];

export function normalizeHeader(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\u00a0\u202f\n\r\t]+/g, " ")
    .replace(/\s+/g, " ")
    .replace(/[\s.:;,*]+$/, "")
    .trim();
}

export function headerConcept(header: string): RegisterConcept | null {
  const h = normalizeHeader(header);
  if (h === "") return null;
  for (const [concept, re] of SYNONYMS) if (re.test(h)) return concept;
  return null;
}

function mapHeaders(
  texts: string[],
  left: number,
): { columns: Partial<Record<RegisterConcept, number>>; score: number } {
  const columns: Partial<Record<RegisterConcept, number>> = {};
  let score = 0;
  texts.forEach((t, i) => {
    const c = headerConcept(t);
    if (c && columns[c] === undefined) {
      columns[c] = left + i;
      score++;
    }
  });
  const hasWho = columns.account !== undefined || columns.debtor !== undefined;
  const hasCourt = COURT_CONCEPTS.some((c) => columns[c] !== undefined);
  return { columns, score: hasWho && hasCourt ? score : 0 };
}

/** Two header rows flattened to «Родитель / Подзаголовок»; a parent spreads over the sub-headers to its right. */
function flattenTwoRows(grid: SheetGrid, r: number): string[] {
  const parent = grid.text[r];
  const child = grid.text[r + 1];
  const out: string[] = [];
  let spread = "";
  for (let c = 0; c < parent.length; c++) {
    const p = (parent[c] ?? "").trim();
    const ch = (child[c] ?? "").trim();
    if (p !== "") spread = ch !== "" ? p : "";
    const effectiveParent = p !== "" ? p : ch !== "" ? spread : "";
    if (p === "" && ch === "") spread = "";
    out.push([effectiveParent, ch].filter((x) => x !== "").join(" / "));
  }
  return out;
}

const MAX_HEADER_SCAN = 30;

/** Find the register's header and read its rows; null when the sheet does not look like a court-work register. */
export function recognizeRegister(grid: SheetGrid): RecognizedRegister | null {
  let best: {
    row: number;
    depth: 1 | 2;
    columns: Partial<Record<RegisterConcept, number>>;
    texts: string[];
    score: number;
  } | null = null;
  const scan = Math.min(grid.text.length, MAX_HEADER_SCAN);
  for (let r = 0; r < scan; r++) {
    const single = grid.text[r];
    const one = mapHeaders(single, grid.left);
    if (one.score >= 3 && (!best || one.score > best.score))
      best = { row: r, depth: 1, columns: one.columns, texts: single, score: one.score };
    if (r + 1 < grid.text.length) {
      const pair = flattenTwoRows(grid, r);
      const two = mapHeaders(pair, grid.left);
      if (two.score >= 3 && (!best || two.score > best.score))
        best = { row: r, depth: 2, columns: two.columns, texts: pair, score: two.score };
    }
  }
  if (!best) return null;
  const headerIdx = best.row + best.depth - 1;
  const headers: Record<number, string> = {};
  best.texts.forEach((t, i) => {
    if (t.trim() !== "") headers[grid.left + i] = t.trim();
  });
  const entries: RegisterEntry[] = [];
  for (let r = headerIdx + 1; r < grid.values.length; r++) {
    const entry = readEntry(grid, r, best.columns);
    if (entry) entries.push(entry);
  }
  return { sheet: grid.sheet, headerRow: grid.top + headerIdx + 1, columns: best.columns, headers, entries };
}

function readEntry(
  grid: SheetGrid,
  r: number,
  columns: Partial<Record<RegisterConcept, number>>,
): RegisterEntry | null {
  const text = (c: RegisterConcept): string => {
    const col = columns[c];
    return col === undefined ? "" : (grid.text[r][col - grid.left] ?? "").trim();
  };
  const value = (c: RegisterConcept): CellValue => {
    const col = columns[c];
    return col === undefined ? null : (grid.values[r][col - grid.left] ?? null);
  };
  const date = (c: RegisterConcept): IsoDate | null => {
    const v = value(c);
    return typeof v === "number" ? parseRuDate(v) : parseRuDate(text(c));
  };
  const amount = (c: RegisterConcept): Kopecks | null => {
    const v = value(c);
    if (typeof v === "number") return parseAmount(v);
    const t = text(c);
    return t === "" ? null : parseAmount(t);
  };
  const period = (c: RegisterConcept): Period | null => {
    const v = value(c);
    return typeof v === "number" ? parsePeriod(v) : parsePeriod(text(c));
  };

  const account = text("account");
  const debtor = text("debtor");
  const caseNumber = text("caseNumber");
  const firstText = grid.text[r].find((t) => (t ?? "").trim() !== "") ?? "";
  if (firstText === "") return null; // empty row
  if (/итог|всего/i.test(firstText) && account === "") return null; // totals row
  if (account === "" && debtor === "" && caseNumber === "") return null;

  let periodFrom = period("periodFrom");
  let periodTo = period("periodTo");
  if (!periodFrom && !periodTo && columns.period !== undefined)
    [periodFrom, periodTo] = parsePeriodRange(text("period"));

  const entry: RegisterEntry = {
    row: grid.top + r + 1,
    key: text("key"),
    account,
    debtor,
    periodFrom,
    periodTo,
    filingDate: date("filingDate"),
    orderDate: date("orderDate"),
    cancelDate: date("cancelDate"),
    fsspDate: date("fsspDate"),
    ipDate: date("ipDate"),
    endDate: date("endDate"),
    caseNumber,
    ipNumber: text("ipNumber"),
    statusText: text("status"),
    status: "подготовлено",
    principal: amount("principal"),
    penalty: amount("penalty"),
    duty: amount("duty"),
    claim: amount("claim"),
  };
  entry.status = normalizeStatus(entry.statusText) ?? inferStatus(entry);
  return entry;
}

/** «01.2024 - 12.2024», «январь 2024 – декабрь 2024», «с 01.01.2024 по 31.12.2024», or a single month. */
export function parsePeriodRange(s: string): [Period | null, Period | null] {
  const t = s.replace(/^\s*(за|с)\s+/i, "").trim();
  if (t === "") return [null, null];
  for (const sep of [/\s*[–—]\s*/, /\s+-\s+/, /\s+по\s+/i, /-/]) {
    const parts = t
      .split(sep)
      .map((p) => p.trim())
      .filter((p) => p !== "");
    if (parts.length !== 2) continue;
    const a = parsePeriod(parts[0]);
    const b = parsePeriod(parts[1]);
    if (a && b) return [a, b];
  }
  const single = parsePeriod(t);
  return [single, single];
}

/** A status as the clerk typed it → one of REGISTER_STATUSES (null when not understood). */
export function normalizeStatus(text: string): RegisterStatus | null {
  const s = normalizeHeader(text);
  if (s === "") return null;
  const exact = REGISTER_STATUSES.find((x) => normalizeHeader(x) === s);
  if (exact) return exact;
  if (/отмен/.test(s)) return /иск/.test(s) ? "иск подан" : "приказ отменён"; // «отменён, подан иск»
  if (/оконч|заверш/.test(s))
    return /оплач|исполн|47/.test(s) ? "окончено — оплачено" : "окончено — невозможно взыскание";
  if (/невозможн|46/.test(s)) return "окончено — невозможно взыскание";
  if (/повторн/.test(s)) return "повторно предъявлено";
  if (/возбужд|(^|[^а-я])ип([^а-я]|$)/.test(s)) return "ИП возбуждено";
  if (/ссп|пристав|осп/.test(s)) return "направлено в ССП";
  if (/вынесен|выдан|получен/.test(s)) return "приказ вынесен";
  if (/возвращ/.test(s)) return "возвращено судом";
  if (/отказ/.test(s)) return "отказано";
  if (/отозван/.test(s)) return "отозвано";
  if (/иск/.test(s)) return "иск подан";
  if (/подан|направлен/.test(s)) return "подано";
  if (/подготов/.test(s)) return "подготовлено";
  return null;
}

/** Without a status column: the furthest step the filled-in dates show. */
function inferStatus(e: RegisterEntry): RegisterStatus {
  if (e.cancelDate) return "приказ отменён";
  if (e.endDate) return "окончено — невозможно взыскание";
  if (e.ipNumber || e.ipDate) return "ИП возбуждено";
  if (e.fsspDate) return "направлено в ССП";
  if (e.orderDate) return "приказ вынесен";
  if (e.filingDate || e.caseNumber) return "подано";
  return "подготовлено";
}
