/** Payload accounting of the fake host: request and response bytes as they travel to and from Excel. */

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const CELL_READ_LIMIT = 5_000_000;
/** Rough per-command overhead of the real request JSON (object path, action type, ids). */
export const COMMAND_OVERHEAD = 100;

const utf8 = new TextEncoder();
/** Payload bytes: the JSON as UTF-8, as it travels to and from Excel. */
export function jsonSize(v: unknown): number {
  const json = JSON.stringify(v);
  return json === undefined ? 0 : utf8.encode(json).length;
}
