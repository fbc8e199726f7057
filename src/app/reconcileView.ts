/**
 * «Сверить» for the taskpane as plain data that crosses to and from the analysis worker: a preview (the register's
 * kind, shape and record count before the run), the run itself with the counts, the «Требует решения» queue and the
 * letters, and the clerk's confirm/reject decisions going back in.
 */
import type { OperationOptions, WorkbookPort } from "../workbook/port";
import { parseBailiffRegister, KIND_RU, SHAPE_RU, decisionKey, type ClerkDecision } from "../domain/bailiff";
import { findBailiffRegisterGrid, runReconcile, ReconcileInputError } from "./reconcile";
import { reconcileLetters, type ReconcileLetter } from "./reconcileLetters";
import { loadSettings } from "./settings";

export interface ReconcileSourceArgs {
  registerSheet?: string;
  registerText?: string;
}

export interface ReconcilePreview {
  source: string;
  kind: string;
  shape: string;
  records: number;
  unreadable: number;
  noDocumentNumbers: boolean;
}

export interface AmbiguousItem {
  key: string;
  ip: string;
  document: string;
  debtor: string;
  reason: string;
  evidence: string[];
  candidates: { id: string; account: string; debtor: string; document: string }[];
}

export interface ReconcileView extends ReconcilePreview {
  asOf: string;
  counts: Record<string, number>;
  /** Kopecks. */
  paidDirectTotal: number;
  ambiguous: AmbiguousItem[];
  unreadableRows: { row: number; reason: string }[];
  notes: string[];
  written: string[];
  letters: ReconcileLetter[];
}

const REASON_RU: Record<string, string> = {
  namesake: "однофамильцы",
  "co-owners": "несколько должников по одному документу",
  "fee-only": "только исполнительский сбор",
  "name-only": "совпадает только ФИО",
};

/** Kind, shape and record count of the register before the run (nothing is written). */
export async function reconcilePreview(port: WorkbookPort, args: ReconcileSourceArgs): Promise<ReconcilePreview> {
  const { grid, source } = await findBailiffRegisterGrid(port, args);
  const r = parseBailiffRegister(grid);
  return {
    source,
    kind: KIND_RU[r.kind],
    shape: SHAPE_RU[r.shape],
    records: r.proceedings.length,
    unreadable: r.unreadable.length,
    noDocumentNumbers: r.noDocumentNumbers,
  };
}

export async function reconcileOperation(
  port: WorkbookPort,
  args: ReconcileSourceArgs & { asOf: string; decisions?: Record<string, ClerkDecision> },
  options: OperationOptions,
): Promise<ReconcileView> {
  const run = await runReconcile(port, { ...args, signal: options.signal, onProgress: options.onProgress });
  const claimant = (await loadSettings(port)).claimant;
  const r = run.register;
  return {
    asOf: args.asOf,
    source: run.source,
    kind: KIND_RU[r.kind],
    shape: SHAPE_RU[r.shape],
    records: r.proceedings.length,
    unreadable: r.unreadable.length,
    noDocumentNumbers: r.noDocumentNumbers,
    counts: { ...run.result.counts },
    paidDirectTotal: run.result.paidDirectTotal,
    ambiguous: run.result.ambiguous.map((x) => ({
      key: decisionKey(x.proceeding),
      ip: x.proceeding.ip ?? "",
      document: x.proceeding.document.raw,
      debtor: x.proceeding.debtor.name,
      reason: REASON_RU[x.ambiguous!.reason] ?? x.ambiguous!.reason,
      evidence: x.evidence,
      candidates: x.ambiguous!.candidates.map((t) => ({
        id: t.id,
        account: t.account,
        debtor: t.debtor,
        document: t.documentRaw,
      })),
    })),
    unreadableRows: r.unreadable.map((u) => ({ row: u.row, reason: u.reason })),
    notes: run.notes,
    written: run.written,
    letters: await reconcileLetters(run, claimant, args.asOf),
  };
}

export { ReconcileInputError };
