/** RangeAreas (ExcelApi 1.9): several areas of one sheet, e.g. for colouring many cells at once. */
import type { UsedBounds } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { ClientObject } from "./clientObject";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { boundsAddress, eachCell, qualify } from "./cells";
import { FakeRangeFormat } from "./format";
import type { FakeWorksheet } from "./worksheet";

/** The most merged areas Excel returns for one range. */
export const MERGED_AREAS_LIMIT = 512;

export class FakeRangeAreas extends ClientObject {
  private cached: UsedBounds[] | null | undefined = undefined;
  readonly format: FakeRangeFormat;

  constructor(
    context: FakeRequestContext,
    readonly sheet: FakeWorksheet,
    private readonly resolver: () => UsedBounds[] | null,
    private readonly nullable = false,
  ) {
    super(context);
    this.format = new FakeRangeFormat({
      context,
      forEachCell: (fn) => {
        for (const b of this.areas()) eachCell(this.sheet.ws(), b, (cell) => fn(cell));
      },
      firstCell: () => {
        const b = this.areas()[0];
        return this.sheet.ws().getCell(b.top + 1, b.left + 1);
      },
    });
  }

  areas(): UsedBounds[] {
    if (this.cached === undefined) this.cached = this.resolver();
    if (!this.cached) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return this.cached;
  }

  protected override exists(): boolean {
    if (!this.nullable) return true;
    if (this.cached === undefined) this.cached = this.resolver();
    return !!this.cached;
  }

  _snapshot(props: string[]): Record<string, unknown> {
    if (this.nullable && !this.safeExists()) return {};
    const name = this.sheet.ws().name;
    const out: Record<string, unknown> = {};
    // getMergedAreasOrNullObject "will fail to return the result" past 512 areas (Range docs, ExcelApi 1.13)
    if (this.nullable && this.areas().length > MERGED_AREAS_LIMIT)
      throw new FakeOfficeError("GeneralException", "There was an internal error while processing the request.");
    for (const p of props) {
      if (p === "address")
        out.address = this.areas()
          .map((b) => qualify(name, boundsAddress(b)))
          .join(",");
      if (p === "areaCount") out.areaCount = this.areas().length;
    }
    return out;
  }

  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}
