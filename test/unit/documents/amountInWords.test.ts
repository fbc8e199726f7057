import { describe, expect, it } from "vitest";
import { amountFiguresAndWords, amountInWords, integerInWords } from "../../../src/documents/amountInWords";

const rub = (r: number, k = 0) => r * 100 + k;

describe("amount in words", () => {
  it.each([
    [0, "ноль рублей 00 копеек"],
    [1, "один рубль 00 копеек"],
    [2, "два рубля 00 копеек"],
    [5, "пять рублей 00 копеек"],
    [11, "одиннадцать рублей 00 копеек"],
    [12, "двенадцать рублей 00 копеек"],
    [21, "двадцать один рубль 00 копеек"],
    [111, "сто одиннадцать рублей 00 копеек"],
    [1000, "одна тысяча рублей 00 копеек"],
    [2000, "две тысячи рублей 00 копеек"],
    [1_000_000, "один миллион рублей 00 копеек"],
    [1_000_001, "один миллион один рубль 00 копеек"],
  ])("%i ₽ → %s", (r, words) => {
    expect(amountInWords(rub(r))).toBe(words);
  });

  it.each([
    [0, "00 копеек"],
    [1, "01 копейка"],
    [2, "02 копейки"],
    [11, "11 копеек"],
    [14, "14 копеек"],
    [21, "21 копейка"],
    [22, "22 копейки"],
    [25, "25 копеек"],
  ])("kopecks %i → %s", (k, words) => {
    expect(amountInWords(rub(3, k))).toBe(`три рубля ${words}`);
  });

  it("declines the scales after 11–14 and compound numbers", () => {
    expect(integerInWords(11_000)).toBe("одиннадцать тысяч");
    expect(integerInWords(21_000)).toBe("двадцать одна тысяча");
    expect(integerInWords(22_000)).toBe("двадцать две тысячи");
    expect(integerInWords(112_000)).toBe("сто двенадцать тысяч");
    expect(integerInWords(2_000_000)).toBe("два миллиона");
    expect(integerInWords(5_000_000)).toBe("пять миллионов");
    expect(integerInWords(1_001_000)).toBe("один миллион одна тысяча");
    expect(amountInWords(rub(12_345, 67))).toBe("двенадцать тысяч триста сорок пять рублей 67 копеек");
    expect(amountInWords(rub(499_999, 99))).toBe(
      "четыреста девяносто девять тысяч девятьсот девяносто девять рублей 99 копеек",
    );
    expect(amountInWords(-rub(2, 1))).toBe("минус два рубля 01 копейка");
  });

  it("figures and words together", () => {
    expect(amountFiguresAndWords(rub(1_000, 1))).toBe("1\u00a0000,01 руб. (одна тысяча рублей 01 копейка)");
  });

  it("refuses fractions of a kopeck", () => {
    expect(() => amountInWords(10.5)).toThrow();
  });
});
