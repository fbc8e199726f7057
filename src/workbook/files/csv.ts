/**
 * CSV / TXT tables: the separator is found from the text (`;` — Excel's CSV on Russian Windows and 1С, `,`, tab —
 * «Текст (разделители — табуляция)»), quotes follow RFC 4180 (a quoted field may hold separators, line breaks
 * and doubled quotes). Every cell stays the user's text — «25 430,12», «0012», «01.02.2024» — so the ledger check
 * reads it as it reads a typed cell and nothing is lost to a guess about numbers or dates.
 */
import { FileFormatError } from "./errors";

export type Separator = ";" | "," | "\t";
const SEPARATORS: readonly Separator[] = ["\t", ";", ","]; // on a tie the earlier one wins
/** Lines looked at to choose the separator. */
const SAMPLE_LINES = 200;

/** Fields per line for a separator, quotes respected (a quoted line break continues the line). */
function fieldCounts(text: string, sep: Separator, maxLines: number): number[] {
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  let lineHasText = false;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === sep) fields++;
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      if (lineHasText) counts.push(fields);
      fields = 1;
      lineHasText = false;
      continue;
    }
    lineHasText = true;
  }
  if (lineHasText && counts.length < maxLines) counts.push(fields);
  return counts;
}

/**
 * The separator whose field count repeats on the most lines (title lines have other counts, and decimal commas
 * make the comma's count vary from row to row). Null when no separator splits at least two lines alike.
 */
export function detectSeparator(text: string): Separator | null {
  let best: { sep: Separator; lines: number } | null = null;
  for (const sep of SEPARATORS) {
    const byCount = new Map<number, number>();
    for (const n of fieldCounts(text, sep, SAMPLE_LINES)) if (n > 1) byCount.set(n, (byCount.get(n) ?? 0) + 1);
    const lines = Math.max(0, ...byCount.values());
    if (lines >= 2 && (!best || lines > best.lines)) best = { sep, lines };
  }
  return best?.sep ?? null;
}

/** RFC 4180 parsing with a known separator; rows keep their own length. */
export function parseDelimited(text: string, sep: Separator): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Excel writes «sep=;» as the first line when asked to; it names the separator and is not data. */
const SEP_DIRECTIVE = /^"?sep=([;,\t])"?\r?\n/i;

export function readDelimitedText(text: string, fileName: string): string[][] {
  const directive = SEP_DIRECTIVE.exec(text);
  const body = directive ? text.slice(directive[0].length) : text;
  const sep = (directive?.[1] as Separator | undefined) ?? detectSeparator(body);
  if (!sep) {
    throw new FileFormatError(
      `Не удалось определить разделитель столбцов в файле «${fileName}»: ожидается точка с запятой, запятая или ` +
        `табуляция, одинаково повторяющиеся в строках таблицы.`,
    );
  }
  return parseDelimited(body, sep);
}
