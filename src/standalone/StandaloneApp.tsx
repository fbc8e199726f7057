import { useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
  type Theme,
} from "@fluentui/react-components";
import type { SheetInfo } from "../workbook/port";
import { ru } from "../i18n/ru";
import { AppContext } from "../taskpane/context";
import { Sections } from "../taskpane/App";
import { ObservedWorkbook, type CellTarget } from "./ObservedWorkbook";
import { detectFileKind, openSpreadsheet } from "../workbook/files/open";
import { SheetView, type SelectedCell } from "./SheetView";
import { LossySaveError } from "../workbook/xlsx/package/losslessSave";
import { resultsFileName } from "../workbook/xlsx/package/resultsWorkbook";

/** Shipped with the page (built from test/fixtures by scripts/make-sample.ts). */
export const SAMPLE_URL = "assets/sample/sample-zhku.xlsx";
const SAMPLE_NAME = "пример-взыскание-жку.xlsx";

const useStyles = makeStyles({
  page: {
    height: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  dragging: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-6px" },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: "240px" },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  body: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    flexGrow: 1,
    minHeight: 0,
    "@media (max-width: 720px)": { flexDirection: "column", overflow: "auto" },
  },
  pane: {
    width: "360px",
    flexShrink: 0,
    overflowY: "auto",
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    "@media (max-width: 720px)": { width: "100%", overflowY: "visible" },
  },
  book: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minWidth: 0,
    minHeight: "320px",
    gap: tokens.spacingVerticalXS,
  },
  tabs: { flexWrap: "wrap" },
  hiddenInput: { display: "none" },
});

type Notice = { intent: "success" | "error" | "info" | "warning"; text: string } | null;

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSM_MIME = "application/vnd.ms-excel.sheet.macroEnabled.12";

