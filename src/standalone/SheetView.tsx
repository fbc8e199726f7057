/**
 * A read-only, virtualised view of one sheet: only the visible rows and columns are in the DOM, so a 100 000-row
 * ledger scrolls smoothly. Column letters and row numbers stay in view (sticky); cells show the text Excel would
 * show and their fill (the add-in's marks). Keyboard: arrows, Home/End, PageUp/PageDown, Ctrl+Home/End move the
 * selected cell.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetGrid } from "../domain/grid";
import { cellAddress, columnLetter } from "../domain/grid";
import { ru } from "../i18n/ru";
import type { ObservedWorkbook } from "./ObservedWorkbook";

const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 24;
const ROW_HEADER_WIDTH = 56;
const MIN_COL = 64;
const MAX_COL = 280;

const useStyles = makeStyles({
  scroller: {
    position: "relative",
    overflow: "auto",
    flexGrow: 1,
    minHeight: "240px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    display: "flex",
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  row: { position: "absolute", left: 0, display: "flex", height: `${ROW_HEIGHT}px` },
  corner: {
    position: "sticky",
    left: 0,
    zIndex: 3,
    flexShrink: 0,
    width: `${ROW_HEADER_WIDTH}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    flexShrink: 0,
    width: `${ROW_HEADER_WIDTH}px`,
    boxSizing: "border-box",
    paddingRight: "4px",
    textAlign: "right",
    lineHeight: `${ROW_HEIGHT}px`,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  colHeader: {
    flexShrink: 0,
    boxSizing: "border-box",
    textAlign: "center",
    lineHeight: `${HEADER_HEIGHT}px`,
    color: tokens.colorNeutralForeground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    flexShrink: 0,
    boxSizing: "border-box",
    paddingLeft: "4px",
    paddingRight: "4px",
    lineHeight: `${ROW_HEIGHT - 1}px`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    color: tokens.colorNeutralForeground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  marked: { color: "#242424" },
  number: { textAlign: "right" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  status: { padding: tokens.spacingHorizontalM },
});

export interface SelectedCell {
  row: number;
  col: number;
}

/** Column widths from the text in the first rows (what a user would see), within limits. */
function columnWidths(grid: SheetGrid, columns: number): number[] {
  const widths = new Array<number>(columns).fill(MIN_COL);
  const sample = Math.min(grid.text.length, 300);
  for (let r = 0; r < sample; r++) {
    const row = grid.text[r];
    for (let c = 0; c < columns; c++) {
      const len = row[c]?.length ?? 0;
      if (len) widths[c] = Math.max(widths[c], Math.min(MAX_COL, 14 + len * 7));
    }
  }
  return widths;
}

