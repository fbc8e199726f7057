import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { saveXlsxFile } from "../../../src/workbook/xlsx/openFile";
import { BAILIFF_ROWS, reconcileWorkbook } from "./workbook";
import { FSSP_HEADERS } from "../../generators/bailiffRegister";
import { cli, fileSha } from "../../fixtures/cli";

let dir = "";
let book = "";
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhku-reconcile-"));
  book = join(dir, "book.xlsx");
  await saveXlsxFile(await reconcileWorkbook({ bailiff: false }), book);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The browser's plain-text copy: tabs between cells, raw line breaks inside them (shape E). */
const plain = [FSSP_HEADERS.join("\t"), ...BAILIFF_ROWS.map((r) => r.join("\t"))].join("\n");

describe("zhku-collect reconcile", () => {
  it("prints the JSON contract for a .txt register and changes no file", () => {
    const reg = join(dir, "fssp.txt");
    writeFileSync(reg, plain);
    const before = [fileSha(book), fileSha(reg)];
    const r = cli("reconcile", book, "--register", reg, "--as-of", "2026-11-30", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.register).toEqual({ kind: "fssp-bank", shape: "E", records: 3, unreadable: [] });
    expect(
      doc.results.map((x: Record<string, unknown>) => [
        x.ip,
        x.document,
        x.account,
        x.status,
        x.representFrom,
        x.remaining,
      ]),
    ).toEqual([
      ["501/26/86004-ИП", "2-10/2025", "0001", "active", null, "20000.00"],
      ["502/26/86004-ИП", "2-11/2025", "0002", "paid-directly", null, null],
      ["503/25/86004-ИП", "2-12/2025", "0003", "returned", "2026-09-15", null],
    ]);
    expect(doc.results[0].score).toBeGreaterThanOrEqual(0.9);
    expect(doc.results[0].evidence).toContain("№ документа 2-10/2025 есть в реестре взыскания");
    expect(doc.notOpened).toEqual([{ account: "0004", document: "2-13/2025" }]);
    expect(doc.ambiguous).toEqual([]);
    expect([fileSha(book), fileSha(reg)]).toEqual(before);
  });

  it("reads an .xlsx register (any sheet) and a ;-separated .csv", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Пусто");
    const ws = wb.addWorksheet("Из ФССП");
    ws.addRow(FSSP_HEADERS);
    for (const row of BAILIFF_ROWS) ws.addRow(row);
    const xlsx = join(dir, "fssp.xlsx");
    writeFileSync(xlsx, Buffer.from(await wb.xlsx.writeBuffer()));
    const a = JSON.parse(cli("reconcile", book, "--register", xlsx, "--as-of", "2026-11-30", "--json").stdout);
    expect([a.register.shape, a.results.map((x: { status: string }) => x.status)]).toEqual([
      "A",
      ["active", "paid-directly", "returned"],
    ]);
    const csv = join(dir, "fssp.csv");
    const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
    writeFileSync(csv, [FSSP_HEADERS, ...BAILIFF_ROWS].map((r) => r.map(q).join(";")).join("\r\n"));
    const b = JSON.parse(cli("reconcile", book, "--register", csv, "--as-of", "2026-11-30", "--json").stdout);
    expect(b.results.map((x: { ip: string }) => x.ip)).toEqual([
      "501/26/86004-ИП",
      "502/26/86004-ИП",
      "503/25/86004-ИП",
    ]);
  });

  it("bad input: exit 2 with a Russian message naming the file", async () => {
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, "\n");
    const e = cli("reconcile", book, "--register", empty, "--as-of", "2026-11-30", "--json");
    expect([e.code, e.stdout]).toEqual([2, ""]);
    expect(e.stderr).toMatch(/empty\.txt: файл реестра пуст/);
    const odd = join(dir, "odd.txt");
    writeFileSync(odd, "Л/С\tФИО\tДолг\n001\tИванов\t100\n");
    const u = cli("reconcile", book, "--register", odd, "--as-of", "2026-11-30", "--json");
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/odd\.txt: Не удалось распознать реестр.*Первые строки: «Л\/С \| ФИО \| Долг»/);
    const bare = join(dir, "bare.xlsx");
    await saveXlsxFile(await reconcileWorkbook({ bailiff: false, register: false }), bare);
    const reg = join(dir, "fssp2.txt");
    writeFileSync(reg, plain);
    const n = cli("reconcile", bare, "--register", reg, "--as-of", "2026-11-30", "--json");
    expect(n.code).toBe(2);
    expect(n.stderr).toMatch(/bare\.xlsx: В книге нет реестра судебной работы/);
  });

  it("a register without document numbers falls back to names and says so", () => {
    const reg = join(dir, "names.txt");
    writeFileSync(
      reg,
      ["№ ИП\tДолжник\tДата рождения", "501/26/86004-ИП\tИванов Иван Иванович\t01.02.1970"].join("\n"),
    );
    const r = cli("reconcile", book, "--register", reg, "--as-of", "2026-11-30", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/нет номеров исполнительных документов: сопоставление по ФИО/);
    expect(JSON.parse(r.stdout).results[0].ip).toBe("501/26/86004-ИП");
  });
});
