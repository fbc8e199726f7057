/**
 * A QR code as a PNG, made without a canvas: `qrcode` computes the module matrix, and we write a 1-bit greyscale
 * PNG ourselves. Works the same in Node, the page and a Web Worker (no DOM needed). The image data goes in zlib
 * "stored" blocks (no compression): a receipt's QR is a few kilobytes either way, and no deflate library is needed.
 */
import QRCode from "qrcode";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A zlib stream of stored (uncompressed) deflate blocks (RFC 1950, RFC 1951 § 3.2.4). */
function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(2 + data.length + blocks * 5 + 4);
  const view = new DataView(out.buffer);
  out[0] = 0x78; // deflate, 32 K window
  out[1] = 0x01; // no preset dictionary; header check bits make 0x7801 divisible by 31
  let o = 2;
  for (let i = 0; i < blocks; i++) {
    const chunkData = data.subarray(i * 65535, Math.min(data.length, (i + 1) * 65535));
    out[o] = i === blocks - 1 ? 1 : 0; // BFINAL, BTYPE = 00
    view.setUint16(o + 1, chunkData.length, true);
    view.setUint16(o + 3, ~chunkData.length & 0xffff, true);
    out.set(chunkData, o + 5);
    o += 5 + chunkData.length;
  }
  view.setUint32(o, adler32(data));
  return out;
}

/** A PNG of a boolean matrix: `dark(x, y)` for each module, `scale` pixels per module, `margin` modules of quiet zone. */
function matrixPng(size: number, dark: (x: number, y: number) => boolean, scale: number, margin: number): Uint8Array {
  const px = (size + 2 * margin) * scale;
  const rowBytes = Math.ceil(px / 8);
  const raw = new Uint8Array((rowBytes + 1) * px);
  for (let y = 0; y < px; y++) {
    const base = y * (rowBytes + 1); // filter byte 0 (none) at base
    const my = Math.floor(y / scale) - margin;
    for (let x = 0; x < px; x++) {
      const mx = Math.floor(x / scale) - margin;
      const black = mx >= 0 && my >= 0 && mx < size && my < size && dark(mx, my);
      // greyscale 1 bit: 1 = white, 0 = black
      if (!black) raw[base + 1 + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, px);
  v.setUint32(4, px);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlibStored(raw)),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export interface QrPng {
  png: Uint8Array;
  /** Width = height in pixels. */
  pixels: number;
}

/** The text as a QR code PNG (error correction M, as bank receipts use; 4-module quiet zone). */
export function qrPng(text: string, options: { scale?: number } = {}): QrPng {
  const scale = options.scale ?? 4;
  const margin = 4;
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const { size, data } = qr.modules as unknown as { size: number; data: Uint8Array };
  return {
    png: matrixPng(size, (x, y) => data[y * size + x] === 1, scale, margin),
    pixels: (size + 2 * margin) * scale,
  };
}
