import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addressKey,
  compareNames,
  documentKey,
  findIpNumbers,
  ipKey,
  nameKey,
  parseDocumentNumber,
  parseName,
  squash,
} from "../../../src/domain/bailiff";
import { parseSquashedDocumentNumber } from "../../../src/domain/bailiff/normalize";

describe("proceeding numbers", () => {
  it("canonical form from the site, Latin suffixes, look-alikes, spaces and dashes", () => {
    for (const s of [
      "12345/23/86004-ИП от 15.03.2023",
      "12345/23/86004-IP",
      "12345 / 23 / 86004 – ИП",
      "012345/23/86004-ИП",
      "12345/23/86004-ИП ",
    ]) {
      expect(ipKey(s)).toBe("12345/23/86004-ИП");
    }
  });

  it("the consolidated number is a group, not a proceeding; old numbers and УИН", () => {
    expect(findIpNumbers("12345/23/86004-ИП от 15.03.2023 11111/23/86004-CД").map((n) => [n.key, n.suffix])).toEqual([
      ["12345/23/86004-ИП", "ИП"],
      ["11111/23/86004-СД", "СД"],
    ]);
    expect(ipKey("11111/23/86004-СД")).toBeNull();
    expect(ipKey("1234/12/05/86")).toBe("1234/12/05/86");
    expect(ipKey("УИН 32286004230012345001")).toBe("12345/23/86004-ИП");
  });
});

describe("document numbers", () => {
  it("a squashed piece reads as its upper-cased text reads, whatever its letters' case", () => {
    const piece = fc.constantFrom(
      "№ ",
      "№\u00a0",
      "фс ",
      "ФС ",
      "fs",
      "вс",
      "ас№",
      "no ",
      "2-",
      "02-",
      "а-",
      "1234",
      "/23",
      "/2023",
      "-1",
      "/2м",
      "86rs0012#",
      "#1",
      "ß",
      "ﬁ",
      "ё",
      "Ё",
      " судебный участок",
      " СУДЕБНЫЙ УЧАСТОК",
      "86004/23/123",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join("");
        expect(parseSquashedDocumentNumber(text)).toEqual(parseSquashedDocumentNumber(text.toUpperCase()));
      }),
      { numRuns: 2000 },
    );
  });

  it("case-number cores: zeros, two-digit years, suffixes kept apart", () => {
    expect(documentKey("02-1234/23")).toBe("2-1234/2023");
    expect(documentKey("2-1234/2023")).toBe("2-1234/2023");
    expect(documentKey("№ 2-418/16")).toBe("2-418/2016");
    expect(parseDocumentNumber("2-1234/2023-1")).toEqual({ key: "2-1234/2023", kind: "case", suffix: "-1" });
    expect(documentKey("2а-77/2024")).toBe("2А-77/2024");
  });

  it("writ series with lost zeros, double signs, Latin letters", () => {
    for (const s of [
      "ФС 012345678",
      "ФС № 012345678",
      "№ ФС № 012345678",
      "ФС 12345678",
      "FС 012345678".replace("F", "Ф"),
      "ФC012345678",
    ]) {
      expect(documentKey(s)).toBe("ФС012345678");
    }
    expect(documentKey("ВС 98765432")).toBe("ВС098765432");
  });

  it("e-writs: the case core, the court and the ordinal as tie-breaker", () => {
    expect(parseDocumentNumber("86RS0012#2-345/2024#1")).toEqual({
      key: "2-345/2024",
      kind: "e-writ",
      suffix: "86RS0012#1",
    });
    expect(parseDocumentNumber("86РС0012#2-345/2024#2")?.suffix).toBe("86RS0012#2");
  });
});

