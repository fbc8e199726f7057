/**
 * «Документы»: the filing pack for chosen rows of «Реестр взыскания» — one court-order application per row
 * (ГПК ст. 124), the batch's ПД-4 receipts with the payment QR in one file, and the covering letter to the ОСП
 * (229-ФЗ ст. 30). Validation comes first: a missing or invalid requisite in Настройки (check digits as Настройки
 * checks them) or missing debtor data blocks the batch with a Russian list of gaps per row — then nothing is
 * generated and nothing is written. On success the register gets «Дата направления в ССП» and «квитанция
 * приложена: да», only in cells that are empty (what the clerk typed is never overwritten).
 */
import { zipSync } from "fflate";
import type { OperationOptions, TableRow, TableSpec, WorkbookPort } from "../workbook/port";
import { throwIfAborted } from "../workbook/errors";
import { formatDateRu, type IsoDate } from "../domain/dates";
import { formatKopecksRu } from "../domain/money";
import { REGISTER_HEADER } from "../domain/register";
import { applicationGaps, buildCourtOrderApplication, type CourtOrderApplicationData } from "../documents/application";
import { buildCoveringLetter } from "../documents/coveringLetter";
import { buildReceipts, type ReceiptData } from "../documents/receipt";
import type { Signatory } from "../documents/model";
import { ensureCourtSheet, findCourtDistrict, readCourtDistricts, type CourtDistrict } from "./courtDistricts";
import {
  ledgerDetail,
  readLedgerAccounts,
  readRegisterEntries,
  withoutApplication,
  type RegisterEntry,
} from "./documentsData";
import { registerTableSpec } from "./courtRegister";
import { validateClaimant, type ClaimantRequisites } from "./settings";

export interface DocumentsInput {
  /** 1-based data rows of the register; "without-application" — every row not filed yet; omitted — all rows. */
  rows?: readonly number[] | "without-application";
  claimant: ClaimantRequisites;
  /** The documents' date and the date recorded as sent to the ОСП. */
  date: IsoDate;
  outgoingNumber?: string;
  signatory?: Signatory;
  /** The bailiff department for the covering letter (gaps in the letter when not given). */
  department?: { name?: string; address?: string };
  /** The ledger sheet for the monthly breakdown and the penalty annex (found automatically when omitted). */
  ledgerSheet?: string;
}

export interface RowCheck {
  row: number;
  account: string;
  debtor: string;
  /** Gaps that stop the batch. */
  blocking: string[];
  /** Gaps left highlighted in the documents. */
  warnings: string[];
}

export interface DocumentsPlan {
  /** Russian problems with the claimant's requisites (stop the batch). */
  requisites: string[];
  rows: RowCheck[];
  /** Problems with the selection itself (no register, rows out of range, nothing selected). */
  selection: string[];
  /** The files the batch will produce, in order. */
  fileNames: string[];
  ok: boolean;
}

export interface DocumentFile {
  name: string;
  bytes: Uint8Array;
}

export interface DocumentsResult {
  files: DocumentFile[];
  /** All files in one .zip when there are several. */
  zip: DocumentFile | null;
  /** Register rows where the date sent / receipt mark were written. */
  marked: number;
  plan: DocumentsPlan;
}

/** Thrown when validation blocks the batch; `plan` lists every gap. */
export class DocumentsBlockedError extends Error {
  constructor(readonly plan: DocumentsPlan) {
    super(describeBlocking(plan));
    this.name = "DocumentsBlockedError";
  }
}

const REQUISITE_LABELS: Record<keyof ClaimantRequisites, string> = {
  name: "наименование",
  inn: "ИНН",
  kpp: "КПП",
  ogrn: "ОГРН",
  address: "адрес",
  bankName: "банк",
  bik: "БИК",
  account: "расчётный счёт",
  corrAccount: "корреспондентский счёт",
};

/** «1-3,7» → [1, 2, 3, 7]; a Russian message for anything else (rows count from 1). */
export function parseRowSpec(spec: string): { rows: number[] } | { error: string } {
  const rows: number[] = [];
  for (const part of spec.split(",").map((s) => s.trim())) {
    const m = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(part);
    if (!m) return { error: `«${part}» — не номер строки и не диапазон (пример: 1-3,7)` };
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (from < 1 || to < from || to - from > 100_000)
      return { error: `неверный диапазон «${part}» (строки считаются с 1)` };
    for (let n = from; n <= to; n++) rows.push(n);
  }
  return { rows };
}

/** Every requisite is needed for the documents; filled ones are checked as Настройки checks them. */
export function requisiteProblems(c: ClaimantRequisites): string[] {
  const errors = validateClaimant(c);
  const out: string[] = [];
  for (const key of Object.keys(REQUISITE_LABELS) as (keyof ClaimantRequisites)[]) {
    if (!c[key].trim()) out.push(`в Настройках не заполнено: ${REQUISITE_LABELS[key]} взыскателя`);
    else if (errors[key]) out.push(`${REQUISITE_LABELS[key]} взыскателя: ${errors[key]}`);
  }
  return out;
}

