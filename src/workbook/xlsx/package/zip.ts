/**
 * The .xlsx/.xlsm package as a map of part name → bytes, in the zip's own order (fflate). Part names have no
 * leading slash ("xl/workbook.xml"); [Content_Types].xml and _rels/.rels are parts like any other.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";

export type PackageParts = Map<string, Uint8Array>;

export function readPackage(bytes: Uint8Array): PackageParts {
  const files = unzipSync(bytes);
  const parts: PackageParts = new Map();
  for (const name of Object.keys(files)) if (!name.endsWith("/")) parts.set(name, files[name]);
  return parts;
}

/** Zip the parts; [Content_Types].xml first, as Office writes it (some readers expect it there). */
export function writePackage(parts: PackageParts): Uint8Array {
  const files: Zippable = {};
  const ct = parts.get("[Content_Types].xml");
  if (ct) files["[Content_Types].xml"] = ct;
  for (const [name, data] of parts) if (name !== "[Content_Types].xml") files[name] = data;
  // level 6 is Office's own; already-compressed media (png, bin) would not shrink further, so store them
  for (const name of Object.keys(files)) {
    if (/\.(png|jpe?g|gif|bin|emf|wmf)$/i.test(name)) files[name] = [files[name] as Uint8Array, { level: 0 }];
  }
  return zipSync(files, { level: 6 });
}

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

export function partText(parts: PackageParts, name: string): string | undefined {
  const bytes = parts.get(name);
  return bytes ? decoder.decode(bytes) : undefined;
}

export function setPartText(parts: PackageParts, name: string, text: string): void {
  parts.set(name, encoder.encode(text));
}
