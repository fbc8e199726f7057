/**
 * «Сверка с ССП»: the bailiff register pasted into a box or taken from a sheet; «Распознать» shows the detected kind,
 * shape and record count before the run; «Сверить» runs in the analysis worker with progress and «Отмена», then shows
 * the counts by status, the «Требует решения» queue (confirm / reject, remembered in the workbook) and the letters to
 * the ОСП to download.
 */
import { useEffect, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ru, formatCount } from "../../i18n/ru";
import { formatKopecksRu } from "../../domain/money";
import { OWN_SHEETS, PENALTY_SHEET_PREFIX, type OperationOptions, type WorkbookPort } from "../../workbook/port";
import { OPERATIONS, type OperationArgs, type OperationName, type OperationResult } from "../../app/worker/operations";
import type { ReconcilePreview, ReconcileView, AmbiguousItem } from "../../app/reconcileView";
import type { ReconcileLetter } from "../../app/reconcileLetters";
import type { ClerkDecision } from "../../domain/bailiff";
import { runInWorker, WorkerUnavailableError } from "../../app/worker/client";
import { createAnalysisWorker, workerSupported } from "../../app/worker/browserWorker";
import { useAppEnvironment } from "../context";
import { useOperation } from "../useOperation";
import { ProgressPanel } from "../components/ProgressPanel";
import { ErrorNotice, NoWorkbook } from "../components/Notices";

const t = ru.reconcile;
const OWN = new Set<string>(Object.values(OWN_SHEETS));
const AUTO = "";
const PASTE = "\u0000paste";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  item: { display: "flex", flexDirection: "column", gap: "4px", paddingBottom: tokens.spacingVerticalS },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

let workerBroken = !workerSupported();

/** The operation in the analysis worker, or on this thread where there is none. */
async function runOp<K extends OperationName>(
  op: K,
  args: OperationArgs<K>,
  port: WorkbookPort,
  options: OperationOptions,
): Promise<OperationResult<K>> {
  const here = () =>
    (OPERATIONS[op] as (p: WorkbookPort, a: OperationArgs<K>, o: OperationOptions) => Promise<OperationResult<K>>)(
      port,
      args,
      options,
    );
  if (workerBroken) return here();
  try {
    return await runInWorker(createAnalysisWorker, op, args, port, options);
  } catch (err) {
    if (!(err instanceof WorkerUnavailableError)) throw err;
    workerBroken = true;
    return here();
  }
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function download(letter: ReconcileLetter): void {
  const url = URL.createObjectURL(new Blob([letter.bytes as BlobPart], { type: DOCX }));
  const a = document.createElement("a");
  a.href = url;
  a.download = letter.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function useUserSheets(): string[] {
  const { port, workbookKey } = useAppEnvironment();
  const [sheets, setSheets] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    port?.listSheets().then(
      (list) =>
        live &&
        setSheets(
          list
            .filter((s) => s.visible && !OWN.has(s.name) && !s.name.startsWith(PENALTY_SHEET_PREFIX))
            .map((s) => s.name),
        ),
      () => live && setSheets([]),
    );
    return () => {
      live = false;
    };
  }, [port, workbookKey]);
  return sheets;
}

