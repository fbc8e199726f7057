/**
 * Reading one record's cells (docs/formats.md: what is inside each column of the FSSP table; the ОСП list columns).
 * Every reader cuts by pattern, not by line or token, so the same code reads multi-line cells, flattened text and
 * text glued without separators (`… № ФС 012345678ЛЕНИНСКИЙ РАЙОННЫЙ СУД`, `31.05.2024ст. 46ч. 1п. 4`).
 */
import type { IsoDate } from "../dates";
import { intern, ruDate, type ReadMemo } from "./memo";
import {
  readUsualDebtor,
  readUsualEnd,
  readUsualIp,
  readUsualSubject,
  usualDocumentHead,
  type DocumentHead,
} from "./usualCells";
import { parseAmount, type Kopecks } from "../money";
import { parseEndReason } from "../law/enforcement";
import {
  AMOUNT_IN_TEXT,
  cleanText,
  findIpNumbers,
  isOwnNumber,
  parseSquashedDocumentNumber,
  squash,
} from "./normalize";
import type { Proceeding } from "./model";
import { isBlank } from "./rows";

/** What a register column holds: FSSP composite cells or the atomic columns of an ОСП list. */
export type ColumnConcept =
  | "debtor"
  | "ip"
  | "document"
  | "end"
  | "subject"
  | "department"
  | "bailiff"
  | "service"
  | "ipDate"
  | "consolidated"
  | "birthDate"
  | "address"
  | "docDate"
  | "docType"
  | "issuer"
  | "amount"
  | "remaining"
  | "paid"
  | "fee"
  | "status"
  | "endDate"
  | "claimant"
  | "claimantInn"
  | "debtorInn"
  | "rowNo";

const DATE_G = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)/;
const FEE_PHRASE = /постановлени[ея] о взыскании исполнительского сбора/i;
const DOC_TYPES =
  /(судебный приказ|исполнительный лист|исполнительная надпись нотариуса|акт по делу об административном правонарушении|акт органа[^,\d№]*?функции|акт другого органа|постановление судебного пристава-исполнителя|постановление|судебный акт[^№\d]*?|удостоверение[^№\d]*?)/i;

function dateOf(s: string, memo?: ReadMemo): IsoDate | null {
  const m = DATE_G.exec(s);
  return m ? ruDate(m[0], memo) : null;
}

/**
 * The ИНН ending an organisation's cell. Glued text may run the address's house number into it
 * («МИКРОРАЙОН 3,58611012345»): a longer run of digits ends with the 10-digit ИНН of an organisation.
 */
function trailingInn(flat: string): { 1: string; index: number } | null {
  const m = /(\d{10,})\s*$/.exec(flat);
  if (!m) return null;
  const run = m[1];
  const inn = run.length === 10 || run.length === 12 ? run : run.slice(-10);
  return { 1: inn, index: (m.index ?? 0) + run.length - inn.length };
}

/** «СОКОЛОВА ЕЛЕНА ВИКТОРОВНА 14.02.1981 Г. БЕЛОЯРСКИЙ»; an organisation: name, address, ИНН. */
export function readDebtor(p: Proceeding, text: string, memo?: ReadMemo): void {
  const flat = squash(text);
  const d = DATE_G.exec(flat);
  if (d && /^\D*$/.test(flat.slice(0, d.index))) {
    p.debtor.name = flat
      .slice(0, d.index)
      .replace(/[,\s]+$/, "")
      .trim();
    p.debtor.birthDate = ruDate(d[0], memo);
    p.debtor.birthPlace = flat
      .slice(d.index + d[0].length)
      .replace(/^[,\s]+/, "")
      .trim();
    return;
  }
  const inn = trailingInn(flat);
  if (inn) {
    p.debtor.inn = inn[1];
    const lines = cleanText(text)
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    const name = lines.length > 1 ? lines[0] : flat.slice(0, inn.index).split(/,?\s*\d{6},/)[0];
    p.debtor.name = squash(name);
    p.debtor.address = squash(flat.slice(p.debtor.name.length, inn.index)).replace(/^[,\s]+|[,\s]+$/g, "");
    return;
  }
  p.debtor.name = flat;
}

