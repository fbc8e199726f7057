/** `duty --amount RUB --date DATE [--kind court-order|claim] [--court general|arbitration] [--keep-kopecks] [--json]`. */
import { Option, type Command } from "commander";
import { formatDateRu, isIsoDate, parseRuDate, type IsoDate } from "../../domain/dates";
import { formatKopecksPlain, formatKopecksRu, parseAmount, type Kopecks } from "../../domain/money";
import { courtOrderLimitText, stateDuty, type Court, type DutyKind } from "../../domain/law/duty";
import { InputError } from "../errors";
import { printJson, printLines } from "../output";

const MIN_DATE = "2013-01-01";

/** A CLI date: ISO or DD.MM.YYYY, not before 2013 (the law data start there). */
export function parseCliDate(text: string, field: string): IsoDate {
  const iso = isIsoDate(text.trim())
    ? text.trim()
    : /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(text.trim())
      ? parseRuDate(text)
      : null;
  if (!iso) throw new InputError(`${field}: «${text}» — не дата (ожидается ГГГГ-ММ-ДД)`);
  if (iso < MIN_DATE)
    throw new InputError(
      `${field}: ${formatDateRu(iso)} — даты до 2013 года не поддерживаются (нет данных календаря и ставок)`,
    );
  return iso;
}

export function parseCliAmount(text: string, field: string): Kopecks {
  const kop = parseAmount(text);
  if (kop === null) throw new InputError(`${field}: «${text}» — не сумма`);
  if (kop < 0) throw new InputError(`${field}: сумма не может быть отрицательной («${text}»)`);
  return kop;
}

export function registerDuty(program: Command): void {
  program
    .command("duty")
    .description("государственная пошлина за судебный приказ или иск (НК РФ ст. 333.19, 333.21)")
    .requiredOption("--amount <руб>", "цена иска в рублях (основной долг + пени)")
    .requiredOption("--date <дата>", "дата подачи заявления (ГГГГ-ММ-ДД)")
    .addOption(
      new Option("--kind <вид>", "судебный приказ или иск").choices(["court-order", "claim"]).default("court-order"),
    )
    .addOption(
      new Option("--court <суд>", "суд общей юрисдикции или арбитражный")
        .choices(["general", "arbitration"])
        .default("general"),
    )
    .option("--keep-kopecks", "не округлять до рубля")
    .option("--json", "вывести JSON")
    .action(
      (opts: { amount: string; date: string; kind: DutyKind; court: Court; keepKopecks?: boolean; json?: boolean }) => {
        const claim = parseCliAmount(opts.amount, "--amount");
        const date = parseCliDate(opts.date, "--date");
        const result = stateDuty({
          claim,
          filingDate: date,
          kind: opts.kind,
          court: opts.court,
          keepKopecks: !!opts.keepKopecks,
        });
        if (!result.courtOrderAllowed) {
          throw new InputError(
            `--amount: ${formatKopecksRu(claim)} ₽ — больше предела: ${courtOrderLimitText(opts.court, date)}; для иска укажите --kind claim`,
          );
        }
        if (opts.json) {
          printJson({
            amount: formatKopecksPlain(claim),
            date,
            kind: opts.kind,
            court: opts.court,
            duty: formatKopecksPlain(result.duty),
            basis: result.basis,
            claimDuty: formatKopecksPlain(result.claimDuty),
          });
          return;
        }
        printLines([
          `Госпошлина за ${opts.kind === "court-order" ? "заявление о выдаче судебного приказа" : "исковое заявление"} (${opts.court === "general" ? "суд общей юрисдикции" : "арбитражный суд"})`,
          `Цена иска: ${formatKopecksRu(claim)} ₽; дата подачи: ${formatDateRu(date)}`,
          `Пошлина: ${formatKopecksRu(result.duty)} ₽`,
          `Основание: ${result.basis}`,
        ]);
      },
    );
}
