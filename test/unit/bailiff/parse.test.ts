import { describe, expect, it } from "vitest";
import { parseBailiffRegister, textToGrid, type Proceeding } from "../../../src/domain/bailiff";
import type { SheetGrid } from "../../../src/domain/grid";
import { FSSP_HEADERS, plainText, renderShape } from "../../generators/bailiffRegister";
import { API_SHEET, OSP_LIST, RECORDS, asGenerated, type ExpectedRecord } from "../../fixtures/bailiff/records";

function fields(p: Proceeding): ExpectedRecord {
  const r = p.end.reason;
  return {
    ip: p.ip!,
    ipDate: p.ipDate!,
    consolidated: p.consolidated,
    debtor: p.debtor.name,
    birthDate: p.debtor.birthDate,
    inn: p.debtor.inn,
    docType: p.document.type,
    docDate: p.document.date!,
    docKey: p.document.key!,
    claimantInn: p.document.claimantInn,
    endDate: p.end.date,
    endArticle: r ? `${r.article}-${r.part}-${r.point}` : null,
    amount: p.amount,
    remaining: p.remaining,
    fee: p.fee,
    department: p.department,
  };
}

function grid(rows: string[][], sheet = "Лист1"): SheetGrid {
  const width = Math.max(...rows.map((r) => r.length));
  const text = rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
  return {
    sheet,
    top: 0,
    left: 0,
    values: text.map((r) => r.map((c) => (c === "" ? null : c))),
    text,
    numberFormat: [],
  };
}

