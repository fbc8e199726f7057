/**
 * The add-in's own sheet «Кандидаты»: one row per candidate with the reason, amounts, route and warnings, a totals
 * block against the plan's target, the debts left out with their reasons, and the assumptions of the calculation.
 */
import type { OutCell, OwnSheetContent } from "../workbook/port";
import { OWN_SHEETS } from "../workbook/port";
import { formatDateRu, formatPeriodRu } from "../domain/dates";
import type { Candidate, CandidateSelection, RuleMode } from "../domain/courtOrder";

const ROUTE_RU: Record<Candidate["route"], string> = { "court-order": "судебный приказ", lawsuit: "иск" };
const COURT_RU: Record<Candidate["court"], string> = { general: "мировой судья", arbitration: "арбитражный суд" };
const MODE_RU: Record<RuleMode, string> = { account: "по сумме по лицевому счёту", service: "по каждой услуге" };

const money = (kopecks: number): OutCell => ({ kind: "money", kopecks });

const CANDIDATE_COLUMNS = [
  "№",
  "Л/С",
  "Должник",
  "Адрес",
  "Строка реестра",
  "Долг",
  "Среднемесячное начисление",
  "Кратность",
  "Основание отбора",
  "Период с",
  "Период по",
  "Основной долг",
  "Пени",
  "Госпошлина",
  "Срок давности пропущен",
  "Сумма требования",
  "Путь",
  "Суд",
  "Предупреждения",
] as const;

const COLUMN_FORMATS: NonNullable<OwnSheetContent["columns"]> = [
  { width: 6 },
  { width: 14, format: "text" },
  { width: 32 },
  { width: 32 },
  { width: 12 },
  { width: 14, format: "money" },
  { width: 14, format: "money" },
  { width: 10 },
  { width: 48 },
  { width: 14 },
  { width: 14 },
  { width: 14, format: "money" },
  { width: 12, format: "money" },
  { width: 12, format: "money" },
  { width: 14, format: "money" },
  { width: 16, format: "money" },
  { width: 16 },
  { width: 16 },
  { width: 60 },
];

/** A link to the candidate's row in the ledger sheet. */
function ledgerLink(sheet: string, row: number): OutCell {
  return { kind: "link", text: `строка ${row}`, sheet, address: `A${row}` };
}

function candidateRow(c: Candidate, index: number, ledgerSheet: string): OutCell[] {
  return [
    index + 1,
    c.account,
    c.debtor,
    c.address,
    ledgerLink(ledgerSheet, c.row),
    money(c.debt),
    money(c.averageMonthly),
    c.ratio,
    c.reason,
    c.periodFrom ? formatPeriodRu(c.periodFrom) : "",
    c.periodTo ? formatPeriodRu(c.periodTo) : "",
    money(c.principal),
    money(c.penalty),
    money(c.stateDuty),
    money(c.timeBarred),
    money(c.claim),
    ROUTE_RU[c.route],
    COURT_RU[c.court],
    c.warnings.join("; "),
  ];
}

/** A totals line: the label under «Л/С», the value under «Сумма требования». */
function totalRow(label: string, value: OutCell): OutCell[] {
  return ["", label, "", "", "", "", "", "", "", "", "", "", "", "", "", value];
}

function totalRows(s: CandidateSelection): OutCell[][] {
  return [
    ["Итого"],
    totalRow("Кандидатов", s.totals.count),
    totalRow("Основной долг", money(s.totals.principal)),
    totalRow("Пени", money(s.totals.penalty)),
    totalRow("Госпошлина", money(s.totals.stateDuty)),
    totalRow("Сумма требований", money(s.totals.claim)),
    totalRow("Цель плана в месяц", money(s.target.monthly)),
    totalRow("Покрыто (судебные приказы)", money(s.target.covered)),
    ["", `Доля цели: ${String(s.target.share).replace(".", ",")} %`],
  ];
}

function excludedRows(s: CandidateSelection, ledgerSheet: string): OutCell[][] {
  const rows: OutCell[][] = [["Не включены", "Л/С", "Должник", "", "Строка реестра", "Долг", "", "", "Причина"]];
  for (const e of s.excluded) {
    rows.push([
      "",
      e.account,
      e.debtor,
      "",
      ledgerLink(ledgerSheet, e.row),
      money(e.debt),
      "",
      "",
      e.reasons.join("; "),
    ]);
  }
  return rows;
}

/** The «Кандидаты» sheet for a selection made on `ledgerSheet`, with the register sheets that were consulted. */
export function candidatesSheetContent(
  s: CandidateSelection,
  ledgerSheet: string,
  registerSheets: string[],
): OwnSheetContent {
  const rows: OutCell[][] = [];
  const headerRows: number[] = [];
  /** A block after an empty line, its first row styled as a header. */
  const block = (blockRows: OutCell[][]) => {
    rows.push([]);
    headerRows.push(rows.length);
    rows.push(...blockRows);
  };
  rows.push([`Кандидаты на судебный приказ на ${formatDateRu(s.asOf)}`]);
  rows.push([`Правило: ${s.ruleText}; окно усреднения — ${s.rule.windowMonths} мес. (${MODE_RU[s.rule.mode]}).`]);
  rows.push([
    `Реестр должников: лист «${ledgerSheet}»` +
      (registerSheets.length
        ? `; учтён реестр взыскания: ${registerSheets.map((n) => `«${n}»`).join(", ")}`
        : "; реестра взыскания в книге нет"),
  ]);
  block([[...CANDIDATE_COLUMNS]]);
  const firstDataRow = rows.length;
  s.candidates.forEach((c, i) => rows.push(candidateRow(c, i, ledgerSheet)));
  if (s.candidates.length === 0) rows.push(["", "", "Кандидатов нет: ни один долг не достиг порога правила."]);
  block(totalRows(s));
  if (s.excluded.length > 0) block(excludedRows(s, ledgerSheet));
  block([["Допущения расчёта"], ...s.assumptions.map((a): OutCell[] => ["", a])]);
  return {
    name: OWN_SHEETS.candidates,
    rows,
    headerRows,
    freezeRows: firstDataRow,
    columns: COLUMN_FORMATS.map((c) => ({ ...c })),
  };
}
