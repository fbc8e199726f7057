/**
 * The selection options of «Кандидаты на судебный приказ» that Настройки lets the clerk change (beyond the plan's
 * thresholds): rule per account or per service, overdue debt only, claiming the time-barred part, a minimal
 * claim, duty with kopecks. Kept in the workbook's settings under "candidates" with the other settings.
 */
import type { WorkbookPort } from "../workbook/port";
import type { IsoDate } from "../domain/dates";
import type { Kopecks } from "../domain/money";
import { DEFAULT_CANDIDATE_SETTINGS, type RuleMode } from "../domain/courtOrder/rules";

export const CANDIDATE_SETTINGS_KEY = "candidates";

export interface CandidateOptions {
  mode: RuleMode;
  overdueOnly: boolean;
  includeTimeBarred: boolean;
  minClaim: Kopecks;
  keepDutyKopecks: boolean;
  /** Planned filing date (state duty, limitation); absent = the as-of date. */
  filingDate?: IsoDate;
}

export const DEFAULT_CANDIDATE_OPTIONS: CandidateOptions = {
  mode: DEFAULT_CANDIDATE_SETTINGS.mode,
  overdueOnly: DEFAULT_CANDIDATE_SETTINGS.overdueOnly,
  includeTimeBarred: DEFAULT_CANDIDATE_SETTINGS.includeTimeBarred,
  minClaim: DEFAULT_CANDIDATE_SETTINGS.minClaim,
  keepDutyKopecks: DEFAULT_CANDIDATE_SETTINGS.keepDutyKopecks,
};

/** The options stored in a settings record; a damaged or missing value keeps its default. */
export function candidateOptionsFromRecord(raw: unknown): CandidateOptions {
  const out: CandidateOptions = { ...DEFAULT_CANDIDATE_OPTIONS };
  if (!raw || typeof raw !== "object") return out;
  const r = raw as Record<string, unknown>;
  if (r.mode === "account" || r.mode === "service") out.mode = r.mode;
  if (typeof r.overdueOnly === "boolean") out.overdueOnly = r.overdueOnly;
  if (typeof r.includeTimeBarred === "boolean") out.includeTimeBarred = r.includeTimeBarred;
  if (typeof r.minClaim === "number" && Number.isSafeInteger(r.minClaim) && r.minClaim >= 0) out.minClaim = r.minClaim;
  if (typeof r.keepDutyKopecks === "boolean") out.keepDutyKopecks = r.keepDutyKopecks;
  if (typeof r.filingDate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(r.filingDate)) out.filingDate = r.filingDate;
  return out;
}

export async function loadCandidateOptions(port: WorkbookPort): Promise<CandidateOptions> {
  return candidateOptionsFromRecord((await port.readSettings())[CANDIDATE_SETTINGS_KEY]);
}

/** Saves the options; the other settings in the record are kept as they are. */
export async function saveCandidateOptions(port: WorkbookPort, options: CandidateOptions): Promise<void> {
  const all = await port.readSettings();
  await port.writeSettings({ ...all, [CANDIDATE_SETTINGS_KEY]: { ...options } });
}
