import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { OWN_SHEETS } from "../../../src/workbook/port";
import { registerTableSpec } from "../../../src/app/courtRegister";
import { COURT_COLUMNS } from "../../../src/app/courtDistricts";
import {
  DocumentsBlockedError,
  makeDocuments,
  planDocuments,
  type DocumentsInput,
} from "../../../src/app/makeDocuments";
import { REGISTER_HEADER } from "../../../src/domain/register";
import { parseRuDate } from "../../../src/domain/dates";
import { docxHighlighted, docxText } from "./docxText";
import { CLAIMANT } from "./fixtures";
import { AS_OF, registerWorkbook } from "./registerWorkbook";

const H = REGISTER_HEADER;

const INPUT: DocumentsInput = { claimant: CLAIMANT, date: AS_OF, outgoingNumber: "17" };

describe("makeDocuments", () => {
  it("two register rows → two applications, one receipts file, the covering letter and a zip", async () => {
    const { wb } = await registerWorkbook();
    const r = await makeDocuments(wb, { ...INPUT, rows: [1, 2] });
    expect(r.files.map((f) => f.name)).toEqual([
      "Заявление_0001_Иванов.docx",
      "Заявление_0002_Орлов.docx",
      "Квитанции_ПД-4_2025-04-30.docx",
      "Заявление_в_ОСП_2025-04-30.docx",
    ]);
    const first = docxText(r.files[0].bytes);
    expect(first).toContain("Судебный участок № 1 Белоярского судебного района");
    expect(first).toContain("Должник: Иванов Иван Иванович");
    expect(first).toContain("дата рождения: 14.02.1980, место рождения: г. Белоярский");
    expect(first).toContain("идентификатор: СНИЛС 112-233-445 95");
    expect(first).toContain("4\u00a0000,00 руб. (четыре тысячи рублей 00 копеек)");
    // the annex: the law engine's table for the claimed months, total as hand-computed (22,17)
    expect(first).toMatch(/Итого пени \(итог округлён от точной суммы\)\n+22,17\n/);
    expect(first).toContain("пени в размере 22,17 руб. (двадцать два рубля 17 копеек)");
    expect(docxHighlighted(r.files[0].bytes)).toEqual([]);
    // the more specific table row wins for кв. 13
    expect(docxText(r.files[1].bytes)).toContain("Судебный участок № 2 Белоярского судебного района");
    const receipts = docxText(r.files[2].bytes);
    expect(receipts).toContain("л/с 0001");
    expect(receipts).toContain("л/с 0002");
    // the receipt's amount = principal + penalty + duty: 4 000 + 22,17 + 2 000
    expect(receipts).toContain("6\u00a0022,17 руб.");
    const letter = docxText(r.files[3].bytes);
    expect(letter).toContain("Заявление о возбуждении исполнительного производства");
    expect(letter).toContain("Иванов Иван Иванович, 14.02.1980 г. р.");
    expect(r.zip?.name).toBe("Документы_2025-04-30.zip");
    const zipped = unzipSync(r.zip!.bytes);
    expect(Object.keys(zipped)).toEqual(r.files.map((f) => f.name));
    expect(strFromU8(unzipSync(zipped["Заявление_0001_Иванов.docx"])["word/document.xml"])).toContain("Иванов");
  });

  it("records the date sent and «да» in empty register cells only; the clerk's date stays", async () => {
    const { wb, keys } = await registerWorkbook();
    const clerkSpec = { ...registerTableSpec(), ownColumns: [H.fsspDate] };
    await wb.upsertTableRows(clerkSpec, [{ [H.key]: keys[1], [H.fsspDate]: { kind: "date", date: "2025-04-01" } }]);
    const r = await makeDocuments(wb, { ...INPUT, rows: [1, 2] });
    expect(r.marked).toBe(2);
    const rows = (await wb.readTable(registerTableSpec()))!;
    expect(parseRuDate(rows[0][H.fsspDate] as number)).toBe(AS_OF);
    expect(rows[0][H.receiptAttached]).toBe("да");
    expect(parseRuDate(rows[1][H.fsspDate] as number)).toBe("2025-04-01");
    expect(rows[1][H.receiptAttached]).toBe("да");
    // the register's own amounts are untouched
    expect(rows[0][H.principal]).toBe(4000);
  });

  it("missing debtor data: nothing generated, nothing written, every gap named per row", async () => {
    const { wb } = await registerWorkbook({ birthData: false, courts: false });
    const before = JSON.stringify(await wb.readTable(registerTableSpec()));
    const plan = await planDocuments(wb, { ...INPUT, rows: [1, 2] });
    expect(plan.ok).toBe(false);
    expect(plan.rows.map((r) => [r.row, r.account, r.blocking])).toEqual([
      [1, "0001", ["нет даты рождения должника (ГПК 124)"]],
      [2, "0002", ["нет даты рождения должника (ГПК 124)"]],
    ]);
    expect(plan.rows[0].warnings).toEqual(
      expect.arrayContaining([
        "нет места рождения должника (ГПК 124)",
        "нет идентификатора должника: СНИЛС, ИНН или паспорта (ГПК 124)",
        "не найден судебный участок для адреса должника",
      ]),
    );
    const err = await makeDocuments(wb, { ...INPUT, rows: [1, 2] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentsBlockedError);
    expect((err as Error).message).toContain("строка 1 реестра (л/с 0001, Иванов Иван Иванович): нет даты рождения");
    expect((err as Error).message).toContain("строка 2 реестра (л/с 0002, Орлов Дмитрий Сергеевич)");
    expect(JSON.stringify(await wb.readTable(registerTableSpec()))).toBe(before);
    expect((await wb.listSheets()).some((s) => s.name === OWN_SHEETS.courts)).toBe(false);
  });

  it("invalid or missing requisites block the batch with the Настройки check messages", async () => {
    const { wb } = await registerWorkbook();
    const plan = await planDocuments(wb, {
      ...INPUT,
      rows: [1],
      claimant: { ...CLAIMANT, bik: "044525226", ogrn: "" },
    });
    expect(plan.ok).toBe(false);
    expect(plan.requisites).toContain("в Настройках не заполнено: ОГРН взыскателя");
    expect(plan.requisites.some((p) => p.startsWith("расчётный счёт взыскателя:"))).toBe(true);
    await expect(
      makeDocuments(wb, { ...INPUT, rows: [1], claimant: { ...CLAIMANT, inn: "7707083894" } }),
    ).rejects.toThrow(/ИНН взыскателя/);
  });

  it("rows out of range are named; «все без заявления» skips rows already filed", async () => {
    const { wb, keys } = await registerWorkbook();
    const plan = await planDocuments(wb, { ...INPUT, rows: [1, 9] });
    expect(plan.selection).toEqual(["в реестре нет строки 9 (строк с данными: 2)"]);
    await wb.upsertTableRows({ ...registerTableSpec(), ownColumns: [H.filingDate] }, [
      { [H.key]: keys[0], [H.filingDate]: { kind: "date", date: "2025-04-15" } },
    ]);
    const pending = await planDocuments(wb, { ...INPUT, rows: "without-application" });
    expect(pending.rows.map((r) => r.account)).toEqual(["0002"]);
    expect(pending.fileNames).toEqual([
      "Заявление_0002_Орлов.docx",
      "Квитанции_ПД-4_2025-04-30.docx",
      "Заявление_в_ОСП_2025-04-30.docx",
    ]);
  });

  it("creates «Участки мировых судей» with headers when it was missing, and the gap stays highlighted", async () => {
    const { wb } = await registerWorkbook({ courts: false });
    const r = await makeDocuments(wb, { ...INPUT, rows: [1] });
    expect(docxHighlighted(r.files[0].bytes)).toContain("[судебный участок мирового судьи]");
    const grid = await wb.readSheet(OWN_SHEETS.courts);
    expect(grid.values[0]).toEqual(COURT_COLUMNS);
  });
});
