/**
 * ЖКУ penalty (ЖК РФ ст. 155 ч. 14; docs/law.md, § 2). Day d of a chunk's delay is n = d − due (1-based):
 * n ≤ 30 → 0; 31..90 → 1/300; ≥ 91 → 1/130 (payments due before 01.01.2016: 1/300 from day 1); zero inside the
 * moratoria and configured excluded periods. One rate per chunk (the rate on the payment day, or on the rate date
 * for the unpaid part), capped by ПП 474/1681/2479/2382/329; «разбивка по периодам ставки» is an option.
 * Never a penalty on a penalty: the base is the principal chunk only.
 */
import type { IsoDate, Period } from "../../dates";
import type { Kopecks } from "../../money";
import { detailRows } from "./detailRows";
import { roundNumerator } from "./exactSum";
import { prepare, type Prepared } from "./prepare";
import type { PenaltyInput, PenaltyResult, PenaltyRow, PenaltySettings } from "./settings";
import { assumptionLines, rateNoteLines } from "./texts";
import { totals, type Totals } from "./totals";

/** The result; the table rows, the per-period map and the texts are computed on first access. */
class Result implements PenaltyResult {
  readonly asOf: IsoDate;
  readonly total: Kopecks;
  readonly settings: PenaltySettings;
  readonly overpaid: Kopecks;
  private cachedByPeriod: Map<Period, Kopecks> | null = null;
  private cachedRows: PenaltyRow[] | null = null;
  private cachedNotes: string[] | null = null;
  private cachedAssumptions: string[] | null = null;
  constructor(
    private readonly p: Prepared,
    private readonly t: Totals,
    asOf: IsoDate,
  ) {
    this.asOf = asOf;
    this.total = roundNumerator(t.total);
    this.settings = p.settings;
    this.overpaid = t.overpaid;
  }
  get byPeriod(): Map<Period, Kopecks> {
    return (this.cachedByPeriod ??= new Map(
      this.t.periods.map((period, i) => [period, roundNumerator(this.t.sums[i])]),
    ));
  }
  get rows(): PenaltyRow[] {
    return (this.cachedRows ??= detailRows(this.p));
  }
  get assumptions(): string[] {
    return (this.cachedAssumptions ??= assumptionLines(this.p.settings, this.asOf));
  }
  get rateNotes(): string[] {
    return (this.cachedNotes ??= rateNoteLines(this.p, this.rows));
  }
}

export function calculatePenalty(input: PenaltyInput): PenaltyResult {
  const p = prepare(input);
  const t = totals(p, false) ?? totals(p, true)!;
  return new Result(p, t, input.asOf);
}