/** The Russian list of what blocks the batch, one line per problem, rows named. */
export function describeBlocking(plan: DocumentsPlan): string {
  const lines = ["Документы не сформированы:"];
  for (const s of plan.selection) lines.push(`— ${s}`);
  for (const r of plan.requisites) lines.push(`— ${r}`);
  for (const r of plan.rows)
    if (r.blocking.length > 0)
      lines.push(
        `— строка ${r.row} реестра (л/с ${r.account || "?"}, ${r.debtor || "без ФИО"}): ${r.blocking.join("; ")}`,
      );
  return lines.join("\n");
}

/** File-name part: letters, digits, dashes only (Windows forbids \ / : * ? " < > |). */
function safe(s: string): string {
  return (
    s
      .replace(/[\\/:*?"<>|\s]+/g, "_")
      .replace(/_+/g, "_")
      .replace(/^_|_$/g, "") || "без_имени"
  );
}

function applicationName(e: RegisterEntry, used: Set<string>): string {
  const surname = e.debtor.split(/\s+/)[0] ?? "";
  const base = `Заявление_${safe(e.account)}_${safe(surname)}`;
  let name = `${base}.docx`;
  for (let i = 2; used.has(name); i++) name = `${base}_${i}.docx`;
  used.add(name);
  return name;
}

const batchNames = (date: IsoDate) => ({
  receipts: `Квитанции_ПД-4_${date}.docx`,
  letter: `Заявление_в_ОСП_${date}.docx`,
  zip: `Документы_${date}.zip`,
});

interface Prepared {
  entry: RegisterEntry;
  data: CourtOrderApplicationData;
}

interface Context {
  plan: DocumentsPlan;
  prepared: Prepared[];
  courtSheetMissing: boolean;
}

function selectEntries(entries: RegisterEntry[], rows: DocumentsInput["rows"], selection: string[]): RegisterEntry[] {
  if (rows === undefined) return entries;
  if (rows === "without-application") return entries.filter(withoutApplication);
  const out: RegisterEntry[] = [];
  for (const n of rows) {
    const e = entries[n - 1];
    if (!e) selection.push(`в реестре нет строки ${n} (строк с данными: ${entries.length})`);
    else if (!out.includes(e)) out.push(e);
  }
  return out;
}

function applicationData(
  input: DocumentsInput,
  e: RegisterEntry,
  court: CourtDistrict | null,
  detail: ReturnType<typeof ledgerDetail>,
): CourtOrderApplicationData {
  return {
    claimant: input.claimant,
    signatory: input.signatory,
    outgoing: { number: input.outgoingNumber, date: input.date },
    court: court ? { name: court.name, address: court.address } : e.court ? { name: e.court, address: "" } : null,
    debtor: {
      name: e.debtor,
      birthDate: e.birthDate,
      birthPlace: e.birthPlace,
      residence: e.address,
      identifier: e.identifier,
    },
    account: e.account,
    premises: e.address,
    periodFrom: e.periodFrom,
    periodTo: e.periodTo,
    principalByPeriod: detail.principalByPeriod,
    principal: e.principal,
    penalty: detail.penaltyTotal ?? e.penalty,
    duty: e.duty,
    penaltyAnnex: detail.penaltyAnnex,
  };
}

async function prepare(port: WorkbookPort, input: DocumentsInput, options: OperationOptions): Promise<Context> {
  const selection: string[] = [];
  const entries = await readRegisterEntries(port);
  if (entries === null) selection.push("в книге нет листа «Реестр взыскания» — сначала внесите кандидатов в реестр");
  const chosen = selectEntries(entries ?? [], input.rows, selection);
  if (entries && chosen.length === 0 && selection.length === 0) selection.push("не выбрано ни одной строки реестра");
  throwIfAborted(options.signal);
  const districts = await readCourtDistricts(port);
  const accounts = chosen.length > 0 ? await readLedgerAccounts(port, input.ledgerSheet, options.signal) : null;
  const prepared: Prepared[] = [];
  const rows: RowCheck[] = [];
  for (const e of chosen) {
    throwIfAborted(options.signal);
    const court = findCourtDistrict(districts ?? [], e.address);
    const detail = ledgerDetail(accounts?.get(e.account), e, input.date);
    const data = applicationData(input, e, court, detail);
    const gaps = applicationGaps(data);
    if (!e.account) gaps.blocking.unshift("нет лицевого счёта");
    if (detail.penaltyTotal !== null && detail.penaltyTotal !== e.penalty)
      gaps.warnings.push(
        `пени пересчитаны на ${formatDateRu(input.date)}: ${formatKopecksRu(detail.penaltyTotal)} руб. (в реестре ${formatKopecksRu(e.penalty)} руб.)`,
      );
    if (!e.caseNumber || !e.orderDate)
      gaps.warnings.push("нет номера или даты судебного приказа — в квитанции и письме в ОСП оставлены пропуски");
    rows.push({ row: e.row, account: e.account, debtor: e.debtor, ...gaps });
    prepared.push({ entry: e, data });
  }
  const requisites = requisiteProblems(input.claimant);
  const used = new Set<string>();
  const fileNames = prepared.map((p) => applicationName(p.entry, used));
  if (prepared.length > 0) fileNames.push(batchNames(input.date).receipts, batchNames(input.date).letter);
  const ok = selection.length === 0 && requisites.length === 0 && rows.every((r) => r.blocking.length === 0);
  return {
    plan: { requisites, rows, selection, fileNames, ok },
    prepared,
    courtSheetMissing: districts === null,
  };
}

/** What the batch would produce and what is missing — reads only, writes nothing. */
export async function planDocuments(
  port: WorkbookPort,
  input: DocumentsInput,
  options: OperationOptions = {},
): Promise<DocumentsPlan> {
  return (await prepare(port, input, options)).plan;
}

function receiptOf(e: RegisterEntry, total: number): ReceiptData {
  return {
    payer: e.debtor,
    address: e.address,
    account: e.account,
    amount: total,
    caseNumber: e.caseNumber,
    orderDate: e.orderDate,
  };
}

/** The claim the order covers: principal + penalty + duty. */
const orderTotal = (d: CourtOrderApplicationData) => d.principal + d.penalty + d.duty;

/** Register cells to fill: the date sent and the receipt mark, only where empty. */
function registerMarks(prepared: readonly Prepared[], date: IsoDate): TableRow[] {
  const h = REGISTER_HEADER;
  const out: TableRow[] = [];
  for (const { entry } of prepared) {
    if (!entry.key) continue;
    const row: TableRow = { [h.key]: entry.key };
    if (!entry.fsspDateFilled) row[h.fsspDate] = { kind: "date", date };
    if (!entry.receiptFilled) row[h.receiptAttached] = "да";
    if (Object.keys(row).length > 1) out.push(row);
  }
  return out;
}

/** Generates the batch (or throws DocumentsBlockedError with every gap), then marks the register. */
export async function makeDocuments(
  port: WorkbookPort,
  input: DocumentsInput,
  options: OperationOptions = {},
): Promise<DocumentsResult> {
  const { signal, onProgress } = options;
  const ctx = await prepare(port, input, options);
  if (!ctx.plan.ok) throw new DocumentsBlockedError(ctx.plan);
  const total = ctx.prepared.length + 3;
  const files: DocumentFile[] = [];
  for (const [i, p] of ctx.prepared.entries()) {
    throwIfAborted(signal);
    onProgress?.({ done: i, total, stage: `Заявление по л/с ${p.entry.account}` });
    files.push({ name: ctx.plan.fileNames[i], bytes: await buildCourtOrderApplication(p.data) });
  }
  const names = batchNames(input.date);
  onProgress?.({ done: ctx.prepared.length, total, stage: "Квитанции ПД-4" });
  const receipts = ctx.prepared.map((p) => receiptOf(p.entry, orderTotal(p.data)));
  files.push({ name: names.receipts, bytes: await buildReceipts(input.claimant, receipts) });
  onProgress?.({ done: ctx.prepared.length + 1, total, stage: "Заявление в ОСП" });
  const letter = await buildCoveringLetter({
    claimant: input.claimant,
    outgoing: { number: input.outgoingNumber, date: input.date },
    signatory: input.signatory,
    department: input.department,
    items: ctx.prepared.map((p) => ({
      debtor: p.entry.debtor,
      birthDate: p.entry.birthDate,
      address: p.entry.address,
      account: p.entry.account,
      caseNumber: p.entry.caseNumber,
      orderDate: p.entry.orderDate,
      court: p.data.court?.name,
      amount: orderTotal(p.data),
    })),
  });
  files.push({ name: names.letter, bytes: letter });
  const zip =
    files.length > 1
      ? { name: names.zip, bytes: zipSync(Object.fromEntries(files.map((f) => [f.name, f.bytes]))) }
      : null;
  throwIfAborted(signal);
  // everything generated: only now write into the workbook
  onProgress?.({ done: ctx.prepared.length + 2, total, stage: "Отметки в реестре" });
  const marks = registerMarks(ctx.prepared, input.date);
  if (marks.length > 0) await port.upsertTableRows(markSpec(), marks, { signal });
  if (ctx.courtSheetMissing) await ensureCourtSheet(port);
  onProgress?.({ done: total, total });
  return { files, zip, marked: marks.length, plan: ctx.plan };
}

/** The register spec with only the two columns the covering letter fills as writable. */
function markSpec(): TableSpec {
  const spec = registerTableSpec();
  return { ...spec, ownColumns: [REGISTER_HEADER.fsspDate, REGISTER_HEADER.receiptAttached] };
}
