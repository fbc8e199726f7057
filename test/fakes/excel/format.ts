/** range.format: fill (colour, clear, load) and font, column width. */
import type ExcelJS from "exceljs";
import type { ClientObject } from "./clientObject";
import type { FakeRequestContext } from "./context";
import { notLoaded } from "./errors";
import { jsonSize } from "./payload";
import { assertWritable, colorToFill, fillToColor } from "./cells";

export class FakeFill {
  constructor(
    private readonly owner: {
      context: FakeRequestContext;
      forEachCell: (fn: (cell: ExcelJS.Cell) => void) => void;
      firstCell: () => ExcelJS.Cell | undefined;
    },
    private loadedColor: { v?: string | null; has: boolean } = { has: false },
  ) {}
  get color(): string | null {
    if (!this.loadedColor.has) notLoaded("color");
    return this.loadedColor.v ?? null;
  }
  set color(v: string) {
    this.owner.context.enqueue(jsonSize(v), () =>
      this.owner.forEachCell((cell) => {
        assertWritable(cell.worksheet);
        cell.style = { ...cell.style, fill: colorToFill(v) };
      }),
    );
  }
  clear(): void {
    this.owner.context.enqueue(0, () =>
      this.owner.forEachCell((cell) => {
        assertWritable(cell.worksheet);
        const style = { ...cell.style };
        delete style.fill;
        cell.style = style;
      }),
    );
  }
  /** Loads `color` (the only fill property the adapter reads). */
  load(_props?: string): this {
    const loader = {
      // Excel reports "#FFFFFF" for a cell without fill
      _snapshot: () => ({ color: fillToColor(this.owner.firstCell()?.style?.fill) ?? "#FFFFFF" }),
      _applyLoaded: (s: Record<string, unknown>) => {
        this.loadedColor = { v: s.color as string | null, has: true };
      },
    } as unknown as ClientObject;
    this.owner.context.enqueueLoad(loader, ["color"]);
    return this;
  }
}

export class FakeRangeFormat {
  private _fill?: FakeFill;
  private _font?: { bold: boolean };
  constructor(
    private readonly owner: {
      context: FakeRequestContext;
      forEachCell: (fn: (cell: ExcelJS.Cell) => void) => void;
      firstCell: () => ExcelJS.Cell | undefined;
      forEachColumn?: (fn: (col: ExcelJS.Column) => void) => void;
    },
  ) {}

  /** format.fill: an object of its own in a request (created on first use). */
  get fill(): FakeFill {
    if (!this._fill) {
      this.owner.context.chargeProxy();
      this._fill = new FakeFill(this.owner);
    }
    return this._fill;
  }

  get font(): { bold: boolean } {
    if (!this._font) {
      this.owner.context.chargeProxy();
      const o = this.owner;
      this._font = {
        set bold(v: boolean) {
          o.context.enqueue(8, () =>
            o.forEachCell((cell) => (cell.style = { ...cell.style, font: { ...(cell.style?.font ?? {}), bold: v } })),
          );
        },
        get bold(): boolean {
          return notLoaded("bold");
        },
      };
    }
    return this._font;
  }

  /** format.wrapText and format.verticalAlignment ("Top", "Center", "Bottom", …): the cells' alignment. */
  set wrapText(v: boolean) {
    this.align(8, { wrapText: v });
  }
  get wrapText(): boolean {
    return notLoaded("wrapText");
  }
  set verticalAlignment(v: string) {
    const vertical = (
      { Top: "top", Center: "middle", Bottom: "bottom", Justify: "justify", Distributed: "distributed" } as const
    )[v as "Top"];
    this.align(v.length + 2, { vertical });
  }
  get verticalAlignment(): string {
    return notLoaded("verticalAlignment");
  }

  private align(bytes: number, alignment: Partial<ExcelJS.Alignment>): void {
    this.owner.context.enqueue(bytes, () =>
      this.owner.forEachCell(
        (cell) => (cell.style = { ...cell.style, alignment: { ...cell.style?.alignment, ...alignment } }),
      ),
    );
  }

  set columnWidth(points: number) {
    // Excel's columnWidth is in points; ExcelJS width is in characters (~7 points each at Calibri 11)
    this.owner.context.enqueue(8, () =>
      this.owner.forEachColumn?.((col) => (col.width = Math.round((points / 7) * 100) / 100)),
    );
  }
  get columnWidth(): number {
    return notLoaded("columnWidth");
  }
}
