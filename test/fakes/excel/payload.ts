/** Payload accounting of the fake host: request and response bytes as they travel to and from Excel. */

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const CELL_READ_LIMIT = 5_000_000;
/** Request bytes of one action besides its arguments (id, type, name, object path id, the path chain). */
export const COMMAND_OVERHEAD = 130;
/**
 * Request bytes of one proxy: the real library sends an object path (type, name, parent id, arguments) and an
 * Instantiate action for every object a batch uses — a range, its format, its fill. Calibrated against the real
 * serializer (test/contract/realRequestSizes.test.ts).
 */
export const PROXY_BYTES = 170;
/** The real library splits a values or numberFormat array of more than 1 500 cells into row chunks, each addressed
 * by getRow(first).getBoundingRect(getRow(last)): three more objects and an action per chunk. */
export const LARGE_ARRAY_CELLS = 1500;
export const LARGE_ARRAY_CHUNK_BYTES = 800;

/** Request bytes of a 2-D array written to a range, with the library's chunking of large arrays. */
export function arrayRequestBytes(v: unknown): number {
  const bytes = jsonSize(v);
  if (!Array.isArray(v) || v.length === 0 || !Array.isArray(v[0])) return bytes;
  const cols = (v[0] as unknown[]).length;
  if (v.length * cols <= LARGE_ARRAY_CELLS) return bytes;
  const rowsPerChunk = Math.max(1, Math.round(LARGE_ARRAY_CELLS / cols));
  return bytes + Math.ceil(v.length / rowsPerChunk) * LARGE_ARRAY_CHUNK_BYTES;
}

const utf8 = new TextEncoder();
/** Payload bytes: the JSON as UTF-8, as it travels to and from Excel. */
export function jsonSize(v: unknown): number {
  const json = JSON.stringify(v);
  return json === undefined ? 0 : utf8.encode(json).length;
}
