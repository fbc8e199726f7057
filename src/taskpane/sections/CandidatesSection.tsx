import { useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
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
import { formatKopecksRu } from "../../domain/money";
import { useAppEnvironment } from "../context";
import {
  capabilities,
  type CandidatesReport,
  type PenaltySheetsResult,
  type RegisterWriteResult,
} from "../capabilities";
import { useOperation } from "../useOperation";
import { ProgressPanel } from "../components/ProgressPanel";
import { ErrorNotice, NoWorkbook, NotBuilt } from "../components/Notices";
import { SheetPicker } from "../components/SheetPicker";

/** Candidates listed in the pane; all of them are on the «Кандидаты» sheet. */
const MAX_SHOWN = 200;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: "2px" },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalM },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  warning: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteDarkOrangeForeground1 },
  checkCell: { width: "40px" },
  mainCell: { paddingTop: "4px", paddingBottom: "4px" },
  line: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** Today's date as YYYY-MM-DD in the user's time zone (the default as-of date). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Kopecks → "1 234,50 ₽" (regular spaces). */
export function rub(kopecks: number): string {
  return `${formatKopecksRu(kopecks).replace(/[\u00a0\u202f]/g, " ")} ₽`;
}

export function CandidatesSection() {
  const styles = useStyles();
  const env = useAppEnvironment();
  const { port, workbookKey } = env;
  const [sheet, setSheet] = useState("");
  const [asOf, setAsOf] = useState(today);
  const op = useOperation<CandidatesReport>(workbookKey);

  const run = capabilities.findCandidates;
  if (!run) return <NotBuilt text={ru.notBuilt.candidates} />;
  if (!port) return <NoWorkbook />;
  const dateValid = /^\d{4}-\d{2}-\d{2}$/.test(asOf);

  const onRun = () =>
    op.run(async (o) => {
      const report = await run(port, { ...o, sheet: sheet || undefined, asOf });
      env.onWorkbookChanged?.();
      return report;
    });

  return (
    <div className={styles.root}>
      <SheetPicker label={ru.check.sheet} value={sheet} onChange={setSheet} />
      <Field
        label={ru.candidates.asOf}
        validationMessage={dateValid ? undefined : ru.candidates.invalidDate}
        validationState={dateValid ? "none" : "error"}
      >
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
      </Field>
      {op.state.status === "running" ? (
        <ProgressPanel progress={op.state.progress} onCancel={op.cancel} />
      ) : (
        <Button appearance="primary" onClick={onRun} disabled={!dateValid}>
          {ru.candidates.run}
        </Button>
      )}
      {op.state.status === "cancelled" && <Text role="status">{ru.progress.cancelled}</Text>}
      {op.state.status === "failed" && <ErrorNotice title={ru.candidates.failed} message={op.state.message} />}
      {op.state.status === "done" && <CandidatesResult report={op.state.result} />}
    </div>
  );
}

type RouteFilter = "all" | "court-order" | "lawsuit" | "arbitration";