describe("names and addresses", () => {
  it("initials against full names; a gender form is another person; hyphenated surnames", () => {
    expect(compareNames("СОКОЛОВА ЕЛЕНА ВИКТОРОВНА", "Соколова Е.В.")).toBe("initials");
    expect(compareNames("СОКОЛОВА ЕЛЕНА ВИКТОРОВНА", "Е.В. Соколова")).toBe("initials");
    expect(compareNames("СОКОЛОВА ЕЛЕНА ВИКТОРОВНА", "Соколова ЕВ")).toBe("initials");
    expect(compareNames("COKOЛOBA ЕЛЕНА ВИКТОРОВНА", "Соколова Елена Викторовна")).toBe("same");
    expect(compareNames("ФЁДОРОВ ПЁТР", "Федоров Петр")).toBe("same");
    expect(compareNames("СОКОЛОВ ЕВГЕНИЙ ВИКТОРОВИЧ", "Соколова Е.В.")).toBe("different");
    expect(compareNames("СОКОЛОВА ЕЛЕНА ВИКТОРОВНА", "Соколова Елизавета Викторовна")).toBe("different");
    expect(compareNames("ПЕТРОВА - СОКОЛОВА ЕЛЕНА ВИКТОРОВНА", "Соколова Е.В.")).toBe("part");
    expect(nameKey("Петрова-Соколова Елена Викторовна")).toBe("ПЕТРОВА-СОКОЛОВА Е В");
  });

  it("addresses compare by microdistrict or street, house and flat", () => {
    const k = "МКР3 Д5 КВ12";
    expect(addressKey("628160, ХМАО-Югра, г. Белоярский, мкр. 3, д. 5, кв. 12")).toBe(k);
    expect(addressKey("Белоярский р-н, п. Белоярский, 3 мкр., д. 5, кв. 12")).toBe(k);
    expect(addressKey("г. Белоярский, ул. Лесная, д. 4, кв. 3")).toBe("ЛЕСНАЯ Д4 КВ3");
  });
});

/* ---------- properties ---------- */

const caseNo = fc.record({
  prefix: fc.constantFrom("2", "2А", "9", "13"),
  num: fc.integer({ min: 1, max: 99999 }),
  year: fc.integer({ min: 2000, max: 2069 }),
});

/** Spellings of one case number a register or the bank may show. */
function spellings(c: { prefix: string; num: number; year: number }): string[] {
  const yy = String(c.year).slice(2);
  return [
    `${c.prefix}-${c.num}/${c.year}`,
    `0${c.prefix}-${c.num}/${yy}`,
    `№ ${c.prefix}-${c.num}/${c.year}`,
    `№\u00a0${c.prefix} – ${c.num} / ${yy}`,
    `${c.prefix}-${String(c.num).padStart(6, "0")}/${c.year}`,
    `${c.prefix.replace("А", "A")}-${c.num}/${c.year}`,
  ];
}

const writ = fc.record({ series: fc.constantFrom("ФС", "ВС", "АС"), num: fc.integer({ min: 1, max: 999_999_999 }) });

function writSpellings(w: { series: string; num: number }): string[] {
  const nine = String(w.num).padStart(9, "0");
  return [
    `${w.series} ${nine}`,
    `${w.series} № ${nine}`,
    `№ ${w.series} № ${String(w.num)}`,
    `${w.series.replace("С", "C")}${nine}`,
  ];
}

