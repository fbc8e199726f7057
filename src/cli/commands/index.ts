/** Every CLI command registers itself here (one line per command module). */
import type { Command } from "commander";

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [];
import { registerSheets } from "./sheets";
commands.push(registerSheets);
import { registerDuty } from "./duty";
commands.push(registerDuty);
import { registerPenalty } from "./penalty";
commands.push(registerPenalty);
import { registerCheck } from "./check";
commands.push(registerCheck);
import { registerCandidates } from "./candidates";
commands.push(registerCandidates);
import { registerPlan } from "./plan";
commands.push(registerPlan);
import { registerReconcile } from "./reconcile";
commands.push(registerReconcile);
import { registerRun } from "./run";
commands.push(registerRun);
import { registerDocuments } from "./documents";
commands.push(registerDocuments);
