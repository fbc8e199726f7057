import { describe, expect, it } from "vitest";
import {
  validateAccount,
  validateBik,
  validateCorrAccount,
  validateInn,
  validateOgrn,
  validateSnils,
} from "../../../src/domain/ids";

describe("СНИЛС", () => {
  it("accepts a number whose check digits match, however it is typed", () => {
    // 1·9 + 1·8 + 2·7 + 2·6 + 3·5 + 3·4 + 4·3 + 4·2 + 5·1 = 95 → check number 95
    expect(validateSnils("112-233-445 95")).toEqual({ valid: true, normalized: "11223344595" });
    expect(validateSnils("11223344595").valid).toBe(true);
    expect(validateSnils(`112\u00a0233\u00a0445\u00a095`).valid).toBe(true);
  });
  it("rejects a wrong check number and a wrong length with a Russian reason", () => {
    expect(validateSnils("112-233-445 96")).toMatchObject({
      valid: false,
      message: "неверное контрольное число СНИЛС",
    });
    expect(validateSnils("112-233-445")).toMatchObject({ valid: false, message: "СНИЛС должен состоять из 11 цифр" });
  });
  it("sums of 100 and 101 give the check number 00, above 101 the remainder of 101", () => {
    // 9·9 + 1·8 + 1·7 + 0 … + 4·1 = 81 + 8 + 7 + 4 = 100 → 00
    expect(validateSnils("911000004 00").valid).toBe(true);
    // 9·9 + 9·8 + 9·7 + 0 … = 81 + 72 + 63 = 216 → 216 mod 101 = 14
    expect(validateSnils("999000000 14").valid).toBe(true);
    expect(validateSnils("999000000 15").valid).toBe(false);
  });
  it("does not check numbers up to 001-001-998 (issued before the rule)", () => {
    expect(validateSnils("001-001-998 00").valid).toBe(true);
  });
});

describe("ИНН", () => {
  it("checks a 10-digit organisation ИНН", () => {
    // 7·2+7·4+0·10+7·3+0·5+8·9+3·4+8·6+9·8 = 14+28+0+21+0+72+12+48+72 = 267; 267 mod 11 = 3 → last digit 3
    expect(validateInn("7707083893").valid).toBe(true);
    expect(validateInn("7707083894")).toMatchObject({ valid: false, message: "неверная контрольная цифра ИНН" });
  });
  it("checks both check digits of a 12-digit personal ИНН", () => {
    // 11th: 5·7+0·2+0·4+1·10+0·3+0·5+7·9+3·4+2·6+2·8 = 35+10+63+12+12+16 = 148; 148 mod 11 = 5
    // 12th: 5·3+0·7+0·2+1·4+0·10+0·3+7·5+3·9+2·4+2·6+5·8 = 15+4+35+27+8+12+40 = 141; 141 mod 11 = 9
    expect(validateInn("500100732259").valid).toBe(true);
    expect(validateInn("500100732258").valid).toBe(false);
    expect(validateInn("500100732149").valid).toBe(false);
  });
  it("rejects other lengths", () => {
    expect(validateInn("12345").message).toMatch(/10 .*12/);
  });
});

describe("ОГРН, БИК, счета", () => {
  it("ОГРН: the first 12 digits mod 11, mod 10", () => {
    // 102770013219 mod 11 = 5 → last digit 5
    expect(validateOgrn("1027700132195").valid).toBe(true);
    expect(validateOgrn("1027700132196").valid).toBe(false);
    expect(validateOgrn("123").valid).toBe(false);
  });
  it("ОГРНИП: the first 14 digits mod 13, mod 10", () => {
    // 30450011640001 = 13 · 2342308587692 + 5 → last digit 5
    expect(validateOgrn("304500116400015").valid).toBe(true);
    expect(validateOgrn("304500116400016").valid).toBe(false);
  });
  it("БИК: 9 digits starting with 04", () => {
    expect(validateBik("044525225").valid).toBe(true);
    expect(validateBik("144525225").valid).toBe(false);
    expect(validateBik("04452522").valid).toBe(false);
  });
  it("расчётный счёт with the bank's БИК: weights 7-1-3 over БИК digits 7–9 + the account", () => {
    // "225" + "40702810938000012345", last digits of digit × 7,1,3,7,1,3…:
    // 4+2+5 + 8+0+1 + 0+2+4 + 7+0+7 + 1+8+0 + 0+0+0 + 7+2+9 + 8+5 = 80 → ends in 0
    expect(validateAccount("044525225", "40702810938000012345").valid).toBe(true);
    expect(validateAccount("044525225", "40702810838000012345").valid).toBe(false);
    expect(validateAccount("044525225", "4070281093800001234").message).toMatch(/20 цифр/);
    expect(validateAccount("12", "40702810938000012345").valid).toBe(false);
  });
  it("корреспондентский счёт: weights over 0 + БИК digits 5–6 + the account", () => {
    expect(validateCorrAccount("044525225", "30101810400000000225").valid).toBe(true);
    expect(validateCorrAccount("044525225", "30101810400000000226").valid).toBe(false);
  });
});
