/** Candidate selection's public surface, kept at its old path (the pieces live in files named for their concern). */
export * from "./types";
export { selectCandidates } from "./selectCandidates";
export { NO_PENALTY_WARNING } from "./composeClaim";
export { PenaltyScratch, penaltyInputForAccount, penaltyInputFromMonths, principalByPeriodFor } from "./lawPeriods";
