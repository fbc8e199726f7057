/**
 * Заявление о возбуждении исполнительного производства (229-ФЗ ст. 30 ч. 1: proceedings start on the claimant's
 * application with the executive document) — one letter to the bailiff department for a batch of court orders.
 * Lists the executive documents, says that each carries a ПД-4 receipt with the claimant's requisites (plan
 * measure 2: the debtor may pay the claimant directly), gives the claimant's account and asks the department to
 * inform the claimant. Built on the shared list-letter frame.
 */
import { formatDateRu, type IsoDate } from "../domain/dates";
import { formatKopecksRu, type Kopecks } from "../domain/money";
import { amountFiguresAndWords } from "./amountInWords";
import { buildListLetter, valueOrGap, type ListLetterSpec } from "./letterFrame";
import type { ClaimantDetails, Inline, Outgoing, Signatory } from "./model";

export interface EnforcementItem {
  debtor: string;
  birthDate?: IsoDate | null;
  address: string;
  account: string;
  /** Court order number and date (empty until the clerk records them). */
  caseNumber?: string;
  orderDate?: IsoDate | null;
  court?: string;
  amount: Kopecks;
}

export interface CoveringLetterData {
  claimant: ClaimantDetails;
  outgoing: Outgoing;
  signatory?: Signatory;
  /** The bailiff department (ОСП): name and address; gaps when unknown. */
  department?: { name?: string; address?: string };
  items: readonly EnforcementItem[];
}

function orderText(i: EnforcementItem): Inline[] {
  return [
    "судебный приказ № ",
    valueOrGap(i.caseNumber, "номер"),
    " от ",
    valueOrGap(i.orderDate ? formatDateRu(i.orderDate) : "", "дата"),
    ...(i.court ? [`, ${i.court}`] : []),
  ];
}

export function coveringLetterSpec(d: CoveringLetterData): ListLetterSpec {
  const c = d.claimant;
  const total = d.items.reduce((s, i) => s + i.amount, 0);
  return {
    claimant: c,
    outgoing: d.outgoing,
    signature: d.signatory,
    addressee: [
      "Начальнику отделения — старшему судебному приставу",
      [valueOrGap(d.department?.name, "наименование отделения судебных приставов")],
      [valueOrGap(d.department?.address, "адрес отделения")],
      "",
      [{ text: "Взыскатель: ", bold: true }, valueOrGap(c.name, "наименование взыскателя")],
      `ИНН ${c.inn || "—"}, адрес: ${c.address || "—"}`,
    ],
    title: "Заявление о возбуждении исполнительного производства",
    intro: [
      `На основании ст. 30 Федерального закона от 02.10.2007 № 229-ФЗ «Об исполнительном производстве» прошу возбудить исполнительные производства по следующим исполнительным документам (всего ${d.items.length}, на общую сумму ${formatKopecksRu(total)} руб.) и принять меры к их исполнению:`,
    ],
    table: {
      columns: [
        { header: "№", width: 0.5 },
        { header: "Исполнительный документ", width: 2.6 },
        { header: "Должник, дата рождения, адрес", width: 3 },
        { header: "Л/с", width: 1.1 },
        { header: "Сумма, руб.", width: 1.3, align: "right" },
        { header: "Квитанция", width: 1.1 },
      ],
      rows: d.items.map((i, n) => [
        String(n + 1),
        orderText(i),
        [
          valueOrGap(i.debtor, "ФИО"),
          i.birthDate ? `, ${formatDateRu(i.birthDate)} г. р.` : "",
          ", ",
          valueOrGap(i.address, "адрес"),
        ],
        i.account,
        formatKopecksRu(i.amount),
        "приложена",
      ]),
    },
    closing: [
      "К каждому исполнительному документу приложена квитанция (форма ПД-4) с реквизитами взыскателя и платёжным QR-кодом, чтобы должник мог оплатить задолженность непосредственно взыскателю. Прошу вручить квитанцию должнику вместе с постановлением о возбуждении исполнительного производства.",
      [
        "Реквизиты взыскателя для перечисления взысканных сумм и для оплаты напрямую: ",
        valueOrGap(c.name, "наименование"),
        `, ИНН ${c.inn || "—"}, КПП ${c.kpp || "—"}, р/с ${c.account || "—"} в ${c.bankName || "—"}, БИК ${c.bik || "—"}, к/с ${c.corrAccount || "—"}.`,
      ],
      "Прошу сообщать взыскателю о возбуждении исполнительных производств, о ходе их исполнения и об их окончании. Об оплатах, поступивших непосредственно взыскателю, взыскатель сообщит в отделение.",
      `Общая сумма требований: ${amountFiguresAndWords(total)}.`,
    ],
    attachments: d.items.flatMap((i) => [
      [...orderText(i), ` в отношении ${i.debtor || "должника"} (л/с ${i.account}) — оригинал, 1 экз.`],
      `Квитанция (форма ПД-4) для оплаты взыскателю по л/с ${i.account} — 1 экз.`,
    ]),
  };
}

export async function buildCoveringLetter(d: CoveringLetterData): Promise<Uint8Array> {
  return buildListLetter(coveringLetterSpec(d));
}
