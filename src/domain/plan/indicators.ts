/**
 * The plan's indicators for a month, each with the rows behind it. Pure: the app reads the register, the ledger and
 * «Журнал сверок» and passes them in. An indicator whose source the workbook lacks says what is missing and has
 * met = null — it is never shown as a zero.
 */
import { addMonths, addPeriods, daysBetween, formatPeriodRu, periodEnd, periodOf, periodStart } from "../dates";
import type { IsoDate, Period } from "../dates";
import type { Kopecks } from "../money";
import type { LedgerPayments, PlanEntry, PlanRegister, ReconciliationRun } from "./sources";
import { RECONCILIATION_LOG } from "./sources";
import type { PlanIndicatorSet } from "./template";

export interface PlanRowRef {
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  account: string;
  debtor: string;
  date: IsoDate | null;
  amount: Kopecks | null;
  detail: string;
}

export type IndicatorUnit = "money" | "count" | "days";

export interface PlanIndicator {
  /** «1.2»: measure number and the indicator's place in it. */
  id: string;
  set: PlanIndicatorSet;
  label: string;
  unit: IndicatorUnit;
  /** Kopecks, a count or days; null when the source is missing. */
  fact: number | null;
  target: number | null;
  /** true/false against the target; null without a target or without data. */
  met: boolean | null;
  /** What the figure is made of in numbers («3 из 4, 75 %»); empty when nothing to add. */
  extra: string;
  missing: string[];
  rows: PlanRowRef[];
}

export interface PlanInput {
  month: Period;
  /** The plan's monthly target for measure 1 (Настройки). */
  target: Kopecks;
  register: PlanRegister;
  payments: LedgerPayments | null;
  /** Rows of «Журнал сверок»; null when the workbook has no such sheet. */
  reconciliations: ReconciliationRun[] | null;
}

const inMonth = (d: IsoDate | null, m: Period): boolean => d !== null && periodOf(d) === m;

function ref(e: PlanEntry, date: IsoDate | null, amount: Kopecks | null, detail = ""): PlanRowRef {
  return { sheet: e.sheet, row: e.row, account: e.account, debtor: e.debtor, date, amount, detail };
}

function indicator(
  id: string,
  set: PlanIndicatorSet,
  label: string,
  unit: IndicatorUnit,
  missing: string[],
  compute: () => Pick<PlanIndicator, "fact" | "rows"> & Partial<Pick<PlanIndicator, "target" | "met" | "extra">>,
): PlanIndicator {
  const base = { id, set, label, unit, missing, target: null, met: null, extra: "" };
  if (missing.length > 0) return { ...base, fact: null, rows: [] };
  return { ...base, ...compute() };
}

const sum = (xs: (number | null)[]): number => xs.reduce<number>((s, x) => s + (x ?? 0), 0);

function registerMissing(input: PlanInput, column: string | null, what: string): string[] {
  if (input.register.sheets.length === 0) return ["нет реестра судебной работы («Реестр взыскания»)"];
  if (column !== null && !input.register.columns.has(column as never)) return [`нет ${what} в реестре`];
  return [];
}

function paymentsMissing(input: PlanInput): string[] {
  if (!input.payments) return ["нет оплат по месяцам в реестре должников"];
  if (!input.payments.months.has(input.month))
    return [`в реестре должников нет оплат за ${formatPeriodRu(input.month)}`];
  return [];
}

/** Ledger payments of the month for the given accounts, one row reference per ledger row with money. */
function paidInMonth(input: PlanInput, accounts: Map<string, PlanEntry>): { total: Kopecks; rows: PlanRowRef[] } {
  const rows: PlanRowRef[] = [];
  for (const [account, e] of accounts) {
    for (const p of input.payments?.byAccount.get(account) ?? []) {
      if (p.period !== input.month || p.paid === 0) continue;
      rows.push({
        sheet: input.payments!.sheet,
        row: p.row,
        account,
        debtor: e.debtor,
        date: null,
        amount: p.paid,
        detail: `дело: лист «${e.sheet}», строка ${e.row}`,
      });
    }
  }
  return { total: sum(rows.map((r) => r.amount)), rows };
}

