import { useState, type ReactNode } from "react";
import { Subtitle1, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { ru } from "../i18n/ru";
import { CheckSection } from "./sections/CheckSection";
import { CandidatesSection } from "./sections/CandidatesSection";
import { ReconcileSection } from "./sections/ReconcileSection";
import { PlanSection } from "./sections/PlanSection";
import { SettingsSection } from "./sections/SettingsSection";
import { DocumentsSection } from "./sections/DocumentsSection";

export type SectionId = "check" | "candidates" | "documents" | "reconcile" | "plan" | "settings";
export const SECTION_IDS: SectionId[] = ["check", "candidates", "documents", "reconcile", "plan", "settings"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  // Five Russian labels do not fit one line at 320 px: let the tabs wrap instead of scrolling sideways.
  tabs: { flexWrap: "wrap", rowGap: "2px" },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    "&[hidden]": { display: "none" },
  },
});

const SECTIONS: Record<SectionId, () => ReactNode> = {
  check: () => <CheckSection />,
  candidates: () => <CandidatesSection />,
  documents: () => <DocumentsSection />,
  reconcile: () => <ReconcileSection />,
  plan: () => <PlanSection />,
  settings: () => <SettingsSection />,
};

/** The workflow as navigable sections; the same component in the taskpane and on the standalone page. */
export function Sections(props: { initial?: SectionId }) {
  const styles = useStyles();
  const [selected, setSelected] = useState<SectionId>(props.initial ?? "check");
  return (
    <div className={styles.root}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={selected}
        onTabSelect={(_, d) => setSelected(d.value as SectionId)}
        aria-label={ru.sectionsNav}
      >
        {SECTION_IDS.map((id) => (
          <Tab key={id} id={`tab-${id}`} value={id} aria-controls={`panel-${id}`}>
            {ru.sections[id]}
          </Tab>
        ))}
      </TabList>
      {/* All panels stay mounted (hidden when not selected) so a result or a running check survives a visit to
          another section. */}
      {SECTION_IDS.map((id) => (
        <div
          key={id}
          className={styles.panel}
          role="tabpanel"
          id={`panel-${id}`}
          aria-labelledby={`tab-${id}`}
          hidden={id !== selected}
        >
          <Subtitle1 as="h2">{ru.sections[id]}</Subtitle1>
          {SECTIONS[id]()}
        </div>
      ))}
    </div>
  );
}
