/**
 * What a file is, by its first bytes rather than by its extension (users rename files, and 1С saves HTML under
 * .xls): a zip (.xlsx or .ods), an OLE2 compound file (.xls, or an encrypted .xlsx), text (CSV, or an HTML /
 * SpreadsheetML 2003 table), or something else.
 */
export type FileKind = "xlsx" | "ods" | "xls" | "encrypted" | "text" | "binary";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** An .ods should store its type uncompressed as the first zip entry «mimetype» (ODF 1.2 part 3, 3.3). */
const ODS_MIME = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
/** Zip entry names are stored uncompressed (local headers and the central directory at the end). */
const OOXML_PART = "[Content_Types].xml";
const ODF_PART = "content.xml";
const SCAN_BYTES = 1 << 16;

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

function asciiAt(bytes: Uint8Array, from: number, length: number): string {
  let s = "";
  for (let i = from; i < Math.min(bytes.length, from + length); i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** An encrypted OOXML package is a compound file with an «EncryptionInfo» stream (name stored in UTF-16LE). */
function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const name = "EncryptionInfo";
  // the directory sits anywhere in the file; the name is short, so a plain scan is cheap enough
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    for (let k = 0; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Text: no NUL bytes and hardly any other control characters in the first 64 KB (UTF-16 has its BOM). */
export function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= n / 1000;
}

/** Whether an entry name occurs at the zip's start or in its central directory (both hold the names as text). */
function hasEntryName(bytes: Uint8Array, name: string): boolean {
  const head = asciiAt(bytes, 0, SCAN_BYTES);
  const tail = asciiAt(bytes, Math.max(0, bytes.length - SCAN_BYTES), SCAN_BYTES);
  return head.includes(name) || tail.includes(name);
}

function zipKind(bytes: Uint8Array): FileKind {
  if (asciiAt(bytes, 30, ODS_MIME.length) === ODS_MIME) return "ods";
  if (hasEntryName(bytes, OOXML_PART)) return "xlsx";
  // some writers compress «mimetype» or put it later: an ODF package still has content.xml
  return hasEntryName(bytes, ODF_PART) ? "ods" : "binary";
}

export function detectFileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP)) return zipKind(bytes);
  if (startsWith(bytes, CFB)) return hasEncryptionInfo(bytes) ? "encrypted" : "xls";
  return bytes.length > 0 && looksLikeText(bytes) ? "text" : "binary";
}
