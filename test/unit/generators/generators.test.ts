import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { formatKopecksRu, parseAmount } from "../../../src/domain/money";
import { parsePeriod } from "../../../src/domain/dates";
import {
  Prng,
  buildLedgerModel,
  canonicalFromModel,
  courtRegisterSheet,
  femaleSurname,
  gridsToXlsx,
  isValidPersonInn,
  isValidSnils,
  monthColumnsSheet,
  monthlyRowsSheet,
  moneyText,
  personInn,
  randomPerson,
  turnoverSheet,
} from "../../generators";
import type { GeneratedLedger } from "../../generators";

/** Amount of a cell as a user reads it (text), kopecks; an empty cell is 0. */
function amount(g: GeneratedLedger, r: number, c: number | undefined): number {
  if (c === undefined) return 0;
  const v = parseAmount(g.grid.text[r][c]);
  if (v === null) throw new Error(`не число: ${g.grid.text[r][c]}`);
  return v;
}

function dataRows(g: GeneratedLedger): number[] {
  const out: number[] = [];
  for (let r = 0; r < g.rowAccount.length; r++) if (g.rowAccount[r] >= 0) out.push(r);
  return out;
}

/** opening debt − opening advance + charged − paid − (closing debt − closing advance), per-account layout. */
function turnoverGap(g: GeneratedLedger, r: number): number {
  const c = g.columns;
  return (
    amount(g, r, c.openingDebt) -
    amount(g, r, c.openingAdvance) +
    amount(g, r, c.charged) -
    amount(g, r, c.paid) -
    (amount(g, r, c.closingDebt) - amount(g, r, c.closingAdvance))
  );
}

describe("seeded PRNG", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const sa = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.nextU32())).not.toEqual(sa);
  });
});

describe("check digits", () => {
  it("recognise known valid and invalid СНИЛС and ИНН", () => {
    // 112-233-445 95: 1·9+1·8+2·7+2·6+3·5+3·4+4·3+4·2+5·1 = 95 → check 95
    expect(isValidSnils("112-233-445 95")).toBe(true);
    expect(isValidSnils("112-233-445 96")).toBe(false);
    // 500100732259: (7·5+10·1+9·7+4·3+6·2+8·2) = 148, 148 mod 11 = 5; (3·5+4·1+5·7+9·3+4·2+6·2+8·5) = 141, mod 11 = 9
    expect(isValidPersonInn("500100732259")).toBe(true);
    expect(isValidPersonInn("500100732258")).toBe(false);
    expect(personInn(7322, true, "5001")).toBe("500100732259"); // 5001 + 007322 + check digits 5, 9
  });

  it("every generated СНИЛС and ИНН is valid unless a defect was asked for", () => {
    const g = turnoverSheet({ accounts: 2000, seed: 11 });
    let checked = 0;
    for (const r of dataRows(g)) {
      const snils = g.grid.text[r][g.columns.snils];
      const inn = g.grid.text[r][g.columns.inn];
      expect(snils).toMatch(/^\d{3}-\d{3}-\d{3} \d{2}$/);
      expect(isValidSnils(snils)).toBe(true);
      expect(isValidPersonInn(inn)).toBe(true);
      checked++;
    }
    expect(checked).toBe(2000);
  });
});

describe("names", () => {
  it("builds female surnames by ending, leaves indeclinable ones", () => {
    expect(femaleSurname("Соколов")).toBe("Соколова");
    expect(femaleSurname("Ильин")).toBe("Ильина");
    expect(femaleSurname("Вишневский")).toBe("Вишневская");
    expect(femaleSurname("Трубецкой")).toBe("Трубецкая");
    expect(femaleSurname("Шевченко")).toBe("Шевченко");
    expect(femaleSurname("Кравец")).toBe("Кравец");
  });

  it("gives women female patronymics and men male ones", () => {
    const rng = new Prng(5);
    for (let i = 0; i < 500; i++) {
      const p = randomPerson(rng);
      if (p.gender === 1) expect(p.patronymic).toMatch(/(вна|чна)$/);
      else expect(p.patronymic).toMatch(/(вич|ич)$/);
    }
  });
});

