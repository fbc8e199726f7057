/**
 * The shared frame of every letter the add-in writes (court applications, letters to the ОСП): the letterhead
 * from the claimant's requisites in Настройки, the outgoing number and date, the addressee block on the right,
 * the body, and the signature block. Rendered with the `docx` package, so the same code runs in the browser and
 * in Node.
 *
 * Public API for other builders:
 * - `listLetterDocument(spec)` / `buildListLetter(spec)` — a whole letter: title, intro paragraphs, a table with
 *   given columns and rows, closing paragraphs, attachments, signature (used for the letters to the ОСП);
 * - `letterhead`, `outgoingLine`, `addresseeBlock`, `signatureBlock`, `para`, `heading`, `table`,
 *   `numberedList` — the pieces, for builders that lay out their own body;
 * - `makeDocument(children)` and `renderDocx(doc)` — the page setup (A4, Times New Roman 12) and the bytes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HighlightColor,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from "docx";
import { formatDateRu } from "../domain/dates";
import type { ClaimantDetails, Inline, Outgoing, Signatory } from "./model";

/** Twentieths of a point per centimetre (Word's page units). */
const TWIP_PER_CM = 567;
/** A4 text width with 3 cm left and 1.5 cm right margins (ГОСТ Р 7.0.97-2016 fields), in twips. */
export const TEXT_WIDTH = Math.round((21 - 3 - 1.5) * TWIP_PER_CM);
const FONT = "Times New Roman";
/** Half-points: 12 pt. */
const SIZE = 24;

/** A text run for one inline piece; gaps are highlighted so the clerk sees what is missing. */
export function run(piece: Inline, base: { bold?: boolean; size?: number } = {}): TextRun {
  if (typeof piece === "string") return new TextRun({ text: piece, bold: base.bold, size: base.size });
  return new TextRun({
    text: piece.text,
    bold: piece.bold ?? base.bold,
    italics: piece.italic,
    size: base.size,
    highlight: piece.gap ? HighlightColor.YELLOW : undefined,
  });
}

export interface ParaOptions {
  align?: "left" | "center" | "right" | "justify";
  bold?: boolean;
  /** Left indent in centimetres (the addressee block sits on the right half). */
  indentCm?: number;
  /** First-line indent in centimetres (body paragraphs). */
  firstLineCm?: number;
  /** Space after, in points. */
  after?: number;
  size?: number;
  pageBreakBefore?: boolean;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** One paragraph from a string or inline pieces. */
export function para(content: Inline | readonly Inline[], options: ParaOptions = {}): Paragraph {
  const pieces = Array.isArray(content) ? (content as readonly Inline[]) : [content as Inline];
  return new Paragraph({
    children: pieces.map((p) => run(p, { bold: options.bold, size: options.size })),
    alignment: ALIGN[options.align ?? "left"],
    indent:
      options.indentCm || options.firstLineCm
        ? {
            left: options.indentCm ? Math.round(options.indentCm * TWIP_PER_CM) : undefined,
            firstLine: options.firstLineCm ? Math.round(options.firstLineCm * TWIP_PER_CM) : undefined,
          }
        : undefined,
    spacing: { after: Math.round((options.after ?? 0) * 20) },
    pageBreakBefore: options.pageBreakBefore,
  });
}

/** A body paragraph: justified, first line indented 1.25 cm. */
export function bodyPara(content: Inline | readonly Inline[]): Paragraph {
  return para(content, { align: "justify", firstLineCm: 1.25, after: 4 });
}

/** A centred bold title. */
export function heading(text: string, options: { pageBreakBefore?: boolean } = {}): Paragraph {
  return para(text, { align: "center", bold: true, after: 8, pageBreakBefore: options.pageBreakBefore });
}

/** A value or a highlighted gap named for what is missing («[не указан ИНН]»). */
export function valueOrGap(value: string | null | undefined, missing: string): Inline {
  const v = (value ?? "").trim();
  return v !== "" ? v : { text: `[${missing}]`, gap: true };
}

/** The letterhead: the claimant's name, address and requisites, centred, with a rule under it. */
export function letterhead(c: ClaimantDetails): Paragraph[] {
  const ids = [c.inn && `ИНН ${c.inn}`, c.kpp && `КПП ${c.kpp}`, c.ogrn && `ОГРН ${c.ogrn}`].filter(Boolean);
  const bank = [
    c.account && `р/с ${c.account}`,
    c.bankName && `в ${c.bankName}`,
    c.bik && `БИК ${c.bik}`,
    c.corrAccount && `к/с ${c.corrAccount}`,
  ].filter(Boolean);
  const lines: Paragraph[] = [para(valueOrGap(c.name, "наименование взыскателя"), { align: "center", bold: true })];
  if (c.address) lines.push(para(c.address, { align: "center", size: 20 }));
  if (ids.length) lines.push(para(ids.join(", "), { align: "center", size: 20 }));
  const last = new Paragraph({
    children: [new TextRun({ text: bank.join(", "), size: 20 })],
    alignment: AlignmentType.CENTER,
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 4 } },
    spacing: { after: 240 },
  });
  lines.push(last);
  return lines;
}

