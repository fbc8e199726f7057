/**
 * «План мероприятий»: «Подготовить отчёт за месяц» runs the month's routine (check → candidates → reconcile →
 * plan) with one progress bar and «Отмена», then shows what each step did, the month's indicators and measure 1's
 * monthly claims against the target as a chart. The sheets themselves are the report to print.
 */
import { useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
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
import { ru } from "../../i18n/ru";
import { useAppEnvironment } from "../context";
import { capabilities, type MonthlyReportView } from "../capabilities";
import { useOperation } from "../useOperation";
import { ProgressPanel } from "../components/ProgressPanel";
import { ErrorNotice, NoWorkbook, NotBuilt } from "../components/Notices";
import { SheetPicker } from "../components/SheetPicker";
import { PlanChart } from "../components/PlanChart";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: "4px" },
  table: { tableLayout: "auto" },
  steps: { display: "flex", flexDirection: "column", gap: "4px" },
  nowrap: { whiteSpace: "nowrap" },
});

/** The previous month as YYYY-MM: a report is usually made for the month just closed. */
function previousMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

/** The claims are composed as of the month's last day, or today when the month is not over yet. */
function asOfFor(month: string): string {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(y, m, 0);
  const now = new Date();
  const d = last < now ? last : now;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

const FULFILMENT_COLOR: Record<string, "success" | "danger" | "informative" | "subtle"> = {
  выполнено: "success",
  "не выполнено": "danger",
  "нет данных": "informative",
};

export function PlanSection() {
  const styles = useStyles();
  const env = useAppEnvironment();
  const { port, workbookKey } = env;
  const [month, setMonth] = useState(previousMonth);
  const [sheet, setSheet] = useState("");
  const [reconcile, setReconcile] = useState(true);
  const op = useOperation<MonthlyReportView>(workbookKey);
  const m = ru.planMeasures;

  const run = capabilities.monthlyReport;
  if (!run) return <NotBuilt text={ru.notBuilt.plan} />;
  const monthValid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);

  const onRun = () =>
    op.run(async (o) => {
      const report = await run(port!, { ...o, month, asOf: asOfFor(month), sheet: sheet || undefined, reconcile });
      env.onWorkbookChanged?.();
      return report;
    });

  return (
    <div className={styles.root}>
      <Text>{m.intro}</Text>
      <ul className={styles.list}>
        {[m.measure1, m.measure2, m.measure3, m.measure4].map((t) => (
          <li key={t}>
            <Text>{t}</Text>
          </li>
        ))}
      </ul>
      {!port ? (
        <NoWorkbook />
      ) : (
        <>
          <Field label={ru.plan.month} validationState={monthValid ? "none" : "error"}>
            <Input type="month" value={month} onChange={(_, d) => setMonth(d.value)} />
          </Field>
          <SheetPicker label={ru.check.sheet} value={sheet} onChange={setSheet} />
          <Checkbox
            checked={reconcile}
            onChange={(_, d) => setReconcile(d.checked === true)}
            label={ru.plan.reconcile}
          />
          <Caption1>{ru.plan.runHint}</Caption1>
          {op.state.status === "running" ? (
            <ProgressPanel progress={op.state.progress} onCancel={op.cancel} />
          ) : (
            <Button appearance="primary" onClick={onRun} disabled={!monthValid}>
              {ru.plan.run}
            </Button>
          )}
          {op.state.status === "cancelled" && <Text role="status">{ru.progress.cancelled}</Text>}
          {op.state.status === "failed" && <ErrorNotice title={ru.plan.failed} message={op.state.message} />}
          {op.state.status === "done" && <PlanResult report={op.state.result} />}
        </>
      )}
    </div>
  );
}

function PlanResult({ report }: { report: MonthlyReportView }) {
  const styles = useStyles();
  const hasChart = report.chart.fact.some((v) => v !== null);
  return (
    <section className={styles.root} aria-label={ru.plan.table}>
      <Subtitle2 as="h3">{ru.plan.steps}</Subtitle2>
      <div className={styles.steps} role="list">
        {report.steps.map((s) => (
          <Text key={s.step} role="listitem">
            <Badge
              appearance="tint"
              color={s.status === "done" ? "success" : s.status === "failed" ? "danger" : "subtle"}
            >
              {ru.plan.status[s.status]}
            </Badge>{" "}
            <b>{s.title}</b>: {s.summary}
          </Text>
        ))}
      </div>
      <Text role="status">{ru.plan.written}</Text>
      <Subtitle2 as="h3">{ru.plan.chartTitle}</Subtitle2>
      {hasChart ? <PlanChart {...report.chart} /> : <Caption1>{ru.plan.chartEmpty}</Caption1>}
      <Subtitle2 as="h3">{ru.plan.table}</Subtitle2>
      <Table size="extra-small" className={styles.table} aria-label={ru.plan.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{ru.plan.indicator}</TableHeaderCell>
            <TableHeaderCell>{ru.plan.fulfilment}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.measures.flatMap((measure) =>
            measure.indicators.map((ind) => (
              <TableRow key={ind.id}>
                <TableCell>{`${ind.id} ${ind.text}`}</TableCell>
                <TableCell className={styles.nowrap}>
                  <Badge appearance="outline" color={FULFILMENT_COLOR[ind.fulfilment] ?? "subtle"}>
                    {ind.fulfilment}
                  </Badge>
                </TableCell>
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
    </section>
  );
}
