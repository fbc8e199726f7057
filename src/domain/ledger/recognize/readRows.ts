/**
 * Every row below the header, in one pass: empty rows are ignored; the column numbering, totals, group labels and a
 * header repeated on a page break are skipped; every other row becomes a LedgerRowRecord (docs/formats.md). The
 * row loop is the hot path of a million-row check: the reader reuses its per-row state and allocates per row only
 * what the row keeps.
 */
import type { CellValue } from "../../grid";
import type { Kopecks } from "../../money";
import type { ColumnMapping, LedgerConcept } from "../model";
import { AMOUNT_CONCEPTS } from "../headers";
import { isEmptyValue, rowText, type GridReader } from "./gridReader";
import type { Mapping, MonthColumn } from "./mapColumns";
import {
  composeName,
  EMPTY,
  readAmount,
  readDate,
  readIdentifier,
  readMonthOfYear,
  readPeriod,
  signed,
} from "./readCells";
import { rowColumns, SLOT, type AmountColumn, type RowColumns } from "./rowColumns";
import {
  ADDRESS_LABEL,
  HeaderEcho,
  isNumberingRow,
  mayBeTotal,
  ONE_C_ACCOUNT,
  ONE_C_DETAIL,
  readAccountCell,
  startsWithOne,
  textAfterAccount,
} from "./rowKinds";
import { readCardLine } from "./titleBlock";
import type { DamagedCell, InvalidCell, LedgerRowRecord, TitleAccount } from "./types";

export interface ReadResult {
  rows: LedgerRowRecord[];
  invalidCells: InvalidCell[];
  damagedCells: DamagedCell[];
  skipped: number;
}

export interface ReadExtras {
  /** The single account of a card (no account column). */
  fixed: TitleAccount | null;
  splitNameAddress: boolean;
  /** Grid column of a separate «Год» column, or -1. */
  yearCol: number;
  /** Amount concepts summed over several sheet columns. */
  parts?: Mapping["parts"];
}

const NAME_ADDRESS_SPLIT = /\s+\/\s+|\s*[\r\n]+\s*/;
/** «Соколова Е.В., мкр. 3, д. 5, кв. 12»: the address starts at the first comma followed by an address word or a number. */
const NAME_COMMA_ADDRESS =
  /^(.+?),\s*((?:г|гор|п|пос|пгт|с|д|ул|мкр|мкрн|микрорайон|пр|пр-т|пр-кт|просп|пер|ш|кв|б-р|бул|наб|пл|р-н|обл)\.?\s.*|\d.*)$/i;
const PLAIN_DIGITS = /^\d+$/;

export function readRows(
  g: GridReader,
  start: number,
  columns: ColumnMapping,
  monthColumns: MonthColumn[],
  extras: ReadExtras = { fixed: null, splitNameAddress: false, yearCol: -1 },
  headerTop = start - 1,
): ReadResult {
  const cols = rowColumns(columns, monthColumns, g.grid.left, g.width, extras.parts);
  const reader = new RowReader(g, cols, extras, new HeaderEcho(g, cols, headerTop, start));
  for (let r = start; r < g.rows; r++) reader.readRow(r);
  return reader.result;
}

class RowReader {
  readonly result: ReadResult = { rows: [], invalidCells: [], damagedCells: [], skipped: 0 };
  /** The card the rows belong to (a sheet without an account column); a title line between cards changes it. */
  private card: TitleAccount | null;
  private firstAfterHeader = true;
  /** The account of the block being read, for its rows that leave the account cell empty ("" = none). */
  private blockAccount = "";

  // the current row, overwritten for every row (no allocation per row)
  /** Amounts by AMOUNT_CONCEPTS slot (undefined = no column or unreadable). */
  private readonly amounts: (Kopecks | undefined)[] = new Array(AMOUNT_CONCEPTS.length).fill(undefined);
  private service = "";
  private name = "";
  private address = "";
  /** Some amount cell is non-empty (an empty cell reads as 0 but does not count). */
  private filled = false;
  private hasInvalid = false;
  private inherited = false;

