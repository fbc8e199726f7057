import type { FakeRequestContext } from "./context";
import { notLoaded } from "./errors";

/** Base of every proxy: loaded-property bookkeeping and lazy target resolution. */
export abstract class ClientObject {
  readonly context: FakeRequestContext;
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  private batch: number;

  constructor(context: FakeRequestContext) {
    this.context = context;
    this.batch = context.batch;
    context.track(this);
  }

  /** Used in a later batch than the one that made it: the request carries its object path again. */
  protected touch(argumentBytes = 0): void {
    if (this.batch === this.context.batch) return;
    this.batch = this.context.batch;
    this.context.chargeProxy(argumentBytes);
  }

  /** Values of `props` now (called at the load's place in the batch). */
  abstract _snapshot(props: string[]): Record<string, unknown>;

  _applyLoaded(s: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(s)) this.loaded.set(k, v);
  }

  /** Whether the object exists; only OrNullObject proxies can be null. */
  protected exists(): boolean {
    return true;
  }

  _settleNull(): void {
    this.nullState = !this.safeExists();
  }

  protected safeExists(): boolean {
    try {
      return this.exists();
    } catch {
      return false;
    }
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) notLoaded("isNullObject");
    return this.nullState;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  load(props?: string | string[] | { select?: string }): this {
    let list: string[];
    if (props === undefined) list = this.defaultProps();
    else if (typeof props === "string") list = props.split(",");
    else if (Array.isArray(props)) list = props;
    else list = (props.select ?? "").split(",");
    this.context.enqueueLoad(this, list.map((p) => p.trim()).filter(Boolean));
    return this;
  }

  protected defaultProps(): string[] {
    return [];
  }

  untrack(): this {
    this.context.trackedObjects.remove(this);
    return this;
  }
}
