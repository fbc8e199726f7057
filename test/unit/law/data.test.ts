/** The law data tables: generated module in sync with the CSVs, key-rate rows sound, calendar rows valid. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { isIsoDate, weekday } from "../../../src/domain/dates";
import { CALENDAR_ROWS, KEY_RATE_ROWS } from "../../../src/domain/law/tables";
import { RATE_CAPS, MORATORIA, DUTY_SCALES } from "../../../src/domain/law/rules";
// @ts-expect-error — plain JS generator script without type declarations
import { OUTPUT, readCsvs, renderTables } from "../../../scripts/gen-law-data.mjs";

describe("generated tables", () => {
  it("tables.generated.ts matches the CSVs (run `node scripts/gen-law-data.mjs` after editing a CSV)", () => {
    expect(readFileSync(OUTPUT, "utf8")).toBe(renderTables(readCsvs()));
  });
});

describe("key-rate-ru.csv", () => {
  it("rows are valid, strictly sorted by date (no duplicates) and each has a source", () => {
    expect(KEY_RATE_ROWS.length).toBeGreaterThan(60);
    for (let i = 0; i < KEY_RATE_ROWS.length; i++) {
      const r = KEY_RATE_ROWS[i];
      expect(isIsoDate(r.effectiveFrom), r.effectiveFrom).toBe(true);
      expect(r.bp).toBeGreaterThan(0);
      expect(r.source.length, r.effectiveFrom).toBeGreaterThan(10);
      if (i > 0) expect(r.effectiveFrom > KEY_RATE_ROWS[i - 1].effectiveFrom, r.effectiveFrom).toBe(true);
    }
  });

  it("has no gaps: consecutive rows change the value, and the table covers 2016 onwards from a row before 2016", () => {
    for (let i = 1; i < KEY_RATE_ROWS.length; i++)
      expect(KEY_RATE_ROWS[i].bp, KEY_RATE_ROWS[i].effectiveFrom).not.toBe(KEY_RATE_ROWS[i - 1].bp);
    expect(KEY_RATE_ROWS[0].effectiveFrom < "2016-01-01").toBe(true);
  });

  it("holds the well-known values", () => {
    const on = (d: string) => KEY_RATE_ROWS.find((r) => r.effectiveFrom === d)?.bp;
    expect(on("2022-02-28")).toBe(2000);
    expect(on("2024-10-28")).toBe(2100);
    expect(on("2026-07-27")).toBe(1400);
  });
});

describe("ru-calendar.csv", () => {
  it("rows are valid dates, sorted, unique; holidays fall on Mon–Fri and working days on Sat/Sun", () => {
    expect(CALENDAR_ROWS.length).toBeGreaterThan(150);
    for (let i = 0; i < CALENDAR_ROWS.length; i++) {
      const r = CALENDAR_ROWS[i];
      expect(isIsoDate(r.date), r.date).toBe(true);
      if (i > 0) expect(r.date > CALENDAR_ROWS[i - 1].date, r.date).toBe(true);
      const wd = weekday(r.date);
      if (r.kind === "holiday") expect(wd >= 1 && wd <= 5, `${r.date} holiday on a weekend`).toBe(true);
      else {
        expect(r.kind).toBe("workday");
        expect(wd === 0 || wd === 6, `${r.date} workday on a weekday`).toBe(true);
      }
      expect(r.source.length).toBeGreaterThan(0);
    }
  });
});

describe("rules.ts", () => {
  it("caps are contiguous from 28.02.2022 to 31.12.2026 and each names its act", () => {
    expect(RATE_CAPS[0].from).toBe("2022-02-28");
    expect(RATE_CAPS[RATE_CAPS.length - 1].to).toBe("2026-12-31");
    for (const c of RATE_CAPS) expect(c.act).toMatch(/ПП/);
  });
  it("moratoria and duty scales are dated", () => {
    expect(MORATORIA.map((m) => [m.from, m.to])).toEqual([
      ["2020-04-06", "2020-12-31"],
      ["2022-04-01", "2022-10-01"],
    ]);
    for (const s of DUTY_SCALES) expect(s.from <= s.to).toBe(true);
  });
});
