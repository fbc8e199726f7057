/**
 * What «Сверить» writes: «Сверка ССП» (a summary by status, then every proceeding with its match, score, evidence,
 * status and action), the lists to hand over to the ОСП («Оплачено напрямую», «Повторное предъявление» — eligible now
 * first, «Не возбуждено»), empty cells of the add-in's columns in «Реестр взыскания», and one row in «Журнал сверок».
 */
import type { OperationOptions, OutCell, TableRow, TableSpec, WorkbookPort } from "../workbook/port";
import { OWN_SHEETS } from "../workbook/port";
import { formatDateRu, type IsoDate } from "../domain/dates";
import type { Kopecks } from "../domain/money";
import { REGISTER_HEADER, mergeRegisterRows, type RegisterTableRow } from "../domain/register";
import {
  KIND_RU,
  RECONCILE_LOG_COLUMNS,
  RECONCILE_LOG_FORMATS,
  SHAPE_RU,
  STATUS_RU,
  type ProceedingResult,
  type ReconcileStatus,
} from "../domain/bailiff";
import { registerTableSpec } from "./courtRegister";
import type { ReconcileRun } from "./reconcile";
import { writeOwnSheets } from "./runSession";

const money = (k: Kopecks | null): OutCell => (k === null ? null : { kind: "money", kopecks: k });
const date = (d: IsoDate | null): OutCell => (d ? { kind: "date", date: d } : null);

function statusOf(r: ProceedingResult): string {
  return r.ambiguous ? "требует решения" : STATUS_RU[r.status];
}

const SUMMARY: [ReconcileStatus | "ambiguous" | "notOpened", string][] = [
  ["active", "На исполнении"],
  ["paid-directly", "Оплачено напрямую"],
  ["executed", "Исполнено"],
  ["returned", "Возвращено"],
  ["terminated", "Прекращено / окончено по другим основаниям"],
  ["other-creditor", "Другой взыскатель"],
  ["ambiguous", "Требует решения"],
  ["notOpened", "Не возбуждено (направлено более 30 дней назад)"],
];

const MAIN_HEADER = [
  "Строка реестра",
  "№ ИП",
  "Дата ИП",
  "Должник",
  "Документ",
  "Л/С",
  "Строка реестра взыскания",
  "Оценка",
  "Доказательства",
  "Статус",
  "Основание окончания",
  "Дата окончания",
  "Сумма долга",
  "Остаток",
  "Повторно — не ранее",
  "Предъявить до",
  "Действие",
];

function mainSheet(run: ReconcileRun, asOf: IsoDate): OutCell[][] {
  const { register, result } = run;
  const rows: OutCell[][] = [
    [`Сверка с реестром исполнительных производств на ${formatDateRu(asOf)}`],
    [
      `Реестр: ${run.source} — ${KIND_RU[register.kind]}, ${SHAPE_RU[register.shape]}; записей ${register.proceedings.length}, не прочитано полностью ${register.unreadable.length}`,
    ],
    ...run.notes.map((n) => [n]),
    [],
    ["Статус", "Количество"],
    ...SUMMARY.map(([k, label]) => [label, result.counts[k]]),
    ["Сумма оплат напрямую", money(result.paidDirectTotal)],
    [],
  ];
  const headerRow = rows.length;
  rows.push(MAIN_HEADER);
  for (const r of result.results) {
    const p = r.proceeding;
    const diff = r.amountDiff
      ? [`сумма ИП ${formatKopecks(r.amountDiff.proceeding)} ≠ по реестру ${formatKopecks(r.amountDiff.register)}`]
      : [];
    rows.push([
      p.row,
      p.ip ?? "",
      date(p.ipDate),
      p.debtor.name,
      p.document.raw.slice(0, 200),
      r.target?.account ?? "",
      r.target?.registerRow ?? null,
      Math.round(r.score * 100) / 100,
      [...r.evidence, ...diff].join("; "),
      statusOf(r),
      r.label,
      date(p.end.date),
      money(p.amount),
      money(p.remaining),
      date(r.representFrom),
      date(r.deadline),
      r.action,
    ]);
  }
  if (register.unreadable.length > 0) {
    rows.push([], ["Не прочитано полностью"], ["Строка", "Причина", "Текст"]);
    for (const u of register.unreadable) rows.push([u.row, u.reason, u.text]);
  }
  (rows as OutCell[][] & { headerRow?: number }).headerRow = headerRow;
  return rows;
}

