/** Errors from Excel as Russian WorkbookErrors the taskpane can show. */
import { WorkbookError, isAbortError, protectedSheetError } from "../errors";

/** Russian message for an error from Excel. */
export function mapExcelError(err: unknown): unknown {
  if (err instanceof WorkbookError || isAbortError(err)) return err;
  const e = err as { code?: string; message?: string };
  const code = e?.code ?? "";
  const message = e?.message ?? String(err);
  if (/PayloadSizeLimitExceeded|PayloadTooLarge/i.test(code))
    return new WorkbookError(
      "too-large",
      "Слишком большой объём данных для одного запроса к Excel. Уменьшите диапазон или повторите.",
      { cause: err },
    );
  if (code === "InvalidOperationInCellEditMode")
    return new WorkbookError("edit-mode", "Excel в режиме редактирования ячейки: нажмите Enter или Esc и повторите.", {
      cause: err,
    });
  // Excel answers a write to a protected sheet, and any write to a read-only workbook, with AccessDenied and a
  // localized message that names neither ("You cannot perform the requested operation."): decide by the code
  if (code === "AccessDenied") {
    const e = protectedSheetError();
    return new WorkbookError(
      e.code,
      "Лист защищён от изменений или книга открыта только для чтения: снимите защиту листа " +
        "(«Рецензирование → Снять защиту листа») или включите редактирование и повторите.",
      { cause: err },
    );
  }
  if (code === "ActivityLimitReached" || code === "RequestAborted")
    return new WorkbookError(
      "busy",
      "Excel не справился с объёмом операции. Повторите; если ошибка повторится, уменьшите диапазон.",
      { cause: err },
    );
  return new WorkbookError("unknown", `Ошибка Excel: ${message}`, { cause: err });
}