/** «12345/23/86004-ИП от 15.03.2023 11111/23/86004-СД». */
export function readIp(p: Proceeding, text: string, memo?: ReadMemo): void {
  p.ipRaw = squash(text);
  // glued text: «… от 15.03.202311111/23/86004-СД»
  const fixed = p.ipRaw.replace(/(\d{2}\.\d{2}\.\d{4})(?=\d)/g, "$1 ");
  // nothing glued: the numbers of this very cell were found when its row was tested for a record start
  const found = (fixed === p.ipRaw && memo && text === memo.ipCell ? memo.ipFound : null) ?? findIpNumbers(fixed);
  const own = found.find(isOwnNumber);
  if (own) p.ip = own.key;
  const group = found.find((n) => n.suffix === "СД" || n.suffix === "СВ");
  if (group) p.consolidated = group.key;
  const on = /от\s*(\d{1,2}\.\d{1,2}\.\d{2,4})/i.exec(p.ipRaw);
  p.ipDate ??= on ? ruDate(on[1], memo) : null;
}

/** The document cell up to its number, read the general way (usualCells.ts reads the usual layout faster). */
export function readDocumentHead(text: string): DocumentHead {
  const flat = squash(text);
  const feeDecree = FEE_PHRASE.test(flat);
  const rest = feeDecree ? flat.replace(FEE_PHRASE, " ").replace(/\s+/g, " ").trim() : flat;
  const type = DOC_TYPES.exec(rest);
  const on = /(?:^|\s)от\s*(\d{1,2}\.\d{1,2}\.\d{2,4})/i.exec(rest);
  return {
    flat,
    rest,
    feeDecree,
    type: type && type.index < 5 ? type[1].trim() : null,
    date: on ? on[1] : null,
    // the number follows the date («… от 10.01.2023 № 2-15/2023»); a bare list cell is the number itself
    numberPart: on ? rest.slice(on.index + on[0].length) : type ? rest.slice(type.index + type[0].length) : rest,
  };
}

/**
 * «Судебный приказ от 10.01.2023 № 2-15/2023 СУДЕБНЫЙ УЧАСТОК № 1 … 8611000000»: type, date, number, issuer, the
 * claimant's ИНН (a trailing 10/12-digit number), the fee-decree line. An ОСП list's bare «ФС № 012345678» too.
 */
