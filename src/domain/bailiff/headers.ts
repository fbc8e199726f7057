/**
 * Header recognition for bailiff registers: the FSSP data-bank table (matched on the bold prefix of each header,
 * docs/formats.md), an ОСП department's own list (header synonyms), and sheets made from the FSSP API JSON
 * (keys name/exe_production/details/subject/department/bailiff/ip_end or their Russian translations).
 */
import type { ColumnConcept } from "./fields";
import type { RegisterKind } from "./model";

/** Normalised header texts: a register pasted page by page repeats its header row every few rows (NFKC is costly). */
const HEADER_TEXTS = new Map<string, string>();

export function normalizeHeaderText(s: string): string {
  let n = HEADER_TEXTS.get(s);
  if (n === undefined) {
    if (HEADER_TEXTS.size > 10_000) HEADER_TEXTS.clear();
    n = normalizeUncached(s);
    HEADER_TEXTS.set(s, n);
  }
  return n;
}

function normalizeUncached(s: string): string {
  return s
    .replace(/№/g, "\ue000")
    .normalize("NFKC")
    .replace(/\ue000/g, "№")
    .replace(/[\u00a0\u202f\s]+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е");
}

/** FSSP table headers by their bold prefix. */
const FSSP_PREFIXES: [RegExp, ColumnConcept][] = [
  [/^должник( \(|$)/, "debtor"],
  [/^исполнительное производство( \(|$)/, "ip"],
  [/^реквизиты исполнительного документа/, "document"],
  [/^дата, причина окончания/, "end"],
  [/^сервис$/, "service"],
  [/^предмет исполнения/, "subject"],
  [/^отдел судебных приставов/, "department"],
  [/^судебный пристав/, "bailiff"],
];

/** API JSON keys (English, or translated). */
const API_KEYS: Record<string, ColumnConcept> = {
  name: "debtor",
  exe_production: "ip",
  details: "document",
  subject: "subject",
  department: "department",
  bailiff: "bailiff",
  ip_end: "end",
};

/** ОСП list and reseller headers, most specific first (the first pattern that matches decides). */
const LIST_SYNONYMS: [RegExp, ColumnConcept][] = [
  [/^(№|n|№ ?п\/п|n ?п\/п)$/, "rowNo"],
  [/адрес отдела|^отдел|^осп$|наименование отдела/, "department"],
  [/инн взыскател/, "claimantInn"],
  [/инн должник|^инн$/, "debtorInn"],
  [/дата рожд|^д\.? ?р\.?$/, "birthDate"],
  [/дата возбужд|^дата ип$/, "ipDate"],
  [/дата (ид|исполнительного документа|выдачи)/, "docDate"],
  [/дата оконч/, "endDate"],
  [/основани|причина|отметка об исполнении|^окончани/, "end"],
  [/сводн|№ сд|номер сд/, "consolidated"],
  [/остаток/, "remaining"],
  [/взыскано|перечислено|сумма перечислен|поступило/, "paid"],
  [/исполнительск\S* сбор/, "fee"],
  [/сумма/, "amount"],
  [/вид ид|тип (ид|исполнительного документа)/, "docType"],
  [/орган|^суд$/, "issuer"],
  [/пристав|^спи$|фио спи/, "bailiff"],
  [/адрес/, "address"],
  [/взыскател/, "claimant"],
  [/должник|^фио$|^ф\.и\.о\.?$|^ф\. ?и\. ?о\.?$/, "debtor"],
  [/(№|номер|реквизиты) ?ид$|исполнительн\S* документ|^документ$|^№ (дела|приказа)/, "document"],
  [/(№|номер|рег\.? номер)? ?ип$|исполнительн\S* производств|^ип$/, "ip"],
  [/статус|состояние/, "status"],
  [/предмет/, "subject"],
];

const RU_API: Record<string, ColumnConcept> = {
  фио: "debtor",
  ип: "ip",
  документ: "document",
  предмет: "subject",
  отдел: "department",
  пристав: "bailiff",
  окончание: "end",
};

export interface HeaderMatch {
  kind: RegisterKind;
  /** 0-based column (relative to the grid) → concept. */
  columns: Map<number, ColumnConcept>;
  score: number;
}

/** Read one row as a header: which concepts its cells name, and which kind of register that is. */
export function matchHeaderRow(cells: readonly string[]): HeaderMatch | null {
  const norm = cells.map(normalizeHeaderText);
  const fssp = new Map<number, ColumnConcept>();
  const api = new Map<number, ColumnConcept>();
  const list = new Map<number, ColumnConcept>();
  norm.forEach((h, c) => {
    if (h === "") return;
    const f = FSSP_PREFIXES.find(([re]) => re.test(h));
    if (f) fssp.set(c, f[1]);
    const a = API_KEYS[h] ?? RU_API[h];
    if (a) api.set(c, a);
    const l = LIST_SYNONYMS.find(([re]) => re.test(h));
    if (l && h.length < 80) list.set(c, l[1]);
  });
  const has = (m: Map<number, ColumnConcept>, ...cs: ColumnConcept[]) => cs.every((x) => [...m.values()].includes(x));
  if (fssp.size >= 4 && has(fssp, "debtor", "ip")) return { kind: "fssp-bank", columns: fssp, score: fssp.size + 10 };
  if (api.size >= 4 && has(api, "debtor", "ip")) return { kind: "api", columns: api, score: api.size + 5 };
  const concepts = new Set(list.values());
  concepts.delete("rowNo");
  if (concepts.size >= 3 && concepts.has("debtor") && (concepts.has("ip") || concepts.has("document")))
    return { kind: "osp-list", columns: list, score: concepts.size };
  return null;
}

/** True when the row repeats a header (several pasted result pages): any cell is an FSSP header or hint fragment. */
export function isHeaderLike(cells: readonly string[]): boolean {
  const norm = cells.map(normalizeHeaderText).filter((h) => h !== "");
  if (norm.length === 0) return false;
  return norm.every(
    (h) =>
      FSSP_PREFIXES.some(([re]) => re.test(h)) ||
      /^\(.*\)?$/.test(h) ||
      /^(физ\. лицо|юр\. лицо|номер, дата возбуждения|вид, дата|статья, часть|наименование, адрес|телефон для)/.test(h),
  );
}
