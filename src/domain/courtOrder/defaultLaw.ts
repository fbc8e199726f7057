/** The real law engine (src/domain/law) behind the LawEngine interface candidate selection is written against. */
import { dueDate } from "../law/dueDate";
import { stateDuty } from "../law/duty";
import { timeBarred } from "../law/limitation";
import { calculatePenalty } from "../law/penalty";
import type { LawEngine } from "./lawEngine";

export const defaultLaw: LawEngine = { calculatePenalty, dueDate, stateDuty, timeBarred };
