/** One calculation's inputs made ready for both passes (the totals and the detailed rows). */
import { AllocationWorkspace, type Charge, type Payment } from "../allocation";
import { isoToDay } from "../daynum";
import { normaliseSettings, type PenaltyInput, type PenaltySettings } from "./settings";
import { windowSetFor, type WindowSet } from "./zeroWindows";

export interface Prepared {
  settings: PenaltySettings;
  charges: Charge[];
  /** Payments up to the calculation date. */
  payments: Payment[];
  asOfDn: number;
  /** Day number whose rate applies to the unpaid part (ЖК 155 ч. 14: the rate on the payment day, or on this date). */
  unpaidRateDn: number;
  windows: WindowSet;
  workspace: AllocationWorkspace;
}

export function prepare(input: PenaltyInput): Prepared {
  const settings = normaliseSettings(input.settings);
  const asOfDn = isoToDay(input.asOf);
  // payments after the calculation date do not exist yet for this calculation
  let payments = input.payments;
  for (let i = 0; i < payments.length; i++) {
    if (payments[i].date > input.asOf) {
      payments = payments.filter((p) => p.date <= input.asOf);
      break;
    }
  }
  return {
    settings,
    charges: input.charges,
    payments,
    asOfDn,
    unpaidRateDn: settings.rateDateForUnpaid ? isoToDay(settings.rateDateForUnpaid) : asOfDn,
    windows: windowSetFor(settings),
    workspace: input.workspace ?? new AllocationWorkspace(),
  };
}

/** The last day of delay of a chunk paid on `paidDn` (−1 = unpaid: the calculation date). */
export function chunkEnd(p: Prepared, paidDn: number): number {
  if (paidDn < 0) return p.asOfDn;
  return p.settings.includePaymentDay ? paidDn : paidDn - 1;
}
