/**
 * The .xlsx/.xlsm package as a map of part name → bytes, in the zip's own order. Part names have no leading slash
 * ("xl/workbook.xml"); [Content_Types].xml and _rels/.rels are parts like any other. Writing copies the compressed
 * bytes of every part left as read (same array) straight from the original file — nothing to recompress, and the
 * part is the user's to the byte — and deflates only the parts the add-in wrote.
 */
import { deflateSync, unzipSync } from "fflate";

export type PackageParts = Map<string, Uint8Array>;

/** A part as stored in the original zip: its compressed bytes and the header fields that go with them. */
interface RawEntry {
  data: Uint8Array;
  /** The decompressed array readPackage handed out: the part is unchanged while the map still holds it. */
  content: Uint8Array;
  method: number;
  crc: number;
  size: number;
  flags: number;
}

const rawEntries = new WeakMap<PackageParts, Map<string, RawEntry>>();

/** Central directory entries of a (non-zip64) archive; an empty map when it cannot be read that way. */
function centralDirectory(bytes: Uint8Array): Map<string, Omit<RawEntry, "content">> {
  const out = new Map<string, Omit<RawEntry, "content">>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const utf8 = new TextDecoder("utf-8");
  for (let n = 0; n < count && p + 46 <= bytes.length; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) return new Map();
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const csize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const skip = nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + skip;
    if (csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) continue; // zip64: recompress
    if (view.getUint32(local, true) !== 0x04034b50 || (method !== 0 && method !== 8)) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.set(name, { data: bytes.subarray(start, start + csize), method, crc, size, flags: flags & 0x0800 });
  }
  return out;
}

export function readPackage(bytes: Uint8Array): PackageParts {
  const files = unzipSync(bytes);
  const parts: PackageParts = new Map();
  for (const name of Object.keys(files)) if (!name.endsWith("/")) parts.set(name, files[name]);
  const raw = new Map<string, RawEntry>();
  for (const [name, entry] of centralDirectory(bytes)) {
    const content = parts.get(name);
    if (content) raw.set(name, { ...entry, content });
  }
  rawEntries.set(parts, raw);
  return parts;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Big parts (a marked 100 000-row sheet) deflate at the fast level: the download stays quick, ~15 % larger. */
function levelFor(content: Uint8Array): 1 | 6 {
  return content.length > 1 << 20 ? 1 : 6;
}

/** Zip the parts; [Content_Types].xml first, as Office writes it (some readers expect it there). */
export function writePackage(parts: PackageParts): Uint8Array {
  const raw = rawEntries.get(parts) ?? new Map<string, RawEntry>();
  const names = [...parts.keys()].sort((a, b) => +(b === "[Content_Types].xml") - +(a === "[Content_Types].xml"));
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const name of names) {
    const content = parts.get(name)!;
    const kept = raw.get(name);
    const entry =
      kept && kept.content === content
        ? kept
        : {
            data: deflateSync(content, { level: levelFor(content) }),
            method: 8,
            crc: crc32(content),
            size: content.length,
            flags: 0,
          };
    const nameBytes = enc.encode(name);
    const flags = entry.flags | 0x0800; // names are UTF-8
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint16(12, 0x21, true); // 1980-01-01: the date says nothing about the user's data
    lv.setUint32(14, entry.crc, true);
    lv.setUint32(18, entry.data.length, true);
    lv.setUint32(22, entry.size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const cd = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, entry.method, true);
    cv.setUint16(14, 0x21, true);
    cv.setUint32(16, entry.crc, true);
    cv.setUint32(20, entry.data.length, true);
    cv.setUint32(24, entry.size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    cd.set(nameBytes, 46);
    chunks.push(local, entry.data);
    central.push(cd);
    offset += local.length + entry.data.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, names.length, true);
  ev.setUint16(10, names.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, p);
    p += c.length;
  }
  return out;
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
/** The workbook part's content type is the macro-enabled one (.xlsm); reads only [Content_Types].xml. */
export function isMacroEnabledPackage(bytes: Uint8Array): boolean {
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === "[Content_Types].xml" });
    const ct = files["[Content_Types].xml"];
    return !!ct && decoder.decode(ct).includes("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  } catch {
    return false;
  }
}
