import { describe, expect, it } from "vitest";
import { readMemo, ruDate } from "../../../src/domain/bailiff/memo";
import { parseRuDate } from "../../../src/domain/dates";

describe("the parse memo's dates", () => {
  it("a remembered date reads as parseRuDate reads it, for impossible days and months too, in any order", () => {
    const spelled: string[] = [];
    for (const y of ["1899", "1900", "1999", "2023", "2024", "2099", "2100", "23", "99"])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) spelled.push(`${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}`);
    spelled.push("5.3.2023", "5.03.23", "15.3.2023");
    // one memo read forwards then backwards: a slot filled by one spelling must not answer for another
    const memo = readMemo();
    for (const s of [...spelled, ...spelled.slice().reverse()]) expect(ruDate(s, memo), s).toBe(parseRuDate(s));
  });
});
