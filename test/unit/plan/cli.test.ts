/**
 * `plan` and `run` on the bundled example workbook: the JSON contract, Russian input errors, and the monthly run
 * writing every add-in sheet while the user's sheets keep each value and formula — the same contents on a second
 * run apart from the report's date.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../../src/cli/main";
import { OWN_SHEETS } from "../../../src/workbook/port";
import { DEFAULT_PLAN_TEMPLATE } from "../../../src/domain/plan";

const SAMPLE = "assets/sample/sample-zhku.xlsx";
let dir: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Every cell of every sheet: value (formulas as {formula}) by sheet name. */
async function cells(path: string): Promise<Map<string, Map<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, Map<string, unknown>>();
  wb.eachSheet((ws) => {
    const m = new Map<string, unknown>();
    ws.eachRow((row) => row.eachCell((c) => m.set(c.address, JSON.parse(JSON.stringify(c.value)))));
    out.set(ws.name, m);
  });
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "zhku-plan-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("plan --json", () => {
  it("February 2026 on the example: one application (row 4) for 61 782,90 ₽ against 700 000,00 ₽", async () => {
    const r = await cli("plan", SAMPLE, "--month", "2026-02", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.month).toBe("2026-02");
    const byId = new Map(doc.measures.map((m: { id: string }) => [m.id, m]));
    expect(byId.get("1.2")).toMatchObject({
      n: 1,
      target: "700000.00",
      fact: "61782.90",
      met: false,
      count: 1,
      missing: [],
      rows: [{ sheet: "Судебная работа", row: 4, account: "1020012", date: "2026-02-10", amount: "61782.90" }],
    });
    // the example's ledger is one row per account for a whole period: no money by month
    expect(byId.get("1.3")).toMatchObject({
      fact: null,
      met: null,
      missing: ["нет оплат по месяцам в реестре должников"],
    });
    // «Дата направления в ССП» 02.02.2026 (row 3)
    expect(byId.get("2.1")).toMatchObject({ n: 2, fact: 1, rows: [{ row: 3 }] });
    expect(byId.get("3.1")).toMatchObject({ n: 3, fact: null, met: null });
    expect([...byId.keys()]).toHaveLength(14);
  });

  it("a wrong month is bad input (exit 2) with a Russian message", async () => {
    const r = await cli("plan", SAMPLE, "--month", "2026-13");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--month: «2026-13» — не месяц (ожидается ГГГГ-ММ");
  });
});

describe("plan --template", () => {
  it("another municipality's wording and a broken template (exit 2, the file and the problem named)", async () => {
    const own = join(dir, "plan-2027.json");
    writeFileSync(
      own,
      JSON.stringify({
        ...DEFAULT_PLAN_TEMPLATE,
        measures: [
          { ...DEFAULT_PLAN_TEMPLATE.measures[0], name: "Приказное производство", indicator: "от {цель} руб." },
        ],
      }),
    );
    const r = await cli("plan", SAMPLE, "--month", "2026-02", "--template", own);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\u00a0/g, " ")).toContain("1. Приказное производство — от 700 000 руб.");
    expect(r.stdout).not.toContain("2. Погашение");

    const bad = join(dir, "broken.json");
    writeFileSync(bad, JSON.stringify({ ...DEFAULT_PLAN_TEMPLATE, columns: ["№"] }));
    const e = await cli("plan", SAMPLE, "--month", "2026-02", "--template", bad);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain("broken.json: Шаблон плана мероприятий не подходит: «columns» — ровно 7 заголовков");
  });
});

describe("run", () => {
  it("writes every add-in sheet, keeps the user's sheets, and gives the same contents twice", async () => {
    const one = join(dir, "one.xlsx");
    const two = join(dir, "two.xlsx");
    const r1 = await cli("run", SAMPLE, "--as-of", "2026-02-28", "--out", one, "--json");
    expect(r1.code).toBe(0);
    const doc = JSON.parse(r1.stdout);
    expect(doc.steps.map((s: { step: string; status: string }) => [s.step, s.status])).toEqual([
      ["check", "done"],
      ["candidates", "done"],
      ["reconcile", "done"],
      ["plan", "done"],
    ]);
    expect((await cli("run", SAMPLE, "--as-of", "2026-02-28", "--out", two)).code).toBe(0);

    const input = await cells(SAMPLE);
    const a = await cells(one);
    const b = await cells(two);
    for (const name of [OWN_SHEETS.check, OWN_SHEETS.candidates, OWN_SHEETS.reconcile, OWN_SHEETS.plan])
      expect(a.has(name), name).toBe(true);
    expect(a.has(OWN_SHEETS.planDetail) && a.has(OWN_SHEETS.planHistory)).toBe(true);
    for (const [name, sheet] of input) expect(a.get(name), name).toEqual(sheet);
    expect([...a.keys()]).toEqual([...b.keys()]);
    // the only differences allowed: when the report was made and the reconciliation run's key (its timestamp)
    const stamp = (v: unknown) =>
      typeof v === "string" && (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) || /сформирован \d{2}\.\d{2}\.\d{4}/.test(v));
    let compared = 0;
    for (const [name, sheet] of a) {
      const other = b.get(name)!;
      expect(other.size, name).toBe(sheet.size);
      for (const [addr, v] of sheet) {
        if (stamp(v)) continue;
        expect(other.get(addr), `${name}!${addr}`).toEqual(v);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("refuses to write over its input", async () => {
    const r = await cli("run", SAMPLE, "--as-of", "2026-02-28", "--out", SAMPLE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("это исходная книга");
  });
});