  constructor(
    private readonly g: GridReader,
    private readonly cols: RowColumns,
    private readonly extras: ReadExtras,
    private readonly echo: HeaderEcho,
  ) {
    this.card = extras.fixed;
  }

  readRow(r: number): void {
    const values = this.g.grid.values[r];
    // empty rows: neither data nor findings
    if (isEmptyRow(values)) return;
    // the column numbers «1 | 2 | 3 …» under the header, repeated on every printed page
    if (this.firstAfterHeader || startsWithOne(values)) {
      this.firstAfterHeader = false;
      if (isNumberingRow(this.g, r)) return this.skip(false);
    }
    // totals («Итого», «Всего», «Итого по дому …», «Итого по л/с») in the label columns
    if (this.isTotal(r, values)) return this.skip(true);
    // (a repeated header row on a page break has no digits in the account column: a label row, skipped here)
    const accountText = this.accountText(r);
    const accountCell = readAccountCell(accountText);
    // a label in the account column (house, street, 1С account 62.01, a repeated header): a group row or its subtotal
    if (accountCell === null) return this.skip(true);
    if (accountCell === "" && this.echo.usable && this.echo.test(r)) return this.skip(true);

    this.readNameAndAddress(r);
    this.readAmounts(r);
    const monthValues = this.cols.months.length ? this.readMonthValues(r) : undefined;
    const account = this.resolveAccount(r, accountCell, accountText);
    if (account === null) return;
    this.blockAccount = account;
    const record = this.record(r, account, monthValues);
    this.readOptionalFields(r, record);
    this.noteDamagedCells(r);
    this.result.rows.push(record);
  }

  /** A skipped row; a total or a group label also ends the block whose account later rows could inherit. */
  private skip(endsBlock: boolean): void {
    this.result.skipped++;
    if (endsBlock) this.blockAccount = "";
  }

  private isTotal(r: number, values: CellValue[] | undefined): boolean {
    for (let c = 0; c < this.cols.firstAmount; c++) {
      const v = values?.[c];
      if (typeof v === "string" && mayBeTotal(v)) return true;
    }
    for (let i = 0; i < this.cols.identity.length; i++) {
      const v = this.g.value(r, this.cols.identity[i]);
      if (typeof v === "string" && mayBeTotal(v)) return true;
    }
    return false;
  }

  private accountText(r: number): string {
    const c = this.cols.account;
    if (c < 0) return "";
    const text = this.g.text(r, c);
    if (text === "" || PLAIN_DIGITS.test(text)) return text;
    // a long account stored as a number shows as «1,002E+11» or «1 020 034»: the value has every digit
    const v = this.g.value(r, c);
    if (typeof v === "number" && Number.isSafeInteger(v) && v > 0 && !this.g.isDateCell(r, c)) return String(v);
    return text;
  }

  private readNameAndAddress(r: number): void {
    const { g, cols } = this;
    this.service = cols.service >= 0 ? g.text(r, cols.service) : "";
    this.name = cols.name >= 0 ? g.text(r, cols.name) : composeName(cols.nameParts.map((c) => g.text(r, c)));
    this.address = cols.address >= 0 ? g.text(r, cols.address) : "";
    if (this.extras.splitNameAddress && this.name !== "") this.splitNameAndAddress();
    if (cols.addressParts.length) {
      const suffix: string[] = [];
      for (const p of cols.addressParts) {
        const t = g.text(r, p.col);
        if (t !== "") suffix.push(p.label + t);
      }
      if (suffix.length)
        this.address = this.address === "" ? suffix.join(", ") : `${this.address}, ${suffix.join(", ")}`;
    }
  }

  /** «Фамилия И.О. / Адрес» in one cell: the owner, then after « / », a line break or a comma, the address. */
  private splitNameAndAddress(): void {
    const parts = this.name.split(NAME_ADDRESS_SPLIT);
    if (parts.length > 1) {
      this.name = parts[0];
      this.address = parts.slice(1).join(", ");
      return;
    }
    const m = NAME_COMMA_ADDRESS.exec(this.name);
    if (m) {
      this.name = m[1];
      this.address = m[2];
    }
  }