describe("turnover sheet (1С «Оборотная ведомость»)", () => {
  const g = turnoverSheet({ accounts: 3000, seed: 7 });

  it("is identical for the same seed and differs for another seed", () => {
    const again = turnoverSheet({ accounts: 3000, seed: 7 });
    expect(again.grid.values).toEqual(g.grid.values);
    expect(again.grid.text).toEqual(g.grid.text);
    expect(again.grid.numberFormat).toEqual(g.grid.numberFormat);
    expect(again.grid.merges).toEqual(g.grid.merges);
    const other = turnoverSheet({ accounts: 3000, seed: 8 });
    expect(other.grid.text).not.toEqual(g.grid.text);
  });

  it("has a title block with the period and a two-level header", () => {
    expect(g.grid.text[2][0]).toBe("за период 01.11.2025 - 31.10.2026");
    expect(g.headerRow).toBe(7);
    expect(g.grid.text[5][g.columns.openingDebt]).toBe("Сальдо на начало");
    expect(g.grid.text[6][g.columns.openingDebt]).toBe("Долг");
    expect(g.grid.text[6][g.columns.openingAdvance]).toBe("Аванс");
    expect(g.grid.merges).toContainEqual({
      top: 5,
      left: g.columns.closingDebt,
      bottom: 5,
      right: g.columns.closingAdvance,
    });
  });

  it("keeps every account's balance: opening − advance + charged − paid = closing", () => {
    const rows = dataRows(g);
    expect(rows.length).toBe(3000);
    for (const r of rows) expect(turnoverGap(g, r)).toBe(0);
  });

  it("«Итого по дому» equals the sum of the house's rows, and the group row names the house", () => {
    let sum = 0;
    let houses = 0;
    for (let r = g.headerRow; r < g.grid.text.length; r++) {
      const first = g.grid.text[r][0];
      if (g.rowAccount[r] >= 0) sum += amount(g, r, g.columns.charged);
      else if (first.startsWith("Итого по дому ")) {
        expect(amount(g, r, g.columns.charged)).toBe(sum);
        houses++;
        sum = 0;
      } else if (first !== "Итого") {
        expect(first).toMatch(/^(г\.|п\.|пгт) .+, д\. /); // group row: the house address alone
        expect(g.grid.text[r].slice(1).every((t) => t === "")).toBe(true);
      }
    }
    expect(houses).toBe(g.model.houses.length);
  });

  it("writes accounts with leading zeros as text and keeps all accounts unique", () => {
    const seen = new Set<string>();
    let zeros = 0;
    for (const r of dataRows(g)) {
      const acc = g.grid.text[r][0];
      expect(acc).toMatch(/^\d{7,10}$/);
      expect(seen.has(acc)).toBe(false);
      seen.add(acc);
      if (acc.startsWith("0")) {
        zeros++;
        expect(g.grid.values[r][0]).toBe(acc);
        expect(g.grid.numberFormat[r][0]).toBe("@");
      } else {
        expect(g.grid.values[r][0]).toBe(Number(acc));
      }
    }
    expect(zeros).toBeGreaterThan(0);
  });

  it("shows amounts as Russian text matching the numeric value", () => {
    for (const r of dataRows(g).slice(0, 200)) {
      const c = g.columns.charged;
      expect(g.grid.text[r][c]).toBe(formatKopecksRu(Math.round((g.grid.values[r][c] as number) * 100)));
    }
  });

  it("has every payer behaviour: debtors, advances and accounts paid up", () => {
    let debt = 0;
    let advance = 0;
    let big = 0;
    for (const r of dataRows(g)) {
      const closing = amount(g, r, g.columns.closingDebt) - amount(g, r, g.columns.closingAdvance);
      const charged = amount(g, r, g.columns.charged);
      if (closing < 0) advance++;
      if (closing > 0) debt++;
      if (closing > (charged / 12) * 6) big++; // more than six months of charges owed
    }
    expect(advance).toBeGreaterThan(50);
    expect(debt).toBeGreaterThan(1000);
    expect(big).toBeGreaterThan(100);
  });

  it("per-service rows add up to the «Итого по л/с» row", () => {
    const s = turnoverSheet({ accounts: 50, seed: 3, services: true });
    expect(s.dataRows).toBe(50 * 7);
    let charged = 0;
    let services = 0;
    for (let r = s.headerRow; r < s.grid.text.length; r++) {
      if (s.rowAccount[r] >= 0) {
        expect(turnoverGap(s, r)).toBe(0);
        charged += amount(s, r, s.columns.charged);
        services++;
      } else if (s.grid.text[r][0] === "Итого по л/с") {
        expect(services).toBe(7);
        expect(amount(s, r, s.columns.charged)).toBe(charged);
        expect(turnoverGap(s, r)).toBe(0);
        charged = 0;
        services = 0;
      }
    }
  });
});

