/**
 * The template package of the lossless-save tests (test/fixtures/packages): a small workbook as a spreadsheet
 * program writes it — a ledger sheet with a chart, an image, conditional formatting and a list validation, a hidden
 * sheet with a note, a pivot table with its cache, defined names, a custom XML part — and its .xlsm twin with a VBA
 * project. Parts are read from the folder as they are and zipped here.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { zipSync, unzipSync } from "fflate";

const ROOT = join(__dirname, "../../fixtures/packages");

function readTree(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full).split("\\").join("/"), new Uint8Array(readFileSync(full)));
    }
  };
  walk(dir);
  return out;
}

export function zipParts(parts: Map<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(parts));
}

export function unzipParts(bytes: Uint8Array | ArrayBuffer): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))));
}

/** The rich workbook's parts (.xlsx). */
export function richParts(): Map<string, Uint8Array> {
  return readTree(join(ROOT, "rich"));
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function text(parts: Map<string, Uint8Array>, name: string): string {
  return dec.decode(parts.get(name));
}

/** The same workbook as .xlsm: macro-enabled main part, a vbaProject.bin and its relationship. */
export function macroParts(): Map<string, Uint8Array> {
  const parts = richParts();
  for (const [name, data] of readTree(join(ROOT, "vba"))) parts.set(name, data);
  const ct = text(parts, "[Content_Types].xml")
    .replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  parts.set("[Content_Types].xml", enc.encode(ct));
  const rels = text(parts, "xl/_rels/workbook.xml.rels").replace(
    "</Relationships>",
    '<Relationship Id="rId8" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
  );
  parts.set("xl/_rels/workbook.xml.rels", enc.encode(rels));
  return parts;
}
