/**
 * `reconcile WORKBOOK.xlsx --register FILE --as-of DATE [--json]`: the bailiff register cross-check
 * (docs/formats.md, § 3 and § 5).
 * WORKBOOK holds the ledger and the court-work register; FILE is the bailiff register as .xlsx, .csv or .txt in any
 * of the paste shapes. Never writes to either file.
 */
import type { Command } from "commander";
import { formatDateRu } from "../../domain/dates";
import { formatKopecksPlain } from "../../domain/money";
import { KIND_RU, SHAPE_RU, STATUS_RU } from "../../domain/bailiff";
import { LedgerInputError } from "../../domain/ledger";
import { ReconcileInputError, findBailiffRegisterGrid, runReconcile, type ReconcileRun } from "../../app/reconcile";
import { InputError } from "../errors";
import { formatTable, printJson, printLines } from "../output";
import { asInputError, fileLabel, openWorkbook, readInputAsTextOrWorkbook } from "../readWorkbook";
import { parseCliDate } from "./duty";

const amount = (k: number | null) => (k === null ? null : formatKopecksPlain(k));

/** The public JSON document of `reconcile --json`. */
export function reconcileJson(run: ReconcileRun) {
  const { register, result } = run;
  return {
    register: {
      kind: register.kind,
      shape: register.shape,
      records: register.proceedings.length,
      unreadable: register.unreadable.map((u) => ({ row: u.row, reason: u.reason, text: u.text })),
    },
    results: result.results.map((r) => ({
      ip: r.proceeding.ip,
      document: r.proceeding.document.key,
      account: r.ambiguous ? null : (r.target?.account ?? null),
      status: r.ambiguous ? "ambiguous" : r.status,
      score: Math.round(r.score * 100) / 100,
      representFrom: r.representFrom,
      remaining: amount(r.proceeding.remaining),
      evidence: r.evidence,
    })),
    notOpened: result.notOpened.map((n) => ({
      account: n.target.account,
      document: n.target.documentKey ?? n.target.documentRaw,
    })),
    ambiguous: result.ambiguous.map((r) => ({
      ip: r.proceeding.ip,
      document: r.proceeding.document.key,
      debtor: r.proceeding.debtor.name,
      reason: r.ambiguous!.reason,
      candidates: r.ambiguous!.candidates.map((t) => ({
        account: t.account,
        debtor: t.debtor,
        document: t.documentKey,
      })),
    })),
  };
}

function readable(path: string, run: ReconcileRun, asOf: string): string[] {
  const r = run.register;
  const lines = [
    `Сверка с ССП: «${fileLabel(path)}», реестр «${run.source}» (${KIND_RU[r.kind]}, ${SHAPE_RU[r.shape]}), на ${formatDateRu(asOf)}`,
    `Записей: ${r.proceedings.length}; не прочитано полностью: ${r.unreadable.length}`,
    ...run.notes,
    "",
  ];
  lines.push(
    ...formatTable(
      ["№ ИП", "Документ", "Л/С", "Статус", "Оценка", "Действие"],
      run.result.results.map((x) => [
        x.proceeding.ip ?? "—",
        x.proceeding.document.key ?? "—",
        x.target?.account ?? "",
        x.ambiguous ? "требует решения" : STATUS_RU[x.status],
        String(Math.round(x.score * 100) / 100),
        x.action,
      ]),
    ),
  );
  if (run.result.notOpened.length > 0) {
    lines.push("", "Не возбуждено:");
    for (const n of run.result.notOpened)
      lines.push(`  ${n.target.account} ${n.target.documentRaw} — ${n.daysSinceSent} дн.`);
  }
  for (const u of r.unreadable) lines.push(`Строка ${u.row}: ${u.reason}`);
  return lines;
}

async function registerInput(path: string) {
  const input = await readInputAsTextOrWorkbook(path);
  if (input.kind === "text") {
    if (input.text.trim() === "") throw new InputError(`${fileLabel(path)}: файл реестра пуст.`);
    return { registerText: input.text };
  }
  try {
    return { registerGrid: (await findBailiffRegisterGrid(input.workbook, {})).grid };
  } catch (err) {
    if (err instanceof ReconcileInputError) throw new InputError(`${fileLabel(path)}: ${err.message}`);
    throw err;
  }
}

export function registerReconcile(program: Command): void {
  program
    .command("reconcile")
    .description(
      "сверка с реестром исполнительных производств ССП: статусы, оплаты напрямую, повторное предъявление (файлы не изменяются)",
    )
    .argument("<книга.xlsx>", "книга Excel с реестром должников и реестром судебной работы")
    .requiredOption("--register <файл>", "реестр исполнительных производств: .xlsx, .csv или .txt")
    .requiredOption("--as-of <дата>", "дата сверки (ГГГГ-ММ-ДД)")
    .option("--json", "вывести JSON")
    .action(async (path: string, opts: { register: string; asOf: string; json?: boolean }) => {
      const asOf = parseCliDate(opts.asOf, "--as-of");
      const workbook = await openWorkbook(path);
      const input = await registerInput(opts.register);
      let run: ReconcileRun;
      try {
        run = await asInputError(() => runReconcile(workbook, { asOf, write: false, ...input }));
      } catch (err) {
        if (err instanceof ReconcileInputError) {
          const file = err.code === "no-court-register" ? path : opts.register;
          throw new InputError(`${fileLabel(file)}: ${err.message}`);
        }
        if (err instanceof LedgerInputError) throw new InputError(`${fileLabel(path)}: ${err.message}`);
        throw err;
      }
      if (opts.json) {
        for (const n of run.notes) process.stderr.write(`${n}\n`);
        printJson(reconcileJson(run));
      } else printLines(readable(path, run, asOf));
    });
}
