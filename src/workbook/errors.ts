/**
 * Errors the workbook layer raises, with a Russian message the UI and the CLI show as is.
 * `code` lets callers react (e.g. the CLI maps every WorkbookError to exit code 2).
 */
export type WorkbookErrorCode =
  | "foreign-sheet"
  | "bad-sheet-name"
  | "sheet-not-found"
  | "protected"
  | "edit-mode"
  | "read-only"
  | "too-large"
  | "busy"
  | "unknown";

export class WorkbookError extends Error {
  readonly code: WorkbookErrorCode;
  constructor(code: WorkbookErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WorkbookError";
    this.code = code;
  }
}

export const CANCELLED_MESSAGE = "Операция отменена";

/** An AbortError the way DOM APIs raise it (name "AbortError"), with a Russian message. */
export function abortError(): Error {
  if (typeof DOMException === "function") return new DOMException(CANCELLED_MESSAGE, "AbortError");
  const e = new Error(CANCELLED_MESSAGE);
  e.name = "AbortError";
  return e;
}

export function isAbortError(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { name?: string }).name === "AbortError";
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

export function foreignSheetError(name: string): WorkbookError {
  return new WorkbookError(
    "foreign-sheet",
    `Лист «${name}» уже есть в книге, но создан не надстройкой — надстройка его не изменит. ` +
      `Переименуйте этот лист (например, «${name} (мой)») и повторите.`,
  );
}

export function sheetNotFoundError(name: string): WorkbookError {
  return new WorkbookError("sheet-not-found", `Лист «${name}» не найден в книге.`);
}

export function protectedSheetError(): WorkbookError {
  return new WorkbookError(
    "protected",
    "Лист защищён от изменений: снимите защиту («Рецензирование → Снять защиту листа») и повторите.",
  );
}
