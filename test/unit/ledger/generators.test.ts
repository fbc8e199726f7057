/**
 * Cross-check against the project's independent sheet generators (test/generators): each generated ledger is
 * recognised with its layout, header row and row count, and each planted defect is found — exactly it, at its cell.
 */
import { describe, expect, it } from "vitest";
import { monthColumnsSheet, monthlyRowsSheet, turnoverSheet, type GeneratedLedger } from "../../generators";
import { recognizeLedger, validateLedger } from "../../../src/domain/ledger";

type Make = (seed: number, defects?: Record<string, number>) => GeneratedLedger;

const SHEETS: [string, Make, string[]][] = [
  [
    "turnover",
    (seed, defects) => turnoverSheet({ seed, accounts: 60, defects }),
    [
      "account.missing",
      "account.duplicate",
      "amount.invalid",
      "balance.mismatch",
      "name.missing",
      "address.missing",
      "id.snils-invalid",
      "id.inn-invalid",
    ],
  ],
  [
    "turnover × services",
    (seed, defects) => turnoverSheet({ seed, accounts: 30, services: true, defects }),
    ["account.missing", "amount.invalid", "balance.mismatch", "name.missing", "address.missing"],
  ],
  [
    "monthly rows",
    (seed, defects) => monthlyRowsSheet({ seed, accounts: 8, defects }),
    ["account.missing", "amount.invalid", "balance.mismatch", "name.missing", "address.missing", "period.invalid"],
  ],
  [
    "monthly rows, date periods",
    (seed, defects) => monthlyRowsSheet({ seed, accounts: 8, periodStyle: "date", defects }),
    ["balance.mismatch", "period.invalid"],
  ],
  [
    "month columns",
    (seed, defects) => monthColumnsSheet({ seed, accounts: 20, defects }),
    ["account.missing", "account.duplicate", "amount.invalid", "balance.mismatch", "name.missing", "address.missing"],
  ],
  [
    "month columns, debt",
    (seed, defects) => monthColumnsSheet({ seed, accounts: 20, kind: "debt", defects }),
    ["account.missing", "account.duplicate", "amount.invalid", "name.missing", "address.missing"],
  ],
];

function run(g: GeneratedLedger) {
  const ledger = recognizeLedger(g.grid);
  return { ledger, findings: validateLedger(ledger, { today: "2026-11-28" }) };
}

describe.each(SHEETS)("generated %s", (_name, make, kinds) => {
  it("a clean sheet: layout, header row, data rows, no findings", () => {
    for (const seed of [1, 2]) {
      const g = make(seed);
      const { ledger, findings } = run(g);
      expect(ledger.layout).toBe(g.layout);
      expect(ledger.headerRow).toBe(g.headerRow);
      expect(ledger.rows.data).toBe(g.dataRows);
      expect(findings).toEqual([]);
    }
  });

  it.each(kinds)("planted %s is found exactly", (kind) => {
    for (const seed of [3, 4]) {
      const g = make(seed, { [kind]: 1 });
      const { findings } = run(g);
      expect(findings.map((f) => `${f.code} ${f.cell}`)).toEqual(g.defects.map((d) => `${d.kind} ${d.cell}`));
    }
  });
});
