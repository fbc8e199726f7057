/**
 * The three letters to the bailiff department after «Сверить» (.docx, the shared letter frame with the claimant's
 * requisites from Настройки): «Оплачено напрямую взыскателю» (plan measure 3 — the debtor paid the claimant, the
 * proceeding should be ended under 229-ФЗ ст. 47 ч. 1 п. 1), «Повторное предъявление» (measure 4 — returned documents
 * with the earliest date, ст. 46 ч. 4–5, and the deadline, ст. 21–22; those eligible now first), «Не возбуждено»
 * (documents sent with no proceeding opened; ст. 30 ч. 8 gives the bailiff three days to decide).
 */
import { buildListLetter, type ListLetterSpec } from "../documents/letterFrame";
import type { ClaimantDetails } from "../documents/model";
import { formatDateRu, type IsoDate } from "../domain/dates";
import { formatKopecksRu } from "../domain/money";
import type { ReconcileRun } from "./reconcile";
import { representList } from "./reconcileSheets";

export type ReconcileLetterKind = "paid" | "represent" | "notOpened";

export interface ReconcileLetter {
  kind: ReconcileLetterKind;
  fileName: string;
  /** Rows listed in the letter (0 = no letter needed). */
  count: number;
  bytes: Uint8Array;
}

function addressee(run: ReconcileRun): string[] {
  const dept = run.register.proceedings.find((p) => p.department)?.department ?? "";
  return ["Начальнику отделения — старшему судебному приставу", dept || "отдела судебных приставов"];
}

function paidSpec(run: ReconcileRun, claimant: ClaimantDetails, asOf: IsoDate): ListLetterSpec | null {
  const rows = run.result.results.filter((r) => !r.ambiguous && r.status === "paid-directly");
  if (rows.length === 0) return null;
  return {
    claimant,
    outgoing: { date: asOf },
    addressee: addressee(run),
    title: "Об оплате задолженности непосредственно взыскателю",
    intro: [
      `${claimant.name || "Взыскатель"} (ИНН ${claimant.inn || "—"}) сообщает, что по исполнительным производствам, перечисленным ниже, должники погасили задолженность непосредственно взыскателю.`,
    ],
    table: {
      columns: [
        { header: "Должник", width: 3 },
        { header: "№ ИП", width: 2 },
        { header: "Исполнительный документ", width: 3 },
        { header: "Оплачено, ₽", width: 2, align: "right" },
        { header: "Дата оплаты", width: 2 },
      ],
      rows: rows.map((r) => [
        r.proceeding.debtor.name,
        r.proceeding.ip ?? "",
        r.proceeding.document.raw.slice(0, 80),
        formatKopecksRu(r.paidDirect!.amount),
        r.paidDirect!.date ? formatDateRu(r.paidDirect!.date) : "",
      ]),
    },
    closing: [
      "Просим окончить исполнительные производства в связи с фактическим исполнением (Федеральный закон от 02.10.2007 № 229-ФЗ, ст. 47 ч. 1 п. 1) и не применять к должникам мер принудительного исполнения.",
    ],
  };
}

function representSpec(run: ReconcileRun, claimant: ClaimantDetails, asOf: IsoDate): ListLetterSpec | null {
  // every returned document still within its term, those that may be presented now first (ст. 46 ч. 4–5)
  const rows = representList(run, asOf).filter((r) => !(r.deadline && r.deadline < asOf));
  if (rows.length === 0) return null;
  return {
    claimant,
    outgoing: { date: asOf },
    addressee: addressee(run),
    title: "О повторном предъявлении исполнительных документов",
    intro: [
      `${claimant.name || "Взыскатель"} (ИНН ${claimant.inn || "—"}) сообщает о возвращённых исполнительных документах, которые будут повторно предъявлены к исполнению (Федеральный закон от 02.10.2007 № 229-ФЗ, ст. 46 ч. 4): документы, срок ожидания по которым истёк, предъявляются с этим письмом; остальные — с указанной даты.`,
    ],
    table: {
      columns: [
        { header: "Должник", width: 3 },
        { header: "Прежнее ИП", width: 2 },
        { header: "Исполнительный документ", width: 3 },
        { header: "Окончено", width: 2 },
        { header: "Можно с", width: 2 },
        { header: "Предъявить до", width: 2 },
      ],
      rows: rows.map((r) => [
        r.proceeding.debtor.name,
        r.proceeding.ip ?? "",
        r.proceeding.document.raw.slice(0, 80),
        `${r.proceeding.end.date ? formatDateRu(r.proceeding.end.date) : ""} ${r.label.split(" — ")[0]}`.trim(),
        r.representFrom ? formatDateRu(r.representFrom) : "",
        r.deadline ? formatDateRu(r.deadline) : "",
      ]),
    },
    attachments: [
      "Исполнительные документы (оригиналы) — по списку.",
      "Реквизиты взыскателя для перечисления денежных средств.",
    ],
  };
}

function notOpenedSpec(run: ReconcileRun, claimant: ClaimantDetails, asOf: IsoDate): ListLetterSpec | null {
  const rows = run.result.notOpened;
  if (rows.length === 0) return null;
  return {
    claimant,
    outgoing: { date: asOf },
    addressee: addressee(run),
    title: "О предоставлении сведений о возбуждении исполнительных производств",
    intro: [
      `${claimant.name || "Взыскатель"} (ИНН ${claimant.inn || "—"}) направил в отдел исполнительные документы, перечисленные ниже. Сведения о возбуждении исполнительных производств в банке данных отсутствуют.`,
    ],
    table: {
      columns: [
        { header: "Должник", width: 3 },
        { header: "Исполнительный документ", width: 3 },
        { header: "Направлен", width: 2 },
        { header: "Прошло дней", width: 2, align: "right" },
      ],
      rows: rows.map((n) => [
        n.target.debtor,
        n.target.documentRaw,
        n.target.fsspDate ? formatDateRu(n.target.fsspDate) : "",
        String(n.daysSinceSent),
      ]),
    },
    closing: [
      "Просим сообщить, возбуждены ли исполнительные производства (Федеральный закон от 02.10.2007 № 229-ФЗ, ст. 30 ч. 8), и направить взыскателю копии постановлений.",
    ],
  };
}

const FILES: Record<ReconcileLetterKind, string> = {
  paid: "Оплачено напрямую взыскателю.docx",
  represent: "Повторное предъявление.docx",
  notOpened: "Не возбуждено.docx",
};

/** The letters that have something to list. */
export async function reconcileLetters(
  run: ReconcileRun,
  claimant: ClaimantDetails,
  asOf: IsoDate,
): Promise<ReconcileLetter[]> {
  const specs: [ReconcileLetterKind, ListLetterSpec | null][] = [
    ["paid", paidSpec(run, claimant, asOf)],
    ["represent", representSpec(run, claimant, asOf)],
    ["notOpened", notOpenedSpec(run, claimant, asOf)],
  ];
  const out: ReconcileLetter[] = [];
  for (const [kind, spec] of specs) {
    if (!spec) continue;
    out.push({ kind, fileName: FILES[kind], count: spec.table?.rows.length ?? 0, bytes: await buildListLetter(spec) });
  }
  return out;
}
