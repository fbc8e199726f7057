/** Standalone page entry: the taskpane's sections beside a read-only view of an .xlsx opened in the browser. */
import { createRoot } from "react-dom/client";
import { StandaloneApp } from "./StandaloneApp";
import { pickTheme, prefersDark } from "../taskpane/theme";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(<StandaloneApp theme={pickTheme(prefersDark())} />);
  document.body.dataset.ready = "standalone";
}
