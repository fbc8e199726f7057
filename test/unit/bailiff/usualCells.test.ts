/**
 * The usual-layout readers (usualCells.ts) are a short way to what the general readers (fields.ts) give: on every
 * cell they accept, the proceeding must come out the same. Cells come from the generated register in all five paste
 * shapes, the hand-made fixtures, and variants of usual cells with the small deviations real pastes have.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readDebtor, readDocumentHead, readEnd, readIp, readSubject } from "../../../src/domain/bailiff/fields";
import { readMemo, type ReadMemo } from "../../../src/domain/bailiff/memo";
import { emptyProceeding, type Proceeding } from "../../../src/domain/bailiff/model";
import {
  isUsualIpCell,
  readUsualDebtor,
  readUsualEnd,
  readUsualIp,
  readUsualSubject,
  usualDocumentHead,
} from "../../../src/domain/bailiff/usualCells";
import { hasProceedingNumber } from "../../../src/domain/bailiff/normalize";
import { bailiffScenario, renderShape, type PasteShape } from "../../generators/bailiffRegister";
import { RECORDS } from "../../fixtures/bailiff/records";

type Reader = (p: Proceeding, text: string, memo: ReadMemo) => void;
type UsualReader = (p: Proceeding, text: string, memo: ReadMemo) => boolean;

const PAIRS: { column: number; name: string; usual: UsualReader; general: Reader }[] = [
  { column: 0, name: "debtor", usual: readUsualDebtor, general: readDebtor },
  { column: 1, name: "ip", usual: readUsualIp, general: readIp },
  { column: 3, name: "end", usual: readUsualEnd, general: readEnd },
  { column: 5, name: "subject", usual: readUsualSubject, general: readSubject },
];
const DOCUMENT_COLUMN = 2;

const SCENARIO = bailiffScenario(20261203, 400);

/** Cells of the register rows by FSSP column: the generated register in the given shapes, and the fixtures. */
function cellsByColumn(shapes: PasteShape[], fixtures: boolean): string[][] {
  const out: string[][] = Array.from({ length: 8 }, () => []);
  for (const shape of shapes) {
    for (const row of renderShape(SCENARIO.records, shape).text) row.forEach((c, i) => out[i]?.push(c));
  }
  if (fixtures) for (const r of RECORDS) r.cells.forEach((c, i) => out[i]?.push(c));
  return out;
}
const CELLS = cellsByColumn(["A", "B", "C", "D", "E"], true);
/** The multi-line paste alone, without its blank cells: the short ways are for these. */
const SHAPE_A = cellsByColumn(["A"], false).map((column) => column.filter((c) => c.trim() !== ""));

/**
 * Small deviations of real pastes, as replacements of the first match: each keeps the text readable but may take it
 * off the usual layout.
 */
const SWAPS: [string | RegExp, string][] = [
  [" ", "  "],
  ["\n", " \n"],
  ["\n", "\n\n"],
  ["\n", "\r\n"],
  [" ", "\u00a0"],
  ["\n", ",\n"],
  ["\n", "\n,"],
  ["ИП", "ип"],
  ["ИП", "IP"],
  ["С", "C"],
  ["А", "A"],
  ["-", "–"],
  [".", ","],
  [/(\d)\.(\d{2}) руб/, "$1,$2 руб"],
  [/(\d)(\d{3}\.\d{2}) руб/, "$1 $2 руб"],
  ["Сумма долга", "Сумма долга по ИД"],
  [/^(\S+)/, "$1 остаток долга"],
  [/^(\S+)/, "$1: 5"],
  ["\n", "\nПостановление о взыскании исполнительского сбора\n"],
  ["Судебный приказ", "судебный приказ"],
  [" от ", " от  "],
  ["№", "N"],
  [/\n(\d{10})$/, " $1"],
  [/$/, "\n8611000017"],
  [/$/, "1"],
  [/^(\d+)/, "0$1"],
  ["\n", "\u200b\n"],
  [" от", "  от"],
  [" от", "   от"],
  ["ИП ", "IP "],
  ["№\u00a0", "№ \u00a0"],
  ["№ ", "№\u00a0 "],
  ["№", "№ \u00a0 "],
  ["ст. ", "ст."],
  ["ч. 1", "ч. 01"],
  ["\nп.", " п."],
  [/: (\d)/, ": 0$1"],
  [/: (\d+)\./, ": 9999999999999."],
  [/: (\d+)\./, ": 99999999999999."],
];
const TWEAKS: ((s: string) => string)[] = [
  (s) => ` ${s}`,
  (s) => `${s} `,
  (s) => s.replace(/\d{2}\.\d{2}\.(\d{2})(\d{2})/, (m, _c, y) => `${m.slice(0, 6)}${y}`),
  (s) => s.replace("<", "&lt;").replace(/$/, "<br>x"),
  ...SWAPS.map(swapIn),
];

