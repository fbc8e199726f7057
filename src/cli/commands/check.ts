/** `check LEDGER.xlsx [--sheet NAME] [--json]`: recognise and validate a ledger. Never writes to the file. */
import type { Command } from "commander";
import { formatDateRu } from "../../domain/dates";
import { LedgerInputError } from "../../domain/ledger";
import { checkLedger, type CheckLedgerResult } from "../../app/checkLedger";
import { InputError } from "../errors";
import { formatTable, printJson, printLines } from "../output";
import { asInputError, fileLabel, openWorkbook } from "../readWorkbook";

const LAYOUT_RU: Record<CheckLedgerResult["layout"], string> = {
  "per-account": "одна строка на лицевой счёт",
  "per-month-rows": "строка на лицевой счёт за каждый месяц",
  "month-columns": "месяцы по столбцам",
};
const SEVERITY_RU = { error: "ошибка", warning: "предупреждение", info: "замечание" } as const;

/** The public JSON document of `check --json` (docs/architecture.md, § 5: field names are stable). */
export function checkJson(r: CheckLedgerResult) {
  return {
    sheet: r.sheet,
    layout: r.layout,
    headerRow: r.headerRow,
    period: { from: r.period.from, to: r.period.to },
    columns: r.columnLetters,
    rows: { data: r.rows.data, skipped: r.rows.skipped },
    findings: r.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      sheet: f.sheet,
      row: f.row,
      cell: f.cell,
      account: f.account,
      message: f.message,
    })),
  };
}

function readable(path: string, r: CheckLedgerResult): string[] {
  const p = r.period;
  const period =
    p.from && p.to
      ? `${formatDateRu(p.from)} – ${formatDateRu(p.to)}`
      : p.to
        ? `на ${formatDateRu(p.to)}`
        : "не определён";
  const lines = [
    `Реестр «${fileLabel(path)}», лист «${r.sheet}»`,
    `Макет: ${LAYOUT_RU[r.layout]}; строка заголовка: ${r.headerRow}; период: ${period}`,
    `Столбцы: ${Object.entries(r.columnLetters)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
    `Строк с данными: ${r.rows.data}; пропущено (итоги, группы): ${r.rows.skipped}`,
    `Ошибок: ${r.summary.bySeverity.error}; предупреждений: ${r.summary.bySeverity.warning}; замечаний: ${r.summary.bySeverity.info}`,
  ];
  if (r.findings.length === 0) return [...lines, "Замечаний нет."];
  lines.push(
    "",
    ...formatTable(
      ["Код", "Правило", "Важность", "Кол-во"],
      r.summary.byCode.map((s) => [s.code, s.title, SEVERITY_RU[s.severity], String(s.count)]),
    ),
    "",
  );
  lines.push(
    ...formatTable(
      ["Ячейка", "Важность", "Л/С", "Сообщение"],
      r.findings.map((f) => [f.cell, SEVERITY_RU[f.severity], f.account, f.message]),
    ),
  );
  return lines;
}

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("распознать и проверить реестр лицевых счетов (файл не изменяется)")
    .argument("<реестр.xlsx>", "книга Excel с реестром")
    .option("--sheet <лист>", "лист с реестром (если в книге их несколько)")
    .option("--json", "вывести JSON")
    .action(async (path: string, opts: { sheet?: string; json?: boolean }) => {
      const workbook = await openWorkbook(path, { readOnly: true });
      let result: CheckLedgerResult;
      try {
        result = await asInputError(() => checkLedger(workbook, { sheet: opts.sheet, write: false }));
      } catch (err) {
        if (err instanceof LedgerInputError) throw new InputError(`${fileLabel(path)}: ${err.message}`);
        throw err;
      }
      if (opts.json) printJson(checkJson(result));
      else printLines(readable(path, result));
    });
}
