/** The detailed pass: one row per run of days with the same fraction, rate and window — the court's table. */
import { fromDayNumber, type IsoDate, type Period } from "../../dates";
import { formatKopecksRu, type Kopecks } from "../../money";
import { allocatePayments } from "../allocation";
import { isoToDay } from "../daynum";
import { dueDayNumber } from "../dueDate";
import { formatRateShort } from "../format";
import { rateTimelineIndex, RATE_TIMELINE_BP } from "../keyRate";
import { mul3, PENALTY_DENOMINATOR, roundNumerator, W130, W300 } from "./exactSum";
import { chunkEnd, type Prepared } from "./prepare";
import {
  GRADUATED_FROM_DAY,
  sameRateUntil,
  segmentsCalendar,
  segmentsPaused,
  TIMELINE_BP,
  TIMELINE_DAYS,
  TIMELINE_LEN,
  type SegmentSink,
} from "./segments";
import type { Fraction, PenaltyRow } from "./settings";

// ISO strings of day numbers, shared by all tables (a bounded cache of pure values)
const isoCache = new Map<number, IsoDate>();
export function iso(day: number): IsoDate {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = fromDayNumber(day);
    if (isoCache.size < 50_000) isoCache.set(day, s);
  }
  return s;
}

/** Collects the rows of one chunk of principal (the chunk's fields are set before its delay is segmented). */
class RowSink implements SegmentSink {
  readonly rows: PenaltyRow[] = [];
  period: Period = "";
  amount: Kopecks = 0;
  dueDn = 0;
  paidOn: IsoDate | null = null;
  /** Single mode: the chunk's rate and the day it was taken on. */
  chunkBp = 0;
  rateDn = 0;
  constructor(private readonly split: boolean) {}

  segment(a: number, b: number, frac: 300 | 130, label: string | null): void {
    if (!this.split || label !== null) {
      const bp = this.split ? RATE_TIMELINE_BP[rateTimelineIndex(a)] : this.chunkBp;
      this.push(a, b, frac, label, bp, this.split ? a : this.rateDn);
      return;
    }
    // «разбивка по периодам ставки»: a row per run of days at the same rate
    let i = rateTimelineIndex(a);
    let cur = a;
    while (cur <= b) {
      const j = sameRateUntil(i);
      const next = j + 1 < TIMELINE_LEN ? TIMELINE_DAYS[j + 1] : Infinity;
      const segEnd = Math.min(b, next - 1);
      this.push(cur, segEnd, frac, null, TIMELINE_BP[i], cur);
      cur = segEnd + 1;
      i = j + 1;
    }
  }

  private push(a: number, b: number, frac: 300 | 130, label: string | null, bp: number, rateDay: number): void {
    const days = b - a + 1;
    const num = label === null ? mul3(this.amount, bp, days * (frac === 300 ? W300 : W130)) : 0;
    const fraction: Fraction = frac === 300 ? "1/300" : "1/130";
    this.rows.push({
      period: this.period,
      principal: this.amount,
      from: iso(a),
      to: iso(b),
      days,
      fraction,
      ratePercent: bp / 100,
      moratorium: label,
      penaltyExact: Number(num) / PENALTY_DENOMINATOR,
      penalty: roundNumerator(num),
      formula:
        label === null
          ? `${formatKopecksRu(this.amount)} × ${days} × ${fraction} × ${formatRateShort(bp)}%`
          : `${label}: пени не начисляются`,
      dueDate: iso(this.dueDn),
      paidOn: this.paidOn,
      rateDate: iso(rateDay),
    });
  }
}

export function detailRows(p: Prepared): PenaltyRow[] {
  const { settings } = p;
  const segments = settings.moratoriumDaysAdvanceCounter ? segmentsCalendar : segmentsPaused;
  const sink = new RowSink(settings.rateMode === "split");
  for (const per of allocatePayments(p.charges, p.payments).periods) {
    const due = dueDayNumber(per.period, settings.contractDay);
    const graduated = due >= GRADUATED_FROM_DAY;
    const windows = p.windows.forDue(due);
    sink.period = per.period;
    sink.dueDn = due;
    for (const ch of per.chunks) {
      if (ch.amount <= 0) continue;
      const paidDn = ch.paidOn === null ? -1 : isoToDay(ch.paidOn);
      const end = chunkEnd(p, paidDn);
      if (end <= due) continue;
      sink.amount = ch.amount;
      sink.paidOn = ch.paidOn;
      sink.rateDn = paidDn < 0 ? p.unpaidRateDn : paidDn;
      sink.chunkBp = RATE_TIMELINE_BP[rateTimelineIndex(sink.rateDn)];
      segments(due, end, graduated, windows, sink);
    }
  }
  return sink.rows;
}
