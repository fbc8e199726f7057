/** What every section needs from its surroundings: the open workbook (if any) and where it runs. */
import { createContext, useContext } from "react";
import type { WorkbookPort } from "../workbook/port";

/** excel: inside Excel; standalone: the standalone page with a file open (or not); outside: taskpane outside Office. */
export type HostKind = "excel" | "standalone" | "outside";

export interface AppEnvironment {
  host: HostKind;
  /** The workbook the sections work on; null when none is open (or the taskpane runs outside Excel). */
  port: WorkbookPort | null;
  /** Changes whenever another workbook is opened, so sections drop results that belong to the previous one. */
  workbookKey: string;
  /** Called after an operation wrote into the workbook (the standalone grid re-reads the sheets). */
  onWorkbookChanged?: () => void;
}

export const AppContext = createContext<AppEnvironment>({ host: "outside", port: null, workbookKey: "" });

export function useAppEnvironment(): AppEnvironment {
  return useContext(AppContext);
}