function swapIn([from, to]: [string | RegExp, string]): (s: string) => string {
  return (s) => s.replace(from, to);
}

/** Memos as a parse keeps them: one for the whole register (a short way must not mix up what it remembers). */
function memos(): { usual: ReadMemo; general: ReadMemo } {
  return { usual: readMemo(), general: readMemo() };
}

function sameAsGeneral(usual: UsualReader, general: Reader, text: string, memo = memos()): boolean {
  const fast = emptyProceeding(1);
  if (!usual(fast, text, memo.usual)) return false;
  const slow = emptyProceeding(1);
  general(slow, text, memo.general);
  expect(fast, JSON.stringify(text)).toEqual(slow);
  return true;
}

describe("usual FSSP cells read the short way give what the general readers give", () => {
  for (const { column, name, usual, general } of PAIRS) {
    it(`${name}: every register cell, and its variants`, () => {
      let accepted = 0;
      const memo = memos();
      for (const text of CELLS[column]) {
        if (sameAsGeneral(usual, general, text, memo)) accepted += 1;
        for (const tweak of TWEAKS) sameAsGeneral(usual, general, tweak(text), memo);
      }
      expect(accepted).toBeGreaterThan(0);
      // the short way is taken for most cells of the multi-line paste (the generator puts odd spaces, Latin suffixes
      // and ended proceedings without amounts into the rest)
      const usualInA = SHAPE_A[column].filter((t) => usual(emptyProceeding(1), t, readMemo())).length;
      expect(usualInA).toBeGreaterThan(SHAPE_A[column].length * 0.5);
    });
  }

  it("document: the head up to the number, on every register cell and its variants", () => {
    const check = (text: string) => {
      const fast = usualDocumentHead(text);
      if (!fast) return;
      expect(fast, JSON.stringify(text)).toEqual(readDocumentHead(text));
    };
    for (const text of CELLS[DOCUMENT_COLUMN]) {
      check(text);
      for (const tweak of TWEAKS) check(tweak(text));
    }
    const usualInA = SHAPE_A[DOCUMENT_COLUMN].filter((t) => usualDocumentHead(t) !== null).length;
    expect(usualInA).toBeGreaterThan(SHAPE_A[DOCUMENT_COLUMN].length * 0.5);
  });

  it("a usual proceeding-number cell is a record start, as the general test says", () => {
    for (const text of CELLS[1]) {
      for (const t of [text, ...TWEAKS.map((f) => f(text))])
        if (isUsualIpCell(t)) expect(hasProceedingNumber(t)).toBe(true);
    }
  });

  it("any text: the short ways accept it only when the general readers agree", () => {
    // random texts from the characters and words usual cells are made of
    const piece = fc.constantFrom(
      "ИВАНОВ",
      "ИВАН",
      "ИВАНОВИЧ",
      "Г. БЕЛОЯРСКИЙ",
      "15.03.2023",
      "1.3.23",
      "12345/23/86004-ИП",
      "111/23/86004-СД",
      " от ",
      "от",
      "Судебный приказ",
      "Исполнительный лист",
      "№",
      "ФС 012345678",
      "2-15/2023",
      "СУДЕБНЫЙ УЧАСТОК №\u00a01",
      "ст. 46",
      "ч. 1",
      "п. 4",
      "ст. 47",
      " \u00a0",
      "IP",
      "  ",
      "8611000017",
      "Задолженность по платежам",
      "Сумма долга: 100.00 руб.",
      "Остаток долга по исполнительному документу: 50.00 руб.",
      "Исполнительский сбор: 7.00 руб.",
      ",",
      ":",
      " ",
      "\n",
      "\n\n",
      "\u00a0",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        for (const { usual, general } of PAIRS) sameAsGeneral(usual, general, text);
        const head = usualDocumentHead(text);
        if (head) expect(head).toEqual(readDocumentHead(text));
      }),
      { numRuns: 3000 },
    );
  });
});
