/**
 * Заявление о вынесении судебного приказа о взыскании задолженности по оплате жилого помещения и коммунальных
 * услуг (ГПК РФ ст. 121–124). Content per ГПК ст. 124 ч. 2: the court; the claimant with its requisites; the
 * debtor (for a citizen: ФИО, date and place of birth, place of residence and one identifier — СНИЛС, ИНН or an
 * identity document); the claim and the circumstances it rests on; the list of attachments; the signature.
 * A missing item stays in the text as a highlighted gap (applicationGaps lists them before generation).
 * The penalty calculation (ЖК РФ ст. 155 ч. 14) goes as Приложение № 1 on a landscape page.
 */
import { formatDateRu, formatPeriodNumeric, formatPeriodRu, type IsoDate, type Period } from "../domain/dates";
import { formatKopecksRu, type Kopecks } from "../domain/money";
import { amountFiguresAndWords } from "./amountInWords";
import {
  LANDSCAPE_TEXT_WIDTH,
  bodyPara,
  heading,
  letterhead,
  makeDocumentSections,
  numberedList,
  outgoingLine,
  para,
  renderDocx,
  signatureBlock,
  table,
  valueOrGap,
  type FileChild,
} from "./letterFrame";
import type { ClaimantDetails, Inline, Outgoing, Signatory } from "./model";

export interface CourtDetails {
  /** «Судебный участок № 12 Тверского района г. Москвы». */
  name: string;
  address: string;
}

export interface DebtorDetails {
  /** ФИО (or an organisation's name). */
  name: string;
  birthDate?: IsoDate | null;
  birthPlace?: string;
  /** Place of residence (for ЖКУ usually the premises' address). */
  residence: string;
  /** «СНИЛС 112-233-445 95», «ИНН …», «паспорт …» — one of the ГПК 124 identifiers. */
  identifier?: string;
}

/** The penalty table as the law engine lays it out for «Расчёт пени» (cells: text, numbers, dates, money). */
export type AnnexCell =
  | string
  | number
  | boolean
  | null
  | undefined
  | { kind: "date"; date: string }
  | { kind: "money"; kopecks: number }
  | { kind: "link"; text: string };

export interface CourtOrderApplicationData {
  claimant: ClaimantDetails;
  signatory?: Signatory;
  outgoing: Outgoing;
  court: CourtDetails | null;
  debtor: DebtorDetails;
  /** Лицевой счёт and the premises it belongs to. */
  account: string;
  premises: string;
  periodFrom: Period | null;
  periodTo: Period | null;
  /** Unpaid principal by month (month-level ledgers); empty when only totals are known. */
  principalByPeriod: readonly { period: Period; amount: Kopecks }[];
  principal: Kopecks;
  penalty: Kopecks;
  duty: Kopecks;
  /** Rows of the penalty table (penaltyTableSheet); null when the ledger has no monthly data. */
  penaltyAnnex: readonly (readonly AnnexCell[])[] | null;
}

/** What is missing for ГПК 124: `blocking` stops generation, `warnings` leave highlighted gaps. Russian texts. */
export interface ApplicationGaps {
  blocking: string[];
  warnings: string[];
}

export function applicationGaps(d: CourtOrderApplicationData): ApplicationGaps {
  const blocking: string[] = [];
  const warnings: string[] = [];
  if (!d.debtor.name.trim()) blocking.push("нет ФИО должника");
  if (!d.debtor.residence.trim()) blocking.push("нет места жительства (адреса) должника");
  if (!d.debtor.birthDate) blocking.push("нет даты рождения должника (ГПК 124)");
  if (!(d.principal > 0)) blocking.push("нет суммы основного долга");
  if (!d.debtor.birthPlace?.trim()) warnings.push("нет места рождения должника (ГПК 124)");
  if (!d.debtor.identifier?.trim()) warnings.push("нет идентификатора должника: СНИЛС, ИНН или паспорта (ГПК 124)");
  if (!d.court) warnings.push("не найден судебный участок для адреса должника");
  if (!d.periodFrom || !d.periodTo) warnings.push("не указан период задолженности");
  return { blocking, warnings };
}

/** «01.2025»: the form that reads right after «с» and «по» (a month name would need the genitive). */
const periodText = (p: Period | null) => (p ? formatPeriodNumeric(p) : null);