export function SheetView(props: {
  workbook: ObservedWorkbook;
  sheet: string;
  version: number;
  selected: SelectedCell | null;
  onSelect: (cell: SelectedCell) => void;
}) {
  const styles = useStyles();
  const { workbook, sheet, version, selected, onSelect } = props;
  const [grid, setGrid] = useState<SheetGrid | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    workbook.readSheet(sheet).then(
      (g) => live && setGrid(g),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [workbook, sheet, version]);

  // The grid shows the sheet from A1, so offsets of the used range become empty leading rows/columns.
  const rows = grid ? grid.top + grid.values.length : 0;
  const cols = grid ? grid.left + (grid.values[0]?.length ?? 0) : 0;
  const widths = useMemo(() => {
    if (!grid) return [];
    const inner = columnWidths(grid, grid.values[0]?.length ?? 0);
    return [...new Array<number>(grid.left).fill(MIN_COL), ...inner];
  }, [grid]);

  const rowVirtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // The sticky column-letter row sits above the rows: offsets include it, and scrolling keeps cells below it.
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const colVirtualizer = useVirtualizer({
    horizontal: true,
    count: cols,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => widths[i] ?? MIN_COL,
    overscan: 3,
    paddingStart: ROW_HEADER_WIDTH,
    scrollPaddingStart: ROW_HEADER_WIDTH,
  });

  useEffect(() => {
    colVirtualizer.measure();
  }, [widths, colVirtualizer]);

  // Bring the selected cell into view (a click on a finding, or keyboard moves).
  useEffect(() => {
    if (!selected || !grid) return;
    rowVirtualizer.scrollToIndex(selected.row, { align: "auto" });
    colVirtualizer.scrollToIndex(selected.col, { align: "auto" });
  }, [selected, grid, rowVirtualizer, colVirtualizer]);

  if (error) return <Text className={styles.status}>{error}</Text>;
  if (!grid || grid.sheet !== sheet)
    return <Spinner className={styles.status} label={ru.standalone.loading} size="small" />;
  if (rows === 0 || cols === 0) return <Text className={styles.status}>{ru.standalone.emptySheet}</Text>;

  const vRows = rowVirtualizer.getVirtualItems();
  const vCols = colVirtualizer.getVirtualItems();
  const totalWidth = colVirtualizer.getTotalSize();
  // Width of the columns scrolled out on the left (the row numbers take the first ROW_HEADER_WIDTH pixels).
  const leftPad = vCols.length ? vCols[0].start - ROW_HEADER_WIDTH : 0;

  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const cur = selected ?? { row: 0, col: 0 };
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 480) / ROW_HEIGHT) - 2);
    const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
    const clampCol = (c: number) => Math.max(0, Math.min(cols - 1, c));
    let next: SelectedCell | null = null;
    switch (e.key) {
      case "ArrowDown":
        next = { row: clampRow(cur.row + 1), col: cur.col };
        break;
      case "ArrowUp":
        next = { row: clampRow(cur.row - 1), col: cur.col };
        break;
      case "ArrowRight":
        next = { row: cur.row, col: clampCol(cur.col + 1) };
        break;
      case "ArrowLeft":
        next = { row: cur.row, col: clampCol(cur.col - 1) };
        break;
      case "PageDown":
        next = { row: clampRow(cur.row + page), col: cur.col };
        break;
      case "PageUp":
        next = { row: clampRow(cur.row - page), col: cur.col };
        break;
      case "Home":
        next = e.ctrlKey ? { row: 0, col: 0 } : { row: cur.row, col: 0 };
        break;
      case "End":
        next = e.ctrlKey ? { row: rows - 1, col: cols - 1 } : { row: cur.row, col: cols - 1 };
        break;
    }
    if (next) {
      e.preventDefault();
      onSelect(next);
    }
  };

  const cellId = (r: number, c: number) => `cell-${r}-${c}`;
  const activeId = selected ? cellId(selected.row, selected.col) : undefined;
  const rowsInGrid = grid.values.length;
  const colsInGrid = grid.values[0]?.length ?? 0;

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-readonly="true"
      aria-label={ru.standalone.gridLabel(sheet)}
      aria-rowcount={rows + 1}
      aria-colcount={cols + 1}
      aria-activedescendant={activeId}
      tabIndex={0}
      onKeyDown={move}
      data-testid="sheet-grid"
    >
      <div style={{ height: rowVirtualizer.getTotalSize(), width: totalWidth, position: "relative" }}>
        <div className={styles.header} role="row" aria-rowindex={1} style={{ width: totalWidth }}>
          <div className={styles.corner} role="columnheader" aria-colindex={1} />
          <div aria-hidden="true" style={{ width: leftPad, flexShrink: 0 }} />
          {vCols.map((c) => (
            <div
              key={c.key}
              className={styles.colHeader}
              role="columnheader"
              aria-colindex={c.index + 2}
              style={{ width: c.size }}
            >
              {columnLetter(c.index)}
            </div>
          ))}
        </div>
        {vRows.map((r) => {
          const gr = r.index - grid.top;
          const inGrid = gr >= 0 && gr < rowsInGrid;
          return (
            <div
              key={r.key}
              className={styles.row}
              role="row"
              aria-rowindex={r.index + 2}
              style={{ top: r.start, width: totalWidth }}
            >
              <div className={styles.rowHeader} role="rowheader" aria-colindex={1}>
                {r.index + 1}
              </div>
              <div aria-hidden="true" style={{ width: leftPad, flexShrink: 0 }} />
              {vCols.map((c) => {
                const gc = c.index - grid.left;
                const has = inGrid && gc >= 0 && gc < colsInGrid;
                const text = has ? grid.text[gr][gc] : "";
                const isNumber = has && typeof grid.values[gr][gc] === "number";
                const fill = has ? workbook.fillColor(sheet, r.index, c.index) : null;
                const isSelected = selected?.row === r.index && selected?.col === c.index;
                const className = [
                  styles.cell,
                  isNumber ? styles.number : "",
                  fill ? styles.marked : "",
                  isSelected ? styles.selected : "",
                ].join(" ");
                return (
                  <div
                    key={c.key}
                    id={cellId(r.index, c.index)}
                    className={className}
                    role="gridcell"
                    aria-colindex={c.index + 2}
                    aria-selected={isSelected}
                    title={text.length > 12 ? `${cellAddress(r.index, c.index)}: ${text}` : undefined}
                    style={{ width: c.size, backgroundColor: fill ?? undefined }}
                    onClick={() => onSelect({ row: r.index, col: c.index })}
                  >
                    {text}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