describe("normalisation properties", () => {
  it("equivalent spellings of a document map to one key, and the key is a fixed point (idempotent)", () => {
    fc.assert(
      fc.property(caseNo, (c) => {
        const keys = spellings(c).map(documentKey);
        expect(new Set(keys).size).toBe(1);
        expect(documentKey(keys[0]!)).toBe(keys[0]);
      }),
    );
    fc.assert(
      fc.property(writ, (w) => {
        const keys = writSpellings(w).map(documentKey);
        expect(new Set(keys).size).toBe(1);
        expect(documentKey(keys[0]!)).toBe(keys[0]);
      }),
    );
  });

  it("different documents never collide", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(caseNo, { minLength: 2, maxLength: 60, selector: (c) => `${c.prefix}|${c.num}|${c.year}` }),
        (list) => {
          const keys = list.map((c) => documentKey(spellings(c)[1]));
          expect(new Set(keys).size).toBe(list.length);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(writ, { minLength: 2, maxLength: 60, selector: (w) => `${w.series}|${w.num}` }),
        (list) => {
          const keys = list.map((w) => documentKey(writSpellings(w)[2]));
          expect(new Set(keys).size).toBe(list.length);
        },
      ),
    );
  });

  it("proceeding numbers: spellings agree, keys are fixed points, different numbers differ", () => {
    const ip = fc.record({
      n: fc.integer({ min: 1, max: 9_999_999 }),
      yy: fc.integer({ min: 10, max: 99 }),
      dept: fc.integer({ min: 1001, max: 99999 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(ip, { minLength: 1, maxLength: 40, selector: (x) => `${x.n}|${x.yy}|${x.dept}` }),
        (list) => {
          const keys = list.map((x) => {
            const d = String(x.dept).padStart(5, "0");
            const forms = [
              `${x.n}/${x.yy}/${d}-ИП`,
              `${x.n} / ${x.yy} / ${d} - IP`,
              `0${x.n}/${x.yy}/${d}–ИП от 01.02.20${x.yy}`,
            ];
            const k = forms.map(ipKey);
            expect(new Set(k).size).toBe(1);
            expect(ipKey(k[0]!)).toBe(k[0]);
            return k[0];
          });
          expect(new Set(keys).size).toBe(list.length);
        },
      ),
    );
  });

  it("squash gives one line whatever the spacing: line feeds, blank lines, no-break and odd spaces, tabs", () => {
    // what squash promises, written the slow obvious way: every run of whitespace one space, no space at the ends
    const reference = (t: string) =>
      t
        .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
        .replace(/\s+/g, " ")
        .trim();
    const piece = fc.constantFrom("Сумма долга:", "30000.00", "руб.", "№", "ФС", "2-15/2023", "ЛЕНИНСКИЙ", "a-b");
    // the pasted cell's usual gaps, and the odd ones
    const usual = fc.constantFrom(" ", "\n", "\n\n", "\n\n\n", "\u00a0");
    const odd = fc.constantFrom("  ", " \n", "\n ", "\t", "\u202f", "\r\n", "\u200b", "");
    for (const gap of [usual, fc.oneof(usual, odd)]) {
      fc.assert(
        fc.property(piece, fc.array(fc.tuple(gap, piece)), fc.oneof(fc.constant(""), gap), (head, parts, end) => {
          const text = head + parts.map(([g, p]) => g + p).join("") + end;
          expect(squash(text)).toBe(reference(text));
          expect(squash(squash(text))).toBe(squash(text));
        }),
        { numRuns: 400 },
      );
    }
  });

  it("proceeding numbers are found the same in any case, spacing or look-alike spelling of the suffix", () => {
    const suffix = fc.constantFrom("ИП", "ип", "IP", "ip", "Ип", "СД", "CД", "сд", "SD", "СВ", "CB", "cв", "SV");
    const canonical = (s: string) => {
      const u = s.toUpperCase();
      return u[0] === "И" || u[0] === "I" ? "ИП" : u.endsWith("Д") || u.endsWith("D") ? "СД" : "СВ";
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.integer({ min: 10, max: 99 }),
        fc.integer({ min: 10000, max: 99999 }),
        suffix,
        fc.constantFrom(" ", "", "\n", "\u00a0", "  "),
        (n, yy, dept, sfx, sp) => {
          const found = findIpNumbers(`от 01.02.2023 ${sp}${n}${sp}/${sp}${yy}/${dept}${sp}–${sp}${sfx}${sp}`);
          expect(found.map((f) => f.key)).toEqual([`${n}/${yy}/${dept}-${canonical(sfx)}`]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a name reads the same by the short way and the general way (Ё, Latin look-alikes, hyphens, initials)", () => {
    const word = fc
      .array(fc.constantFrom(..."АБВГДЕЁЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"), { minLength: 2, maxLength: 9 })
      .map((cs) => cs.join(""));
    const part = fc.oneof(
      { weight: 4, arbitrary: word },
      { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `${a}-${b}`) },
    );
    // some Cyrillic letters typed as their Latin look-alikes
    const latin: Record<string, string> = { А: "A", В: "B", Е: "E", К: "K", М: "M", О: "O", Р: "P", С: "C", Т: "T" };
    const typed = (s: string, mask: number) =>
      [...s].map((ch, i) => (mask & (1 << (i % 30)) && latin[ch] ? latin[ch] : ch)).join("");
    fc.assert(
      fc.property(part, part, part, fc.boolean(), fc.integer(), (surname, first, patronymic, initials, mask) => {
        const name = initials ? `${surname} ${first[0]}.${patronymic[0]}.` : `${surname} ${first} ${patronymic}`;
        const plain = typed(name, mask);
        // leading spaces and lower case send the same name the general way
        const spelled = `  ${plain.toLowerCase()} `;
        expect(nameKey(plain)).toBe(nameKey(spelled));
        expect(compareNames(plain, spelled)).toBe(initials ? "initials" : "same");
        // as a register types it: «Королёв Г.Н.», «Петрова-Соколова Анна Ивановна»
        const titled = name
          .toLowerCase()
          .replace(/(^|[ .-])([а-яё])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
        expect(parseName(titled)).toEqual(parseName(spelled));
        expect(parseName(name)).toEqual(parseName(spelled));
      }),
      { numRuns: 400 },
    );
  });
});