export function readDocument(p: Proceeding, text: string, memo?: ReadMemo): void {
  const doc = p.document;
  const head = usualDocumentHead(text) ?? readDocumentHead(text);
  const rest = head.rest;
  const numberPart = head.numberPart;
  doc.raw = head.flat;
  doc.feeDecree = head.feeDecree;
  if (head.type !== null) doc.type = head.type;
  doc.date ??= head.date === null ? null : ruDate(head.date, memo);
  // the number comes first; the issuer after it is not needed for it (and is long)
  // trimmed: a piece of squashed text differs from its squash() only by the spaces at its ends
  const num = parseSquashedDocumentNumber((numberPart.length > 60 ? numberPart.slice(0, 60) : numberPart).trim());
  if (num) {
    doc.key = num.key;
    doc.kind = num.kind;
    doc.suffix = num.suffix;
  }
  const innAt = trailingNumberAt(rest);
  if (innAt >= 0) doc.claimantInn = rest.slice(innAt).trimEnd();
  // the whole match is the issuer (no capture group: one string less per record)
  const issuer =
    /(?:[А-ЯЁ]{2,}[\s,."-]*)?(?:СУДЕБН|МИРОВ|РАЙОНН|ГОРОДСК|АРБИТРАЖН|ОСП|ИНСПЕКЦ|ЦАФАП|ГИБДД|ОТДЕЛ|УПРАВЛЕН)[^]*$/.exec(
      innAt >= 0 ? rest.slice(0, innAt) : rest,
    );
  if (issuer) doc.issuer = issuer[0].trim();
}

/**
 * Where the 10- or 12-digit number that ends the text (spaces after it allowed) starts, or -1 — what
 * /(?<!\d)(\d{10}|\d{12})(?!\d)\s*$/ finds, read from the end: that pattern tries every position of a long text.
 */
function trailingNumberAt(s: string): number {
  const end = s.trimEnd().length; // trimEnd drops exactly the characters \s matches
  let start = end;
  while (start > 0 && s.charCodeAt(start - 1) >= 48 && s.charCodeAt(start - 1) <= 57) start--;
  const digits = end - start;
  return digits === 10 || digits === 12 ? start : -1;
}

/** «31.05.2024 ст. 46 ч. 1 п. 4» in any spacing; an ОСП list's «ст. 47 ч. 1 п. 1» or a date alone. */
export function readEnd(p: Proceeding, text: string, memo?: ReadMemo): void {
  const flat = squash(text);
  if (flat === "") return;
  p.end.raw = p.end.raw ? `${p.end.raw} ${flat}` : flat;
  p.end.date ??= dateOf(flat, memo);
  p.end.reason ??= parseEndReason(flat);
}

const LABELLED = {
  debt: new RegExp(`сумма долга[^:]*:\\s*(${AMOUNT_IN_TEXT.source})`, "i"),
  rest: new RegExp(`остаток долга[^:]*:\\s*(${AMOUNT_IN_TEXT.source})`, "i"),
  fee: new RegExp(`исполнительский сбор[^:]*:\\s*(${AMOUNT_IN_TEXT.source})`, "i"),
};

/** The 2019–2022 layout's unlabelled amount after the first colon (compiled once, not per cell). */
const BARE_AMOUNT = new RegExp(`^[^:]*:\\s*(${AMOUNT_IN_TEXT.source})`);

function labelled(flat: string, label: keyof typeof LABELLED): Kopecks | null {
  const m = LABELLED[label].exec(flat);
  return m ? parseAmount(m[1]) : null;
}

/** «Задолженность … Сумма долга: 30000.00 руб. Остаток долга …: 12500.00 руб. Исполнительский сбор: 2100.00 руб.» */
export function readSubject(p: Proceeding, text: string, memo?: ReadMemo): void {
  // a text without amounts (an ended proceeding's) gives only the subject: the same text again, the same subject
  const known = memo?.subjects.get(text);
  if (known !== undefined) {
    p.subject = known;
    return;
  }
  const flat = squash(text);
  const cut = flat.search(/сумма долга|остаток долга|исполнительский сбор\s*:|:\s*-?\d/i);
  const subject = (cut >= 0 ? flat.slice(0, cut) : flat).replace(/[:\s]+$/, "").trim();
  p.subject = memo ? intern(memo, subject) : subject;
  if (p.subject === "" && /^исполнительский сбор/i.test(flat)) p.subject = "Исполнительский сбор";
  // every amount pattern below has «: <digit>», which the cut looks for too: no cut, no amounts (ended proceedings)
  if (cut < 0) {
    memo?.subjects.set(text, p.subject);
    return;
  }
  // no label stands before the cut (it is the first of them): the labels are looked for in the rest only
  const amounts = flat.slice(cut);
  p.amount ??= labelled(amounts, "debt");
  p.remaining ??= labelled(amounts, "rest");
  p.fee ??= labelled(amounts, "fee");
  if (p.amount === null && p.remaining === null) {
    // 2019–2022 layout: «Задолженность по …: 15907.21 руб.» — the outstanding debt
    const bare = BARE_AMOUNT.exec(flat);
    if (bare && !/^исполнительский сбор/i.test(flat)) p.remaining = parseAmount(bare[1]);
  }
}

function money(text: string): Kopecks | null {
  const m = AMOUNT_IN_TEXT.exec(squash(text));
  return m ? parseAmount(m[0]) : null;
}

/** The first non-empty line (a long address below it is not needed). */
function firstLine(text: string): string {
  const t = text.trimStart();
  const nl = t.indexOf("\n");
  return cleanText(nl < 0 ? t : t.slice(0, nl));
}

function remembered(memo: Map<string, string> | undefined, text: string, read: (t: string) => string): string {
  if (!memo) return read(text);
  let v = memo.get(text);
  if (v === undefined) {
    v = read(text);
    memo.set(text, v);
  }
  return v;
}

const departmentOf = (text: string) => squash(firstLine(text).split(/,?\s*\d{6}\b/)[0]);
const bailiffOf = (text: string) => squash(text.length > 160 ? text.slice(0, 160) : text);

/** Fill a proceeding from one cell of a known column (`memo`: the parse's memo of repeated texts). */
export function readCell(p: Proceeding, concept: ColumnConcept, text: string, memo?: ReadMemo): void {
  if (isBlank(text)) return;
  switch (concept) {
    case "debtor":
      if (memo && readUsualDebtor(p, text, memo)) return;
      return readDebtor(p, text, memo);
    case "ip":
      if (memo && readUsualIp(p, text, memo)) return;
      return readIp(p, text, memo);
    case "document":
      return readDocument(p, text, memo);
    case "end":
      if (memo && readUsualEnd(p, text, memo)) return;
      return readEnd(p, text, memo);
    case "subject":
      if (memo && readUsualSubject(p, text, memo)) return;
      return readSubject(p, text, memo);
    case "department":
      p.department = remembered(memo?.department, text, departmentOf);
      return;
    case "bailiff":
      p.bailiff = remembered(memo?.bailiff, text, bailiffOf);
      return;
    case "ipDate":
      p.ipDate = dateOf(squash(text)) ?? p.ipDate;
      return;
    case "consolidated":
      p.consolidated = findIpNumbers(text).find((n) => n.suffix !== "ИП")?.key ?? squash(text);
      return;
    case "birthDate":
      p.debtor.birthDate = dateOf(squash(text)) ?? p.debtor.birthDate;
      return;
    case "address":
      p.debtor.address = squash(text);
      return;
    case "docDate":
      p.document.date = dateOf(squash(text)) ?? p.document.date;
      return;
    case "docType":
      p.document.type = squash(text);
      return;
    case "issuer":
      p.document.issuer = squash(text);
      return;
    case "amount":
      p.amount = money(text);
      return;
    case "remaining":
      p.remaining = money(text);
      return;
    case "paid":
      p.paidOut = money(text);
      return;
    case "fee":
      p.fee = money(text);
      return;
    case "status":
      p.statusText = squash(text);
      return;
    case "endDate":
      p.end.date = dateOf(squash(text)) ?? p.end.date;
      return;
    case "claimant":
      p.claimant = squash(text);
      return;
    case "claimantInn":
      p.document.claimantInn = /\d{10,12}/.exec(text)?.[0] ?? null;
      return;
    case "debtorInn":
      p.debtor.inn = /\d{10,12}/.exec(text)?.[0] ?? null;
      return;
    default:
      return;
  }
}

/** What is missing for matching, in Russian (the «unreadable» list). */
export function recordProblems(p: Proceeding, hasDocumentColumn: boolean): string[] {
  const out = [...p.problems];
  if (!p.ip) out.push("нет номера ИП");
  if (p.debtor.name === "") out.push("нет должника");
  if (hasDocumentColumn && !p.document.key) out.push("не прочитан номер исполнительного документа");
  if (p.end.raw !== "" && !p.end.reason && !p.end.date) out.push(`не прочитано окончание «${p.end.raw}»`);
  return out;
}
