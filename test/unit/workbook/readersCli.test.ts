/**
 * `check --json` and `candidates --json` give the same document for one ledger whether it comes as .xlsx, as a
 * Windows-1251 CSV with «;» and decimal commas, as a UTF-8-with-BOM CSV with tabs, as .xls or as .ods; bad files
 * are refused with a Russian message naming the file, exit code 2, and the file stays as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { monthlyRowsSheet, turnoverSheet } from "../../generators/sheets";
import {
  encode1251,
  gridToSheetJs,
  ledgerInAllFormats,
  passwordProtectedXls,
  type LedgerFiles,
} from "./readersFixtures";
import { cli } from "../../fixtures/cli";

let dir = "";
const AS_OF = "2026-11-15";

/** Writes every format as «<base>.<ext>» and returns the paths. */
function writeAll(base: string, files: LedgerFiles) {
  const paths = {
    xlsx: join(dir, `${base}.xlsx`),
    csv1251: join(dir, `${base}.csv`),
    csvUtf8Tab: join(dir, `${base}.txt`),
    xls: join(dir, `${base}.xls`),
    ods: join(dir, `${base}.ods`),
  };
  for (const k of Object.keys(paths) as (keyof LedgerFiles)[]) writeFileSync(paths[k], files[k]);
  return paths;
}

let turnover: ReturnType<typeof writeAll>;
let monthly: ReturnType<typeof writeAll>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhku-readers-"));
  // sheet names equal the files' base names: Excel names a CSV's sheet after the file
  const t = turnoverSheet({
    seed: 15,
    accounts: 60,
    identity: true,
    nameStyle: "mixed",
    defects: { "account.duplicate": 1, "amount.invalid": 1, "balance.mismatch": 1, "id.inn-invalid": 1 },
  });
  turnover = writeAll("осв", await ledgerInAllFormats({ ...t.grid, sheet: "осв" }));
  const m = monthlyRowsSheet({ seed: 16, accounts: 40, months: 24 });
  monthly = writeAll("начисления", await ledgerInAllFormats({ ...m.grid, sheet: "начисления" }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FORMATS = ["csv1251", "csvUtf8Tab", "xls", "ods"] as const;

describe("the same ledger in every format", () => {
  it("check --json is the same as for the .xlsx", () => {
    const reference = cli("check", turnover.xlsx, "--json");
    expect(reference.stderr).toBe("");
    expect(reference.code).toBe(0);
    const doc = JSON.parse(reference.stdout);
    expect(doc.rows.data).toBeGreaterThanOrEqual(60);
    // the planted defects are found, so the comparison covers findings with their cells too
    expect(new Set(doc.findings.map((f: { code: string }) => f.code))).toEqual(
      new Set(["account.duplicate", "amount.invalid", "balance.mismatch", "id.inn-invalid"]),
    );
    for (const f of FORMATS) {
      const r = cli("check", turnover[f], "--json");
      expect({ f, stderr: r.stderr, code: r.code }).toEqual({ f, stderr: "", code: 0 });
      expect({ f, doc: JSON.parse(r.stdout) }).toEqual({ f, doc });
    }
  });

  it("candidates --json is the same as for the .xlsx", () => {
    const reference = cli("candidates", monthly.xlsx, "--as-of", AS_OF, "--json");
    expect(reference.stderr).toBe("");
    expect(reference.code).toBe(0);
    const doc = JSON.parse(reference.stdout);
    expect(doc.candidates.length).toBeGreaterThan(0);
    for (const f of FORMATS) {
      const r = cli("candidates", monthly[f], "--as-of", AS_OF, "--json");
      expect({ f, stderr: r.stderr, code: r.code }).toEqual({ f, stderr: "", code: 0 });
      expect({ f, doc: JSON.parse(r.stdout) }).toEqual({ f, doc });
    }
  });

  it("leaves every input file byte for byte as it was", () => {
    const before = FORMATS.map((f) => readFileSync(turnover[f]));
    for (const f of FORMATS) cli("check", turnover[f], "--json");
    FORMATS.forEach((f, i) => expect(readFileSync(turnover[f]).equals(before[i])).toBe(true));
  });
});

describe("bad input: a Russian message naming the file, exit code 2", () => {
  const refused = (name: string, bytes: Uint8Array, message: RegExp) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const r = cli("check", path, "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(name);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(path).equals(Buffer.from(bytes))).toBe(true);
  };

  it("a binary file with a spreadsheet extension", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    refused("картинка.xls", png, /не является таблицей/);
  });

  it("text in an unknown encoding", () => {
    // bytes that are neither UTF-8 nor text in Windows-1251 (0x98 is unassigned there)
    const bytes = new Uint8Array([...encode1251("Л/С;Долг\r\n1;2\r\n"), 0x98, 0x98, 0x0d, 0x0a]);
    refused("реестр.csv", bytes, /кодировку/);
  });

  it("text without a column separator", () => {
    refused(
      "письмо.txt",
      new TextEncoder().encode("Уважаемый абонент\nпросим оплатить долг\nспасибо\n"),
      /разделитель/,
    );
  });

  it("a password-protected (encrypted) workbook", () => {
    // an OLE2 compound file holding EncryptionInfo and EncryptedPackage: what Excel writes for a password
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, "EncryptionInfo", new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, "EncryptedPackage", new Uint8Array(64));
    refused("с паролем.xls", new Uint8Array(XLSX.CFB.write(cfb, { type: "array" }) as ArrayBuffer), /паролем/);
  });

  it("a password-protected .xls (a FILEPASS record)", () => {
    refused("зашифрованный.xls", passwordProtectedXls(), /защищён паролем/);
  });

  it("an .ods with two ledger tables asks which one", () => {
    const a = { ...turnoverSheet({ seed: 1, accounts: 10 }).grid, sheet: "Дом 1" };
    const b = { ...turnoverSheet({ seed: 2, accounts: 10 }).grid, sheet: "Дом 2" };
    refused("два дома.ods", gridToSheetJs([a, b], "ods"), /несколько листов.*«Дом 1», «Дом 2».*--sheet/);
  });
});