  private readAmounts(r: number): void {
    this.filled = false;
    this.hasInvalid = false;
    const amounts = this.cols.amounts;
    for (let i = 0; i < amounts.length; i++) {
      const a = amounts[i];
      if (a.parts) {
        this.amounts[a.slot] = this.readSummedParts(r, a, a.parts);
        continue;
      }
      const k = readAmount(this.g, r, a.col);
      if (k === null) {
        this.hasInvalid = true;
        this.filled = true;
        this.amounts[a.slot] = undefined;
        this.noteInvalid(r, a.col, a.concept);
        continue;
      }
      if (k !== EMPTY) this.filled = true;
      this.amounts[a.slot] = k === EMPTY ? 0 : k;
    }
  }

  /** «Начислено» spread over service columns: the sum of the parts, undefined when some part cannot be read. */
  private readSummedParts(r: number, a: AmountColumn, parts: number[]): Kopecks | undefined {
    let sum: Kopecks = 0;
    let any = false;
    let bad = false;
    for (const pc of parts) {
      const k = readAmount(this.g, r, pc);
      if (k === null) {
        bad = true;
        this.noteInvalid(r, pc, a.concept);
      } else if (k !== EMPTY) {
        sum += k;
        any = true;
      }
    }
    if (bad) this.hasInvalid = true;
    if (any || bad) this.filled = true;
    return bad ? undefined : sum;
  }

  private readMonthValues(r: number): (Kopecks | null)[] {
    const months = this.cols.months;
    const monthValues: (Kopecks | null)[] = new Array(months.length);
    for (let i = 0; i < months.length; i++) {
      const k = readAmount(this.g, r, months[i]);
      if (k === null) {
        this.hasInvalid = true;
        this.filled = true;
        this.noteInvalid(r, months[i], "month");
        monthValues[i] = null;
      } else {
        if (k !== EMPTY) this.filled = true;
        monthValues[i] = k === EMPTY ? null : k;
      }
    }
    return monthValues;
  }

  private noteInvalid(r: number, c: number, concept: LedgerConcept | "month"): void {
    this.result.invalidCells.push({
      row: this.g.sheetRow(r),
      col: this.g.sheetCol(c),
      concept,
      text: this.g.text(r, c),
    });
  }

  /** The row's account, or null when the row turns out not to be data (then it is counted as skipped). */
  private resolveAccount(r: number, accountCell: string, accountText: string): string | null {
    this.inherited = false;
    if (this.cols.account < 0) return this.card ? this.accountOfCard(r, this.card) : this.accountByName();
    if (accountCell === "") return this.accountOfBlock(r);
    if (this.cols.name < 0 && this.name === "") {
      const rest = textAfterAccount(accountText);
      if (rest) this.name = rest;
    }
    return accountCell;
  }

  /**
   * A card: every row with amounts belongs to the account named in the title; several cards on one sheet each
   * start with their own «Лицевой счет № …» line (then «Собственник: …», «Адрес: …»).
   */
  private accountOfCard(r: number, card: TitleAccount): string | null {
    if (!this.filled) {
      this.card = readCardLine(rowText(this.g, r), card);
      this.skip(false);
      return null;
    }
    if (this.name === "") this.name = card.name;
    if (this.address === "") this.address = card.address;
    return card.account;
  }

  /** No account column at all (one finding at the header says so): the owner's name stands in as the key. */
  private accountByName(): string | null {
    const name = this.name;
    if ((!this.filled && name === "") || ONE_C_ACCOUNT.test(name) || ONE_C_DETAIL.test(name)) {
      // (1С ОСВ by counterparties: the rows of accounts 62 / 62.01 are group rows)
      this.skip(false);
      return null;
    }
    return name;
  }

