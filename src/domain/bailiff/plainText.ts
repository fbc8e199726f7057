/**
 * Shape E (docs/formats.md): the browser's plain-text copy of the FSSP table puts the line breaks of multi-line cells
 * into the text unquoted, so Excel starts a new row mid-record and the columns shift left (the birth date lands in
 * column A of the next row, the court name too). The rows are joined back into the original text — cells by tabs,
 * rows by line breaks — and cut into records by the proceeding numbers: every record has one tab-separated cell per
 * column, the cell after the debtor's holding the proceeding number.
 */
import type { ColumnConcept } from "./fields";
import { isBlank, type DataRow } from "./rows";
import { hasProceedingNumber, squash } from "./normalize";

const FOREIGN_IN_FIRST_COLUMN =
  /^(сумма долга|остаток долга|исполнительский сбор|судебный участок|мировой судья|[а-яё]+ (районный|городской) суд|ст\.\s*\d|ч\.\s*\d|п\.\s*\d|\+7|\d{6},)/i;
const PLACE_OR_ID = /^(\d{1,2}\.\d{1,2}\.\d{4}|\d{10}|\d{12}|г\.\s|,|россия)/i;

const hasIp = hasProceedingNumber;

/**
 * PLACE_OR_ID on the squashed cell. A cell starting with a letter other than «г»/«р» cannot match (cleaning neither
 * drops a letter nor turns it into a digit, comma, «г» or «р»), so the usual debtor cell — a name — is not squashed.
 */
function placeOrId(cell: string): boolean {
  if (/^[A-Za-zА-ВД-ОС-Яа-вд-ос-яЁё]/.test(cell)) return false;
  return PLACE_OR_ID.test(squash(cell));
}

/**
 * Rows hold in the first column what belongs to other columns, or the debtor cell beside a number is not a name.
 * `starts[i]` — row i's proceeding-number cell holds a number of its own, when the caller has asked already.
 */
export function looksLikePlainTextPaste(
  rows: DataRow[],
  columns: Map<number, ColumnConcept>,
  starts?: readonly boolean[],
): boolean {
  const ipCol = [...columns].find(([, c]) => c === "ip")?.[0];
  const debtorCol = [...columns].find(([, c]) => c === "debtor")?.[0] ?? 0;
  const ipAt = ipCol ?? 1;
  const startRows = rows.map((r, i) => (starts && ipCol !== undefined ? starts[i] : hasIp(r.cells[ipAt] ?? "")));
  const ipRows = startRows.filter(Boolean).length;
  if (ipRows === 0) return false;
  // a signal in three records of ten; the count stops once the answer is sure either way
  const needed = Math.max(1, Math.ceil(ipRows * 0.3));
  let signals = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (startRows[i]) {
      if (placeOrId(r.cells[debtorCol] ?? "")) signals += 1;
    } else if (debtorCol === 0 && FOREIGN_IN_FIRST_COLUMN.test(squash(r.cells[0] ?? ""))) signals += 1;
    if (signals >= needed) return true;
    // each row left gives one signal at most
    if (signals + rows.length - 1 - i < needed) return false;
  }
  return false;
}

const PHONE_LINE = /^(тел\.?|\+7|8\s*\(|[\d\s+()\-,;]{7,}$)/i;

/** The cell shared by a record's last column (the bailiff and phones) and the next record's debtor lines. */
function splitBailiffDebtor(piece: string): [string, string] {
  const lines = piece.split("\n");
  let i = 0;
  while (i < lines.length && isBlank(lines[i])) i++;
  if (i < lines.length) i++; // the bailiff's name
  while (i < lines.length && (PHONE_LINE.test(squash(lines[i])) || isBlank(lines[i]))) i++;
  return [lines.slice(0, i).join("\n"), lines.slice(i).join("\n")];
}

const POSTAL_LINE = /^\d{6},/;
const DATE_LINE = /^\d{1,2}\.\d{1,2}\.\d{4}$/;

/**
 * The cell shared by a record's department (its last cell when the empty last column lost its tab) and the next
 * record's debtor lines: the department is its name and the address line starting with the postal code; without such
 * a line, the debtor starts at the name above the last birth date.
 */
function splitDepartmentDebtor(piece: string): [string, string] {
  const lines = piece.split("\n");
  let cut = lines.findIndex((l) => POSTAL_LINE.test(squash(l))) + 1;
  if (cut === 0) {
    let date = -1;
    lines.forEach((l, i) => {
      if (DATE_LINE.test(squash(l))) date = i;
    });
    cut = date > 0 ? date - 1 : lines.length - 1;
  }
  return [lines.slice(0, cut).join("\n"), lines.slice(cut).join("\n")];
}

export function reconstructPlainText(rows: DataRow[], columns: Map<number, ColumnConcept>) {
  const width = Math.max(...columns.keys()) + 1;
  const ipOffset = [...columns].find(([, c]) => c === "ip")?.[0] ?? 1;
  // join the rows back into the text; remember the sheet row where each tab-separated piece starts
  const pieces: { text: string; row: number }[] = [{ text: "", row: rows[0]?.row ?? 0 }];
  rows.forEach((r, ri) => {
    let last = r.cells.length - 1;
    while (last > 0 && isBlank(r.cells[last])) last--;
    r.cells.slice(0, last + 1).forEach((c, ci) => {
      if (ci > 0) pieces.push({ text: c, row: r.row });
      else pieces[pieces.length - 1].text += (ri > 0 ? "\n" : "") + c;
    });
  });
  const starts = pieces
    .map((p, i) => (hasIp(p.text) && squash(p.text).search(/\d/) === 0 ? i : -1))
    .filter((i) => i >= 0);
  const records: { row: number; texts: Map<ColumnConcept, string> }[] = [];
  const orphans: DataRow[] = [];
  // a record one piece short: its last column was empty and the text lost that trailing tab, so the next record's
  // debtor lines follow the department's in one piece
  const short = (k: number) => k >= 0 && k < starts.length - 1 && starts[k + 1] - starts[k] === width - 2;
  starts.forEach((s, k) => {
    const first = s - ipOffset;
    const texts = new Map<ColumnConcept, string>();
    for (let j = 0; j < width; j++) {
      if (j === width - 1 && short(k)) continue; // that piece is the next record's proceeding number
      const piece = pieces[first + j];
      if (!piece) continue;
      let text = piece.text;
      if (j === 0 && k > 0) text = short(k - 1) ? splitDepartmentDebtor(text)[1] : splitBailiffDebtor(text)[1];
      if (j === width - 2 && short(k)) text = splitDepartmentDebtor(text)[0];
      else if (j === width - 1 && k < starts.length - 1) text = splitBailiffDebtor(text)[0];
      const concept = columns.get(j);
      if (concept && !isBlank(text)) texts.set(concept, text);
    }
    records.push({ row: pieces[s].row, texts });
  });
  if (starts.length > 0 && starts[0] - ipOffset > 0) {
    const before = pieces
      .slice(0, starts[0] - ipOffset)
      .map((p) => p.text)
      .join(" ");
    if (!isBlank(before)) orphans.push({ row: rows[0].row, cells: [before] });
  }
  return { records, orphans };
}
