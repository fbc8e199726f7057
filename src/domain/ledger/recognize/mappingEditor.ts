/**
 * What the taskpane's mapping editor offers: every column with its header and first values, and per concept the
 * detected column and the other columns whose header could mean it.
 */
import { columnLetter, type SheetGrid } from "../../grid";
import type { LedgerConcept } from "../model";
import { CONCEPT_TITLES } from "../headers";
import { GridReader, isGridEmpty } from "./gridReader";
import { detect } from "./detect";

export interface ColumnChoice {
  /** 0-based sheet column. */
  col: number;
  letter: string;
  header: string;
  /** The first few data values as displayed. */
  preview: string[];
}

export interface ConceptChoice {
  concept: LedgerConcept;
  title: string;
  /** The detected column (0-based) or null. */
  detected: number | null;
  /** Columns whose header matches the concept, best first. */
  suggested: number[];
}

export interface MappingChoices {
  sheet: string;
  /** 1-based header row. */
  headerRow: number;
  columns: ColumnChoice[];
  concepts: ConceptChoice[];
}

/**
 * What the taskpane's mapping editor shows: every column with its header and a preview of values, and per concept
 * the detected column plus the other columns whose header could mean it. Null when no header is found.
 */
export function describeColumns(grid: SheetGrid, previewRows = 5): MappingChoices | null {
  const g = new GridReader(grid);
  if (isGridEmpty(g)) return null;
  const { header, mapping } = detect(g);
  if (!header) return null;
  const columns: ColumnChoice[] = [];
  for (let c = 0; c < g.width; c++) {
    const preview: string[] = [];
    for (let r = header.bottom + 1; r < g.rows && preview.length < previewRows; r++) {
      const t = g.text(r, c);
      if (t !== "") preview.push(t);
    }
    if (header.texts[c] === "" && preview.length === 0) continue;
    columns.push({ col: g.sheetCol(c), letter: columnLetter(g.sheetCol(c)), header: header.texts[c], preview });
  }
  const concepts: ConceptChoice[] = (Object.keys(CONCEPT_TITLES) as LedgerConcept[]).map((concept) => {
    const suggested: { col: number; score: number }[] = [];
    header.matches.forEach((m, c) => {
      if (m?.concept === concept) suggested.push({ col: g.sheetCol(c), score: m.score });
    });
    suggested.sort((a, b) => b.score - a.score || a.col - b.col);
    return {
      concept,
      title: CONCEPT_TITLES[concept],
      detected: mapping.columns[concept] ?? null,
      suggested: suggested.map((s) => s.col),
    };
  });
  return { sheet: grid.sheet, headerRow: g.sheetRow(header.bottom) + 1, columns, concepts };
}
