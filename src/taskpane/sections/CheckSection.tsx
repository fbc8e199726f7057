import { useMemo, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Link,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ru, formatCount } from "../../i18n/ru";
import { useAppEnvironment } from "../context";
import { capabilities, type CheckReport, type UiFinding } from "../capabilities";
import { useOperation } from "../useOperation";
import { ProgressPanel } from "../components/ProgressPanel";
import { ErrorNotice, NoWorkbook, NotBuilt } from "../components/Notices";
import { SheetPicker } from "../components/SheetPicker";
import { MappingEditor } from "../components/MappingEditor";
import { excelNotesSupported } from "../excelPort";

/** Findings shown in the pane; the full list is on the «Проверка» sheet. */
const MAX_SHOWN = 200;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: "2px" },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  table: { tableLayout: "auto" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export function CheckSection() {
  const styles = useStyles();
  const env = useAppEnvironment();
  const { port, workbookKey } = env;
  const [sheet, setSheet] = useState("");
  const [marksCleared, setMarksCleared] = useState(false);
  const op = useOperation<CheckReport>(workbookKey);

  const run = capabilities.checkLedger;
  if (!run) return <NotBuilt text={ru.notBuilt.check} />;
  if (!port) return <NoWorkbook />;

  const onClearMarks = async () => {
    try {
      await port.clearMarks();
      setMarksCleared(true);
      env.onWorkbookChanged?.();
    } catch {
      setMarksCleared(false);
    }
  };

  const onRun = () =>
    op.run(async (o) => {
      setMarksCleared(false);
      const report = await run(port, { ...o, sheet: sheet || undefined });
      env.onWorkbookChanged?.();
      return report;
    });

  return (
    <div className={styles.root}>
      <SheetPicker label={ru.check.sheet} value={sheet} onChange={setSheet} />
      {op.state.status === "running" ? (
        <ProgressPanel progress={op.state.progress} onCancel={op.cancel} />
      ) : (
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={onRun}>
            {ru.check.run}
          </Button>
          <Button onClick={() => void onClearMarks()}>{ru.check.clearMarks}</Button>
        </div>
      )}
      {marksCleared && <Text role="status">{ru.check.marksCleared}</Text>}
      {op.state.status === "cancelled" && <Text role="status">{ru.progress.cancelled}</Text>}
      {op.state.status === "failed" && <ErrorNotice title={ru.check.failed} message={op.state.message} />}
      {op.state.status === "done" && <CheckResult report={op.state.result} onRerun={onRun} />}
    </div>
  );
}

function CheckResult({ report, onRerun }: { report: CheckReport; onRerun: () => void }) {
  const styles = useStyles();
  const { port } = useAppEnvironment();
  const [editing, setEditing] = useState(false);
  const bySeverity = useMemo(() => countBy(report.findings, (f) => f.severity), [report]);
  const byCode = useMemo(() => countBy(report.findings, (f) => f.code), [report]);
  const shown = report.findings.slice(0, MAX_SHOWN);
  const jump = (f: UiFinding) => void port?.selectCell(f.sheet, f.row, f.col).catch(() => undefined);

  return (
    <section className={styles.root} aria-label={ru.check.summary}>
      <div className={styles.facts}>
        <Text weight="semibold">{ru.check.layout}</Text>
        <Text>{ru.check.layouts[report.layout] ?? report.layout}</Text>
        <Text weight="semibold">{ru.check.period}</Text>
        <Text>{report.period ? `${report.period.from} — ${report.period.to}` : "—"}</Text>
        <Text weight="semibold">{ru.check.headerRow}</Text>
        <Text>{report.headerRow}</Text>
      </div>
      <Caption1>{ru.check.rows(report.rows.data, report.rows.skipped)}</Caption1>
      <Subtitle2 as="h3">{ru.check.mapping}</Subtitle2>
      <Text>
        {Object.entries(report.columns)
          .map(([concept, letter]) => `${concept}: ${letter}`)
          .join("; ")}
      </Text>
      {report.mappingCorrected && <Caption1>{ru.mapping.corrected}</Caption1>}
      <div>
        <Button size="small" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {editing ? ru.mapping.close : ru.mapping.open}
        </Button>
      </div>
      {editing && <MappingEditor sheet={report.sheet} current={report.mapping} onSaved={onRerun} />}
      <Subtitle2 as="h3">{ru.check.summary}</Subtitle2>
      {report.findings.length === 0 ? (
        <Text>{ru.check.noFindings}</Text>
      ) : (
        <>
          <div className={styles.badges}>
            {(["error", "warning", "info"] as const).map((s) =>
              bySeverity.get(s) ? (
                <Badge key={s} appearance="tint" color={SEVERITY_COLOR[s]}>
                  {`${ru.check.severity[s]}: ${formatCount(bySeverity.get(s) ?? 0)}`}
                </Badge>
              ) : null,
            )}
          </div>
          <Text>{[...byCode.entries()].map(([code, n]) => `${code} — ${formatCount(n)}`).join("; ")}</Text>
          <Subtitle2 as="h3">{`${ru.check.findings}: ${ru.check.findingsCount(report.findings.length)}`}</Subtitle2>
          <Caption1>{ru.check.findingsHint}</Caption1>
          {excelNotesSupported() === false && <Caption1 role="note">{ru.check.noNotes}</Caption1>}
          <Table size="extra-small" className={styles.table} aria-label={ru.check.findings}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{ru.check.cell}</TableHeaderCell>
                <TableHeaderCell>{ru.check.message}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((f, i) => (
                <TableRow key={i}>
                  <TableCell>
                    <Link as="button" onClick={() => jump(f)} title={`${f.sheet}!${f.cell}`}>
                      {f.cell}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Badge size="small" appearance="outline" color={SEVERITY_COLOR[f.severity]}>
                      {ru.check.severity[f.severity]}
                    </Badge>{" "}
                    {f.message}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {report.findings.length > MAX_SHOWN && (
            <Caption1>{ru.check.shownFirst(MAX_SHOWN, report.findings.length)}</Caption1>
          )}
        </>
      )}
    </section>
  );
}

function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return m;
}
