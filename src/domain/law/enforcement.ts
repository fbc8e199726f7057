/**
 * Enforcement terms (229-ФЗ; docs/law.md, § 9): the 3-year term to present an executive document (ст. 21), its
 * interruption and restart (ст. 22), the earliest re-presentation after a return under ст. 46 ч. 1 п. 3–4
 * (ст. 46 ч. 5, program default), and the FSSP end-reason codes («ст. 46 ч. 1 п. 4») in structured form.
 */
import { addMonths, addYears, type IsoDate } from "../dates";
import { nextWorkingDay } from "./calendar";
import { PRESENTATION_TERM_YEARS, REPRESENTATION_WAIT } from "./rules";

export type EndMeaning = "paid" | "not-paid" | "returned" | "terminated" | "other";

export interface EndReason {
  article: number;
  part: number;
  point: number;
  meaning: EndMeaning;
  label: string;
}

/** Known codes; anything else parses with meaning "other". */
const REASONS: Record<string, { meaning: EndMeaning; label: string }> = {
  "47-1-1": { meaning: "paid", label: "фактическое исполнение" },
  "47-1-2": { meaning: "paid", label: "фактическое исполнение солидарным должником" },
  "47-1-3": { meaning: "returned", label: "извещение о невозможности взыскания (ст. 46)" },
  "47-1-4": { meaning: "other", label: "возврат по требованию суда или органа, выдавшего документ" },
  "47-1-6": { meaning: "not-paid", label: "ликвидация должника-организации" },
  "47-1-7": { meaning: "not-paid", label: "банкротство должника" },
  "46-1-1": { meaning: "returned", label: "возвращено по заявлению взыскателя (ред. до 20.06.2022)" },
  "46-1-2": { meaning: "returned", label: "исполнение невозможно (ред. до 20.06.2022)" },
  "46-1-3": {
    meaning: "returned",
    label: "невозможно установить местонахождение должника, его имущество или денежные средства",
  },
  "46-1-4": { meaning: "returned", label: "у должника нет имущества, на которое может быть обращено взыскание" },
};

const REASON_RE = /ст\.?\s*(\d+(?:\.\d+)?)\s*,?\s*ч\.?\s*(\d+)\s*,?\s*п\.?\s*(\d+)/i;
/** The order of a legal citation: «п. 4 ч. 1 ст. 46». */
const REASON_REVERSED_RE = /п\.?\s*(\d+)\s*,?\s*ч\.?\s*(\d+)\s*,?\s*ст\.?\s*(\d+(?:\.\d+)?)/i;

export function parseEndReason(text: string): EndReason | null {
  const clean = text.replace(/[\u00a0\u202f]/g, " ");
  const m = REASON_RE.exec(clean);
  const r = m ? null : REASON_REVERSED_RE.exec(clean);
  if (!m && !r) return null;
  const article = Math.trunc(Number(m ? m[1] : r![3]));
  const part = Number(m ? m[2] : r![2]);
  const point = Number(m ? m[3] : r![1]);
  const known = REASONS[`${article}-${part}-${point}`];
  if (known) return { article, part, point, ...known };
  if (article === 43)
    return { article, part, point, meaning: "terminated", label: "прекращение исполнительного производства (ст. 43)" };
  return { article, part, point, meaning: "other", label: `ст. ${article} ч. ${part} п. ${point}` };
}

export interface Presentation {
  /** Day the document was presented (proceedings started). */
  started: IsoDate;
  /** Day the proceedings ended (the end decree); null = still running. */
  ended: IsoDate | null;
}

export interface PresentationTermInput {
  /** Day the court order was issued (229-ФЗ ст. 21, old wording counts court orders from issue). */
  issued: IsoDate;
  /** Day it entered into force; used when anchor = "in-force". */
  enteredIntoForce?: IsoDate | null;
  anchor?: "issued" | "in-force";
  presentations?: Presentation[];
  /** Partial performance by the debtor also interrupts the term (ст. 22 ч. 1). */
  partialPayments?: IsoDate[];
}

/**
 * The last day to present the document (ст. 21: 3 years; ст. 22: presentation and partial payment interrupt the
 * term, which then runs anew — from the end decree after a return, ст. 22 ч. 3). null while proceedings run.
 */
export function presentationTermEnd(input: PresentationTermInput): IsoDate | null {
  let start = input.anchor === "in-force" && input.enteredIntoForce ? input.enteredIntoForce : input.issued;
  const events: { date: IsoDate; kind: "presented" | "paid"; ended: IsoDate | null }[] = [
    ...(input.presentations ?? []).map((p) => ({ date: p.started, kind: "presented" as const, ended: p.ended })),
    ...(input.partialPayments ?? []).map((d) => ({ date: d, kind: "paid" as const, ended: null })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const e of events) {
    const end = nextWorkingDay(addYears(start, PRESENTATION_TERM_YEARS));
    if (e.date > end) break; // presented too late: nothing interrupts an expired term
    if (e.kind === "paid") {
      if (e.date > start) start = e.date;
      continue;
    }
    if (e.ended === null) return null;
    start = e.ended;
  }
  return nextWorkingDay(addYears(start, PRESENTATION_TERM_YEARS));
}

/**
 * Earliest day to present the document again after the proceedings ended (ст. 46 ч. 5, pre-2022 wording kept as the default — docs/law.md, § 9):
 * + 6 months after a return under ст. 46 ч. 1 п. 3–4 (also ст. 47 ч. 1 п. 3, which refers to them); the end date
 * itself for other returns; null when the debt was collected or the proceedings cannot be restarted.
 */
export function earliestRepresentation(endDate: IsoDate, reason: EndReason | string): IsoDate | null {
  const r = typeof reason === "string" ? parseEndReason(reason) : reason;
  if (!r) return null;
  const waits =
    (r.article === REPRESENTATION_WAIT.article &&
      r.part === REPRESENTATION_WAIT.part &&
      REPRESENTATION_WAIT.points.includes(r.point)) ||
    (r.article === 47 && r.part === 1 && r.point === 3);
  if (waits) return addMonths(endDate, REPRESENTATION_WAIT.months);
  if (r.meaning === "returned") return endDate;
  return null;
}