function partyBlock(d: CourtOrderApplicationData): (Inline | Inline[])[] {
  const c = d.claimant;
  const debtor = d.debtor;
  const total = d.principal + d.penalty;
  return [
    [{ text: "В ", bold: true }, valueOrGap(d.court?.name, "судебный участок мирового судьи")],
    [valueOrGap(d.court?.address, "адрес суда")],
    "",
    [{ text: "Взыскатель: ", bold: true }, valueOrGap(c.name, "наименование")],
    [`адрес: `, valueOrGap(c.address, "адрес")],
    `ИНН ${c.inn || "—"}, КПП ${c.kpp || "—"}, ОГРН ${c.ogrn || "—"}`,
    `р/с ${c.account || "—"} в ${c.bankName || "—"}, БИК ${c.bik || "—"}, к/с ${c.corrAccount || "—"}`,
    "",
    [{ text: "Должник: ", bold: true }, valueOrGap(debtor.name, "ФИО должника")],
    [
      "дата рождения: ",
      valueOrGap(debtor.birthDate ? formatDateRu(debtor.birthDate) : "", "дата рождения"),
      ", место рождения: ",
      valueOrGap(debtor.birthPlace, "место рождения"),
    ],
    ["место жительства: ", valueOrGap(debtor.residence, "место жительства")],
    ["идентификатор: ", valueOrGap(debtor.identifier, "СНИЛС, ИНН или паспорт")],
    "",
    `Сумма требования: ${formatKopecksRu(total)} руб.`,
    `Государственная пошлина: ${formatKopecksRu(d.duty)} руб.`,
  ];
}

function claimBody(d: CourtOrderApplicationData): FileChild[] {
  const from = periodText(d.periodFrom);
  const to = periodText(d.periodTo);
  const period: Inline[] = ["за период с ", valueOrGap(from, "месяц"), " по ", valueOrGap(to, "месяц")];
  const out: FileChild[] = [
    bodyPara([
      "Взыскатель предоставляет услуги по содержанию жилого помещения и (или) коммунальные услуги в отношении помещения по адресу: ",
      valueOrGap(d.premises, "адрес помещения"),
      `; лицевой счёт № ${d.account}. Должник проживает в указанном помещении и (или) является его собственником (нанимателем).`,
    ]),
    bodyPara(
      "Согласно ст. 153 и 155 Жилищного кодекса РФ граждане обязаны своевременно и полностью вносить плату за жилое помещение и коммунальные услуги ежемесячно до 10-го числа месяца, следующего за истекшим, если иной срок не установлен договором управления или решением общего собрания; ст. 154 ЖК РФ определяет состав платы.",
    ),
    bodyPara([
      "Должник эту обязанность не исполнил: ",
      ...period,
      ` образовалась задолженность в размере ${amountFiguresAndWords(d.principal)}.`,
    ]),
  ];
  if (d.principalByPeriod.length > 0) {
    out.push(
      table(
        [{ header: "Период" }, { header: "Задолженность, руб.", align: "right" }],
        [
          ...d.principalByPeriod.map((p) => [formatPeriodRu(p.period), formatKopecksRu(p.amount)]),
          ["Итого", formatKopecksRu(d.principal)],
        ],
        { boldRows: [d.principalByPeriod.length] },
      ),
      para("", { after: 4 }),
    );
  }
  out.push(
    bodyPara(
      `В соответствии с ч. 14 ст. 155 ЖК РФ за несвоевременное внесение платы должнику начислены пени в размере ${amountFiguresAndWords(d.penalty)}${d.penaltyAnnex ? "; расчёт приложен (приложение № 1)" : ""}.`,
    ),
    bodyPara(
      "Требование основано на задолженности по оплате жилого помещения и коммунальных услуг (абзац десятый ст. 122 ГПК РФ), его размер не превышает 500 000 рублей (ст. 121 ГПК РФ), спора о праве нет.",
    ),
    bodyPara(
      `Государственная пошлина в размере ${amountFiguresAndWords(d.duty)} уплачена (ст. 123 ГПК РФ, пп. 2 п. 1 ст. 333.19 НК РФ).`,
    ),
  );
  return out;
}

function requestBlock(d: CourtOrderApplicationData): FileChild[] {
  const total = d.principal + d.penalty + d.duty;
  return [
    bodyPara("На основании изложенного, руководствуясь ст. 153–155 ЖК РФ, ст. 121–124 ГПК РФ,"),
    para("ПРОШУ:", { align: "center", bold: true, after: 4 }),
    bodyPara([
      "Вынести судебный приказ о взыскании с должника ",
      valueOrGap(d.debtor.name, "ФИО должника"),
      " в пользу ",
      valueOrGap(d.claimant.name, "наименование взыскателя"),
      ":",
    ]),
    ...numberedList([
      [
        "задолженности по оплате жилого помещения и коммунальных услуг ",
        "за период с ",
        valueOrGap(periodText(d.periodFrom), "месяц"),
        " по ",
        valueOrGap(periodText(d.periodTo), "месяц"),
        ` в размере ${amountFiguresAndWords(d.principal)};`,
      ],
      `пени в размере ${amountFiguresAndWords(d.penalty)};`,
      `расходов по уплате государственной пошлины в размере ${amountFiguresAndWords(d.duty)}.`,
    ]),
    para(`Всего: ${amountFiguresAndWords(total)}.`, { bold: true, after: 8 }),
  ];
}

