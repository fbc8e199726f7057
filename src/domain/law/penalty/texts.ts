/** The Russian texts of a calculation: what was assumed (the table's header) and which rates were applied. */
import { addPeriods, formatDateRu, formatPeriodRu, type IsoDate } from "../../dates";
import { formatRateFull, formatRateShort } from "../format";
import { KEY_RATE_LAST_ROW, penaltyRateOn } from "../keyRate";
import { DUE_DAY_RULES, RATE_CAPS } from "../rules";
import { iso } from "./detailRows";
import type { Prepared } from "./prepare";
import type { PenaltyRow, PenaltySettings } from "./settings";

/** «по дате ставки 28.02.2022–31.07.2022 — 9,5%, 01.08.2022–31.12.2026 — меньшая из 9,5% и ключевой (ПП РФ № 474, 1681, 2479, 2382, 329)» */
function capSummary(): string {
  const parts: string[] = [];
  let i = 0;
  while (i < RATE_CAPS.length) {
    let j = i;
    while (
      j + 1 < RATE_CAPS.length &&
      RATE_CAPS[j + 1].mode === RATE_CAPS[i].mode &&
      RATE_CAPS[j + 1].capBp === RATE_CAPS[i].capBp
    )
      j++;
    const cap = formatRateShort(RATE_CAPS[i].capBp);
    parts.push(
      `${formatDateRu(RATE_CAPS[i].from)}–${formatDateRu(RATE_CAPS[j].to)} — ${RATE_CAPS[i].mode === "fixed" ? `${cap}%` : `меньшая из ${cap}% и ключевой`}`,
    );
    i = j + 1;
  }
  const numbers = [...new Set(RATE_CAPS.flatMap((c) => [...c.act.matchAll(/№ (\d+)/g)].map((m) => m[1])))];
  return `ставка ограничена по дате ставки: ${parts.join("; ")} (ПП РФ № ${numbers.join(", ")})`;
}

export function assumptionLines(s: PenaltySettings, asOf: IsoDate): string[] {
  const lines: string[] = [];
  lines.push(
    `Расчёт на ${formatDateRu(asOf)} по ЖК РФ ст. 155 ч. 14: 30 дней без пени, с 31-го по 90-й день — 1/300 ставки, с 91-го дня — 1/130; по платежам со сроком оплаты до 01.01.2016 — 1/300 с первого дня просрочки.`,
  );
  const newRule = DUE_DAY_RULES[DUE_DAY_RULES.length - 1];
  lines.push(
    s.contractDay
      ? `Срок оплаты: до ${s.contractDay}-го числа следующего месяца по договору (за периоды по ${formatPeriodRu(addPeriods(newRule.fromPeriod, -1))} включительно), с платы за ${formatPeriodRu(newRule.fromPeriod)} — до ${newRule.day}-го (177-ФЗ); нерабочий день переносится на следующий рабочий (ГК РФ ст. 193).`
      : `Срок оплаты: до 10-го числа следующего месяца (ЖК РФ ст. 155 ч. 1), с платы за ${formatPeriodRu(newRule.fromPeriod)} — до ${newRule.day}-го (177-ФЗ); нерабочий день переносится на следующий рабочий (ГК РФ ст. 193).`,
  );
  lines.push(
    s.includePaymentDay
      ? "День оплаты включается в период просрочки."
      : "День оплаты не включается в период просрочки.",
  );
  lines.push(
    "Оплата без указания периода засчитывается в самый ранний неоплаченный период (ГК РФ ст. 319.1); на пени оплата не направляется.",
  );
  lines.push(
    s.rateMode === "single"
      ? `Ставка: единая для каждой суммы — действующая на день оплаты, для неоплаченного остатка — на ${formatDateRu(s.rateDateForUnpaid ?? asOf)} (ЖК РФ ст. 155 ч. 14).`
      : "Ставка: разбивка по периодам ставки — для каждого подпериода ставка, действовавшая в эти дни (альтернативный способ; ЖК РФ ст. 155 ч. 14 предусматривает единую ставку на день оплаты).",
  );
  lines.push(
    `Ставка до 01.01.2016 — ставка рефинансирования 8,25%, с 01.01.2016 — ключевая ставка Банка России; ${capSummary()}.`,
  );
  lines.push("Мораторий 06.04.2020–31.12.2020 (ПП РФ № 424): пени не начисляются по всем долгам.");
  lines.push(
    `Мораторий 01.04.2022–${s.moratorium2022LastDayInside ? "01.10.2022 включительно" : "30.09.2022 (01.10.2022 — вне моратория)"} (ПП РФ № 497): пени не начисляются по долгам со сроком оплаты до 01.04.2022.`,
  );
  lines.push(
    s.moratoriumDaysAdvanceCounter
      ? "Дни моратория учитываются в счёте 30/90 дней просрочки."
      : "Дни моратория не учитываются в счёте 30/90 дней просрочки.",
  );
  for (const e of s.excludedPeriods)
    lines.push(`Исключённый период ${formatDateRu(e.from)}–${formatDateRu(e.to)}: ${e.label} — пени не начисляются.`);
  lines.push(
    "Пени начисляются только на основной долг, не на пени; итог округлён от точной суммы (до копейки, половина вверх).",
  );
  return lines;
}

export function rateNoteLines(p: Prepared, rows: PenaltyRow[]): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  const add = (key: string, text: string) => {
    if (!seen.has(key)) {
      seen.add(key);
      notes.push(text);
    }
  };
  const unpaidDate = iso(p.unpaidRateDn);
  const describe = (date: IsoDate) => {
    const r = penaltyRateOn(date);
    const base =
      r.source === "refinancing"
        ? `ставка рефинансирования ${formatRateFull(r.rawBp)}%`
        : `ключевая ставка ${formatRateFull(r.rawBp)}% (действует с ${formatDateRu(r.since)})`;
    const cap =
      r.cap && r.bp !== r.rawBp
        ? `; применено ${formatRateShort(r.bp)}% (${r.cap.act})`
        : r.cap
          ? `; ограничение ${r.cap.act} не снижает ставку`
          : "";
    return base + cap;
  };
  if (p.settings.rateMode === "single" && rows.some((r) => r.paidOn === null && r.moratorium === null)) {
    add("unpaid", `Ставка для неоплаченного остатка на ${formatDateRu(unpaidDate)}: ${describe(unpaidDate)}.`);
  }
  for (const r of rows) {
    if (r.moratorium !== null) continue;
    const info = penaltyRateOn(r.rateDate);
    // in the split mode a row's days after the last table row use that row too
    if (info.beyondTable || (p.settings.rateMode === "split" && r.to > KEY_RATE_LAST_ROW.date)) {
      add(
        "beyond",
        `Ставка ${formatRateFull(KEY_RATE_LAST_ROW.bp)}% действует с ${formatDateRu(KEY_RATE_LAST_ROW.date)} — последняя строка таблицы; проверьте, не изменилась ли она.`,
      );
    }
    if (info.cap && info.bp !== info.rawBp)
      add(
        `cap:${info.cap.act}:${info.rawBp}`,
        `${info.cap.act}: вместо ${formatRateFull(info.rawBp)}% применено ${formatRateShort(info.bp)}%.`,
      );
  }
  return notes;
}
