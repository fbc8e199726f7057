import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ledgerWorkbook } from "./workbooks";
import { cli, fileSha } from "../../fixtures/cli";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "zhku-candidates-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("zhku-collect candidates", () => {
  it("prints the candidates as JSON and leaves the file unchanged", async () => {
    const file = join(dir, "ledger.xlsx");
    writeFileSync(file, await ledgerWorkbook("per-month-rows"));
    const before = fileSha(file);
    const r = cli("candidates", file, "--as-of", "2025-04-30", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // amounts worked out in findCandidates.test.ts; rows: 0001 starts on row 5, 0002 on row 9 (four months each)
    expect(JSON.parse(r.stdout)).toEqual({
      asOf: "2025-04-30",
      rule: { multiple: 2, windowMonths: 12 },
      candidates: [
        {
          account: "0001",
          debtor: "Иванов Иван Иванович",
          row: 5,
          debt: "4000.00",
          averageMonthly: "1000.00",
          ratio: 4,
          route: "court-order",
          principal: "4000.00",
          penalty: "22.17",
          stateDuty: "2000.00",
          timeBarred: "0.00",
          claim: "4022.17",
          warnings: [
            "не хватает данных для заявления (ГПК 124): дата рождения, место рождения, идентификатор (СНИЛС, ИНН или паспорт)",
          ],
        },
        {
          account: "0002",
          debtor: "Орлов Дмитрий Сергеевич",
          row: 9,
          debt: "3000.00",
          averageMonthly: "1000.00",
          ratio: 3,
          route: "court-order",
          principal: "3000.00",
          penalty: "12.98",
          stateDuty: "2000.00",
          timeBarred: "0.00",
          claim: "3012.98",
          warnings: [
            "не хватает данных для заявления (ГПК 124): дата рождения, место рождения, идентификатор (СНИЛС, ИНН или паспорт)",
          ],
        },
      ],
      totals: { count: 2, principal: "7000.00", penalty: "35.15", stateDuty: "4000.00", claim: "7035.15" },
      target: { monthly: "700000.00", covered: "7035.15" },
    });
    expect(fileSha(file)).toBe(before);
  });

  it("prints a readable summary without --json", async () => {
    const file = join(dir, "accounts.xlsx");
    writeFileSync(file, await ledgerWorkbook("per-account"));
    const r = cli("candidates", file, "--as-of", "2025-04-30");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Кандидаты на судебный приказ");
    expect(r.stdout).toContain("0001");
  });

  it("exits with 2 and a Russian message on bad input", async () => {
    const file = join(dir, "ledger2.xlsx");
    writeFileSync(file, await ledgerWorkbook("per-account"));
    const badDate = cli("candidates", file, "--as-of", "30-04-2025", "--json");
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("--as-of");
    const noSheet = cli("candidates", file, "--as-of", "2025-04-30", "--sheet", "Нет такого");
    expect(noSheet.code).toBe(2);
    expect(noSheet.stderr).toContain("нет листа «Нет такого»");
    const missing = cli("candidates", join(dir, "missing.xlsx"), "--as-of", "2025-04-30");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("не найден");
  });
});
