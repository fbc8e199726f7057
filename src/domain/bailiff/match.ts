/**
 * Matching proceedings to the company's cases (docs/formats.md: matching keys), strongest key first: document
 * number, proceeding number, the claimant's ИНН (not ours → another creditor), name + birth date, name + address or
 * amount. Every match carries a score and the evidence; namesakes, co-owners on one document and fee-only
 * proceedings go to the clerk («Требует решения») instead of being picked silently. Look-ups go through hash
 * indexes (blocking), so the cost grows with the number of rows, never with pairs.
 */
import type { IsoDate } from "../dates";
import type { Kopecks } from "../money";
import type { Proceeding } from "./model";
import {
  addressKey,
  compareParsedNames,
  documentKey,
  ipKey,
  nameKeyOf,
  parseName,
  type NameAgreement,
  type NameParts,
} from "./normalize";

/** One of the company's cases: a row of the court-work register, or a ledger account (names/addresses only). */
export interface MatchTarget {
  /** Register key («Ключ») or `л/с <account>` for a ledger account without a register row. */
  id: string;
  account: string;
  debtor: string;
  documentRaw: string;
  documentKey: string | null;
  documentSuffix: string;
  ipKey: string | null;
  birthDate: IsoDate | null;
  addressKey: string | null;
  /** The claimed amount of the document (kopecks). */
  amount: Kopecks | null;
  orderDate: IsoDate | null;
  fsspDate: IsoDate | null;
  /** 1-based row of the register; null for a ledger account. */
  registerRow: number | null;
  registerStatus: string;
}

export type AmbiguityReason = "namesake" | "co-owners" | "fee-only" | "name-only";

export interface ProceedingMatch {
  target: MatchTarget | null;
  score: number;
  evidence: string[];
  ambiguous: { reason: AmbiguityReason; candidates: MatchTarget[] } | null;
  otherCreditor: boolean;
}

export interface ClerkDecision {
  decision: "confirm" | "reject";
  /** The confirmed target's id. */
  target?: string;
}

/** The key a clerk's decision is remembered under: proceeding number + document. */
export function decisionKey(p: Pick<Proceeding, "ip" | "document">): string {
  return `${p.ip ?? ""}|${p.document.key ?? ""}`;
}

export const MATCH_THRESHOLD = 0.8;

export interface MatchIndex {
  byIp: Map<string, MatchTarget[]>;
  byDoc: Map<string, MatchTarget[]>;
  /** Name key (with `|birth date` for targets that have one). */
  byName: Map<string, MatchTarget[]>;
  /** Name key alone: for proceedings without a birth date (built when first needed: most proceedings have one). */
  byNameAny: Map<string, MatchTarget[]> | null;
  /** Built when first needed: only a clerk's decision looks a target up by its id. */
  byId: Map<string, MatchTarget> | null;
  targets: readonly MatchTarget[];
  /** Each target's parsed name (parsed once per run; a Map, not a WeakMap — ephemerons slow the GC down). */
  names: Map<MatchTarget, NameParts | null>;
}

function push(map: Map<string, MatchTarget[]>, key: string | null, t: MatchTarget): void {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(t);
  else map.set(key, [t]);
}

/** Name keys of a parsed ФИО: the whole surname and, for a hyphenated one, each part. */
function nameKeys(p: NameParts | null): string[] {
  const whole = nameKeyOf(p);
  if (!p || !whole) return [];
  const parts = p.surname.split("-");
  const rest = `${p.first.slice(0, 1)} ${p.patronymic.slice(0, 1)}`.trim();
  if (parts.length === 1) return [whole];
  return [...new Set([whole, ...parts.map((s) => `${s} ${rest}`.trim())])];
}

export function buildIndex(targets: readonly MatchTarget[]): MatchIndex {
  const index: MatchIndex = {
    byIp: new Map(),
    byDoc: new Map(),
    byName: new Map(),
    byNameAny: null,
    byId: null,
    targets,
    names: new Map(),
  };
  for (const t of targets) {
    push(index.byIp, t.ipKey, t);
    push(index.byDoc, t.documentKey, t);
    const parts = parseName(t.debtor);
    index.names.set(t, parts);
    // namesakes are many in a big register: a known birth date narrows the block; a plain surname (most of them)
    // has its one key without the list nameKeys builds for hyphenated ones
    const keys = parts && !parts.surname.includes("-") ? nameKeyOf(parts) : nameKeys(parts);
    if (typeof keys === "string") push(index.byName, t.birthDate ? `${keys}|${t.birthDate}` : keys, t);
    else if (keys) for (const k of keys) push(index.byName, t.birthDate ? `${k}|${t.birthDate}` : k, t);
  }
  return index;
}

