/**
 * Text pasted into the taskpane box, or a .csv/.txt register, → a grid the register parser reads like a sheet.
 * Tab-separated text (what Excel and browsers put on the clipboard) and «;»/«,»-separated CSV; a quoted field may hold
 * line breaks and doubled quotes (Excel's own copy of multi-line cells); an unquoted line break starts a new row, as
 * when Excel pastes a browser's plain text (shape E).
 */
import type { SheetGrid } from "../grid";

function detectDelimiter(text: string): string {
  const head = text.split("\n", 20);
  const count = (ch: string) => head.reduce((n, l) => n + (l.split(ch).length - 1), 0);
  if (count("\t") > 0) return "\t";
  const semi = count(";");
  const comma = count(",");
  // commas are frequent inside addresses: only a CSV when every line has them
  if (semi > 0 && semi >= head.length - 1) return ";";
  if (comma > 0 && head.every((l) => l === "" || l.includes(",")) && /^"|",|,"/.test(text)) return ",";
  return "\t";
}

/** Rows of cells; quotes are honoured only at the start of a field. */
export function parseDelimited(input: string, delimiter?: string): string[][] {
  const text = input.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
  const d = delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i <= text.length) {
    let field = "";
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = text.length;
          break;
        }
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // anything after the closing quote up to the delimiter belongs to the field
      while (i < text.length && text[i] !== d && text[i] !== "\n") field += text[i++];
    } else {
      while (i < text.length && text[i] !== d && text[i] !== "\n") field += text[i++];
    }
    row.push(field);
    if (i >= text.length || text[i] === "\n") {
      rows.push(row);
      row = [];
    }
    i += 1;
  }
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c.trim() === "")) rows.pop();
  return rows;
}

/** A grid from pasted text; every value is text (identifiers keep their zeros). */
export function textToGrid(text: string, sheet = "Вставленный текст"): SheetGrid {
  const rows = parseDelimited(text);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
  return {
    sheet,
    top: 0,
    left: 0,
    values: padded.map((r) => r.map((c) => (c === "" ? null : c))),
    text: padded,
    numberFormat: [],
  };
}