describe("planted defects", () => {
  const defects = {
    "account.missing": 3,
    "account.duplicate": 3,
    "amount.invalid": 3,
    "balance.mismatch": 3,
    "name.missing": 2,
    "address.missing": 2,
    "id.snils-invalid": 3,
    "id.inn-invalid": 3,
  } as const;
  const clean = turnoverSheet({ accounts: 2000, seed: 21 });
  const bad = turnoverSheet({ accounts: 2000, seed: 21, defects });

  it("records every defect with its cell, and the cell really is defective", () => {
    expect(bad.defects).toHaveLength(22);
    for (const d of bad.defects) {
      const r = d.row - 1;
      const text = bad.grid.text[r][d.col];
      expect(d.cell).toMatch(/^[A-Z]+\d+$/);
      switch (d.kind) {
        case "account.missing":
        case "name.missing":
        case "address.missing":
          expect(text).toBe("");
          break;
        case "account.duplicate":
          expect(text).toBe(bad.grid.text[d.firstRow! - 1][d.col]);
          expect(d.firstRow).toBe(d.row - 1);
          break;
        case "amount.invalid":
          expect(parseAmount(text)).toBeNull();
          break;
        case "balance.mismatch":
          expect(Math.abs(turnoverGap(bad, r))).toBeGreaterThanOrEqual(100);
          break;
        case "id.snils-invalid":
          expect(isValidSnils(text)).toBe(false);
          break;
        case "id.inn-invalid":
          expect(text).toMatch(/^\d{12}$/);
          expect(isValidPersonInn(text)).toBe(false);
          break;
      }
    }
  });

  it("changes nothing but the planted cells (and the duplicate's first row stays intact)", () => {
    const planted = new Set(bad.defects.map((d) => `${d.row - 1}:${d.col}`));
    let changed = 0;
    for (let r = 0; r < clean.grid.text.length; r++) {
      for (let c = 0; c < clean.grid.text[r].length; c++) {
        if (clean.grid.text[r][c] !== bad.grid.text[r][c] || clean.grid.values[r][c] !== bad.grid.values[r][c]) {
          expect(planted.has(`${r}:${c}`)).toBe(true);
          changed++;
        }
      }
    }
    expect(changed).toBe(22);
  });

  it("plants a different set for another seed but the same set for the same seed", () => {
    const again = turnoverSheet({ accounts: 2000, seed: 21, defects });
    expect(again.defects).toEqual(bad.defects);
    const other = turnoverSheet({ accounts: 2000, seed: 22, defects });
    expect(other.defects.map((d) => d.cell)).not.toEqual(bad.defects.map((d) => d.cell));
  });

  it("refuses a defect the layout cannot carry", () => {
    expect(() => monthlyRowsSheet({ accounts: 10, seed: 1, defects: { "id.snils-invalid": 1 } })).toThrow(
      /not supported/,
    );
  });
});

