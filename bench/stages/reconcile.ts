/**
 * Bench stage «reconcile»: N proceedings pasted from the FSSP data bank (shape A, multi-line cells) against N rows
 * of the court-work register — parse the register, match (hash indexes, no pairs) and give statuses. The input is the
 * seeded generator of test/generators/bailiffRegister.ts; verify() checks precision and recall against its truth.
 */
import type { SheetGrid } from "../../src/domain/grid";
import { parseBailiffRegister, reconcile, type MatchTarget } from "../../src/domain/bailiff";
import { bailiffScenario, renderShape, OUR_INN, type GeneratedRecord } from "../../test/generators/bailiffRegister";

const SEED = 20261115;
const AS_OF = "2026-11-15";

export interface ReconcileState {
  grid: SheetGrid;
  targets: MatchTarget[];
  records: GeneratedRecord[];
  last: ReturnType<typeof reconcile> | null;
}

export const reconcileStage = {
  name: "reconcile",
  sizes: [10_000, 100_000],
  runs: () => 5,
  async setup(rows: number) {
    const sc = bailiffScenario(SEED, rows);
    const records = sc.records.slice(0, rows);
    const grid = renderShape(records, "A", 20);
    const state: ReconcileState = { grid, targets: sc.targets.slice(0, rows), records, last: null };
    return { state, floorGrid: grid, info: { proceedings: records.length, registerRows: state.targets.length } };
  },
  release(state: ReconcileState) {
    state.last = null;
  },
  run(state: ReconcileState) {
    const register = parseBailiffRegister(state.grid);
    state.last = reconcile({ register, targets: state.targets, ledger: new Map(), ourInn: OUR_INN, asOf: AS_OF });
    return { matched: state.last.counts.ours, ambiguous: state.last.counts.ambiguous };
  },
  verify(state: ReconcileState): string[] {
    const r = state.last;
    if (!r) return [];
    let tp = 0;
    let fp = 0;
    let positives = 0;
    r.results.forEach((res, i) => {
      const truth = state.records[i]?.truth ?? null;
      if (truth) positives += 1;
      if (res.ambiguous || !res.target || res.status === "other-creditor") return;
      if (res.target.id === truth) tp += 1;
      else fp += 1;
    });
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, positives);
    const out: string[] = [];
    if (r.results.length !== state.records.length)
      out.push(`записей разобрано ${r.results.length} из ${state.records.length}`);
    if (precision < 0.99) out.push(`точность сопоставления ${precision.toFixed(4)} < 0.99`);
    if (recall < 0.97) out.push(`полнота сопоставления ${recall.toFixed(4)} < 0.97`);
    return out;
  },
};
