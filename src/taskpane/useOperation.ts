/**
 * Runs one long use case (checkLedger, findCandidates…) with a progress bar and «Отмена»: an AbortController per
 * run, progress from the use case's onProgress, and a Russian error message instead of an exception.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { OperationOptions, Progress } from "../workbook/port";

export type OperationState<T> =
  | { status: "idle" }
  | { status: "running"; progress: Progress | null }
  | { status: "done"; result: T }
  | { status: "cancelled" }
  | { status: "failed"; message: string };

export function isAbort(e: unknown): boolean {
  return (
    (e instanceof DOMException && e.name === "AbortError") ||
    (e instanceof Error && (e.name === "AbortError" || e.name === "CancelledError"))
  );
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** `resetOn`: the state goes back to idle whenever this value changes (sections pass the workbook's key). */
export function useOperation<T>(resetOn?: unknown) {
  const [state, setState] = useState<OperationState<T>>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);

  // Cancel a running operation when the section unmounts.
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (work: (options: Required<OperationOptions>) => Promise<T>) => {
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    setState({ status: "running", progress: null });
    try {
      const result = await work({
        signal: ac.signal,
        onProgress: (p) => {
          if (!ac.signal.aborted) setState({ status: "running", progress: { ...p } });
        },
      });
      if (ac.signal.aborted) setState({ status: "cancelled" });
      else setState({ status: "done", result });
    } catch (e) {
      if (ac.signal.aborted || isAbort(e)) setState({ status: "cancelled" });
      else setState({ status: "failed", message: errorMessage(e) });
    } finally {
      if (controller.current === ac) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState({ status: "idle" }), []);
  useEffect(() => reset(), [resetOn, reset]);
  return { state, run, cancel, reset };
}