describe("one row per account per month", () => {
  const g = monthlyRowsSheet({ accounts: 40, seed: 5, defects: { "period.invalid": 2, "balance.mismatch": 2 } });

  it("has 36 months per account, each month balanced and continuous with the next", () => {
    const c = g.columns;
    expect(g.dataRows).toBe(40 * 36);
    const planted = new Set(g.defects.map((d) => d.row - 1));
    let prevAccount = -1;
    let prevClosing = 0;
    for (const r of dataRows(g)) {
      const opening = amount(g, r, c.openingBalance);
      const closing = amount(g, r, c.closingBalance);
      if (g.rowAccount[r] === prevAccount) expect(opening).toBe(prevClosing);
      if (!planted.has(r)) expect(opening + amount(g, r, c.charged) - amount(g, r, c.paid)).toBe(closing);
      prevAccount = g.rowAccount[r];
      prevClosing = closing;
    }
  });

  it("reads «Ноябрь 2023» … «Октябрь 2026» as periods; planted periods do not read", () => {
    const first = dataRows(g)[0];
    expect(g.grid.text[first][g.columns.period]).toBe("Ноябрь 2023");
    for (const d of g.defects.filter((x) => x.kind === "period.invalid"))
      expect(parsePeriod(g.grid.text[d.row - 1][d.col])).toBeNull();
    for (const d of g.defects.filter((x) => x.kind === "balance.mismatch")) expect(g.rowMonth![d.row - 1]).toBe(35); // last month only
  });
});

describe("months as columns and the canonical ledger", () => {
  it("opening + Σ(charged − paid) = closing, and the canonical ledger carries the same months", () => {
    const model = buildLedgerModel({ accounts: 30, seed: 9, months: 12 });
    const g = monthColumnsSheet({ model });
    const ledger = canonicalFromModel(model);
    expect(g.headerRow).toBe(ledger.headerRow);
    for (const r of dataRows(g)) {
      const acc = ledger.accounts[g.rowAccount[r]];
      expect(acc.row).toBe(r + 1);
      expect(acc.account).toBe(g.grid.text[r][0]);
      let bal = amount(g, r, 3);
      expect(bal).toBe(acc.opening);
      for (let k = 0; k < 12; k++) {
        const charged = amount(g, r, 4 + 2 * k);
        const paid = amount(g, r, 5 + 2 * k);
        expect(acc.months![k]).toMatchObject({ charged, paid, opening: bal, closing: bal + charged - paid });
        bal += charged - paid;
      }
      expect(amount(g, r, 4 + 24)).toBe(bal);
      expect(acc.closing).toBe(bal);
    }
  });
});

describe("court-work register", () => {
  const reg = courtRegisterSheet({ seed: 4, cases: 120 });

  it("has one row per case with dates in the order the process goes", () => {
    expect(reg.grid.values.length).toBe(2 + 120);
    for (const c of reg.cases) {
      expect(c.claim).toBe(c.principal + c.penalty + c.duty);
      if (c.orderDate) expect(c.orderDate > c.filed!).toBe(true);
      if (c.cancelled) expect(c.inForce).toBeUndefined();
      if (c.ipDate) expect(c.ipDate > c.sentToBailiff! && c.sentToBailiff! > c.inForce!).toBe(true);
      if (c.ipNumber) expect(c.ipNumber).toMatch(/^\d+\/\d{2}\/86004-ИП$/);
      if (c.caseNumber) expect(c.caseNumber).toMatch(/^2-\d+\/\d{4}$/);
      expect(reg.grid.text[c.row - 1][reg.columns.account]).toBe(c.account);
      expect(parseAmount(reg.grid.text[c.row - 1][reg.columns.claim])).toBe(c.claim);
    }
  });

  it("uses another hand-kept header variant for another variant number", () => {
    const other = courtRegisterSheet({ seed: 4, cases: 5, variant: (reg.variant + 1) % 3 });
    expect(other.grid.text[1]).not.toEqual(reg.grid.text[1]);
    expect(courtRegisterSheet({ seed: 4, cases: 120 }).grid.text).toEqual(reg.grid.text);
  });
});

