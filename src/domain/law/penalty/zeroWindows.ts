/**
 * Zero windows: days on which no penalty accrues — the moratoria (ПП РФ № 424 for all debts, ПП РФ № 497 for debts
 * due before 01.04.2022) and the configured regional exclusions. Sorted, disjoint, labelled day-number ranges.
 */
import { toDayNumber } from "../../dates";
import { MORATORIA } from "../rules";
import type { PenaltySettings } from "./settings";

export interface ZeroWindow {
  /** First and last day number (inclusive). */
  s: number;
  e: number;
  label: string;
}

/** Overlapping windows cut into disjoint pieces; a piece inside several windows carries all their labels. */
function disjointWindows(list: ZeroWindow[]): ZeroWindow[] {
  if (list.length <= 1) return list;
  const pts = new Set<number>();
  for (const w of list) {
    pts.add(w.s);
    pts.add(w.e + 1);
  }
  const sorted = [...pts].sort((a, b) => a - b);
  const out: ZeroWindow[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const s = sorted[i];
    const e = sorted[i + 1] - 1;
    const labels = list.filter((w) => w.s <= s && w.e >= e).map((w) => w.label);
    if (labels.length === 0) continue;
    const label = labels.join("; ");
    const last = out[out.length - 1];
    if (last && last.e + 1 === s && last.label === label) last.e = e;
    else out.push({ s, e, label });
  }
  return out;
}

const MORATORIUM_DAYS = MORATORIA.map((m) => ({
  m,
  s: toDayNumber(m.from),
  eInside: toDayNumber(m.to),
  eOutside: toDayNumber(m.toIfLastDayOutside ?? m.to),
  dueBefore: m.onlyDueBefore ? toDayNumber(m.onlyDueBefore) : Infinity,
}));

/** Per settings: the zero windows for a debt, keyed by which moratoria apply to its due date. */
export class WindowSet {
  private cache = new Map<number, ZeroWindow[]>();
  constructor(
    private settings: PenaltySettings,
    private excluded: ZeroWindow[],
  ) {}
  forDue(dueDn: number): ZeroWindow[] {
    let mask = 0;
    for (let i = 0; i < MORATORIUM_DAYS.length; i++) if (dueDn < MORATORIUM_DAYS[i].dueBefore) mask |= 1 << i;
    let w = this.cache.get(mask);
    if (!w) {
      const list: ZeroWindow[] = [...this.excluded];
      MORATORIUM_DAYS.forEach((x, i) => {
        if (mask & (1 << i))
          list.push({
            s: x.s,
            e: this.settings.moratorium2022LastDayInside ? x.eInside : x.eOutside,
            label: x.m.label,
          });
      });
      list.sort((a, b) => a.s - b.s);
      w = disjointWindows(list);
      this.cache.set(mask, w);
    }
    return w;
  }
}

// Without regional exclusions only two window sets exist; they are built once (a cache of constants, not state).
const windowSetCache = new Map<string, WindowSet>();

export function windowSetFor(settings: PenaltySettings): WindowSet {
  if (settings.excludedPeriods.length > 0) {
    const excluded = settings.excludedPeriods.map((p) => ({
      s: toDayNumber(p.from),
      e: toDayNumber(p.to),
      label: p.label,
    }));
    return new WindowSet(settings, excluded);
  }
  const key = settings.moratorium2022LastDayInside ? "in" : "out";
  let ws = windowSetCache.get(key);
  if (!ws) windowSetCache.set(key, (ws = new WindowSet(settings, [])));
  return ws;
}