/** «Исх. № 15 от 02.12.2026» (a blank line for the number when it is not given). */
export function outgoingLine(o: Outgoing): Paragraph {
  const number = o.number?.trim() ? o.number.trim() : "______";
  return para(`Исх. № ${number} от ${formatDateRu(o.date)}`, { after: 12 });
}

/** The addressee block on the right half of the page, one paragraph per line. */
export function addresseeBlock(lines: readonly (Inline | readonly Inline[])[]): Paragraph[] {
  const out = lines.map((l) => para(l, { indentCm: 9 }));
  out.push(para("", { after: 6 }));
  return out;
}

/** The signature block: position and organisation on the left, a line and the name on the right. */
export function signatureBlock(claimant: ClaimantDetails, sig: Signatory = {}): Paragraph[] {
  const position = sig.position?.trim() || "Руководитель";
  const name = sig.name?.trim() || "______________________";
  return [
    para("", { after: 12 }),
    para(position),
    para(`${claimant.name || "______________________"}        ______________ / ${name} /`),
    para("М.П.", { size: 20 }),
  ];
}

/** A numbered list («1. …»), one paragraph per item. */
export function numberedList(items: readonly (Inline | readonly Inline[])[]): Paragraph[] {
  return items.map((item, i) => {
    const pieces = Array.isArray(item) ? (item as readonly Inline[]) : [item as Inline];
    return para([`${i + 1}. `, ...pieces], { align: "justify", indentCm: 0.5 });
  });
}

export interface TableColumn {
  header: string;
  /** Relative width (the columns share the text width in proportion). */
  width?: number;
  align?: "left" | "center" | "right";
}

/** A bordered table with a bold header row; cells are strings or inline pieces. */
export function table(
  columns: readonly TableColumn[],
  rows: readonly (readonly (Inline | readonly Inline[])[])[],
  options: { size?: number; boldRows?: readonly number[]; width?: number } = {},
): Table {
  const textWidth = options.width ?? TEXT_WIDTH;
  const total = columns.reduce((s, c) => s + (c.width ?? 1), 0);
  const widths = columns.map((c) => Math.floor(((c.width ?? 1) / total) * textWidth));
  const size = options.size ?? 20;
  const cell = (content: Inline | readonly Inline[], i: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      children: [para(content, { align: columns[i]?.align ?? "left", bold, size })],
    });
  const bold = new Set(options.boldRows ?? []);
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((r, ri) => new TableRow({ children: columns.map((_, i) => cell(r[i] ?? "", i, bold.has(ri))) })),
    ],
  });
}

