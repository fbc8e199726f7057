/** `penalty --input FILE.json --as-of DATE [--json]`: one debtor's penalty calculation (ЖК РФ ст. 155 ч. 14). */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import {
  formatDateRu,
  formatPeriodRu,
  isIsoDate,
  isPeriod,
  periodStart,
  type IsoDate,
  type Period,
} from "../../domain/dates";
import { formatKopecksPlain, formatKopecksRu, parseAmount, type Kopecks } from "../../domain/money";
import { calculatePenalty, DEFAULT_PENALTY_SETTINGS, type PenaltySettings } from "../../domain/law/penalty";
import type { Charge, Payment } from "../../domain/law/allocation";
import { formatRateShort } from "../../domain/law/format";
import { InputError } from "../errors";
import { formatTable, printJson, printLines } from "../output";
import { parseCliDate } from "./duty";

const MIN_PERIOD = "2013-01";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function jsonDate(v: unknown, field: string): IsoDate {
  if (typeof v !== "string" || !isIsoDate(v))
    throw new InputError(`${field}: ${JSON.stringify(v)} — не дата (ожидается ГГГГ-ММ-ДД)`);
  if (v < "2013-01-01")
    throw new InputError(
      `${field}: ${formatDateRu(v)} — даты до 2013 года не поддерживаются (нет данных календаря и ставок)`,
    );
  return v;
}

function jsonPeriod(v: unknown, field: string): Period {
  if (typeof v !== "string" || !isPeriod(v))
    throw new InputError(`${field}: ${JSON.stringify(v)} — неизвестный формат периода (ожидается ГГГГ-ММ)`);
  if (v < MIN_PERIOD) throw new InputError(`${field}: ${v} — периоды до 2013 года не поддерживаются`);
  return v;
}

function jsonAmount(v: unknown, field: string): Kopecks {
  const kop = typeof v === "string" || typeof v === "number" ? parseAmount(v) : null;
  if (kop === null || (typeof v === "string" && v.trim() === ""))
    throw new InputError(`${field}: ${JSON.stringify(v)} — не сумма`);
  if (kop < 0) throw new InputError(`${field}: сумма не может быть отрицательной (${JSON.stringify(v)})`);
  return kop;
}

function jsonSettings(v: unknown): Partial<PenaltySettings> {
  if (v === undefined || v === null) return {};
  if (!isObject(v)) throw new InputError("settings: ожидается объект");
  const out: Partial<PenaltySettings> = {};
  for (const [key, value] of Object.entries(v)) {
    const field = `settings.${key}`;
    switch (key) {
      case "includePaymentDay":
      case "moratorium2022LastDayInside":
      case "moratoriumDaysAdvanceCounter":
        if (typeof value !== "boolean") throw new InputError(`${field}: ожидается true или false`);
        out[key] = value;
        break;
      case "rateMode":
        if (value !== "single" && value !== "split") throw new InputError(`${field}: ожидается "single" или "split"`);
        out.rateMode = value;
        break;
      case "rateDateForUnpaid":
        out.rateDateForUnpaid = value === null ? null : jsonDate(value, field);
        break;
      case "contractDay":
        if (value !== null && !(typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 31))
          throw new InputError(`${field}: ожидается число от 1 до 31 или null`);
        out.contractDay = value as number | null;
        break;
      case "excludedPeriods":
        if (!Array.isArray(value)) throw new InputError(`${field}: ожидается список`);
        out.excludedPeriods = value.map((e, i) => {
          const f = `${field}[${i}]`;
          if (!isObject(e)) throw new InputError(`${f}: ожидается объект {from, to, label}`);
          const from = jsonDate(e.from, `${f}.from`);
          const to = jsonDate(e.to, `${f}.to`);
          if (to < from) throw new InputError(`${f}.to: конец периода раньше начала`);
          return {
            from,
            to,
            label: typeof e.label === "string" && e.label.trim() ? e.label.trim() : "исключённый период",
          };
        });
        break;
      default:
        throw new InputError(
          `${field}: неизвестная настройка; допустимы: ${Object.keys(DEFAULT_PENALTY_SETTINGS).join(", ")}`,
        );
    }
  }
  return out;
}

