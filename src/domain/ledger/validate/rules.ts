/** The ledger rules: stable codes, severities and titles, the finding shape, and the summary by severity and code. */
import type { IsoDate } from "../../dates";

export type Severity = "error" | "warning" | "info";

export type LedgerRuleCode =
  | "account.missing"
  | "account.duplicate"
  | "amount.invalid"
  | "balance.mismatch"
  | "name.missing"
  | "address.missing"
  | "period.invalid"
  | "period.future"
  | "id.snils-invalid"
  | "id.inn-invalid"
  | "date.invalid"
  | "id.date-damaged"
  | "charge.negative"
  | "debt.no-charges"
  | "owners.no-shares"
  | "merges.unavailable";

export interface LedgerRule {
  code: LedgerRuleCode;
  severity: Severity;
  /** Russian title for the summary block and Настройки. */
  title: string;
}

/** The rules, in the order the summary lists them. */
export const LEDGER_RULES: readonly LedgerRule[] = [
  { code: "account.missing", severity: "error", title: "Есть суммы, но нет лицевого счёта" },
  { code: "account.duplicate", severity: "error", title: "Лицевой счёт повторяется" },
  { code: "amount.invalid", severity: "error", title: "Сумма не распознана как число" },
  { code: "balance.mismatch", severity: "error", title: "Сальдо не сходится" },
  { code: "name.missing", severity: "error", title: "Не указан собственник (ФИО)" },
  { code: "address.missing", severity: "warning", title: "Не указан адрес" },
  { code: "period.invalid", severity: "error", title: "Период не распознан или указан неверно" },
  { code: "period.future", severity: "warning", title: "Период в будущем" },
  { code: "id.snils-invalid", severity: "warning", title: "Неверный СНИЛС" },
  { code: "id.inn-invalid", severity: "warning", title: "Неверный ИНН" },
  { code: "date.invalid", severity: "warning", title: "Дата не распознана" },
  { code: "id.date-damaged", severity: "warning", title: "Номер превращён Excel в дату" },
  { code: "charge.negative", severity: "warning", title: "Отрицательное начисление без столбца перерасчёта" },
  { code: "debt.no-charges", severity: "warning", title: "Долг без начислений за период" },
  { code: "owners.no-shares", severity: "warning", title: "Несколько собственников без долей" },
  { code: "merges.unavailable", severity: "warning", title: "Объединённые ячейки не прочитаны" },
];

export const RULE_BY_CODE = new Map(LEDGER_RULES.map((r) => [r.code, r]));

export interface LedgerFinding {
  code: LedgerRuleCode;
  severity: Severity;
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  /** 0-based column index (A = 0); `cell` is the same place as "B7". */
  col: number;
  cell: string;
  account: string;
  debtor: string;
  /** Russian, names the cell. */
  message: string;
}

export interface ValidateOptions {
  /** Codes of rules the user switched off. */
  disabledRules?: readonly string[];
  /** Today, for «period in the future»; without it that rule is not checked. */
  today?: IsoDate;
}

export interface FindingSummary {
  bySeverity: Record<Severity, number>;
  byCode: { code: LedgerRuleCode; severity: Severity; title: string; count: number }[];
}

/** Counts by severity and by code (rules table order), for the summary block and the taskpane. */
export function summarizeFindings(findings: readonly LedgerFinding[]): FindingSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const counts = new Map<string, number>();
  for (const f of findings) {
    bySeverity[f.severity]++;
    counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  }
  const byCode = LEDGER_RULES.filter((r) => counts.has(r.code)).map((r) => ({
    code: r.code,
    severity: r.severity,
    title: r.title,
    count: counts.get(r.code)!,
  }));
  return { bySeverity, byCode };
}