function formatKopecks(k: Kopecks): string {
  return (k / 100).toFixed(2).replace(".", ",");
}

function paidSheet(run: ReconcileRun): OutCell[][] {
  const rows: OutCell[][] = [
    ["Должник", "Л/С", "№ ИП", "Дата ИП", "Документ", "Сумма по документу", "Оплачено", "Дата оплаты", "Остаток по ИП"],
  ];
  for (const r of run.result.results) {
    if (r.ambiguous || r.status !== "paid-directly") continue;
    const p = r.proceeding;
    rows.push([
      p.debtor.name,
      r.target?.account ?? "",
      p.ip ?? "",
      date(p.ipDate),
      p.document.raw.slice(0, 120),
      money(r.target?.amount ?? p.amount),
      money(r.paidDirect!.amount),
      date(r.paidDirect!.date),
      money(p.remaining),
    ]);
  }
  return rows;
}

/** Returned documents: those that may be presented now first, then by the earliest date. */
export function representList(run: ReconcileRun, asOf: IsoDate): ProceedingResult[] {
  return run.result.results
    .filter((r) => !r.ambiguous && r.status === "returned" && !r.representedBy)
    .sort((a, b) => {
      const an = (a.representFrom ?? "9") <= asOf ? 0 : 1;
      const bn = (b.representFrom ?? "9") <= asOf ? 0 : 1;
      return an - bn || (a.representFrom ?? "").localeCompare(b.representFrom ?? "");
    });
}

function representSheet(run: ReconcileRun, asOf: IsoDate): OutCell[][] {
  const rows: OutCell[][] = [
    [
      "Должник",
      "Л/С",
      "№ ИП",
      "Документ",
      "Дата окончания",
      "Основание",
      "Повторно — не ранее",
      "Предъявить до",
      "Можно сейчас",
    ],
  ];
  for (const r of representList(run, asOf)) {
    const p = r.proceeding;
    rows.push([
      p.debtor.name,
      r.target?.account ?? "",
      p.ip ?? "",
      p.document.raw.slice(0, 120),
      date(p.end.date),
      r.label,
      date(r.representFrom),
      date(r.deadline),
      (r.representFrom ?? "9") <= asOf ? "да" : "нет",
    ]);
  }
  return rows;
}

function notOpenedSheet(run: ReconcileRun): OutCell[][] {
  const rows: OutCell[][] = [
    [
      "Должник",
      "Л/С",
      "№ дела / документа",
      "Дата приказа",
      "Направлено в ССП",
      "Дней прошло",
      "Строка реестра взыскания",
    ],
  ];
  for (const n of run.result.notOpened) {
    const t = n.target;
    rows.push([
      t.debtor,
      t.account,
      t.documentRaw,
      date(t.orderDate),
      date(t.fsspDate),
      n.daysSinceSent,
      t.registerRow,
    ]);
  }
  return rows;
}