describe("xlsx route", () => {
  it("writes numbers, text accounts with leading zeros, dates and merges into an .xlsx", async () => {
    const g = turnoverSheet({ accounts: 300, seed: 7, leadingZeroShare: 0.5 });
    const buf = await gridsToXlsx([g.grid]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf.buffer as ArrayBuffer);
    const ws = wb.getWorksheet(g.grid.sheet)!;
    const r = dataRows(g).find((x) => g.grid.text[x][0].startsWith("0"))!;
    const acc = ws.getCell(r + 1, 1);
    expect(acc.value).toBe(g.grid.text[r][0]);
    expect(acc.numFmt).toBe("@");
    expect(ws.getCell(r + 1, g.columns.charged + 1).value).toBe(g.grid.values[r][g.columns.charged]);
    expect(ws.getCell(6, g.columns.openingAdvance + 1).isMerged).toBe(true);
  });
});

describe("money text", () => {
  it("matches formatKopecksRu for small, large and negative amounts", () => {
    const rng = new Prng(1);
    for (const k of [0, 5, 99, 100, 123456, 100000000, -150000, 99999999999])
      expect(moneyText(k)).toBe(formatKopecksRu(k));
    for (let i = 0; i < 2000; i++) {
      const k = rng.int(-5_000_000_00, 5_000_000_00);
      expect(moneyText(k)).toBe(formatKopecksRu(k));
    }
  });
});

describe("determinism of every layout", () => {
  it("gives identical monthly-rows, month-columns and register sheets for the same seed", () => {
    const a = monthlyRowsSheet({ rows: 1000, seed: 31, defects: { "amount.invalid": 2 } });
    const b = monthlyRowsSheet({ rows: 1000, seed: 31, defects: { "amount.invalid": 2 } });
    expect(a.dataRows).toBe(28 * 36); // ⌈1000 ÷ 36⌉ = 28 accounts
    expect(b.grid.values).toEqual(a.grid.values);
    expect(b.grid.text).toEqual(a.grid.text);
    expect(b.defects).toEqual(a.defects);
    const c = monthColumnsSheet({ accounts: 200, seed: 31, kind: "debt" });
    expect(monthColumnsSheet({ accounts: 200, seed: 31, kind: "debt" }).grid.text).toEqual(c.grid.text);
  });
});

describe("owner cell variants", () => {
  it("mixes full names, «Фамилия И.О.», «Фамилия И. О.», two owners and municipal flats when asked", () => {
    const g = turnoverSheet({ accounts: 3000, seed: 12, nameStyle: "mixed", coOwnerShare: 0.02, municipalShare: 0.01 });
    const kinds = { full: 0, initials: 0, spaced: 0, two: 0, municipal: 0 };
    for (const r of dataRows(g)) {
      const name = g.grid.text[r][g.columns.name];
      if (/^[А-ЯЁ][а-яё-]+ [А-ЯЁ][А-ЯЁа-яё-]+ [А-ЯЁ][а-яё]+$/.test(name))
        kinds.full++; // «Анна-Мария» too
      else if (/^[А-ЯЁ][а-яё-]+ [А-ЯЁ]\.[А-ЯЁ]\.$/.test(name)) kinds.initials++;
      else if (/^[А-ЯЁ][а-яё-]+ [А-ЯЁ]\. [А-ЯЁ]\.$/.test(name)) kinds.spaced++;
      else if (/^[А-ЯЁ][а-яё-]+ [А-ЯЁ]\.[А-ЯЁ]\., [А-ЯЁ][а-яё-]+ [А-ЯЁ]\.[А-ЯЁ]\.$/.test(name)) kinds.two++;
      else if (name.startsWith("Администрация ")) {
        kinds.municipal++;
        expect(g.grid.text[r][g.columns.snils]).toBe(""); // no personal data for a municipal flat
      } else throw new Error(`неожиданное ФИО: ${name}`);
    }
    for (const n of Object.values(kinds)) expect(n).toBeGreaterThan(0);
    expect(kinds.full).toBeGreaterThan(kinds.initials);
  });
});