/** Measure 1: applications filed in the month, their claims against the target, money collected on court cases. */
function claims(input: PlanInput, n: number): PlanIndicator[] {
  const { month, register } = input;
  const filedMissing = registerMissing(input, "filingDate", "даты подачи");
  const filed = register.entries.filter((e) => inMonth(e.filingDate, month));
  const claimMissing = [...filedMissing];
  if (claimMissing.length === 0 && !["claim", "principal"].some((c) => register.columns.has(c as never)))
    claimMissing.push("нет суммы требования в реестре");
  const onCourt = new Map<string, PlanEntry>();
  for (const e of register.entries) if (e.filingDate && e.filingDate <= periodEnd(month)) onCourt.set(e.account, e);
  return [
    indicator(`${n}.1`, "claims", "Подано заявлений о выдаче судебного приказа", "count", filedMissing, () => ({
      fact: filed.length,
      rows: filed.map((e) => ref(e, e.filingDate, e.claim)),
    })),
    indicator(
      `${n}.2`,
      "claims",
      "Сумма требований по поданным заявлениям (долг + пени)",
      "money",
      claimMissing,
      () => {
        const total = sum(filed.map((e) => e.claim));
        const noAmount = filed.filter((e) => e.claim === null).length;
        return {
          fact: total,
          target: input.target,
          met: total >= input.target,
          extra: noAmount > 0 ? `без суммы требования: ${noAmount} заявл.` : "",
          rows: filed.map((e) => ref(e, e.filingDate, e.claim)),
        };
      },
    ),
    indicator(
      `${n}.3`,
      "claims",
      "Поступило в месяце по делам, переданным в суд (через ССП и напрямую)",
      "money",
      [...registerMissing(input, "filingDate", "даты подачи"), ...paymentsMissing(input)],
      () => {
        const paid = paidInMonth(input, onCourt);
        return { fact: paid.total, rows: paid.rows };
      },
    ),
  ];
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2);
}

/**
 * Days from sending the document to the bailiffs to the first money on the account while it was there. The ledger knows
 * the month of a payment, not the day: the money is dated the last day of its month (never overstating the speed).
 */
function firstMoney(input: PlanInput, e: PlanEntry): { period: Period; days: number } | null {
  if (!e.fsspDate) return null;
  const from = periodOf(e.fsspDate);
  // money after the document came back (ИП ended) is not the document's money
  const to = e.endDate ? periodOf(e.endDate) : "9999-12";
  const months = (input.payments?.byAccount.get(e.account) ?? []).filter(
    (p) => p.paid > 0 && p.period >= from && p.period <= to,
  );
  if (months.length === 0) return null;
  const first = months.reduce((a, b) => (b.period < a.period ? b : a));
  return { period: first.period, days: daysBetween(e.fsspDate, periodEnd(first.period)) };
}

/** Measure 2: documents sent with the claimant's receipt, money paid directly, the speed of the first money. */
function directPayment(input: PlanInput, n: number): PlanIndicator[] {
  const { month, register } = input;
  const sentMissing = registerMissing(input, "fsspDate", "даты направления в ССП");
  const sent = register.entries.filter((e) => inMonth(e.fsspDate, month));
  const receiptMissing = [...sentMissing];
  if (receiptMissing.length === 0 && !register.columns.has("receiptAttached"))
    receiptMissing.push("нет отметки «Квитанция с реквизитами взыскателя приложена» в реестре");
  const enforced = new Map<string, PlanEntry>();
  for (const e of register.entries)
    if (e.fsspDate && e.fsspDate <= periodEnd(month) && !(e.endDate && e.endDate < periodStart(month)))
      enforced.set(e.account, e);
  return [
    indicator(`${n}.1`, "direct-payment", "Направлено исполнительных документов в ССП", "count", sentMissing, () => ({
      fact: sent.length,
      rows: sent.map((e) => ref(e, e.fsspDate, e.claim)),
    })),
    indicator(
      `${n}.2`,
      "direct-payment",
      "Из них с квитанцией с реквизитами взыскателя",
      "count",
      receiptMissing,
      () => {
        const withReceipt = sent.filter((e) => e.receipt === true);
        const share = sent.length > 0 ? Math.round((withReceipt.length / sent.length) * 1000) / 10 : null;
        return {
          fact: withReceipt.length,
          target: sent.length,
          met: sent.length > 0 ? withReceipt.length === sent.length : null,
          extra:
            share === null
              ? "документы в месяце не направлялись"
              : `${withReceipt.length} из ${sent.length}, ${String(share).replace(".", ",")} %`,
          rows: sent.map((e) => ref(e, e.fsspDate, e.claim, e.receipt ? "квитанция приложена" : "без квитанции")),
        };
      },
    ),
    indicator(
      `${n}.3`,
      "direct-payment",
      "Поступило в месяце от должников по делам на исполнении в ССП",
      "money",
      [...sentMissing, ...paymentsMissing(input)],
      () => {
        const paid = paidInMonth(input, enforced);
        return { fact: paid.total, rows: paid.rows };
      },
    ),
    speedIndicator(input, `${n}.4`, [...sentMissing, ...paymentsMissing(input)]),
  ];
}

