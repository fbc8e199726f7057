import { describe, expect, it } from "vitest";
import {
  DEFAULT_PLAN_TEMPLATE,
  PlanTemplateError,
  TARGET_ROW_ID,
  historyTable,
  mergeHistory,
  parseHistory,
  validatePlanTemplate,
  type PlanIndicator,
} from "../../../src/domain/plan";

describe("plan template", () => {
  it("the default template is the district plan: seven columns, four measures, the approval block", () => {
    const t = validatePlanTemplate(JSON.parse(JSON.stringify(DEFAULT_PLAN_TEMPLATE)));
    expect(t.columns[0]).toBe("№ п/п");
    expect(t.columns[6]).toBe("Срок");
    expect(t.measures.map((m) => m.computes)).toEqual(["claims", "direct-payment", "reconciliation", "returned"]);
    expect(t.measures[3].indicator).toBe("выселение, трудоустройство и т.д.");
    expect(t.approval[0]).toBe("УТВЕРЖДАЮ:");
    expect(t.section).toBe("Обеспечение снижения роста задолженности за жилищно-коммунальные услуги");
  });

  it("another municipality's wording is accepted as data", () => {
    const other = {
      ...DEFAULT_PLAN_TEMPLATE,
      title: "План работы с задолженностью на 2027 год",
      measures: [{ ...DEFAULT_PLAN_TEMPLATE.measures[0], name: "Судебные приказы", indicator: "от {цель} руб." }],
    };
    expect(validatePlanTemplate(other).measures[0].name).toBe("Судебные приказы");
  });

  it("a broken template is refused with every problem named in Russian", () => {
    const bad = { ...DEFAULT_PLAN_TEMPLATE, columns: ["№"], measures: [{ number: "1", computes: "money" }] };
    try {
      validatePlanTemplate(bad);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PlanTemplateError);
      const problems = (err as PlanTemplateError).problems;
      expect(problems).toContain("«columns» — ровно 7 заголовков столбцов (№, наименование … срок)");
      expect(problems).toContain("мероприятие 1: нет поля «name» (наименование мероприятия)");
      expect(problems.some((p) => p.startsWith("мероприятие 1: «computes»"))).toBe(true);
    }
    expect(() => validatePlanTemplate([])).toThrow(/не объект/);
  });
});

function ind(id: string, fact: number | null, unit: PlanIndicator["unit"] = "count"): PlanIndicator {
  return {
    id,
    set: "claims",
    label: `показатель ${id}`,
    unit,
    fact,
    target: null,
    met: null,
    extra: "",
    missing: [],
    rows: [],
  };
}

describe("history «План — динамика»", () => {
  const target = { label: "Цель плана (мера 1)", value: 700_000_00 };

  it("replaces only the month's column and keeps the months reported before", () => {
    let h = mergeHistory(parseHistory([]), "2026-02", [ind("1.1", 4), ind("1.2", 500_000_00, "money")], target);
    h = mergeHistory(h, "2026-03", [ind("1.1", 3), ind("1.2", 700_000_00, "money")], target);
    // the sheet as written (money in roubles, as a money cell reads back) then read again
    const t = historyTable(h);
    const sheet = [
      t.header,
      ...t.rows.map((r) => [
        r.row.id,
        r.row.label,
        r.row.unit === "money" ? "руб." : "шт.",
        ...r.cells.map((c) => (c === null ? null : r.row.unit === "money" ? c / 100 : c)),
      ]),
    ];
    expect(sheet[0]).toEqual(["№", "Показатель", "Ед.", "02.2026", "03.2026"]);
    const again = mergeHistory(parseHistory(sheet), "2026-02", [ind("1.1", 5), ind("1.2", null, "money")], target);
    expect(again.months).toEqual(["2026-02", "2026-03"]);
    expect(again.values.get("1.1")).toEqual(
      new Map([
        ["2026-02", 5],
        ["2026-03", 3],
      ]),
    );
    // a figure that became unknown is removed, not written as zero
    expect(again.values.get("1.2")).toEqual(new Map([["2026-03", 700_000_00]]));
    expect(again.rows.map((r) => r.id)).toEqual([TARGET_ROW_ID, "1.1", "1.2"]);
  });
});
