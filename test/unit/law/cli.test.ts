/** The `duty` and `penalty` commands run as a user runs them (a child process), JSON output and exit codes. */
import { describe, expect, it, beforeAll } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "../../fixtures/cli";

let dir = "";
function inputFile(name: string, content: unknown): string {
  const f = join(dir, name);
  writeFileSync(f, typeof content === "string" ? content : JSON.stringify(content), "utf8");
  return f;
}
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "law-cli-"));
});

describe("duty", () => {
  it("150 000 ₽ court order on 01.03.2025: (4 000 + 3% × 50 000) / 2 = 2 750", () => {
    const r = cli("duty", "--amount", "150000", "--date", "2025-03-01", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      amount: "150000.00",
      date: "2025-03-01",
      kind: "court-order",
      court: "general",
      duty: "2750.00",
    });
    expect(doc.basis).toContain("333.19");
  });

  it("a claim in an arbitration court, and exit 2 for a negative amount or an old date", () => {
    // new 333.21: 10 000 + 5% × 50 000 = 12 500
    expect(
      JSON.parse(
        cli("duty", "--amount", "150000", "--date", "2025-03-01", "--kind", "claim", "--court", "arbitration", "--json")
          .stdout,
      ).duty,
    ).toBe("12500.00");
    const neg = cli("duty", "--amount", "-5", "--date", "2025-03-01");
    expect(neg.code).toBe(2);
    expect(neg.stderr).toContain("--amount");
    const old = cli("duty", "--amount", "5000", "--date", "2012-12-31");
    expect(old.code).toBe(2);
    expect(old.stderr).toContain("--date");
  });
});

describe("penalty", () => {
  it("prints the JSON table", () => {
    // 10 000 due 10.02.2023 paid 30.06.2023: 150,00 (60 days 1/300 at 7,5%) + 288,46 (50 days 1/130) = 438,46
    const f = inputFile("ok.json", {
      charges: [{ period: "2023-01", amount: "10000.00" }],
      payments: [{ date: "2023-06-30", amount: "10000.00", period: null }],
    });
    const r = cli("penalty", "--input", f, "--as-of", "2023-12-31", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.asOf).toBe("2023-12-31");
    expect(doc.total).toBe("438.46");
    expect(doc.settings).toMatchObject({ includePaymentDay: true, rateMode: "single" });
    expect(doc.rows).toEqual([
      expect.objectContaining({
        period: "2023-01",
        principal: "10000.00",
        from: "2023-03-13",
        to: "2023-05-11",
        days: 60,
        fraction: "1/300",
        rate: 7.5,
        moratorium: null,
        penalty: "150.00",
      }),
      expect.objectContaining({ from: "2023-05-12", to: "2023-06-30", days: 50, fraction: "1/130", penalty: "288.46" }),
    ]);
  });

  it("prints a readable Russian table and warns about the last key-rate row", () => {
    const f = inputFile("late.json", { charges: [{ period: "2026-06", amount: "1000.00" }], payments: [] });
    const r = cli("penalty", "--input", f, "--as-of", "2026-11-28");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Итого пени:");
    expect(r.stdout).toContain(
      "Ставка 14,00% действует с 27.07.2026 — последняя строка таблицы; проверьте, не изменилась ли она.",
    );
  });

  it.each([
    ["period", { charges: [{ period: "январь 2023", amount: "1.00" }] }, "charges[0].period"],
    ["amount", { charges: [{ period: "2023-01", amount: "-1.00" }] }, "charges[0].amount"],
    [
      "old date",
      {
        charges: [{ period: "2023-01", amount: "1.00" }],
        payments: [{ date: "2012-05-01", amount: "1.00", period: null }],
      },
      "payments[0].date",
    ],
    [
      "payment before its period",
      {
        charges: [{ period: "2023-01", amount: "1.00" }],
        payments: [
          { date: "2023-03-01", amount: "1.00", period: "2023-01" },
          { date: "2023-01-20", amount: "1.00", period: "2023-02" },
        ],
      },
      "payments[1].date",
    ],
    ["setting", { charges: [], settings: { rateMode: "daily" } }, "settings.rateMode"],
  ])("exit 2 for a bad %s, naming the field", (_name, content, field) => {
    const r = cli("penalty", "--input", inputFile(`bad-${_name}.json`, content), "--as-of", "2023-12-31", "--json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(field);
    expect(r.stdout).toBe("");
  });

  it("exit 2 for unreadable JSON and a missing file", () => {
    const bad = cli("penalty", "--input", inputFile("broken.json", "{charges: ["), "--as-of", "2023-12-31");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("JSON");
    const missing = cli("penalty", "--input", join(dir, "nope.json"), "--as-of", "2023-12-31");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--input");
  });
});