describe("FSSP data-bank table in every paste shape", () => {
  const shapes = ["A", "B", "C", "D", "E"] as const;
  for (const shape of shapes) {
    it(`shape ${shape}: every record and every field, past counters, pagination, region titles and repeated headers`, () => {
      const reg = parseBailiffRegister(renderShape(asGenerated(), shape, 4));
      expect(reg.kind).toBe("fssp-bank");
      expect(reg.shape).toBe(shape);
      expect(reg.declaredCount).toBe(RECORDS.length);
      expect(reg.regions).toEqual([
        "Ханты-Мансийский автономный округ - Югра",
        "Ханты-Мансийский автономный округ - Югра",
      ]);
      expect(reg.unreadable).toEqual([]);
      const got = reg.proceedings.map(fields);
      // flattening joins the debtor's lines with spaces; the name itself must come out the same
      expect(got).toEqual(RECORDS.map((r) => r.expected));
    });
  }

  it("plain text copied from the browser (tabs, raw line breaks) reads as shape E", () => {
    const reg = parseBailiffRegister(textToGrid(plainText(asGenerated())));
    expect(reg.shape).toBe("E");
    expect(reg.proceedings.map(fields)).toEqual(RECORDS.map((r) => r.expected));
  });

  it("plain text whose last column is empty on some rows (the trailing tab lost) keeps every field in place", () => {
    // every other record without the bailiff; an editor or the clipboard dropped the tab that ended its text
    const records = asGenerated().map((r, i) => (i % 2 === 0 ? { ...r, cells: [...r.cells.slice(0, 7), ""] } : r));
    const text = [FSSP_HEADERS.join("\t"), ...records.map((r) => r.cells.join("\t").replace(/\t+$/, ""))].join("\n");
    const reg = parseBailiffRegister(textToGrid(text));
    expect(reg.shape).toBe("E");
    expect(reg.proceedings.map(fields)).toEqual(RECORDS.map((r) => r.expected));
    expect(reg.proceedings.map((p) => p.bailiff === "")).toEqual(records.map((_, i) => i % 2 === 0));
    expect(reg.unreadable).toEqual([]);
  });

  it("Excel's own copy (multi-line cells quoted) reads as shape A", () => {
    const q = (c: string) => (/[\n\t"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const text = [RECORDS[0].cells, RECORDS[5].cells].map((r) => r.map(q).join("\t")).join("\r\n");
    const reg = parseBailiffRegister(textToGrid(text));
    expect(reg.shape).toBe("A");
    expect(reg.proceedings.map(fields)).toEqual([RECORDS[0].expected, RECORDS[5].expected]);
  });

  it("a record without a proceeding number is listed with its row and reason, not dropped", () => {
    const cells = [...RECORDS[1].cells];
    const broken = renderShape([{ cells, truth: null, kind: "other", ip: "" }], "A");
    broken.text[3][1] = "номер не указан";
    broken.text[3][0] = "ЗАЙЦЕВ ИГОРЬ ПЕТРОВИЧ\n01.01.1970";
    const rows = [...broken.text.slice(0, 4), RECORDS[0].cells];
    const reg = parseBailiffRegister(grid(rows));
    expect(reg.proceedings.map((p) => p.ip)).toEqual(["12345/23/86004-ИП"]);
    expect(reg.unreadable).toEqual([
      {
        row: 4,
        reason: "строка вне записи: нет номера ИП выше",
        text: expect.stringContaining("ЗАЙЦЕВ ИГОРЬ ПЕТРОВИЧ"),
      },
    ]);
  });
});

describe("other registers", () => {
  it("an ОСП list: header synonyms, one row per proceeding, a row without a number is reported", () => {
    const reg = parseBailiffRegister(grid(OSP_LIST, "Реестр ОСП"));
    expect(reg.kind).toBe("osp-list");
    expect(reg.shape).toBe("table");
    const [a, b, c] = reg.proceedings;
    expect([a.ip, a.ipDate, a.debtor.name, a.debtor.birthDate, a.document.key, a.document.date]).toEqual([
      "12345/23/86004-ИП",
      "2023-03-15",
      "Соколова Елена Викторовна",
      "1981-02-14",
      "2-15/2023",
      "2023-01-10",
    ]);
    expect([a.amount, a.remaining, a.paidOut, a.statusText, a.end.date, a.end.reason?.meaning]).toEqual([
      2543012,
      0,
      2543012,
      "окончено",
      "2023-09-18",
      "paid",
    ]);
    expect(a.debtor.address).toBe("628160, ХМАО-Югра, г. Белоярский, мкр. 3, д. 5, кв. 12");
    expect([b.document.key, b.remaining, b.statusText, b.end.date]).toEqual([
      "ФС012345678",
      4800000,
      "на исполнении",
      null,
    ]);
    expect(c.ip).toBeNull();
    expect(reg.unreadable).toEqual([{ row: 6, reason: "нет номера ИП", text: expect.stringContaining("Петров") }]);
  });

  it("a sheet made from the API answers (English keys, <br> inside values)", () => {
    const reg = parseBailiffRegister(grid(API_SHEET));
    expect(reg.kind).toBe("api");
    const p = reg.proceedings[0];
    expect([p.ip, p.debtor.name, p.debtor.birthDate, p.document.key, p.document.claimantInn, p.remaining]).toEqual([
      "12345/23/86004-ИП",
      "СОКОЛОВА ЕЛЕНА ВИКТОРОВНА",
      "1981-02-14",
      "2-15/2023",
      "8611000017",
      1835040,
    ]);
    expect(p.department).toBe("ОСП по Белоярскому району");
  });

  it("Russian API keys are read too", () => {
    const rows = [["ФИО", "ИП", "Документ", "Предмет", "Отдел", "Пристав", "Окончание"], API_SHEET[1]];
    expect(parseBailiffRegister(grid(rows)).proceedings[0].ip).toBe("12345/23/86004-ИП");
  });

  it("a paste without the header row: the FSSP column order when the second column holds proceeding numbers", () => {
    const reg = parseBailiffRegister(grid([RECORDS[1].cells, RECORDS[2].cells]));
    expect(reg.proceedings.map(fields)).toEqual([RECORDS[1].expected, RECORDS[2].expected]);
  });
});

describe("bad input", () => {
  it("an empty paste", () => {
    expect(() => parseBailiffRegister(textToGrid("  \n\n"))).toThrow(/Реестр пуст/);
  });

  it("an unrecognised table says what it saw", () => {
    expect(() =>
      parseBailiffRegister(
        grid(
          [
            ["Л/С", "ФИО", "Долг"],
            ["001", "Иванов", "100"],
          ],
          "Долги",
        ),
      ),
    ).toThrow(/на листе «Долги».*Первые строки: «Л\/С \| ФИО \| Долг»; «001 \| Иванов \| 100»/);
  });

  it("a list without document numbers is flagged for the name fallback", () => {
    const rows = OSP_LIST.slice(2).map((r) => [r[1], r[3], r[4], r[11]]);
    const reg = parseBailiffRegister(grid(rows));
    expect(reg.noDocumentNumbers).toBe(true);
    expect(reg.proceedings[0].debtor.birthDate).toBe("1981-02-14");
  });
});

describe("the text fields of a record", () => {
  for (const shape of ["A", "B", "C", "D", "E"] as const) {
    it(`shape ${shape}: birth place, issuer, subject, bailiff`, () => {
      const [first, second] = parseBailiffRegister(renderShape(asGenerated(), shape)).proceedings;
      expect(first.debtor.birthPlace).toBe("Г. БЕЛОЯРСКИЙ ХАНТЫ-МАНСИЙСКИЙ АВТОНОМНЫЙ ОКРУГ - ЮГРА");
      expect(first.document.issuer).toBe("СУДЕБНЫЙ УЧАСТОК № 1 БЕЛОЯРСКОГО СУДЕБНОГО РАЙОНА");
      expect(first.subject).toBe("Задолженность по платежам за жилую площадь, коммунальные платежи, включая пени");
      expect(first.bailiff.replace(/\s+/g, "")).toBe("ПЕТРОВАА.С.+7(34670)0-00-00");
      expect(second.document.issuer).toBe("БЕЛОЯРСКИЙ ГОРОДСКОЙ СУД");
      expect(second.debtor.birthPlace).toBe("Г. СУРГУТ");
    });
  }
});