export function ReconcileSection() {
  const styles = useStyles();
  const env = useAppEnvironment();
  const { port, workbookKey } = env;
  const sheets = useUserSheets();
  const [source, setSource] = useState(AUTO);
  const [text, setText] = useState("");
  const [asOf, setAsOf] = useState(today);
  const preview = useOperation<ReconcilePreview>(workbookKey);
  const op = useOperation<ReconcileView>(workbookKey);
  if (!port) return <NoWorkbook />;
  const dateValid = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const sourceArgs = () =>
    source === PASTE ? { registerText: text } : source === AUTO ? {} : { registerSheet: source };

  const onPreview = () => preview.run((o) => runOp("reconcilePreview", sourceArgs(), port, o));
  const onRun = (decisions?: Record<string, ClerkDecision>) =>
    op.run(async (o) => {
      const view = await runOp("reconcile", { ...sourceArgs(), asOf, decisions }, port, o);
      env.onWorkbookChanged?.();
      return view;
    });
  const running = op.state.status === "running" || preview.state.status === "running";

  return (
    <div className={styles.root}>
      <Text>{t.intro}</Text>
      <Field label={t.source}>
        <Select value={source} onChange={(_, d) => setSource(d.value)}>
          <option value={AUTO}>{t.sourceAuto}</option>
          <option value={PASTE}>{t.sourcePaste}</option>
          {sheets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      {source === PASTE && (
        <Field label={t.pasteLabel}>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={6} resize="vertical" />
        </Field>
      )}
      <Field label={t.asOf} validationState={dateValid ? "none" : "error"}>
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
      </Field>
      {running ? (
        <ProgressPanel
          progress={op.state.status === "running" ? op.state.progress : null}
          onCancel={() => {
            op.cancel();
            preview.cancel();
          }}
        />
      ) : (
        <div className={styles.row}>
          <Button onClick={onPreview}>{t.preview}</Button>
          <Button appearance="primary" onClick={() => onRun()} disabled={!dateValid}>
            {t.run}
          </Button>
        </div>
      )}
      {preview.state.status === "done" && (
        <Text role="status">
          {t.detected(
            preview.state.result.source,
            preview.state.result.kind,
            preview.state.result.shape,
            preview.state.result.records,
          )}
          {preview.state.result.unreadable > 0 ? ` ${t.unreadable(preview.state.result.unreadable)}` : ""}
        </Text>
      )}
      {preview.state.status === "failed" && <ErrorNotice title={t.previewFailed} message={preview.state.message} />}
      {op.state.status === "cancelled" && <Text role="status">{ru.progress.cancelled}</Text>}
      {op.state.status === "failed" && <ErrorNotice title={t.failed} message={op.state.message} />}
      {op.state.status === "done" && <ReconcileResult view={op.state.result} onDecide={(d) => onRun(d)} />}
    </div>
  );
}

const COUNT_ORDER = [
  "active",
  "paid-directly",
  "executed",
  "returned",
  "terminated",
  "other-creditor",
  "ambiguous",
  "notOpened",
];

function ReconcileResult(props: { view: ReconcileView; onDecide: (d: Record<string, ClerkDecision>) => void }) {
  const styles = useStyles();
  const v = props.view;
  const [decisions, setDecisions] = useState<Record<string, ClerkDecision>>({});
  const decide = (key: string, d: ClerkDecision) => setDecisions((all) => ({ ...all, [key]: d }));
  return (
    <div className={styles.root}>
      <Text role="status" weight="semibold">
        {t.written}
      </Text>
      <Text>{t.detected(v.source, v.kind, v.shape, v.records)}</Text>
      {v.unreadable > 0 && <Text>{t.unreadable(v.unreadable)}</Text>}
      {v.notes.map((n) => (
        <Caption1 key={n}>{n}</Caption1>
      ))}
      <Text weight="semibold">{t.counts}</Text>
      <Table size="small" aria-label={t.counts}>
        <TableBody>
          {COUNT_ORDER.map((k) => (
            <TableRow key={k}>
              <TableCell>{t.status[k]}</TableCell>
              <TableCell>{formatCount(v.counts[k] ?? 0)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>{t.paidTotal}</TableCell>
            <TableCell>{`${formatKopecksRu(v.paidDirectTotal).replace(/[\u00a0\u202f]/g, " ")} ₽`}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Text weight="semibold">{t.queue}</Text>
      {v.ambiguous.length === 0 ? (
        <Text>{t.queueEmpty}</Text>
      ) : (
        <>
          {v.ambiguous.map((a) => (
            <QueueItem key={a.key} item={a} decision={decisions[a.key]} onDecide={(d) => decide(a.key, d)} />
          ))}
          <Button onClick={() => props.onDecide(decisions)} disabled={Object.keys(decisions).length === 0}>
            {t.applyDecisions(Object.keys(decisions).length)}
          </Button>
        </>
      )}
      <Text weight="semibold">{t.letters}</Text>
      {v.letters.length === 0 ? (
        <Text>{t.noLetters}</Text>
      ) : (
        v.letters.map((l) => (
          <div key={l.kind} className={styles.row}>
            <Text>{`${l.fileName} (${formatCount(l.count)})`}</Text>
            <Button size="small" onClick={() => download(l)} aria-label={`${t.download} ${l.fileName}`}>
              {t.download}
            </Button>
          </div>
        ))
      )}
    </div>
  );
}

function QueueItem(props: { item: AmbiguousItem; decision?: ClerkDecision; onDecide: (d: ClerkDecision) => void }) {
  const styles = useStyles();
  const a = props.item;
  const [choice, setChoice] = useState(a.candidates[0]?.id ?? "");
  const chosen = props.decision;
  return (
    <div className={styles.item}>
      <Text>{`${a.ip || "без № ИП"} — ${a.debtor}`}</Text>
      <span className={styles.small}>{`${a.reason}: ${a.evidence.join("; ")}`}</span>
      {a.candidates.length > 0 && (
        <Select value={choice} onChange={(_, d) => setChoice(d.value)} aria-label={t.queue}>
          {a.candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {t.candidate(c.account, c.debtor)}
            </option>
          ))}
        </Select>
      )}
      <div className={styles.row}>
        <Button
          size="small"
          appearance={chosen?.decision === "confirm" ? "primary" : "secondary"}
          disabled={!choice}
          onClick={() => props.onDecide({ decision: "confirm", target: choice })}
        >
          {t.confirm}
        </Button>
        <Button
          size="small"
          appearance={chosen?.decision === "reject" ? "primary" : "secondary"}
          onClick={() => props.onDecide({ decision: "reject" })}
        >
          {t.reject}
        </Button>
      </div>
    </div>
  );
}