function byNameAny(index: MatchIndex): Map<string, MatchTarget[]> {
  if (!index.byNameAny) {
    const map = new Map<string, MatchTarget[]>();
    for (const t of index.targets) for (const k of nameKeys(index.names.get(t) ?? null)) push(map, k, t);
    index.byNameAny = map;
  }
  return index.byNameAny;
}

function byId(index: MatchIndex): Map<string, MatchTarget> {
  if (!index.byId) {
    const map = new Map<string, MatchTarget>();
    for (const t of index.targets) map.set(t.id, t);
    index.byId = map;
  }
  return index.byId;
}

/** Target fields from raw register text. */
export function targetKeys(documentRaw: string, ipRaw: string, address: string) {
  return { documentKey: documentKey(documentRaw), ipKey: ipKey(ipRaw), addressKey: addressKey(address) };
}

/** Parsed names: each proceeding's name is parsed once (the last one is kept), each target's once in buildIndex. */
let lastProceeding: Proceeding | null = null;
let lastParts: NameParts | null = null;

function proceedingName(p: Proceeding): NameParts | null {
  if (p !== lastProceeding) {
    lastProceeding = p;
    lastParts = parseName(p.debtor.name);
  }
  return lastParts;
}

function names(p: Proceeding, t: MatchTarget, index: MatchIndex): NameAgreement {
  const tp = index.names.get(t);
  return compareParsedNames(proceedingName(p), tp === undefined ? parseName(t.debtor) : tp);
}

const NAME_RU = {
  same: "ФИО совпадает",
  initials: "ФИО совпадает по инициалам",
  part: "совпадает часть двойной фамилии",
};

function matched(t: MatchTarget, score: number, evidence: string[]): ProceedingMatch {
  return { target: t, score: Math.min(1, score), evidence, ambiguous: null, otherCreditor: false };
}

function ambiguous(
  reason: AmbiguityReason,
  candidates: MatchTarget[],
  score: number,
  evidence: string[],
): ProceedingMatch {
  return { target: candidates[0] ?? null, score, evidence, ambiguous: { reason, candidates }, otherCreditor: false };
}

function other(evidence: string[]): ProceedingMatch {
  return { target: null, score: 0, evidence, ambiguous: null, otherCreditor: true };
}

/** Tie-breakers within one document: the case suffix / e-writ ordinal, the birth date, the document date. */
function narrow(p: Proceeding, list: MatchTarget[], index: MatchIndex): MatchTarget[] {
  let out = list;
  const bySuffix = out.filter((t) => t.documentSuffix !== "" && t.documentSuffix === p.document.suffix);
  if (bySuffix.length === 1) return bySuffix;
  const byBirth = out.filter((t) => t.birthDate && t.birthDate === p.debtor.birthDate);
  if (byBirth.length === 1) return byBirth;
  const full = out.filter((t) => names(p, t, index) === "same");
  if (full.length >= 1) out = full;
  return out;
}

function byDocument(p: Proceeding, found: MatchTarget[], index: MatchIndex): ProceedingMatch {
  const ev = [`№ документа ${p.document.key} есть в реестре взыскания`];
  const fit = found.filter((t) => names(p, t, index) !== "different");
  if (fit.length === 0) {
    return ambiguous("co-owners", found, 0.5, [
      ...ev,
      `должник «${p.debtor.name}» в реестре по этому документу не значится — созаёмщик, сособственник?`,
    ]);
  }
  // narrow() keeps a lone candidate as it is
  const best = fit.length === 1 ? fit : narrow(p, fit, index);
  if (best.length > 1) return ambiguous("co-owners", best, 0.6, [...ev, "по документу несколько должников с этим ФИО"]);
  const t = best[0];
  const agree = names(p, t, index) as keyof typeof NAME_RU;
  ev.push(NAME_RU[agree]);
  let score = agree === "part" ? 0.85 : 0.95;
  if (p.document.date && t.orderDate) {
    if (p.document.date === t.orderDate) {
      ev.push("дата документа совпадает");
      score += 0.04;
    } else ev.push("дата документа другая (повторное предъявление или опечатка)");
  }
  if (t.birthDate && p.debtor.birthDate === t.birthDate) score += 0.01;
  return matched(t, score, ev);
}

