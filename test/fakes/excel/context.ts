/** The request context: queues commands and loads, and applies them as one batch at sync(). */
import { COMMAND_OVERHEAD, PROXY_BYTES, jsonSize } from "./payload";
import type { Command, FakeExcelHost } from "./host";
import type { ClientObject } from "./clientObject";
import { FakeApplication, FakeWorkbook } from "./workbook";

export class FakeRequestContext {
  readonly host: FakeExcelHost;
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => (this.host.untracked += 1) };
  private commands: Command[] = [];
  private loads: { obj: ClientObject; props: string[] }[] = [];
  private created: ClientObject[] = [];
  /** Object paths the next request carries (see PROXY_BYTES). */
  private proxyBytes = 0;
  /** Number of the batch being queued: an object made in an earlier one is sent again when used. */
  batch = 0;

  constructor(host: FakeExcelHost) {
    this.host = host;
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  get pendingCount(): number {
    return this.commands.length + this.loads.length;
  }

  enqueue(bytes: number, run: () => void): void {
    this.commands.push({ bytes: bytes + COMMAND_OVERHEAD, run });
  }

  /** A load is itself a command: it snapshots the properties at its place in the queue. */
  enqueueLoad(obj: ClientObject, props: string[]): void {
    let snapshot: Record<string, unknown> | null = null;
    this.commands.push({
      bytes: COMMAND_OVERHEAD + jsonSize(props),
      run: () => {
        snapshot = obj._snapshot(props);
      },
    });
    this.loads.push({ obj, props });
    this.loadSnapshots.push(() => snapshot);
  }
  private loadSnapshots: (() => Record<string, unknown> | null)[] = [];

  track(obj: ClientObject): void {
    this.created.push(obj);
    this.chargeProxy();
  }

  /** Count one more object path in the next request (proxies that are not ClientObjects: format, fill, font). */
  chargeProxy(argumentBytes = 0): void {
    this.proxyBytes += PROXY_BYTES + argumentBytes;
  }

  async sync(): Promise<void> {
    const commands = this.commands;
    const loads = this.loads;
    const snaps = this.loadSnapshots;
    const created = this.created;
    this.commands = [];
    this.loads = [];
    this.loadSnapshots = [];
    this.created = [];
    const proxyBytes = this.proxyBytes;
    this.proxyBytes = 0;
    this.batch += 1;
    await Promise.resolve();
    const sizes = loads.map((_l, i) => () => {
      const s = snaps[i]();
      return s ? jsonSize(s) : 0;
    });
    try {
      this.host.executeBatch(commands, sizes, proxyBytes);
    } finally {
      // objects created in this batch learn whether they exist (isNullObject) even when the batch failed later
      for (const o of created) o._settleNull();
    }
    loads.forEach((l, i) => {
      const s = snaps[i]();
      if (s) l.obj._applyLoaded(s);
    });
  }
}