function readPenaltyInput(file: string): {
  charges: Charge[];
  payments: Payment[];
  settings: Partial<PenaltySettings>;
} {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new InputError(`--input: файл «${file}» не найден или не читается`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputError(`${file}: не удалось прочитать JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObject(doc)) throw new InputError(`${file}: ожидается объект {"charges": [...], "payments": [...]}`);
  if (!Array.isArray(doc.charges)) throw new InputError("charges: ожидается список начислений");
  const payList = doc.payments ?? [];
  if (!Array.isArray(payList)) throw new InputError("payments: ожидается список оплат");
  const charges: Charge[] = doc.charges.map((c, i) => {
    if (!isObject(c)) throw new InputError(`charges[${i}]: ожидается объект {period, amount}`);
    return {
      period: jsonPeriod(c.period, `charges[${i}].period`),
      amount: jsonAmount(c.amount, `charges[${i}].amount`),
    };
  });
  const payments: Payment[] = payList.map((p, i) => {
    if (!isObject(p)) throw new InputError(`payments[${i}]: ожидается объект {date, amount, period}`);
    const date = jsonDate(p.date, `payments[${i}].date`);
    const period = p.period === null || p.period === undefined ? null : jsonPeriod(p.period, `payments[${i}].period`);
    if (period !== null && date < periodStart(period)) {
      throw new InputError(
        `payments[${i}].date: оплата ${formatDateRu(date)} раньше своего периода ${formatPeriodRu(period)}`,
      );
    }
    return { date, amount: jsonAmount(p.amount, `payments[${i}].amount`), period };
  });
  return { charges, payments, settings: jsonSettings(doc.settings) };
}

export function registerPenalty(program: Command): void {
  program
    .command("penalty")
    .description("расчёт пени по ЖК РФ ст. 155 ч. 14 для одного должника")
    .requiredOption(
      "--input <файл>",
      'JSON: {"charges":[{"period","amount"}],"payments":[{"date","amount","period"}],"settings":{…}}',
    )
    .requiredOption("--as-of <дата>", "дата расчёта (ГГГГ-ММ-ДД)")
    .option("--json", "вывести JSON")
    .action((opts: { input: string; asOf: string; json?: boolean }) => {
      const asOf = parseCliDate(opts.asOf, "--as-of");
      const input = readPenaltyInput(opts.input);
      const result = calculatePenalty({
        charges: input.charges,
        payments: input.payments,
        asOf,
        settings: input.settings,
      });
      if (opts.json) {
        printJson({
          asOf,
          total: formatKopecksPlain(result.total),
          settings: result.settings,
          assumptions: result.assumptions,
          rateNotes: result.rateNotes,
          byPeriod: [...result.byPeriod].map(([period, kop]) => ({ period, penalty: formatKopecksPlain(kop) })),
          overpaid: formatKopecksPlain(result.overpaid),
          rows: result.rows.map((r) => ({
            period: r.period,
            principal: formatKopecksPlain(r.principal),
            from: r.from,
            to: r.to,
            days: r.days,
            fraction: r.fraction,
            rate: r.ratePercent,
            moratorium: r.moratorium,
            penalty: formatKopecksPlain(r.penalty),
            formula: r.formula,
            dueDate: r.dueDate,
            paidOn: r.paidOn,
            rateDate: r.rateDate,
          })),
        });
        return;
      }
      printLines([
        `Расчёт пени на ${formatDateRu(asOf)}`,
        ...result.assumptions.map((a) => `• ${a}`),
        ...result.rateNotes.map((n) => `! ${n}`),
        "",
        ...formatTable(
          ["Период", "Долг", "С", "По", "Дней", "Доля", "Ставка", "Мораторий", "Пени"],
          result.rows.map((r) => [
            formatPeriodRu(r.period),
            formatKopecksRu(r.principal),
            formatDateRu(r.from),
            formatDateRu(r.to),
            String(r.days),
            r.fraction,
            `${formatRateShort(Math.round(r.ratePercent * 100))}%`,
            r.moratorium ?? "",
            formatKopecksRu(r.penalty),
          ]),
        ),
        "",
        `Итого пени: ${formatKopecksRu(result.total)} ₽ (итог округлён от точной суммы)`,
        ...(result.overpaid > 0 ? [`Переплата (не распределена): ${formatKopecksRu(result.overpaid)} ₽`] : []),
      ]);
    });
}
