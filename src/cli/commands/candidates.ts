/** `candidates LEDGER.xlsx --as-of DATE [--sheet NAME] [--json]`: court-order candidates. Never writes to the file. */
import type { Command } from "commander";
import { formatDateRu } from "../../domain/dates";
import { formatKopecksPlain, formatKopecksRu } from "../../domain/money";
import { LedgerInputError } from "../../domain/ledger";
import { findCandidates, type FindCandidatesResult } from "../../app/findCandidates";
import { selectionView, type SelectionView } from "../../app/candidateView";
import { InputError } from "../errors";
import { formatTable, printJson, printLines } from "../output";
import { asInputError, fileLabel, openWorkbook } from "../readWorkbook";
import { parseCliDate } from "./duty";

/** The public JSON document of `candidates --json` (field names are stable): the shared projection, amounts "1234.50". */
function candidatesJson(r: FindCandidatesResult): SelectionView<string> {
  return selectionView(r.selection, formatKopecksPlain);
}

const ROUTE_RU = { "court-order": "приказ", lawsuit: "иск" } as const;

function readable(path: string, r: FindCandidatesResult): string[] {
  const s = r.selection;
  const lines = [
    `Кандидаты на судебный приказ: «${fileLabel(path)}», лист «${r.sheet}», на ${formatDateRu(s.asOf)}`,
    `Правило: ${s.ruleText}; окно — ${s.rule.windowMonths} мес.`,
    "",
  ];
  if (s.candidates.length === 0) lines.push("Кандидатов нет.");
  else {
    lines.push(
      ...formatTable(
        [
          "Л/С",
          "Должник",
          "Долг",
          "Среднее",
          "Основной долг",
          "Пени",
          "Пошлина",
          "Требование",
          "Путь",
          "Предупреждения",
        ],
        s.candidates.map((c) => [
          c.account,
          c.debtor,
          formatKopecksRu(c.debt),
          formatKopecksRu(c.averageMonthly),
          formatKopecksRu(c.principal),
          formatKopecksRu(c.penalty),
          formatKopecksRu(c.stateDuty),
          formatKopecksRu(c.claim),
          ROUTE_RU[c.route],
          String(c.warnings.length),
        ]),
      ),
    );
  }
  lines.push(
    "",
    `Итого: ${s.totals.count} канд.; основной долг ${formatKopecksRu(s.totals.principal)} ₽; пени ${formatKopecksRu(s.totals.penalty)} ₽; госпошлина ${formatKopecksRu(s.totals.stateDuty)} ₽; требования ${formatKopecksRu(s.totals.claim)} ₽`,
    `Цель плана: ${formatKopecksRu(s.target.monthly)} ₽ в месяц; покрыто судебными приказами ${formatKopecksRu(s.target.covered)} ₽ (${String(s.target.share).replace(".", ",")} %)`,
  );
  if (s.excluded.length > 0) {
    lines.push("", "Не включены:");
    for (const e of s.excluded) lines.push(`  ${e.account} ${e.debtor}: ${e.reasons.join("; ")}`);
  }
  return lines;
}

export function registerCandidates(program: Command): void {
  program
    .command("candidates")
    .description(
      "кандидаты на судебный приказ: долг ≥ 2 среднемесячных начислений, сумма требования, пени, госпошлина (файл не изменяется)",
    )
    .argument("<реестр.xlsx>", "книга Excel с реестром должников")
    .requiredOption("--as-of <дата>", "дата расчёта (ГГГГ-ММ-ДД)")
    .option("--sheet <лист>", "лист с реестром (если в книге их несколько)")
    .option("--json", "вывести JSON")
    .action(async (path: string, opts: { asOf: string; sheet?: string; json?: boolean }) => {
      const asOf = parseCliDate(opts.asOf, "--as-of");
      const workbook = await openWorkbook(path, { readOnly: true });
      let result: FindCandidatesResult;
      try {
        result = await asInputError(() => findCandidates(workbook, { asOf, sheet: opts.sheet, write: false }));
      } catch (err) {
        if (err instanceof LedgerInputError) throw new InputError(`${fileLabel(path)}: ${err.message}`);
        throw err;
      }
      if (opts.json) printJson(candidatesJson(result));
      else printLines(readable(path, result));
    });
}