/** Median days to the first money for documents whose first money came this month, against the 12 months before. */
function speedIndicator(input: PlanInput, id: string, missing: string[]): PlanIndicator {
  const { month } = input;
  return indicator(id, "direct-payment", "Медиана дней от направления в ССП до первой оплаты", "days", missing, () => {
    const current: { e: PlanEntry; days: number }[] = [];
    const before: number[] = [];
    const earliest = addPeriods(month, -12);
    for (const e of input.register.entries) {
      const f = firstMoney(input, e);
      if (!f) continue;
      if (f.period === month) current.push({ e, days: f.days });
      else if (f.period < month && f.period >= earliest) before.push(f.days);
    }
    const cur = median(current.map((c) => c.days));
    const prev = median(before);
    return {
      fact: cur,
      target: prev,
      met: cur !== null && prev !== null ? cur <= prev : null,
      extra:
        cur === null
          ? "первых оплат в месяце не было"
          : prev === null
            ? "за прошлые 12 месяцев сравнить не с чем"
            : `за прошлые 12 месяцев — ${prev} дн. (${before.length} док.)`,
      rows: current.map((c) => ref(c.e, c.e.fsspDate, null, `${c.days} дн. до первой оплаты`)),
    };
  });
}

/** Measure 3: the reconciliations «Сверить» recorded in «Журнал сверок» this month. */
function reconciliation(input: PlanInput, n: number): PlanIndicator[] {
  const runs = (input.reconciliations ?? []).filter((r) => inMonth(r.date, input.month));
  const missing =
    input.reconciliations === null
      ? [`нет листа «${RECONCILIATION_LOG.sheet}»: сверки с ССП в надстройке не проводились`]
      : [];
  const runRef = (r: ReconciliationRun, amount: Kopecks | null, detail: string): PlanRowRef => ({
    sheet: RECONCILIATION_LOG.sheet,
    row: r.row,
    account: "",
    debtor: "",
    date: r.date,
    amount,
    detail,
  });
  return [
    indicator(`${n}.1`, "reconciliation", "Проведено сверок с ССП", "count", missing, () => ({
      fact: runs.length,
      target: 1,
      met: runs.length >= 1,
      rows: runs.map((r) => runRef(r, null, `наших производств: ${r.ours}`)),
    })),
    indicator(`${n}.2`, "reconciliation", "Сверено исполнительных производств", "count", missing, () => ({
      fact: sum(runs.map((r) => r.ours)),
      rows: runs.map((r) => runRef(r, null, `наших производств: ${r.ours}`)),
    })),
    indicator(
      `${n}.3`,
      "reconciliation",
      "Сведения об оплатах напрямую, переданные в ССП (сумма)",
      "money",
      missing,
      () => {
        const count = sum(runs.map((r) => r.paidDirectCount));
        return {
          fact: sum(runs.map((r) => r.paidDirectSum)),
          extra: `оплат: ${count}`,
          rows: runs.map((r) => runRef(r, r.paidDirectSum, `оплат напрямую: ${r.paidDirectCount}`)),
        };
      },
    ),
  ];
}