  /** An empty account cell: per-service / per-month rows often give the account only on the first row of its block. */
  private accountOfBlock(r: number): string | null {
    const { cols, name, address } = this;
    const periodGiven = cols.period >= 0 && this.g.text(r, cols.period) !== "";
    if (((cols.service >= 0 && this.service !== "") || periodGiven) && this.blockAccount !== "" && name === "") {
      this.inherited = true;
      return this.blockAccount;
    }
    if (name !== "" && address === "" && ADDRESS_LABEL.test(name)) {
      // a house or street group row with its subtotal, the label written in the owner column
      this.skip(true);
      return null;
    }
    if (this.filled && (name !== "" || address !== "")) return "";
    // a house address alone, or a subtotal without a label
    this.skip(false);
    return null;
  }

  private record(r: number, account: string, monthValues: (Kopecks | null)[] | undefined): LedgerRowRecord {
    const amt = this.amounts;
    return {
      row: this.g.sheetRow(r) + 1,
      account,
      service: this.service,
      name: this.name,
      address: this.address,
      opening: signed(amt[SLOT.openingBalance], amt[SLOT.openingDebt], amt[SLOT.openingAdvance]),
      charged: amt[SLOT.charged] ?? null,
      recalculation: amt[SLOT.recalculation] ?? null,
      subsidy: amt[SLOT.subsidy] ?? null,
      paid: amt[SLOT.paid] ?? null,
      closing: signed(amt[SLOT.closingBalance], amt[SLOT.closingDebt], amt[SLOT.closingAdvance]),
      penalties: amt[SLOT.penalties] ?? null,
      hasInvalid: this.hasInvalid,
      inheritedAccount: this.inherited,
      monthValues,
      lastPaymentAmount: amt[SLOT.lastPaymentAmount],
      // optional fields are set by readOptionalFields only when the sheet has their column: every row of a sheet
      // still gets the same fields in the same order (one object shape), and a sheet without them pays no memory
    };
  }

  private readOptionalFields(r: number, record: LedgerRowRecord): void {
    const { g, cols } = this;
    if (cols.period >= 0) {
      const p =
        this.extras.yearCol >= 0
          ? readMonthOfYear(g, r, cols.period, this.extras.yearCol)
          : readPeriod(g, r, cols.period);
      record.period = p.text === "" ? null : p.period;
      record.periodText = p.text;
    }
    if (cols.snils >= 0) record.snils = readIdentifier(g, r, cols.snils, [11]);
    if (cols.inn >= 0) record.inn = readIdentifier(g, r, cols.inn, [10, 12]);
    if (cols.share >= 0) record.share = g.text(r, cols.share);
    // identifiers as displayed (leading zeros and series kept)
    if (cols.birthPlace >= 0) record.birthPlace = g.text(r, cols.birthPlace).trim() || undefined;
    if (cols.passport >= 0) record.passport = g.text(r, cols.passport).trim() || undefined;
    if (cols.caseNumber >= 0) record.caseNumber = g.text(r, cols.caseNumber).trim() || undefined;
    if (cols.orderDate >= 0) record.orderDate = readDate(g, r, cols.orderDate);
    if (cols.ipNumber >= 0) record.ipNumber = g.text(r, cols.ipNumber).trim() || undefined;
    if (cols.birthDate >= 0) {
      record.birthDateText = g.text(r, cols.birthDate);
      record.birthDate = readDate(g, r, cols.birthDate);
    }
    if (cols.lastPaymentDate >= 0) {
      record.lastPaymentDateText = g.text(r, cols.lastPaymentDate);
      record.lastPaymentDate = readDate(g, r, cols.lastPaymentDate);
    }
  }

  /** Identifier cells that Excel turned into dates («5/1» → 05.янв). */
  private noteDamagedCells(r: number): void {
    const neverDates = this.cols.neverDates;
    for (let i = 0; i < neverDates.length; i++) {
      const { concept, col } = neverDates[i];
      const v = this.g.value(r, col);
      if (typeof v === "number" && this.g.isDateCell(r, col))
        this.result.damagedCells.push({
          row: this.g.sheetRow(r),
          col: this.g.sheetCol(col),
          concept,
          text: this.g.text(r, col),
        });
    }
  }
}

function isEmptyRow(values: CellValue[] | undefined): boolean {
  if (values) for (let c = 0; c < values.length; c++) if (!isEmptyValue(values[c])) return false;
  return true;
}