/** Hand bytes to the browser as a download. */
function offerDownload(bytes: ArrayBuffer | Uint8Array, name: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Table files the page opens (the format itself is read from the content: users rename files). */
function isTableName(name: string): boolean {
  return /\.(xlsx|xlsm|xls|ods|csv|txt)$/i.test(name);
}

/** .xlsx keeps the adapter's own open; .xls, .ods and .csv/.txt go through the readers (SheetJS loads on demand). */
async function openTableFile(data: ArrayBuffer, name: string): Promise<ObservedWorkbook> {
  const bytes = new Uint8Array(data);
  const kind = detectFileKind(bytes);
  if (kind === "xlsx") return ObservedWorkbook.open(data, name);
  return new ObservedWorkbook(await openSpreadsheet(bytes, name, kind), name);
}

/** A macro workbook stays .xlsm (its macros are kept, never run here). */
function downloadName(name: string, macroEnabled: boolean): string {
  const base = name.replace(/\.(xlsx|xlsm|xls|ods|csv|txt)$/i, "");
  return `${base} (результат).${macroEnabled ? "xlsm" : "xlsx"}`;
}

export function StandaloneApp(props: { theme: Theme }) {
  const styles = useStyles();
  const [workbook, setWorkbook] = useState<ObservedWorkbook | null>(null);
  const [workbookKey, setWorkbookKey] = useState("none");
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [activeSheet, setActiveSheet] = useState("");
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  /** The save was refused as lossy: the results can be downloaded as a separate workbook. */
  const [offerSeparate, setOfferSeparate] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const openCount = useRef(0);

  const refreshSheets = useCallback(async (wb: ObservedWorkbook, preferred?: string) => {
    const list = (await wb.listSheets()).filter((s) => s.visible);
    setSheets(list);
    setActiveSheet((cur) => {
      const want = preferred ?? cur;
      return list.some((s) => s.name === want) ? want : (list[0]?.name ?? "");
    });
  }, []);

  const open = useCallback(
    async (load: () => Promise<ArrayBuffer>, name: string) => {
      setBusy(true);
      setNotice({ intent: "info", text: ru.standalone.loading });
      try {
        const wb = await openTableFile(await load(), name);
        openCount.current += 1;
        setSelected(null);
        setWorkbook(wb);
        setOfferSeparate(false);
        setWorkbookKey(`${openCount.current}:${name}`);
        await refreshSheets(wb, "");
        setNotice({ intent: "success", text: ru.standalone.opened(name) });
      } catch (e) {
        setNotice({
          intent: "error",
          text: ru.standalone.openFailed(name, e instanceof Error ? e.message : String(e)),
        });
      } finally {
        setBusy(false);
      }
    },
    [refreshSheets],
  );

  // Writes by the sections (own sheets, marks) show up in the grid and the sheet tabs.
  useEffect(() => {
    if (!workbook) return;
    workbook.onChange = () => {
      setVersion((v) => v + 1);
      void refreshSheets(workbook);
    };
    workbook.onSelect = (t: CellTarget) => {
      setActiveSheet(t.sheet);
      setSelected({ row: t.row, col: t.col });
    };
    return () => {
      workbook.onChange = null;
      workbook.onSelect = null;
    };
  }, [workbook, refreshSheets]);

  const openFile = (file: File) => {
    if (!isTableName(file.name)) {
      setNotice({ intent: "error", text: ru.standalone.notXlsx(file.name) });
      return;
    }
    void open(() => file.arrayBuffer(), file.name);
  };

  const openSample = () =>
    void open(async () => {
      const res = await fetch(SAMPLE_URL);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.arrayBuffer();
    }, SAMPLE_NAME);

  // `npm start` prints standalone.html?sample=1: the page opens the bundled example by itself.
  const autoOpened = useRef(false);
  useEffect(() => {
    if (autoOpened.current || !new URLSearchParams(window.location.search).has("sample")) return;
    autoOpened.current = true;
    openSample();
  }, []);

  const download = async () => {
    if (!workbook) return;
    setBusy(true);
    setOfferSeparate(false);
    try {
      const macro = workbook.xlsx.macroEnabled;
      const name = downloadName(workbook.fileName, macro);
      offerDownload(await workbook.save(), name, macro ? XLSM_MIME : XLSX_MIME);
      setNotice({ intent: "success", text: ru.standalone.saved(name) });
    } catch (e) {
      if (e instanceof LossySaveError) {
        setOfferSeparate(true);
        setNotice({ intent: "warning", text: ru.standalone.lossy(e.problems.join("; ")) });
      } else setNotice({ intent: "error", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const downloadSeparate = async () => {
    if (!workbook) return;
    setBusy(true);
    try {
      const name = resultsFileName(workbook.fileName);
      offerDownload(await workbook.xlsx.saveResults(workbook.fileName), name, XLSX_MIME);
      setOfferSeparate(false);
      setNotice({ intent: "success", text: ru.standalone.saved(name) });
    } catch (e) {
      setNotice({ intent: "error", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files?.[0];
    if (file) openFile(file);
  };

  const sheetInfo = sheets.find((s) => s.name === activeSheet);

  return (
    <FluentProvider theme={props.theme}>
      <AppContext.Provider value={{ host: "standalone", port: workbook, workbookKey }}>
        <div
          className={mergeClasses(styles.page, dragging && styles.dragging)}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <header className={styles.header}>
            <div className={styles.titles}>
              <Title3 as="h1">{ru.standalone.title}</Title3>
              <Caption1>{`${ru.standalone.intro} ${dragging ? ru.standalone.dropActive : ru.standalone.dropHere}.`}</Caption1>
            </div>
            <div className={styles.toolbar}>
              <Button onClick={() => fileInput.current?.click()} disabled={busy}>
                {ru.standalone.openFile}
              </Button>
              <Button onClick={openSample} disabled={busy}>
                {ru.standalone.openSample}
              </Button>
              <Button appearance="primary" onClick={() => void download()} disabled={busy || !workbook}>
                {ru.standalone.download}
              </Button>
              <input
                ref={fileInput}
                className={styles.hiddenInput}
                type="file"
                accept=".xlsx,.xlsm,.xls,.ods,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-label={ru.standalone.openFile}
                data-testid="file-input"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) openFile(f);
                  e.target.value = "";
                }}
              />
            </div>
          </header>
          {notice && (
            <MessageBar intent={notice.intent} data-testid="notice">
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
          {offerSeparate && workbook && (
            <div className={styles.toolbar}>
              <Button appearance="primary" onClick={() => void downloadSeparate()} disabled={busy}>
                {ru.standalone.downloadResults}
              </Button>
            </div>
          )}
          <div className={styles.body}>
            <main className={styles.pane} aria-label={ru.appTitle}>
              <Sections />
            </main>
            <section className={styles.book} aria-label={ru.standalone.sheets}>
              {workbook ? (
                <>
                  <TabList
                    className={styles.tabs}
                    size="small"
                    selectedValue={activeSheet}
                    onTabSelect={(_, d) => {
                      setActiveSheet(String(d.value));
                      setSelected(null);
                    }}
                    aria-label={ru.standalone.sheets}
                  >
                    {sheets.map((s) => (
                      <Tab key={s.name} value={s.name}>
                        {s.name}
                      </Tab>
                    ))}
                  </TabList>
                  {sheetInfo && (
                    <Caption1>{`${ru.standalone.sizeInfo(sheetInfo.rows, sheetInfo.columns)}. ${ru.standalone.legend}`}</Caption1>
                  )}
                  {activeSheet && (
                    <SheetView
                      workbook={workbook}
                      sheet={activeSheet}
                      version={version}
                      selected={selected}
                      onSelect={setSelected}
                    />
                  )}
                </>
              ) : (
                <Text>{ru.noWorkbook}</Text>
              )}
            </section>
          </div>
        </div>
      </AppContext.Provider>
    </FluentProvider>
  );
}
