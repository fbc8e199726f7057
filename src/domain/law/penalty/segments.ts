/**
 * Segmentation of one chunk's delay [due + 1, end] into fraction bands × zero windows (ЖК 155 ч. 14): day n of the
 * delay (n = day − due) carries nothing for n ≤ 30, 1/300 for 31..90 and 1/130 from 91 on; debts due before
 * 01.01.2016 carry 1/300 from day 1. No per-day loops: each band is cut by interval arithmetic.
 */
import { toDayNumber } from "../../dates";
import { RATE_TIMELINE_BP, RATE_TIMELINE_DAYS } from "../keyRate";
import { GRADUATED_PENALTY_FROM_DUE, PENALTY_1_300_LAST_DAY, PENALTY_FREE_DAYS } from "../rules";
import type { ZeroWindow } from "./zeroWindows";

/** Receives the segments of a delay: days [a, b] at 1/frac, inside the zero window `label` (or null). */
export interface SegmentSink {
  segment(a: number, b: number, frac: 300 | 130, label: string | null): void;
}

/** Day number of the first due date penalised by the graduated 1/300 → 1/130 scale. */
export const GRADUATED_FROM_DAY = toDayNumber(GRADUATED_PENALTY_FROM_DUE);
// local copies: module bindings of imported constants can be getters under some loaders (hot path)
export const FREE_DAYS = PENALTY_FREE_DAYS;
const LAST_1_300_DAY = PENALTY_1_300_LAST_DAY;
export const TIMELINE_DAYS = RATE_TIMELINE_DAYS;
export const TIMELINE_BP = RATE_TIMELINE_BP;
export const TIMELINE_LEN = RATE_TIMELINE_DAYS.length;

function firstWindowFrom(w: ZeroWindow[], day: number): number {
  let i = 0;
  while (i < w.length && w[i].e < day) i++;
  return i;
}

/** Default: moratorium days advance the counter — bands are fixed calendar ranges, windows cut holes in them. */
export function segmentsCalendar(
  due: number,
  end: number,
  graduated: boolean,
  w: ZeroWindow[],
  sink: SegmentSink,
): void {
  for (let band = 0; band < 2; band++) {
    let a: number;
    let b: number;
    let f: 300 | 130;
    if (!graduated) {
      if (band === 1) break;
      a = due + 1;
      b = end;
      f = 300;
    } else if (band === 0) {
      a = due + FREE_DAYS + 1;
      b = Math.min(due + LAST_1_300_DAY, end);
      f = 300;
    } else {
      a = due + LAST_1_300_DAY + 1;
      b = end;
      f = 130;
    }
    if (a > b) continue;
    let cur = a;
    let i = firstWindowFrom(w, cur);
    while (cur <= b) {
      if (i < w.length && w[i].s <= b) {
        const ws = Math.max(w[i].s, cur);
        const we = Math.min(w[i].e, b);
        if (ws > cur) sink.segment(cur, ws - 1, f, null);
        sink.segment(ws, we, f, w[i].label);
        cur = we + 1;
        i++;
      } else {
        sink.segment(cur, b, f, null);
        break;
      }
    }
  }
}

function bandAtCount(n: number, graduated: boolean): 0 | 300 | 130 {
  if (!graduated) return 300;
  return n <= FREE_DAYS ? 0 : n <= LAST_1_300_DAY ? 300 : 130;
}

/** Days [a, b] that are counted days c+1 … c+len of the delay. */
function segmentCounted(a: number, b: number, c: number, graduated: boolean, sink: SegmentSink): void {
  const len = b - a + 1;
  if (!graduated) {
    sink.segment(a, b, 300, null);
    return;
  }
  const x1 = Math.max(FREE_DAYS + 1, c + 1);
  const y1 = Math.min(LAST_1_300_DAY, c + len);
  if (x1 <= y1) sink.segment(a + x1 - c - 1, a + y1 - c - 1, 300, null);
  const x2 = Math.max(LAST_1_300_DAY + 1, c + 1);
  const y2 = c + len;
  if (x2 <= y2) sink.segment(a + x2 - c - 1, a + y2 - c - 1, 130, null);
}

/** Option: moratorium days do not advance the 30/90-day counter (the counter pauses inside a window). */
export function segmentsPaused(due: number, end: number, graduated: boolean, w: ZeroWindow[], sink: SegmentSink): void {
  let c = 0;
  let cur = due + 1;
  let i = firstWindowFrom(w, cur);
  while (cur <= end) {
    const win = i < w.length && w[i].s <= end ? w[i] : null;
    const activeEnd = win ? Math.max(cur, win.s) - 1 : end;
    if (activeEnd >= cur) {
      segmentCounted(cur, activeEnd, c, graduated, sink);
      c += activeEnd - cur + 1;
    }
    if (!win) break;
    const zs = Math.max(win.s, cur);
    const ze = Math.min(win.e, end);
    const f = bandAtCount(c + 1, graduated);
    if (f !== 0) sink.segment(zs, ze, f, win.label);
    cur = ze + 1;
    i++;
  }
}

/** The last rate-timeline index from i on whose rate equals point i's (a cap can hide a key-rate change). */
export function sameRateUntil(i: number): number {
  let j = i;
  while (j + 1 < TIMELINE_LEN && TIMELINE_BP[j + 1] === TIMELINE_BP[i]) j++;
  return j;
}