function byName(p: Proceeding, index: MatchIndex, anyDocument = false): ProceedingMatch {
  const seen = new Set<MatchTarget>();
  for (const k of nameKeys(proceedingName(p))) {
    if (!p.debtor.birthDate) for (const t of byNameAny(index).get(k) ?? []) seen.add(t);
    else for (const key of [k, `${k}|${p.debtor.birthDate}`]) for (const t of index.byName.get(key) ?? []) seen.add(t);
  }
  let list = [...seen].filter((t) => names(p, t, index) !== "different");
  // a namesake born on another day is another person
  list = list.filter((t) => !(t.birthDate && p.debtor.birthDate && t.birthDate !== p.debtor.birthDate));
  // a case with another document of ours is not this proceeding's
  const docConflict = anyDocument
    ? []
    : list.filter((t) => p.document.key && t.documentKey && t.documentKey !== p.document.key);
  list = list.filter((t) => !docConflict.includes(t));
  if (list.length === 0) {
    return other(
      docConflict.length > 0
        ? [`ФИО как у л/с ${docConflict[0].account}, но документ не наш`]
        : ["нет совпадений с реестром взыскания и реестром должников"],
    );
  }
  const scored = list.map((t) => {
    const ev = [NAME_RU[names(p, t, index) as keyof typeof NAME_RU]];
    let s = 0.55;
    if (t.birthDate && t.birthDate === p.debtor.birthDate) {
      s = 0.9;
      ev.push("дата рождения совпадает");
    }
    const addr = addressKey(p.debtor.address);
    if (addr && t.addressKey === addr) {
      s = Math.max(s, 0.85);
      ev.push("адрес совпадает");
    }
    if (t.amount !== null && (p.amount === t.amount || p.remaining === t.amount)) {
      s = Math.max(s, 0.82);
      ev.push("сумма совпадает");
    }
    return { t, s, ev };
  });
  scored.sort((a, b) => b.s - a.s);
  const top = scored.filter((x) => x.s === scored[0].s);
  if (top.length === 1 && top[0].s >= MATCH_THRESHOLD) return matched(top[0].t, top[0].s, top[0].ev);
  const reason: AmbiguityReason = top.length > 1 ? "namesake" : "name-only";
  return ambiguous(
    reason,
    top.map((x) => x.t),
    top[0].s,
    [...top[0].ev, top.length > 1 ? "несколько должников с таким ФИО" : "совпадает только ФИО"],
  );
}

function isFeeOnly(p: Proceeding): boolean {
  return (
    // a bailiff's decree as the executive document: the enforcement fee (or a fine), never the claimant's debt
    /^исполнительский сбор/i.test(p.subject) || p.document.kind === "decree"
  );
}

/** Match one proceeding. `ourInn` — the claimant's ИНН from Настройки (empty when not set). */
export function matchProceeding(
  p: Proceeding,
  index: MatchIndex,
  ourInn: string,
  decisions: ReadonlyMap<string, ClerkDecision>,
): ProceedingMatch {
  // no decisions (the usual run): no key to build
  const decided = decisions.size > 0 ? decisions.get(decisionKey(p)) : undefined;
  if (decided?.decision === "confirm" && decided.target && byId(index).has(decided.target)) {
    return matched(byId(index).get(decided.target)!, 1, ["подтверждено сотрудником"]);
  }
  if (decided?.decision === "reject") return other(["совпадение отклонено сотрудником"]);
  if (p.document.claimantInn && ourInn && p.document.claimantInn !== ourInn) {
    return other([`ИНН взыскателя ${p.document.claimantInn} — не наш (${ourInn})`]);
  }
  if (isFeeOnly(p)) {
    const r = byName(p, index, true);
    if (r.target)
      return ambiguous("fee-only", r.ambiguous?.candidates ?? [r.target], 0.5, [
        "производство только об исполнительском сборе",
        ...r.evidence,
      ]);
    return other(["производство об исполнительском сборе; должник не из нашего реестра"]);
  }
  // no evidence list is built unless the register has this proceeding number
  const sameIp = p.ip ? index.byIp.get(p.ip) : undefined;
  if (p.ip && sameIp) {
    const ev = [`№ ИП ${p.ip} есть в реестре взыскания`];
    if (sameIp.length === 1) {
      if (p.document.key && sameIp[0].documentKey === p.document.key)
        ev.push(`№ документа ${p.document.key} совпадает`);
      return matched(sameIp[0], 0.97, ev);
    }
    const sameDoc = sameIp.filter((t) => p.document.key && t.documentKey === p.document.key);
    if (sameDoc.length === 1) return matched(sameDoc[0], 0.98, [...ev, `№ документа ${p.document.key} совпадает`]);
  }
  if (p.document.key) {
    const found = index.byDoc.get(p.document.key);
    if (found) return byDocument(p, found, index);
  }
  const r = byName(p, index);
  if (p.document.claimantInn && ourInn && p.document.claimantInn === ourInn) r.evidence.push("ИНН взыскателя наш");
  return r;
}