/** Fill empty cells of «Реестр взыскания» (ours only; a hand-kept register is left as the clerk keeps it). */
async function updateRegister(port: WorkbookPort, run: ReconcileRun, options: OperationOptions): Promise<number> {
  if (!run.courtSheets.includes(OWN_SHEETS.register)) return 0;
  const spec = registerTableSpec();
  const existing = ((await port.readTable(spec)) ?? []) as RegisterTableRow[];
  const H = REGISTER_HEADER;
  const current = new Map(existing.map((r) => [String(r[H.key] ?? "").trim(), r] as const));
  const incoming: RegisterTableRow[] = [];
  for (const u of run.result.updates) {
    const row: RegisterTableRow = { [H.key]: u.target.id };
    if (u.ip) row[H.ipNumber] = u.ip;
    if (u.ipDate) row[H.ipDate] = date(u.ipDate);
    if (u.endDate) row[H.endDate] = date(u.endDate);
    if (u.endReason) row[H.endReason] = u.endReason;
    if (u.representDate) row[H.representDate] = date(u.representDate);
    // the status is the add-in's own column, but the clerk moves it on: replace only the add-in's first value
    const status = String(current.get(u.target.id)?.[H.status] ?? "").trim();
    if (u.status && (status === "" || status === "подготовлено")) row[H.status] = u.status;
    incoming.push(row);
  }
  const writes = mergeRegisterRows(existing, incoming);
  for (const f of writes.filled) {
    const inc = incoming.find((r) => r[H.key] === f[H.key]);
    if (inc?.[H.status] && String(current.get(String(f[H.key]))?.[H.status] ?? "") === "подготовлено")
      f[H.status] = inc[H.status];
  }
  const rows = writes.filled as TableRow[];
  if (rows.length === 0) return 0;
  const written = new Set(rows.flatMap((r) => Object.keys(r)));
  await port.upsertTableRows({ ...spec, ownColumns: [...new Set([...spec.ownColumns, ...written])] }, rows, options);
  return rows.length;
}

export function reconcileLogSpec(): TableSpec {
  return {
    sheet: OWN_SHEETS.reconcileLog,
    columns: [...RECONCILE_LOG_COLUMNS],
    key: "Ключ",
    ownColumns: [...RECONCILE_LOG_COLUMNS],
    formats: RECONCILE_LOG_FORMATS,
  };
}

export function reconcileLogRow(run: ReconcileRun, asOf: IsoDate, now: string): TableRow {
  const c = run.result.counts;
  const row: Record<(typeof RECONCILE_LOG_COLUMNS)[number], OutCell> = {
    Ключ: now,
    "Дата сверки": date(asOf),
    Реестр: KIND_RU[run.register.kind],
    Форма: SHAPE_RU[run.register.shape],
    Записей: run.register.proceedings.length,
    "Наших производств": c.ours,
    "На исполнении": c.active,
    "Оплачено напрямую": c["paid-directly"],
    "Сумма оплат напрямую": money(run.result.paidDirectTotal),
    Исполнено: c.executed,
    Возвращено: c.returned,
    Прекращено: c.terminated,
    "Другой взыскатель": c["other-creditor"],
    "Не возбуждено": c.notOpened,
    "Требует решения": c.ambiguous,
  };
  return row;
}

export async function writeReconcileOutput(
  port: WorkbookPort,
  run: ReconcileRun,
  o: OperationOptions & { asOf: IsoDate; now?: string },
): Promise<string[]> {
  const main = mainSheet(run, o.asOf) as OutCell[][] & { headerRow?: number };
  const widths = [8, 20, 11, 32, 40, 12, 9, 7, 50, 16, 36, 11, 13, 13, 12, 12, 50].map((width) => ({ width }));
  const lists: [string, OutCell[][]][] = [
    [OWN_SHEETS.reconcilePaid, paidSheet(run)],
    [OWN_SHEETS.reconcileRepresent, representSheet(run, o.asOf)],
    [OWN_SHEETS.reconcileNotOpened, notOpenedSheet(run)],
  ];
  // the four sheets together: on Excel one request where they fit, not three or four round trips each
  await writeOwnSheets(
    port,
    [
      {
        name: OWN_SHEETS.reconcile,
        rows: main,
        columns: widths,
        headerRows: [main.headerRow ?? 0],
        freezeRows: (main.headerRow ?? 0) + 1,
      },
      ...lists.map(([name, rows]) => ({
        name,
        rows,
        columns: rows[0].map(() => ({ width: 18 })),
        headerRows: [0],
        freezeRows: 1,
      })),
    ],
    o,
  );
  await updateRegister(port, run, o);
  await port.upsertTableRows(reconcileLogSpec(), [reconcileLogRow(run, o.asOf, o.now ?? new Date().toISOString())], o);
  return [OWN_SHEETS.reconcile, ...lists.map(([n]) => n), OWN_SHEETS.reconcileLog];
}
