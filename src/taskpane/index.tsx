/**
 * Taskpane entry. taskpane.html first runs a tiny ES5 check for the old IE11/EdgeHTML webviews and, when it finds
 * one, shows its own message and sets window.zhkuUnsupportedWebview — then this bundle renders nothing.
 */
import { createRoot } from "react-dom/client";
import { TaskpaneApp } from "./TaskpaneApp";
import { createExcelPort, excelApiSupported } from "./excelPort";
import { isDarkOfficeTheme, pickTheme, prefersDark } from "./theme";
import { ru } from "../i18n/ru";
import type { WorkbookPort } from "../workbook/port";
import type { HostKind } from "./context";

declare global {
  interface Window {
    zhkuUnsupportedWebview?: boolean;
  }
}

function officeReady(): Promise<{ host: Office.HostType | null }> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve({ host: null });
  return Office.onReady().then((info) => ({ host: info.host ?? null }));
}

async function boot(): Promise<void> {
  const container = document.getElementById("root");
  if (!container || window.zhkuUnsupportedWebview) return;
  const root = createRoot(container);
  const info = await officeReady();
  let host: HostKind = "outside";
  let port: WorkbookPort | null = null;
  let problem: string | undefined;
  if (info.host !== null && info.host === Office.HostType.Excel) {
    host = "excel";
    if (!excelApiSupported()) problem = ru.host.excelTooOld;
    else {
      try {
        port = await createExcelPort();
      } catch (e) {
        problem = e instanceof Error ? e.message : String(e);
      }
    }
  }
  const dark = isDarkOfficeTheme() ?? prefersDark();
  root.render(<TaskpaneApp host={host} port={port} theme={pickTheme(dark)} problem={problem} />);
  document.body.dataset.ready = host;
}

void boot();