/** The list of attachments (ГПК 124 ч. 2 п. 8). */
export function applicationAttachments(d: CourtOrderApplicationData): string[] {
  return [
    d.penaltyAnnex ? "Расчёт задолженности и пени (приложение № 1)." : "Расчёт задолженности и пени.",
    "Документ об уплате государственной пошлины.",
    "Выписка из лицевого счёта (история начислений и оплат).",
    "Выписка из ЕГРН или иной документ о правах на помещение (сведения о собственнике).",
    "Документы о полномочиях взыскателя (договор управления, протокол общего собрания или договор ресурсоснабжения).",
    "Доверенность представителя (если заявление подписывает представитель).",
  ];
}

function annexCellText(c: AnnexCell): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "string") return c;
  if (typeof c === "number") return String(c).replace(".", ",");
  if (typeof c === "boolean") return c ? "да" : "нет";
  if (c.kind === "date") return formatDateRu(c.date);
  if (c.kind === "money") return formatKopecksRu(c.kopecks);
  return c.text;
}

/** Приложение № 1: the penalty table, notes first, then the table from its header row on. */
export function penaltyAnnexChildren(d: CourtOrderApplicationData): FileChild[] {
  const rows = d.penaltyAnnex ?? [];
  const headerAt = rows.findIndex((r) => r.length >= 5);
  const out: FileChild[] = [
    para("Приложение № 1 к заявлению о вынесении судебного приказа", { align: "right", size: 20 }),
    heading(`Расчёт пени по лицевому счёту № ${d.account} (ч. 14 ст. 155 ЖК РФ)`),
  ];
  const notes = headerAt < 0 ? rows : rows.slice(0, headerAt);
  for (const r of notes.slice(1)) {
    const text = r.map(annexCellText).join(" ").trim();
    if (text) out.push(para(text, { size: 18, align: "justify" }));
  }
  if (headerAt >= 0) {
    const header = rows[headerAt].map(annexCellText);
    const body = rows
      .slice(headerAt + 1)
      .filter((r) => r.some((c) => annexCellText(c) !== ""))
      .map((r) => header.map((_, i) => annexCellText(r[i])));
    const widths = header.map((h) => (h === "Формула" ? 4 : h === "Период" || h === "Мораторий" ? 1.6 : 1));
    out.push(
      table(
        header.map((h, i) => ({ header: h, width: widths[i], align: i === 0 || h === "Формула" ? "left" : "right" })),
        body,
        { size: 16, width: LANDSCAPE_TEXT_WIDTH },
      ),
    );
  }
  out.push(para("", { after: 8 }), para("Взыскатель: ______________________", { size: 20 }));
  return out;
}

export function applicationChildren(d: CourtOrderApplicationData): FileChild[] {
  return [
    ...letterhead(d.claimant),
    outgoingLine(d.outgoing),
    ...partyBlock(d).map((line) => para(line, { indentCm: 8 })),
    para("", { after: 6 }),
    para("ЗАЯВЛЕНИЕ", { align: "center", bold: true }),
    heading("о вынесении судебного приказа о взыскании задолженности по оплате жилого помещения и коммунальных услуг"),
    ...claimBody(d),
    ...requestBlock(d),
    para("Приложение:", { bold: true, after: 2 }),
    ...numberedList(applicationAttachments(d)),
    ...signatureBlock(d.claimant, d.signatory),
    para(formatDateRu(d.outgoing.date)),
  ];
}

/** The application as .docx bytes (the penalty annex on its own landscape section when there is one). */
export async function buildCourtOrderApplication(d: CourtOrderApplicationData): Promise<Uint8Array> {
  const sections: { children: FileChild[]; landscape?: boolean }[] = [{ children: applicationChildren(d) }];
  if (d.penaltyAnnex) sections.push({ children: penaltyAnnexChildren(d), landscape: true });
  return renderDocx(
    makeDocumentSections(sections, { title: `Заявление о вынесении судебного приказа, л/с ${d.account}` }),
  );
}
