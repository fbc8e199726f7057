import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { registerTableSpec } from "../../../src/app/courtRegister";
import { REGISTER_HEADER as H } from "../../../src/domain/register";
import { parseRuDate } from "../../../src/domain/dates";
import { docxText } from "./docxText";
import { CLAIMANT } from "./fixtures";
import { AS_OF, registerWorkbook } from "./registerWorkbook";
import { cli, fileSha } from "../../fixtures/cli";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "zhku-documents-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The settings JSON in the shape the CLI documents: "bank" for the bank's name. */
function settingsFile(name: string, overrides: Record<string, string> = {}): string {
  const { bankName, ...rest } = CLAIMANT;
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ ...rest, bank: bankName, ...overrides }));
  return path;
}

async function workbookFile(name: string, options?: { birthData?: boolean }): Promise<string> {
  const { wb } = await registerWorkbook(options);
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(await wb.save()));
  return path;
}

describe("zhku-collect documents", () => {
  it("writes one application per row, the receipts file and the letter; --json lists them; the register is marked", async () => {
    const book = await workbookFile("ok.xlsx");
    const out = join(dir, "out-ok");
    const r = cli(
      "documents",
      book,
      "--rows",
      "1-2",
      "--out",
      out,
      "--settings",
      settingsFile("s.json"),
      "--date",
      AS_OF,
      "--json",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const names = [
      "Заявление_0001_Иванов.docx",
      "Заявление_0002_Орлов.docx",
      "Квитанции_ПД-4_2025-04-30.docx",
      "Заявление_в_ОСП_2025-04-30.docx",
    ];
    expect(doc.files.map((f: { name: string }) => f.name)).toEqual(names);
    expect(doc.marked).toBe(2);
    expect(readdirSync(out).sort()).toEqual([...names].sort());
    const application = docxText(readFileSync(join(out, names[0])));
    for (const required of [
      "Судебный участок № 1 Белоярского судебного района",
      "Взыскатель: ООО «УК Северный квартал»",
      "ИНН 7707083893, КПП 773601001, ОГРН 1027700132195",
      "Должник: Иванов Иван Иванович",
      "дата рождения: 14.02.1980, место рождения: г. Белоярский",
      "идентификатор: СНИЛС 112-233-445 95",
      "ПРОШУ:",
      "Приложение № 1 к заявлению о вынесении судебного приказа",
    ])
      expect(application).toContain(required);
    expect(docxText(readFileSync(join(out, names[2])))).toContain("Получатель платежа");
    const wb = await XlsxWorkbook.fromArrayBuffer(readFileSync(book));
    const rows = (await wb.readTable(registerTableSpec()))!;
    expect(rows.map((row) => parseRuDate(row[H.fsspDate] as number))).toEqual([AS_OF, AS_OF]);
    expect(rows.map((row) => row[H.receiptAttached])).toEqual(["да", "да"]);
  });

  it("missing debtor data: exit 2, the gaps on stderr per row, no files in DIR, the workbook unchanged", async () => {
    const book = await workbookFile("gaps.xlsx", { birthData: false });
    const before = fileSha(book);
    const out = join(dir, "out-gaps");
    const r = cli("documents", book, "--out", out, "--settings", settingsFile("s2.json"), "--date", AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("gaps.xlsx");
    expect(r.stderr).toContain("строка 1 реестра (л/с 0001, Иванов Иван Иванович): нет даты рождения должника");
    expect(r.stderr).toContain("строка 2 реестра (л/с 0002, Орлов Дмитрий Сергеевич): нет даты рождения должника");
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.startsWith(".zhku-documents-"))).toEqual([]);
    expect(fileSha(book)).toBe(before);
  });

  it("an invalid requisite in the settings file: exit 2 naming it; bad --rows: exit 2", async () => {
    const book = await workbookFile("req.xlsx");
    const before = fileSha(book);
    const out = join(dir, "out-req");
    const bad = settingsFile("bad.json", { bik: "04452522" });
    const r = cli("documents", book, "--out", out, "--settings", bad, "--date", AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("БИК взыскателя");
    expect(r.stderr).toContain("bad.json");
    expect(existsSync(out)).toBe(false);
    const rows = cli("documents", book, "--out", out, "--rows", "1-x", "--settings", bad);
    expect(rows.code).toBe(2);
    expect(rows.stderr).toContain("--rows");
    expect(fileSha(book)).toBe(before);
  });
});
