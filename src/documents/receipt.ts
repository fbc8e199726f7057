/**
 * Receipts for direct payment to the claimant (форма ПД-4, plan measure 2): attached to an executive document sent
 * to the bailiffs so the debtor can pay the claimant directly. Each receipt has the «Извещение» and «Квитанция»
 * halves with the payee's requisites, the payer, the purpose and the amount, and the payment QR code of
 * ГОСТ Р 56042-2014 (paymentQr.ts). Two receipts per A4 page; one .docx for the whole batch.
 */
import { AlignmentType, BorderStyle, ImageRun, Paragraph, Table, TableCell, TableRow, WidthType } from "docx";
import { formatDateRu, type IsoDate } from "../domain/dates";
import { formatKopecksRu, type Kopecks } from "../domain/money";
import { amountInWords } from "./amountInWords";
import { TEXT_WIDTH, makeDocument, para, renderDocx, valueOrGap, type FileChild } from "./letterFrame";
import type { ClaimantDetails, Inline } from "./model";
import { paymentQrPayload, splitPersonName } from "./paymentQr";
import { qrPng } from "./qrPng";

export interface ReceiptData {
  /** The payer: the debtor's full name. */
  payer: string;
  address: string;
  /** Лицевой счёт with the claimant. */
  account: string;
  amount: Kopecks;
  /** The executive document the payment settles (court order number and date), when known. */
  caseNumber?: string;
  orderDate?: IsoDate | null;
}

/** «Оплата задолженности по судебному приказу № 2-1501/2026 от 10.11.2026, л/с 0010135» (blanks when unknown). */
export function receiptPurpose(r: Pick<ReceiptData, "account" | "caseNumber" | "orderDate">): string {
  const number = r.caseNumber?.trim() || "________";
  const date = r.orderDate ? formatDateRu(r.orderDate) : "__.__.____";
  return `Оплата задолженности по судебному приказу № ${number} от ${date}, л/с ${r.account}`;
}

/** The ГОСТ Р 56042-2014 payload for one receipt. */
export function receiptQrPayload(payee: ClaimantDetails, r: ReceiptData): string {
  return paymentQrPayload({
    name: payee.name,
    personalAcc: payee.account,
    bankName: payee.bankName,
    bic: payee.bik,
    correspAcc: payee.corrAccount,
    payeeInn: payee.inn,
    kpp: payee.kpp,
    sum: r.amount,
    purpose: receiptPurpose(r),
    persAcc: r.account,
    ...splitPersonName(r.payer),
    payerAddress: r.address,
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const SOLID = { style: BorderStyle.SINGLE, size: 6, color: "000000" };

function fieldLines(payee: ClaimantDetails, r: ReceiptData): Paragraph[] {
  const line = (label: string, value: Inline) => para([{ text: `${label}: `, bold: true }, value], { size: 18 });
  const rub = Math.floor(r.amount / 100);
  const kop = String(r.amount % 100).padStart(2, "0");
  return [
    line("Получатель платежа", valueOrGap(payee.name, "наименование")),
    line("ИНН / КПП", `${payee.inn || "—"} / ${payee.kpp || "—"}`),
    line("Расчётный счёт", valueOrGap(payee.account, "счёт")),
    line("Банк", valueOrGap(payee.bankName, "банк")),
    line("БИК / корр. счёт", `${payee.bik || "—"} / ${payee.corrAccount || "—"}`),
    line("Плательщик", valueOrGap(r.payer, "ФИО плательщика")),
    line("Адрес плательщика", valueOrGap(r.address, "адрес")),
    line("Лицевой счёт", r.account),
    line("Назначение платежа", receiptPurpose(r)),
    line("Сумма платежа", `${formatKopecksRu(r.amount)} руб. (${rub.toLocaleString("ru-RU")} руб. ${kop} коп.)`),
    para(`Сумма прописью: ${amountInWords(r.amount)}`, { size: 18 }),
    para("Подпись плательщика ____________________        Дата «___» ____________ 20___ г.", { size: 18 }),
  ];
}

function receiptTable(payee: ClaimantDetails, r: ReceiptData): Table {
  const left = Math.round(TEXT_WIDTH * 0.3);
  const right = TEXT_WIDTH - left;
  const qr = qrPng(receiptQrPayload(payee, r), { scale: 3 });
  const side = 120; // points on the page; ≈ 4.2 cm — bank apps read it easily
  const borders = { top: SOLID, bottom: SOLID, left: SOLID, right: SOLID };
  const leftCell = (title: string, extra: Paragraph[]) =>
    new TableCell({
      width: { size: left, type: WidthType.DXA },
      borders,
      children: [para(title, { bold: true, align: "center", after: 4 }), ...extra, para("Кассир", { align: "center" })],
    });
  const rightCell = () =>
    new TableCell({ width: { size: right, type: WidthType.DXA }, borders, children: fieldLines(payee, r) });
  const qrPara = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: "png", data: qr.png, transformation: { width: side, height: side } })],
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    rows: [
      new TableRow({ cantSplit: true, children: [leftCell("Извещение", [qrPara]), rightCell()] }),
      new TableRow({ cantSplit: true, children: [leftCell("Квитанция", []), rightCell()] }),
    ],
  });
}

/** The batch's receipts: two per A4 page, a cut line between them. */
export function receiptsDocumentChildren(payee: ClaimantDetails, receipts: readonly ReceiptData[]): FileChild[] {
  const children: FileChild[] = [];
  receipts.forEach((r, i) => {
    children.push(
      para(`Форма № ПД-4 · л/с ${r.account}`, { align: "right", size: 16, pageBreakBefore: i > 0 && i % 2 === 0 }),
    );
    children.push(receiptTable(payee, r));
    if (i % 2 === 0)
      children.push(
        para("- - - - - - - - - - - - - линия отреза - - - - - - - - - - - - -", {
          align: "center",
          size: 16,
          after: 12,
        }),
      );
  });
  return children;
}

/** All receipts of a batch in one .docx. */
export async function buildReceipts(payee: ClaimantDetails, receipts: readonly ReceiptData[]): Promise<Uint8Array> {
  return renderDocx(
    makeDocument(receiptsDocumentChildren(payee, receipts), { title: "Квитанции для оплаты взыскателю (ПД-4)" }),
  );
}