/** A4 page properties: portrait for letters, landscape for wide annexes (the penalty table). */
function pageProperties(landscape: boolean) {
  const margin = { top: 2 * TWIP_PER_CM, bottom: 2 * TWIP_PER_CM, left: 3 * TWIP_PER_CM, right: 1.5 * TWIP_PER_CM };
  return landscape
    ? {
        page: {
          size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
          margin: { top: 2 * TWIP_PER_CM, bottom: 1.5 * TWIP_PER_CM, left: 2 * TWIP_PER_CM, right: 2 * TWIP_PER_CM },
        },
      }
    : { page: { size: { width: 11906, height: 16838 }, margin } };
}

/** Text width of a landscape A4 page with 2 cm margins, in twips. */
export const LANDSCAPE_TEXT_WIDTH = Math.round((29.7 - 4) * TWIP_PER_CM);

/** A document of several sections (each may be landscape), Times New Roman 12. */
export function makeDocumentSections(
  sections: readonly { children: FileChild[]; landscape?: boolean }[],
  options: { title?: string } = {},
): Document {
  return new Document({
    title: options.title,
    creator: "Взыскание ЖКУ",
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: sections.map((s) => ({ properties: pageProperties(s.landscape ?? false), children: s.children })),
  });
}

/** A4 portrait, margins 2 / 1.5 / 2 / 3 cm, Times New Roman 12. */
export function makeDocument(children: FileChild[], options: { title?: string } = {}): Document {
  return makeDocumentSections([{ children }], options);
}

/** The .docx bytes (works in the browser and in Node). */
export async function renderDocx(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** A letter whose body is a list: the shape of the letters to the ОСП (bailiff helper) and the covering letter. */
export interface ListLetterSpec {
  claimant: ClaimantDetails;
  outgoing: Outgoing;
  /** Addressee lines: «Начальнику отделения — старшему судебному приставу», the department, its address. */
  addressee: readonly (Inline | readonly Inline[])[];
  /** Centred title, e.g. «Заявление о возбуждении исполнительного производства». */
  title: string;
  /** Paragraphs before the table. */
  intro: readonly (Inline | readonly Inline[])[];
  /** The list as a table; omitted when the letter has none. */
  table?: { columns: readonly TableColumn[]; rows: readonly (readonly (Inline | readonly Inline[])[])[] };
  /** Paragraphs after the table (requests, the account for direct payment…). */
  closing?: readonly (Inline | readonly Inline[])[];
  /** «Приложение:» — a numbered list. */
  attachments?: readonly (Inline | readonly Inline[])[];
  signature?: Signatory;
}

/** The body elements of a list letter (for builders that want to append more, e.g. an annex). */
export function listLetterChildren(spec: ListLetterSpec): FileChild[] {
  const children: FileChild[] = [
    ...letterhead(spec.claimant),
    outgoingLine(spec.outgoing),
    ...addresseeBlock(spec.addressee),
    heading(spec.title),
    ...spec.intro.map((p) => bodyPara(p)),
  ];
  if (spec.table) {
    children.push(table(spec.table.columns, spec.table.rows));
    children.push(para("", { after: 6 }));
  }
  for (const p of spec.closing ?? []) children.push(bodyPara(p));
  if (spec.attachments && spec.attachments.length > 0) {
    children.push(para("Приложение:", { bold: true, after: 2 }));
    children.push(...numberedList(spec.attachments));
  }
  children.push(...signatureBlock(spec.claimant, spec.signature));
  return children;
}

export function listLetterDocument(spec: ListLetterSpec): Document {
  return makeDocument(listLetterChildren(spec), { title: spec.title });
}

/** A list letter as .docx bytes. */
export async function buildListLetter(spec: ListLetterSpec): Promise<Uint8Array> {
  return renderDocx(listLetterDocument(spec));
}

/** Paragraph children for custom layouts (re-exported so builders need not import docx themselves). */
export type { FileChild, ParagraphChild };
