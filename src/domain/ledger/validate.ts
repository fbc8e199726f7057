/**
 * Ledger validation: rules with stable codes over a recognised ledger. Every finding names its cell; totals, group
 * and empty rows never reach here (recognition skipped them). One pass over the rows, Maps for duplicates.
 */
import { cellAddress } from "../grid";
import { formatKopecksRu, type Kopecks } from "../money";
import { addPeriods, formatDateRu, formatPeriodRu, periodOf, type IsoDate } from "../dates";
import { validateInn, validateSnils } from "../ids";
import type { LedgerConcept } from "./model";
import { CONCEPT_TITLES } from "./headers";
import type { LedgerRowRecord, RecognizedLedger } from "./recognize";

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
  | "owners.no-shares";

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
];

const RULE_BY_CODE = new Map(LEDGER_RULES.map((r) => [r.code, r]));

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

/** Allowed rounding difference in balance checks: 0.01 ₽. */
const TOLERANCE: Kopecks = 1;

const rub = (k: Kopecks) => `${formatKopecksRu(k)} ₽`;

export function validateLedger(ledger: RecognizedLedger, options: ValidateOptions = {}): LedgerFinding[] {
  const disabled = new Set(options.disabledRules ?? []);
  const findings: LedgerFinding[] = [];
  const sheet = ledger.sheet;
  const cols = ledger.columns;
  const { rows, invalidCells, titlePeriod } = ledger.details;
  const todayPeriod = options.today ? periodOf(options.today) : null;
  // built on the first finding only: a clean ledger never pays for it
  let nameByAccount: Map<string, string> | null = null;
  const debtorOf = (account: string): string => {
    if (account === "") return "";
    if (!nameByAccount) {
      nameByAccount = new Map();
      for (const a of ledger.accounts) nameByAccount.set(a.account, a.name);
    }
    return nameByAccount.get(account) ?? "";
  };

  const add = (code: LedgerRuleCode, row0: number, col0: number, account: string, message: string, debtor?: string) => {
    if (disabled.has(code)) return;
    const cell = cellAddress(row0, col0);
    findings.push({
      code,
      severity: RULE_BY_CODE.get(code)!.severity,
      sheet,
      row: row0 + 1,
      col: col0,
      cell,
      account,
      // the row's own owner where the caller has it: a name map of a million accounts is built only when needed
      debtor: debtor || debtorOf(account),
      message: `${cell}: ${message}`,
    });
  };
  /** 0-based column of a concept, or of the first of several alternatives present. */
  const colOf = (...concepts: LedgerConcept[]): number => {
    for (const c of concepts) if (cols[c] !== undefined) return cols[c];
    return -1;
  };
  const firstCol = ledger.details.headers[0]?.col ?? 0;
  const closingCol = colOf("closingBalance", "closingDebt", "closingAdvance");
  const openingCol = colOf("openingBalance", "openingDebt", "openingAdvance");
  const chargedCol = colOf("charged");
  const hasRecalc = cols.recalculation !== undefined;
  const hasSubsidy = cols.subsidy !== undefined;
  const monthColumns = ledger.monthColumns ?? [];
  const rowByNumber = new Map<number, LedgerRowRecord>();
  if (invalidCells.length > 0) for (const r of rows) if (r.hasInvalid) rowByNumber.set(r.row, r);

  // ---- cells that are not numbers
  for (const c of invalidCells) {
    const rec = rowByNumber.get(c.row + 1);
    const what = c.concept === "month" ? "сумма за месяц" : `«${CONCEPT_TITLES[c.concept]}»`;
    add("amount.invalid", c.row, c.col, rec?.account ?? "", `${what}: значение «${c.text}» не распознано как число.`);
  }

  // ---- title period
  if (titlePeriod) {
    const { from } = titlePeriod;
    if (titlePeriod.invalid) {
      add(
        "period.invalid",
        titlePeriod.row,
        titlePeriod.col,
        "",
        `период в заголовке «${titlePeriod.text}» указан неверно: дата не существует или начало позже конца.`,
      );
    } else if (from && options.today && from > options.today) {
      add(
        "period.future",
        titlePeriod.row,
        titlePeriod.col,
        "",
        `период в заголовке начинается ${formatDateRu(from)} — позже сегодняшней даты.`,
      );
    }
  }
  if (todayPeriod) {
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

  // ---- row rules
  const layout = ledger.layout;
  const accountsWithInvalid = new Set<string>();
  const nameColumn = colOf("name", "surname");
  const addressColumn = colOf("address", "street", "house", "flat", "settlement");
  const seen = new Map<string, number>();
  const byChain = new Map<string, LedgerRowRecord[]>();
  const chargedMonthIdx = monthColumns.map((m, i) => (m.kind === "charged" ? i : -1)).filter((i) => i >= 0);

  // Excel turned an identifier into a date («5/1» → 05.янв, «2-1/20» → 01.02.2020): the original is lost
  const damaged = ledger.details.damagedCells ?? [];
  const accountOfRow = new Map<number, string>();
  if (damaged.length > 0) for (const r of rows) accountOfRow.set(r.row, r.account);
  for (const d of damaged) {
    add(
      "id.date-damaged",
      d.row,
      d.col,
      accountOfRow.get(d.row + 1) ?? "",
      `«${CONCEPT_TITLES[d.concept]}»: в ячейке дата «${d.text}» — похоже, Excel превратил номер (например «5/1» или «2-1/20») в дату. Введите его заново как текст.`,
    );
  }

  if (cols.account === undefined && rows.length > 0 && !ledger.details.titleAccount) {
    add(
      "account.missing",
      ledger.details.headerBottom,
      firstCol,
      "",
      "в реестре нет столбца лицевого счёта; счета различаются только по ФИО.",
    );
  }
  for (const r of rows) {
    const row0 = r.row - 1;
    if (r.hasInvalid) accountsWithInvalid.add(r.account);
    if (r.account === "" && cols.account === undefined) {
      // no account column: the owner's name is the key, and it is missing
      if (nameColumn >= 0)
        add("name.missing", row0, nameColumn, "", `в строке ${r.row} есть суммы, но не указан собственник (ФИО).`);
    } else if (r.account === "") {
      add(
        "account.missing",
        row0,
        cols.account ?? firstCol,
        "",
        `в строке ${r.row} есть суммы, но не указан лицевой счёт.`,
        r.name,
      );
    } else {
      let key =
        layout === "per-month-rows"
          ? `${r.account}\u0000${r.service}\u0000${r.period ?? r.periodText ?? ""}`
          : layout === "month-columns" || r.service === ""
            ? r.account
            : `${r.account}\u0000${r.service}`;
      // with a share column, co-owners of one flat come on rows of their own: the owner is part of the key
      if (cols.share !== undefined && !r.inheritedAccount) key += `\u0000${r.name}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const what = layout === "per-month-rows" ? ` за ${r.period ? formatPeriodRu(r.period) : "тот же период"}` : "";
        const svc = r.service ? ` (услуга «${r.service}»)` : "";
        add(
          "account.duplicate",
          row0,
          cols.account ?? firstCol,
          r.account,
          `лицевой счёт ${r.account}${svc}${what} повторяется: он уже есть в строке ${first}.`,
          r.name,
        );
      } else seen.set(key, r.row);
    }

    // owner and address: on every row that gives its account (rows that inherit the account from the first row
    // of their block — per-service or per-month blocks — inherit the owner and address too)
    if (r.account !== "" && !r.inheritedAccount && cols.account !== undefined) {
      if (nameColumn >= 0 && r.name.trim() === "")
        add(
          "name.missing",
          row0,
          nameColumn,
          r.account,
          `у лицевого счёта ${r.account} не указан собственник (ФИО).`,
          r.name,
        );
      if (addressColumn >= 0 && r.address.trim() === "")
        add(
          "address.missing",
          row0,
          addressColumn,
          r.account,
          `у лицевого счёта ${r.account} не указан адрес помещения.`,
          r.name,
        );
    }

    // period column
    if (cols.period !== undefined) {
      if (r.period === null || (layout === "per-month-rows" && !r.period)) {
        const t = r.periodText ?? "";
        add(
          "period.invalid",
          row0,
          cols.period,
          r.account,
          t === "" ? "не указан период строки." : `период «${t}» не распознан.`,
          r.name,
        );
      } else if (r.period && todayPeriod && r.period > todayPeriod) {
        add(
          "period.future",
          row0,
          cols.period,
          r.account,
          `период «${formatPeriodRu(r.period)}» ещё не наступил.`,
          r.name,
        );
      }
    }

    // balance of the row
    if (
      !r.hasInvalid &&
      layout !== "month-columns" &&
      r.opening !== null &&
      r.closing !== null &&
      (r.charged !== null || r.paid !== null)
    ) {
      checkRowBalance(r, row0);
    }
    if (layout === "month-columns" && !r.hasInvalid) checkMonthColumns(r, row0);
    if (layout === "per-month-rows" && r.account !== "") {
      const k = `${r.account}\u0000${r.service}`;
      const list = byChain.get(k);
      if (list) list.push(r);
      else byChain.set(k, [r]);
    }

    // negative charge without a recalculation column to explain it
    if (!hasRecalc) {
      if (r.charged !== null && r.charged < 0 && chargedCol >= 0) {
        add(
          "charge.negative",
          row0,
          chargedCol,
          r.account,
          `отрицательное начисление ${rub(r.charged)}, а столбца перерасчёта нет — проверьте, не перепутан ли знак.`,
          r.name,
        );
      }
      if (r.monthValues) {
        for (const i of chargedMonthIdx) {
          const v = r.monthValues[i];
          if (v !== null && v < 0)
            add(
              "charge.negative",
              row0,
              monthColumns[i].col,
              r.account,
              `отрицательное начисление ${rub(v)} за ${formatPeriodRu(monthColumns[i].period)}, а столбца перерасчёта нет.`,
              r.name,
            );
        }
      }
    }

    // identifiers
    if (r.snils && cols.snils !== undefined && !validateSnils(r.snils).valid) {
      add(
        "id.snils-invalid",
        row0,
        cols.snils,
        r.account,
        `СНИЛС «${r.snils}»: ${validateSnils(r.snils).message}.`,
        r.name,
      );
    }
    if (r.inn && cols.inn !== undefined && !validateInn(r.inn).valid) {
      add("id.inn-invalid", row0, cols.inn, r.account, `ИНН «${r.inn}»: ${validateInn(r.inn).message}.`, r.name);
    }
    if (r.birthDateText && cols.birthDate !== undefined && !r.birthDate) {
      add("date.invalid", row0, cols.birthDate, r.account, `дата рождения «${r.birthDateText}» не распознана.`, r.name);
    }
    if (r.lastPaymentDateText && cols.lastPaymentDate !== undefined && !r.lastPaymentDate) {
      add(
        "date.invalid",
        row0,
        cols.lastPaymentDate,
        r.account,
        `дата последней оплаты «${r.lastPaymentDateText}» не распознана.`,
        r.name,
      );
    }
  }

  // ---- month-to-month continuity (one row per account per month)
  for (const chain of byChain.values()) {
    if (chain.length < 2) continue;
    const sorted = chain.every((r, i) => i === 0 || (chain[i - 1].period ?? "") <= (r.period ?? ""))
      ? chain
      : [...chain].sort((a, b) => ((a.period ?? "") < (b.period ?? "") ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const cur = sorted[i];
      // only neighbouring months: a gap (a month missing or unreadable) has its own finding
      if (prev.hasInvalid || cur.hasInvalid || cur.opening === null || !cur.period || !prev.period) continue;
      if (cur.period !== addPeriods(prev.period, 1)) continue;
      let prevClosing = prev.closing;
      if (prevClosing === null) {
        // no closing column (a «Карточка расчётов»): the month closes at opening + charged − paid, with the
        // recalculation and the subsidy either already inside those or on top of them
        if (prev.opening === null) continue;
        const base = prev.opening + (prev.charged ?? 0) - (prev.paid ?? 0);
        const recalc = prev.recalculation ?? 0;
        const sub = Math.abs(prev.subsidy ?? 0);
        const candidates = [base, base + recalc, base - sub, base + recalc - sub];
        if (candidates.some((x) => Math.abs(cur.opening! - x) <= TOLERANCE)) continue;
        prevClosing = base + recalc - sub;
      }
      if (Math.abs(cur.opening - prevClosing) > TOLERANCE) {
        add(
          "balance.mismatch",
          cur.row - 1,
          openingCol,
          cur.account,
          `сальдо на начало месяца (${formatPeriodRu(cur.period)}) ${rub(cur.opening)} не равно сальдо на конец предыдущего месяца (${formatPeriodRu(prev.period)}, строка ${prev.row}) ${rub(prevClosing)}.`,
        );
      }
    }
  }

  // ---- account rules
  const nameCol = nameColumn;
  const hasChargeData = chargedCol >= 0 || chargedMonthIdx.length > 0;
  const shareCol = cols.share;
  for (const a of ledger.accounts) {
    const row0 = a.row - 1;
    if (hasChargeData && a.closing > 0 && a.charged === 0 && !accountsWithInvalid.has(a.account)) {
      add(
        "debt.no-charges",
        row0,
        chargedCol >= 0 ? chargedCol : (monthColumns[chargedMonthIdx[0]]?.col ?? closingCol),
        a.account,
        `долг ${rub(a.closing)} при нулевых начислениях за период — проверьте, не закрыт ли счёт и не пропущены ли начисления.`,
      );
    }
    if (nameCol >= 0 && (shareCol === undefined || !a.share) && severalOwners(a.name)) {
      add(
        "owners.no-shares",
        row0,
        nameCol,
        a.account,
        `в одной ячейке несколько собственников («${a.name}»), а доли не указаны: судебный приказ нужен на каждого собственника по его доле.`,
      );
    }
  }

  findings.sort((x, y) => x.row - y.row || x.col - y.col);
  return findings;

  function checkRowBalance(r: LedgerRowRecord, row0: number) {
    const opening = r.opening!;
    const closing = r.closing!;
    const charged = r.charged ?? 0;
    const paid = r.paid ?? 0;
    const recalc = r.recalculation ?? 0;
    const subsidy = r.subsidy ?? 0;
    const base = opening + charged - paid;
    // the recalculation / subsidy columns may or may not be already inside «Начислено» / «Оплачено»
    const sub = Math.abs(subsidy);
    const d = closing - base;
    if (
      Math.abs(d) <= TOLERANCE ||
      Math.abs(d - recalc) <= TOLERANCE ||
      Math.abs(d + sub) <= TOLERANCE ||
      Math.abs(d - recalc + sub) <= TOLERANCE
    )
      return;
    // some billings count the penalties inside the closing balance: the balance also holds with them added
    const pen = r.penalties ?? 0;
    if (pen !== 0 && (Math.abs(d - pen) <= TOLERANCE || Math.abs(d - recalc + sub - pen) <= TOLERANCE)) return;
    const full = base + (hasRecalc ? recalc : 0) - (hasSubsidy ? Math.abs(subsidy) : 0);
    const parts = [`сальдо на начало ${rub(opening)}`, `+ начислено ${rub(charged)}`];
    if (hasRecalc) parts.push(`+ перерасчёт ${rub(recalc)}`);
    parts.push(`− оплачено ${rub(paid)}`);
    if (hasSubsidy) parts.push(`− субсидия ${rub(Math.abs(subsidy))}`);
    // the cell that shows the closing balance: the advance column when the balance is an advance
    const cell =
      closing < 0 && cols.closingAdvance !== undefined ? cols.closingAdvance : closingCol >= 0 ? closingCol : firstCol;
    add(
      "balance.mismatch",
      row0,
      cell,
      r.account,
      `сальдо на конец ${rub(closing)} не сходится: ${parts.join(" ")} = ${rub(full)} (расхождение ${rub(closing - full)}).`,
    );
  }

  function checkMonthColumns(r: LedgerRowRecord, row0: number) {
    const mv = r.monthValues;
    if (!mv) return;
    const kinds = new Set(monthColumns.map((m) => m.kind));
    // running debt: debt(m) = debt(m−1) + charged(m) − paid(m)
    if (kinds.has("debt") && kinds.has("charged")) {
      const byPeriod = new Map<string, { charged: number; paid: number; debt: number | null; debtCol: number }>();
      const order: string[] = [];
      monthColumns.forEach((m, i) => {
        let e = byPeriod.get(m.period);
        if (!e) {
          e = { charged: 0, paid: 0, debt: null, debtCol: m.col };
          byPeriod.set(m.period, e);
          order.push(m.period);
        }
        const v = mv[i] ?? 0;
        if (m.kind === "charged") e.charged += v;
        else if (m.kind === "paid") e.paid += v;
        else {
          e.debt = mv[i] ?? 0;
          e.debtCol = m.col;
        }
      });
      order.sort();
      let prev: number | null = r.opening;
      let prevPeriod: string | null = null;
      for (const p of order) {
        const e = byPeriod.get(p)!;
        if (e.debt === null) {
          prev = null;
          continue;
        }
        if (prev !== null) {
          const expected = prev + e.charged - e.paid;
          if (Math.abs(e.debt - expected) > TOLERANCE) {
            const from = prevPeriod ? `долг за ${formatPeriodRu(prevPeriod)}` : "сальдо на начало";
            add(
              "balance.mismatch",
              row0,
              e.debtCol,
              r.account,
              `долг за ${formatPeriodRu(p)} ${rub(e.debt)} не сходится: ${from} ${rub(prev)} + начислено ${rub(e.charged)} − оплачено ${rub(e.paid)} = ${rub(expected)}.`,
            );
            return;
          }
        }
        prev = e.debt;
        prevPeriod = p;
      }
      return;
    }
    // totals: opening + Σ charged − Σ paid = closing
    if (r.opening !== null && r.closing !== null && (kinds.has("charged") || kinds.has("paid"))) {
      let charged = r.charged ?? 0;
      let paid = r.paid ?? 0;
      monthColumns.forEach((m, i) => {
        if (m.kind === "charged") charged += mv[i] ?? 0;
        else if (m.kind === "paid") paid += mv[i] ?? 0;
      });
      const expected = r.opening + charged - paid + (r.recalculation ?? 0);
      if (
        Math.abs(r.closing - expected) > TOLERANCE &&
        Math.abs(r.closing - (expected - (r.recalculation ?? 0))) > TOLERANCE
      ) {
        add(
          "balance.mismatch",
          row0,
          closingCol,
          r.account,
          `сальдо на конец ${rub(r.closing)} не сходится: сальдо на начало ${rub(r.opening)} + начислено ${rub(charged)} − оплачено ${rub(paid)} = ${rub(expected)}.`,
        );
      }
    }
  }
}

const OWNER_SEPARATOR = /[,;\n]|\sи\s/;
const OWNER_SPLIT = /\s*(?:[,;\r\n]|\sи\s)\s*/;
const SHARE_IN_TEXT = /\d+\s*\/\s*\d+|дол[яи]/i;
const PERSON = /^[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁа-яё][а-яё]+)?\s+(?:[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.?)?|[А-ЯЁ][а-яё]+)/;

/** «Соколова Е.В., Соколов В.П.» — two or more people in one cell, with no share written next to them. */
export function severalOwners(name: string): boolean {
  if (!OWNER_SEPARATOR.test(name) || SHARE_IN_TEXT.test(name)) return false;
  let people = 0;
  for (const part of name.split(OWNER_SPLIT)) if (PERSON.test(part.trim())) people++;
  return people >= 2;
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