function CandidatesResult({ report }: { report: CandidatesReport }) {
  const styles = useStyles();
  const env = useAppEnvironment();
  const { port } = env;
  const t = report.totals;
  const [route, setRoute] = useState<RouteFilter>("all");
  const [onlyWarnings, setOnlyWarnings] = useState(false);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const write = useOperation<RegisterWriteResult>();
  const penaltyWrite = useOperation<PenaltySheetsResult>();

  const visible = useMemo(
    () =>
      report.candidates
        .map((c, index) => ({ c, index }))
        .filter(({ c }) => (route === "all" || c.route === route) && (!onlyWarnings || c.warnings.length > 0)),
    [report, route, onlyWarnings],
  );
  const shown = visible.slice(0, MAX_SHOWN);
  const allShownChosen = shown.length > 0 && shown.every(({ index }) => chosen.has(index));

  const toggle = (index: number, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(index);
      else next.delete(index);
      return next;
    });
  const toggleAll = (on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      for (const { index } of shown) {
        if (on) next.add(index);
        else next.delete(index);
      }
      return next;
    });

  const addToRegister = report.addToRegister;
  const onAdd = () =>
    addToRegister &&
    write.run(async (o) => {
      const r = await addToRegister(
        [...chosen].sort((a, b) => a - b),
        o,
      );
      env.onWorkbookChanged?.();
      return r;
    });

  const writePenaltySheets = report.writePenaltySheets;
  const onPenalty = () =>
    writePenaltySheets &&
    penaltyWrite.run(async (o) => {
      const r = await writePenaltySheets(
        [...chosen].sort((a, b) => a - b),
        o,
      );
      env.onWorkbookChanged?.();
      return r;
    });

  return (
    <section className={styles.root} aria-label={ru.candidates.resultTitle}>
      <Text>{report.ruleText || ru.candidates.rule(report.rule.multiple, report.rule.windowMonths)}</Text>
      <div className={styles.facts}>
        <Text weight="semibold">{ru.candidates.count}</Text>
        <Text>{formatCount(t.count)}</Text>
        <Text weight="semibold">{ru.candidates.principal}</Text>
        <Text>{rub(t.principal)}</Text>
        <Text weight="semibold">{ru.candidates.penalty}</Text>
        <Text>{rub(t.penalty)}</Text>
        <Text weight="semibold">{ru.candidates.stateDuty}</Text>
        <Text>{rub(t.stateDuty)}</Text>
        <Text weight="semibold">{ru.candidates.claim}</Text>
        <Text>{rub(t.claim)}</Text>
        <Text weight="semibold">{ru.candidates.target}</Text>
        <Text>
          {ru.candidates.targetOf(rub(report.target.covered), rub(report.target.monthly), report.target.share)}
        </Text>
      </div>
      {report.excludedCount > 0 && <Caption1>{ru.candidates.excluded(report.excludedCount)}</Caption1>}
      {report.assumptions.map((a) => (
        <Caption1 key={a}>{a}</Caption1>
      ))}
      <div className={styles.filters}>
        <Field label={ru.candidates.route}>
          <Select value={route} onChange={(_, d) => setRoute(d.value as RouteFilter)}>
            <option value="all">{ru.candidates.allRoutes}</option>
            {(["court-order", "lawsuit", "arbitration"] as const).map((r) => (
              <option key={r} value={r}>
                {ru.candidates.routes[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label={ru.candidates.onlyWarnings}
          checked={onlyWarnings}
          onChange={(_, d) => setOnlyWarnings(d.checked === true)}
        />
      </div>
      <Table size="extra-small" aria-label={ru.candidates.tableLabel}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.checkCell}>
              <Checkbox
                aria-label={ru.candidates.selectAll}
                checked={allShownChosen}
                onChange={(_, d) => toggleAll(d.checked === true)}
              />
            </TableHeaderCell>
            <TableHeaderCell>{ru.candidates.columnHeader}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map(({ c, index }) => (
            <TableRow key={`${c.account}-${c.row}-${index}`}>
              <TableCell className={styles.checkCell}>
                <Checkbox
                  aria-label={ru.candidates.selectOne(c.account)}
                  checked={chosen.has(index)}
                  onChange={(_, d) => toggle(index, d.checked === true)}
                />
              </TableCell>
              <TableCell className={styles.mainCell}>
                <div className={styles.line}>
                  <Link
                    as="button"
                    onClick={() => void port?.selectCell(report.sheet, c.row - 1, 0).catch(() => undefined)}
                  >
                    {c.account}
                  </Link>
                  <Text weight="semibold">{rub(c.claim)}</Text>
                </div>
                <div className={styles.small}>{`${c.debtor} · ${ru.candidates.routes[c.route] ?? c.route}`}</div>
                <div className={styles.small}>{c.reason}</div>
                {c.warnings.length > 0 && <div className={styles.warning}>{c.warnings.join("; ")}</div>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {visible.length > MAX_SHOWN && <Caption1>{ru.candidates.shownFirst(MAX_SHOWN, visible.length)}</Caption1>}
      {addToRegister &&
        (write.state.status === "running" ? (
          <ProgressPanel progress={write.state.progress} onCancel={write.cancel} />
        ) : (
          <Button appearance="primary" disabled={chosen.size === 0} onClick={() => void onAdd()}>
            {ru.candidates.addToRegister(chosen.size)}
          </Button>
        ))}
      {writePenaltySheets &&
        (penaltyWrite.state.status === "running" ? (
          <ProgressPanel progress={penaltyWrite.state.progress} onCancel={penaltyWrite.cancel} />
        ) : (
          <Button disabled={chosen.size === 0} onClick={() => void onPenalty()}>
            {ru.candidates.penaltySheets(chosen.size)}
          </Button>
        ))}
      {penaltyWrite.state.status === "done" && (
        <MessageBar intent={penaltyWrite.state.result.skipped.length > 0 ? "warning" : "success"} role="status">
          <MessageBarBody>
            {ru.candidates.penaltySheetsDone(penaltyWrite.state.result.written, penaltyWrite.state.result.skipped)}
          </MessageBarBody>
        </MessageBar>
      )}
      {penaltyWrite.state.status === "cancelled" && <Text role="status">{ru.progress.cancelled}</Text>}
      {penaltyWrite.state.status === "failed" && (
        <ErrorNotice title={ru.candidates.penaltySheetsFailed} message={penaltyWrite.state.message} />
      )}
      {write.state.status === "done" && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{ru.candidates.added(write.state.result.added, write.state.result.filled)}</MessageBarBody>
        </MessageBar>
      )}
      {write.state.status === "cancelled" && <Text role="status">{ru.progress.cancelled}</Text>}
      {write.state.status === "failed" && <ErrorNotice title={ru.candidates.addFailed} message={write.state.message} />}
    </section>
  );
}
