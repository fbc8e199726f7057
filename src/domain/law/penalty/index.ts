/** The ЖКУ penalty calculation (ЖК РФ ст. 155 ч. 14): settings, the calculation, its result types. */
export type { Charge, Payment } from "../allocation";
export {
  DEFAULT_PENALTY_SETTINGS,
  type ExcludedPeriod,
  type Fraction,
  type PenaltyInput,
  type PenaltyResult,
  type PenaltyRow,
  type PenaltySettings,
} from "./settings";
export { calculatePenalty } from "./calculate";
