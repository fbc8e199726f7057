/** Worksheet notes (ExcelApi 1.18). */
import type ExcelJS from "exceljs";
import { parseRangeAddress } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { ClientObject } from "./clientObject";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { jsonSize } from "./payload";
import { assertWritable } from "./cells";
import type { FakeWorksheet } from "./worksheet";

export class FakeNote extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
    private readonly address: string,
    private readonly nullable: boolean,
  ) {
    super(context);
  }
  private cell(): ExcelJS.Cell {
    const b = parseRangeAddress(this.address);
    return this.sheet.ws().getCell(b.top + 1, b.left + 1);
  }
  private text(): string | null {
    const n = this.cell().note;
    if (n === undefined || n === null) return null;
    return typeof n === "string" ? n : (n.texts ?? []).map((t) => t.text).join("");
  }
  protected override exists(): boolean {
    return !this.nullable || this.text() !== null;
  }
  _snapshot(props: string[]): Record<string, unknown> {
    if (!this.safeExists()) return {};
    return props.includes("content") ? { content: this.text() } : {};
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    this.touch(jsonSize(this.address));
    this.context.enqueue(jsonSize(v), () => {
      if (this.text() === null) throw new FakeOfficeError("ItemNotFound", "The note doesn't exist.");
      this.cell().note = v;
    });
  }
  delete(): void {
    this.touch(jsonSize(this.address));
    this.context.enqueue(0, () => {
      if (this.text() === null) throw new FakeOfficeError("ItemNotFound", "The note doesn't exist.");
      (this.cell() as unknown as { _comment?: unknown })._comment = undefined;
    });
  }
}

export class FakeNoteCollection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  _snapshot(): Record<string, unknown> {
    return {};
  }
  add(cellAddress: string, content: string): FakeNote {
    const a = cellAddress.includes("!") ? cellAddress.slice(cellAddress.lastIndexOf("!") + 1) : cellAddress;
    this.context.enqueue(jsonSize([cellAddress, content]), () => {
      const b = parseRangeAddress(a);
      const cell = this.sheet.ws().getCell(b.top + 1, b.left + 1);
      assertWritable(cell.worksheet);
      if (cell.note !== undefined && cell.note !== null)
        throw new FakeOfficeError("InvalidArgument", "The cell already has a note.");
      cell.note = content;
    });
    return new FakeNote(this.context, this.sheet, a, false);
  }
  getItem(cellAddress: string): FakeNote {
    const a = cellAddress.includes("!") ? cellAddress.slice(cellAddress.lastIndexOf("!") + 1) : cellAddress;
    this.context.enqueue(jsonSize(cellAddress), () => undefined);
    return new FakeNote(this.context, this.sheet, a, false);
  }
  getItemOrNullObject(cellAddress: string): FakeNote {
    const a = cellAddress.includes("!") ? cellAddress.slice(cellAddress.lastIndexOf("!") + 1) : cellAddress;
    this.context.enqueue(jsonSize(cellAddress), () => undefined);
    return new FakeNote(this.context, this.sheet, a, true);
  }
}
