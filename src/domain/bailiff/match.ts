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
import { addressKey, documentKey, ipKey } from "./normalize";
import { compareParsedNames, nameKeyOf, parseName, type NameAgreement, type NameParts } from "./names";

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

/** A target as the index holds it: its name parsed once per run. */
interface Entry {
  target: MatchTarget;
  name: NameParts | null;
}

/** The targets under one key: most keys have one, which is held as it is (no array per key in a big register). */
type Bucket = Entry | Entry[];

export interface MatchIndex {
  byIp: Map<string, Bucket>;
  byDoc: Map<string, Bucket>;
  /** Targets with a birth date, by it: a handful share a day, and their names tell namesakes apart. */
  byBirth: Map<IsoDate, Bucket>;
  /** Targets without a birth date, by name key. */
  byNameNoBirth: Map<string, Bucket>;
  /** Name key alone: for proceedings without a birth date (built when first needed: most proceedings have one). */
  byNameAny: Map<string, Bucket> | null;
  /** Built when first needed: only a clerk's decision looks a target up by its id. */
  byId: Map<string, MatchTarget> | null;
  entries: readonly Entry[];
}

function push(map: Map<string, Bucket>, key: string | null, e: Entry): void {
  if (!key) return;
  const b = map.get(key);
  if (b === undefined) map.set(key, e);
  else if (Array.isArray(b)) b.push(e);
  else map.set(key, [b, e]);
}

const NO_ENTRIES: readonly Entry[] = [];

function bucket(map: Map<string, Bucket>, key: string): readonly Entry[] {
  const b = map.get(key);
  return b === undefined ? NO_ENTRIES : Array.isArray(b) ? b : [b];
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
  const entries = targets.map((target) => ({ target, name: parseName(target.debtor) }));
  const index: MatchIndex = {
    byIp: new Map(),
    byDoc: new Map(),
    byBirth: new Map(),
    byNameNoBirth: new Map(),
    byNameAny: null,
    byId: null,
    entries,
  };
  for (const e of entries) {
    const t = e.target;
    push(index.byIp, t.ipKey, e);
    push(index.byDoc, t.documentKey, e);
    // namesakes are many in a big register: a known birth date narrows the block (and needs no name key string)
    if (t.birthDate) push(index.byBirth, t.birthDate, e);
    else for (const k of nameKeys(e.name)) push(index.byNameNoBirth, k, e);
  }
  return index;
}

function byNameAny(index: MatchIndex): Map<string, Bucket> {
  if (!index.byNameAny) {
    const map = new Map<string, Bucket>();
    for (const e of index.entries) for (const k of nameKeys(e.name)) push(map, k, e);
    index.byNameAny = map;
  }
  return index.byNameAny;
}

function byId(index: MatchIndex): Map<string, MatchTarget> {
  if (!index.byId) {
    const map = new Map<string, MatchTarget>();
    for (const e of index.entries) map.set(e.target.id, e.target);
    index.byId = map;
  }
  return index.byId;
}

/** Target fields from raw register text. */
export function targetKeys(documentRaw: string, ipRaw: string, address: string) {
  return { documentKey: documentKey(documentRaw), ipKey: ipKey(ipRaw), addressKey: addressKey(address) };
}

/** One proceeding being matched: its name parsed once. */
interface Subject {
  p: Proceeding;
  name: NameParts | null;
}

function names(s: Subject, e: Entry): NameAgreement {
  return compareParsedNames(s.name, e.name);
}

const targetsOf = (list: readonly Entry[]) => list.map((e) => e.target);

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
function narrow(s: Subject, list: readonly Entry[]): readonly Entry[] {
  const p = s.p;
  let out = list;
  const bySuffix = out.filter((e) => e.target.documentSuffix !== "" && e.target.documentSuffix === p.document.suffix);
  if (bySuffix.length === 1) return bySuffix;
  const byBirth = out.filter((e) => e.target.birthDate && e.target.birthDate === p.debtor.birthDate);
  if (byBirth.length === 1) return byBirth;
  const full = out.filter((e) => names(s, e) === "same");
  if (full.length >= 1) out = full;
  return out;
}

function byDocument(s: Subject, found: Bucket): ProceedingMatch {
  const p = s.p;
  const ev = [`№ документа ${p.document.key} есть в реестре взыскания`];
  // a lone candidate (the usual case) is looked at as it is, without lists
  if (!Array.isArray(found)) {
    const agree = names(s, found);
    if (agree === "different") return coOwnerOf(s, [found], ev);
    return documentMatch(s, found, agree, ev);
  }
  const fit = found.filter((e) => names(s, e) !== "different");
  if (fit.length === 0) return coOwnerOf(s, found, ev);
  const best = narrow(s, fit);
  if (best.length > 1)
    return ambiguous("co-owners", targetsOf(best), 0.6, [...ev, "по документу несколько должников с этим ФИО"]);
  return documentMatch(s, best[0], names(s, best[0]), ev);
}

