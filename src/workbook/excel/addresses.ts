/** A1 address lists: parsing what Excel returns, building short lists for RangeAreas. */
import type { MergedArea } from "../../domain/grid";
import { cellAddress } from "../../domain/grid";
import { runsOf } from "../common";
import { MAX_ADDRESS_LIST } from "./env";

/** A vertical run of cells in one column (0-based rows r1..r2). */
export interface CellRun {
  r1: number;
  r2: number;
  c: number;
}

/** "Лист!A1:B2,'Лист 2'!C3" → 0-based areas. */
export function parseAddressList(list: string): MergedArea[] {
  const out: MergedArea[] = [];
  const re = /(?:(?:'(?:[^']|'')*'|[^!,']+)!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;
  for (const m of list.matchAll(re)) {
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const top = +m[2] - 1,
      left = col(m[1]);
    out.push({ top, left, bottom: m[4] ? +m[4] - 1 : top, right: m[3] ? col(m[3]) : left });
  }
  return out;
}

/** Areas → "A1:A5,C7" address lists, each under MAX_ADDRESS_LIST characters. */
export function addressLists(areas: CellRun[]): string[] {
  const lists: string[] = [];
  let cur = "";
  for (const a of areas) {
    const addr = a.r1 === a.r2 ? cellAddress(a.r1, a.c) : `${cellAddress(a.r1, a.c)}:${cellAddress(a.r2, a.c)}`;
    if (cur && cur.length + addr.length + 1 > MAX_ADDRESS_LIST) {
      lists.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${addr}` : addr;
  }
  if (cur) lists.push(cur);
  return lists;
}

/** Cells grouped into vertical runs per column (fewer, larger areas). */
export function cellRuns(cells: { r: number; c: number }[]): CellRun[] {
  const byCol = new Map<number, number[]>();
  for (const { r, c } of cells) (byCol.get(c) ?? byCol.set(c, []).get(c)!).push(r);
  const out: CellRun[] = [];
  for (const [c, rows] of [...byCol.entries()].sort((a, b) => a[0] - b[0]))
    for (const [r1, r2] of runsOf([...new Set(rows)].sort((a, b) => a - b))) out.push({ r1, r2, c });
  return out;
}

/** RangeAreas for an address list (ExcelApi 1.9), or a plain range for a single area. */
export function areas(ws: Excel.Worksheet, list: string): { format: { fill: { color: string; clear(): void } } } {
  return list.includes(",") ? ws.getRanges(list) : ws.getRange(list);
}
