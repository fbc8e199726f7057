/**
 * Rules about the sheet rather than a row's sums: cells that are not numbers, the title period, month headers in the
 * future, identifiers Excel turned into dates, a ledger without an account column, merged cells the workbook did not
 * give.
 */
import { formatDateRu, formatPeriodRu } from "../../dates";
import { CONCEPT_TITLES } from "../headers";
import type { LedgerRowRecord } from "../recognize";
import type { ValidationContext } from "./context";

export function checkInvalidCells({ ledger, add }: ValidationContext): void {
  const { rows, invalidCells } = ledger.details;
  const rowByNumber = new Map<number, LedgerRowRecord>();
  if (invalidCells.length > 0) for (const r of rows) if (r.hasInvalid) rowByNumber.set(r.row, r);
  for (const c of invalidCells) {
    const rec = rowByNumber.get(c.row + 1);
    const what = c.concept === "month" ? "сумма за месяц" : `«${CONCEPT_TITLES[c.concept]}»`;
    add("amount.invalid", c.row, c.col, rec?.account ?? "", `${what}: значение «${c.text}» не распознано как число.`);
  }
}

export function checkTitlePeriod({ ledger, add, today }: ValidationContext): void {
  const titlePeriod = ledger.details.titlePeriod;
  if (!titlePeriod) return;
  const { from } = titlePeriod;
  if (titlePeriod.invalid) {
    add(
      "period.invalid",
      titlePeriod.row,
      titlePeriod.col,
      "",
      `период в заголовке «${titlePeriod.text}» указан неверно: дата не существует или начало позже конца.`,
    );
  } else if (from && today && from > today) {
    add(
      "period.future",
      titlePeriod.row,
      titlePeriod.col,
      "",
      `период в заголовке начинается ${formatDateRu(from)} — позже сегодняшней даты.`,
    );
  }
}

export function checkMonthHeaders({ ledger, add, todayPeriod, monthColumns }: ValidationContext): void {
  if (!todayPeriod) return;
  for (const m of monthColumns) {
    if (m.period > todayPeriod)
      add(
        "period.future",
        ledger.details.headerBottom,
        m.col,
        "",
        `месяц «${formatPeriodRu(m.period)}» в заголовке ещё не наступил.`,
      );
  }
}

/** Excel turned an identifier into a date («5/1» → 05.янв, «2-1/20» → 01.02.2020): the original is lost. */
export function checkDamagedCells({ ledger, add }: ValidationContext): void {
  const damaged = ledger.details.damagedCells ?? [];
  const accountOfRow = new Map<number, string>();
  if (damaged.length > 0) for (const r of ledger.details.rows) accountOfRow.set(r.row, r.account);
  for (const d of damaged) {
    add(
      "id.date-damaged",
      d.row,
      d.col,
      accountOfRow.get(d.row + 1) ?? "",
      `«${CONCEPT_TITLES[d.concept]}»: в ячейке дата «${d.text}» — похоже, Excel превратил номер (например «5/1» или «2-1/20») в дату. Введите его заново как текст.`,
    );
  }
}

export function checkAccountColumn({ ledger, cols, add, firstCol }: ValidationContext): void {
  if (cols.account === undefined && ledger.details.rows.length > 0 && !ledger.details.titleAccount) {
    add(
      "account.missing",
      ledger.details.headerBottom,
      firstCol,
      "",
      "в реестре нет столбца лицевого счёта; счета различаются только по ФИО.",
    );
  }
}

/**
 * Excel refused the sheet's merged areas (it returns none past 512 of them): the sheet was read without them, so a
 * header spanning several columns or an owner's name merged over several rows may have been read wrongly.
 */
export function checkMergesUnavailable({ ledger, add, firstCol }: ValidationContext): void {
  const missing = ledger.details.mergesUnavailable;
  if (!missing) return;
  const why = "Excel не отдал объединённые ячейки листа (их больше 512)";
  if (missing.fromRow > ledger.details.headerBottom) {
    add(
      "merges.unavailable",
      missing.fromRow,
      firstCol,
      "",
      `${why}: они прочитаны только в строках 1–${missing.fromRow}, ниже лист прочитан без них. Если ниже есть ` +
        "объединённые ячейки (лицевой счёт или ФИО на несколько строк), проверьте, верно ли прочитаны эти строки.",
    );
  } else {
    add(
      "merges.unavailable",
      ledger.details.headerTop,
      firstCol,
      "",
      `${why}: лист прочитан без них. Проверьте заголовки — верно ли найдены столбцы (при ошибке — «Исправить ` +
        "столбцы») — и строки с объединёнными ячейками.",
    );
  }
}