/** The document is ours, but its debtors in the register have another name. */
function coOwnerOf(s: Subject, found: readonly Entry[], ev: string[]): ProceedingMatch {
  return ambiguous("co-owners", targetsOf(found), 0.5, [
    ...ev,
    `должник «${s.p.debtor.name}» в реестре по этому документу не значится — созаёмщик, сособственник?`,
  ]);
}

/** The one case of the document whose debtor's name agrees: the score and the evidence. */
function documentMatch(s: Subject, e: Entry, agree: NameAgreement, ev: string[]): ProceedingMatch {
  const p = s.p;
  const t = e.target;
  ev.push(NAME_RU[agree as keyof typeof NAME_RU]);
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

function byName(s: Subject, index: MatchIndex, anyDocument = false): ProceedingMatch {
  const p = s.p;
  const seen = new Set<Entry>();
  const born = p.debtor.birthDate;
  for (const k of nameKeys(s.name)) {
    if (!born) for (const e of bucket(byNameAny(index), k)) seen.add(e);
    else {
      // targets without a birth date under this name, then those born the same day with it
      for (const e of bucket(index.byNameNoBirth, k)) seen.add(e);
      for (const e of bucket(index.byBirth, born)) if (nameKeys(e.name).includes(k)) seen.add(e);
    }
  }
  let list = [...seen].filter((e) => names(s, e) !== "different");
  // a namesake born on another day is another person
  list = list.filter((e) => !(e.target.birthDate && p.debtor.birthDate && e.target.birthDate !== p.debtor.birthDate));
  // a case with another document of ours is not this proceeding's
  const docConflict = anyDocument
    ? []
    : list.filter((e) => p.document.key && e.target.documentKey && e.target.documentKey !== p.document.key);
  list = list.filter((e) => !docConflict.includes(e));
  if (list.length === 0) {
    return other(
      docConflict.length > 0
        ? [`ФИО как у л/с ${docConflict[0].target.account}, но документ не наш`]
        : ["нет совпадений с реестром взыскания и реестром должников"],
    );
  }
  const addr = addressKey(p.debtor.address);
  const scored = list.map((e) => {
    const t = e.target;
    const ev = [NAME_RU[names(s, e) as keyof typeof NAME_RU]];
    let score = 0.55;
    if (t.birthDate && t.birthDate === p.debtor.birthDate) {
      score = 0.9;
      ev.push("дата рождения совпадает");
    }
    if (addr && t.addressKey === addr) {
      score = Math.max(score, 0.85);
      ev.push("адрес совпадает");
    }
    if (t.amount !== null && (p.amount === t.amount || p.remaining === t.amount)) {
      score = Math.max(score, 0.82);
      ev.push("сумма совпадает");
    }
    return { t, s: score, ev };
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
  // a bailiff's decree as the executive document: the enforcement fee (or a fine), never the claimant's debt
  if (p.document.kind === "decree") return true;
  // most subjects start with another letter than «И»: no case-blind search for them
  const first = p.subject.charCodeAt(0);
  return (first === 0x418 || first === 0x438) && /^исполнительский сбор/i.test(p.subject);
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
  const subject: Subject = { p, name: parseName(p.debtor.name) };
  if (isFeeOnly(p)) {
    const r = byName(subject, index, true);
    if (r.target)
      return ambiguous("fee-only", r.ambiguous?.candidates ?? [r.target], 0.5, [
        "производство только об исполнительском сборе",
        ...r.evidence,
      ]);
    return other(["производство об исполнительском сборе; должник не из нашего реестра"]);
  }
  // no evidence list is built unless the register has this proceeding number
  const sameIp = p.ip && index.byIp.size > 0 ? bucket(index.byIp, p.ip) : NO_ENTRIES;
  if (sameIp.length > 0) {
    const ev = [`№ ИП ${p.ip} есть в реестре взыскания`];
    if (sameIp.length === 1) {
      const t = sameIp[0].target;
      if (p.document.key && t.documentKey === p.document.key) ev.push(`№ документа ${p.document.key} совпадает`);
      return matched(t, 0.97, ev);
    }
    const sameDoc = sameIp.filter((e) => p.document.key && e.target.documentKey === p.document.key);
    if (sameDoc.length === 1)
      return matched(sameDoc[0].target, 0.98, [...ev, `№ документа ${p.document.key} совпадает`]);
  }
  if (p.document.key) {
    const found = index.byDoc.get(p.document.key);
    if (found !== undefined) return byDocument(subject, found);
  }
  const r = byName(subject, index);
  if (p.document.claimantInn && ourInn && p.document.claimantInn === ourInn) r.evidence.push("ИНН взыскателя наш");
  return r;
}
