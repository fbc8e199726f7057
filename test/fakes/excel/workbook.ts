/** The workbook, the application and the worksheet collection. */
import ExcelJS from "exceljs";
import { ClientObject } from "./clientObject";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { jsonSize } from "./payload";
import { FakeTableCollection, definedNames } from "./tables";
import { FakeWorksheet } from "./worksheet";

export class FakeApplication extends ClientObject {
  suspended = 0;
  _snapshot(): Record<string, unknown> {
    return {};
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue(0, () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue(0, () => undefined);
  }
}

/** workbook.names (ExcelApi 1.1): the defined names, for getItemOrNullObject (ExcelApi 1.4). */
export class FakeNamedItemCollection extends ClientObject {
  _snapshot(): Record<string, unknown> {
    return {};
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, name);
  }
}

export class FakeNamedItem extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly key: string,
  ) {
    super(context);
  }
  protected override exists(): boolean {
    return definedNames(this.context.host).some((n) => n.toLowerCase() === this.key.toLowerCase());
  }
  _snapshot(props: string[]): Record<string, unknown> {
    return props.includes("name") && this.exists() ? { name: this.key } : {};
  }
  get name(): string {
    return this.get("name");
  }
}

export class FakeWorkbook extends ClientObject {
  readonly worksheets: FakeWorksheetCollection;
  /** Defined names. */
  readonly names: FakeNamedItemCollection;
  /** All tables of the workbook (ExcelApi 1.1). */
  readonly tables: FakeTableCollection;
  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.tables = new FakeTableCollection(context, null);
  }
  _snapshot(): Record<string, unknown> {
    return {};
  }
}

/** A sheet's id as Excel reports it: a GUID-like string, stable while the sheet exists. */
export function sheetId(ws: ExcelJS.Worksheet): string {
  return `{00000000-0001-0000-0000-${String(ws.id).padStart(12, "0")}}`;
}

/** A sheet by name (without regard to case, like Excel) or by its id. */
export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase() || sheetId(w) === name);
}

export class FakeWorksheetCollection extends ClientObject {
  /** Proxies behind a loaded `items` snapshot (kept apart so the snapshot stays plain JSON). */
  private proxiesBySnapshot = new WeakMap<object, FakeWorksheet[]>();

  _snapshot(props: string[]): Record<string, unknown> {
    if (!props.some((p) => p.startsWith("items"))) return {};
    const subs = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    const wanted = subs.length > 0 ? subs : ["name", "visibility", "position"];
    const proxies: FakeWorksheet[] = [];
    const snaps = this.context.host.workbook.worksheets.map((ws) => {
      const item = new FakeWorksheet(this.context, () => ws);
      const snap = item._snapshot(wanted);
      item._applyLoaded(snap);
      proxies.push(item);
      return snap;
    });
    this.proxiesBySnapshot.set(snaps, proxies);
    return { items: snaps };
  }

  override _applyLoaded(s: Record<string, unknown>): void {
    if (s.items) this.loaded.set("items", this.proxiesBySnapshot.get(s.items as object));
  }

  get items(): FakeWorksheet[] {
    return this.get("items");
  }

  protected override defaultProps(): string[] {
    return ["items"];
  }

  add(name: string): FakeWorksheet {
    let created: ExcelJS.Worksheet | undefined;
    this.context.enqueue(jsonSize(name), () => {
      const wb = this.context.host.workbook;
      if (findSheet(wb, name))
        throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
      created = wb.addWorksheet(name);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      return created;
    });
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const ws = findSheet(this.context.host.workbook, name);
      if (!ws) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'.`);
      return ws;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => findSheet(this.context.host.workbook, name), true);
  }
}