/** 229-ФЗ ст. 46 ч. 1 п. 3–4: returned because collecting is impossible (the act of impossibility). */
export function returnedImpossible(e: PlanEntry): boolean {
  if (e.status === "окончено — невозможно взыскание") return true;
  const r = e.endReason.toLowerCase();
  return /невозможн/.test(r) || (/46/.test(r) && /п\.?\s*[34]\b/.test(r));
}

/** Other measures a working group applies to a debtor, as clerks write them in the note. */
const OTHER_MEASURES: [string, RegExp][] = [
  ["выселение", /высел/],
  ["трудоустройство", /трудоустр/],
  ["реструктуризация", /реструктур/],
  ["рассрочка", /рассроч/],
  ["ограничение услуги", /ограничен|отключ|приостан/],
  ["банкротство", /банкрот/],
  ["запрет на выезд", /выезд/],
];

/** 229-ФЗ ст. 46 ч. 5: presented again no earlier than six months after the return (earlier on new property facts). */
const REPRESENT_AFTER_MONTHS = 6;

/** Measure 4: returned with an act of impossibility, presented again, waiting, other measures from the note. */
function returned(input: PlanInput, n: number): PlanIndicator[] {
  const { month, register } = input;
  const end = periodEnd(month);
  const endMissing = registerMissing(input, "endDate", "даты окончания (возврата) ИП");
  const reprMissing = registerMissing(input, "representDate", "даты повторного предъявления");
  const noteMissing = registerMissing(input, "note", "столбца «Примечание»");
  const back = register.entries.filter((e) => returnedImpossible(e) && e.endDate !== null && e.endDate <= end);
  const waiting = back.filter(
    (e) => !(e.representDate && e.representDate <= end) && addMonths(e.endDate!, REPRESENT_AFTER_MONTHS) <= end,
  );
  const measured = back.flatMap((e) => {
    const found = OTHER_MEASURES.filter(([, re]) => re.test(e.note.toLowerCase())).map(([name]) => name);
    return found.length > 0 ? [{ e, found }] : [];
  });
  return [
    indicator(`${n}.1`, "returned", "Возвращено с актом о невозможности взыскания", "count", endMissing, () => {
      const inM = back.filter((e) => inMonth(e.endDate, month));
      return { fact: inM.length, rows: inM.map((e) => ref(e, e.endDate, e.claim, e.endReason)) };
    }),
    indicator(`${n}.2`, "returned", "Повторно предъявлено в ССП", "count", reprMissing, () => {
      const again = register.entries.filter((e) => inMonth(e.representDate, month));
      return { fact: again.length, rows: again.map((e) => ref(e, e.representDate, e.claim)) };
    }),
    indicator(
      `${n}.3`,
      "returned",
      "Можно предъявить повторно, но не предъявлено",
      "count",
      [...endMissing, ...reprMissing],
      () => ({
        fact: waiting.length,
        extra: "прошло 6 месяцев после возврата (229-ФЗ ст. 46 ч. 5)",
        rows: waiting.map((e) => ref(e, e.endDate, e.claim, `возвращено ${e.endDate}`)),
      }),
    ),
    indicator(
      `${n}.4`,
      "returned",
      "Иные меры к должникам (из примечаний)",
      "count",
      [...endMissing, ...noteMissing],
      () => {
        const tally = new Map<string, number>();
        for (const m of measured) for (const f of m.found) tally.set(f, (tally.get(f) ?? 0) + 1);
        return {
          fact: measured.length,
          extra: [...tally].map(([k, v]) => `${k}: ${v}`).join("; "),
          rows: measured.map((m) => ref(m.e, m.e.endDate, m.e.claim, `${m.found.join(", ")} — ${m.e.note}`)),
        };
      },
    ),
  ];
}

const SETS: Record<PlanIndicatorSet, (input: PlanInput, n: number) => PlanIndicator[]> = {
  claims,
  "direct-payment": directPayment,
  reconciliation,
  returned,
};

/** The indicators of one measure (numbered `n` in the template). */
export function measureIndicators(set: PlanIndicatorSet, input: PlanInput, n: number): PlanIndicator[] {
  return SETS[set](input, n);
}
