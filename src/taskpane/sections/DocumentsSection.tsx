import { useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ru } from "../../i18n/ru";
import { useAppEnvironment } from "../context";
import { useOperation } from "../useOperation";
import { ProgressPanel } from "../components/ProgressPanel";
import { ErrorNotice, NoWorkbook } from "../components/Notices";
import { loadSettings } from "../../app/settings";
import {
  DocumentsBlockedError,
  makeDocuments,
  parseRowSpec,
  planDocuments,
  type DocumentFile,
  type DocumentsInput,
  type DocumentsPlan,
  type DocumentsResult,
} from "../../app/makeDocuments";

const t = ru.documents;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: "2px" },
  row: { display: "flex", flexDirection: "column", gap: "2px" },
  file: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0, wordBreak: "break-all" },
});

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Hand bytes to the browser as a download. */
function download(file: DocumentFile): void {
  const mime = file.name.endsWith(".zip") ? "application/zip" : DOCX;
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

type Outcome = { kind: "plan"; plan: DocumentsPlan } | { kind: "done"; result: DocumentsResult };

/** «Документы»: pick register rows, see what is missing per row, generate and download the filing pack. */
export function DocumentsSection() {
  const styles = useStyles();
  const env = useAppEnvironment();
  const { port, workbookKey } = env;
  const [mode, setMode] = useState<"pending" | "rows">("pending");
  const [rowsText, setRowsText] = useState("");
  const [number, setNumber] = useState("");
  const [osp, setOsp] = useState("");
  const [ospAddress, setOspAddress] = useState("");
  const op = useOperation<Outcome>(workbookKey);
  if (!port) return <NoWorkbook />;

  const parsedRows = mode === "rows" ? parseRowSpec(rowsText) : null;
  const rowsError = parsedRows && "error" in parsedRows ? parsedRows.error : null;

  const input = async (): Promise<DocumentsInput> => ({
    rows: parsedRows && "rows" in parsedRows ? parsedRows.rows : "without-application",
    claimant: (await loadSettings(port)).claimant,
    date: todayIso(),
    outgoingNumber: number.trim() || undefined,
    department: { name: osp.trim() || undefined, address: ospAddress.trim() || undefined },
  });

  const onCheck = () =>
    op.run(async (o) => ({ kind: "plan", plan: await planDocuments(port, await input(), o) }) as Outcome);
  const onMake = () =>
    op.run(async (o) => {
      try {
        const result = await makeDocuments(port, await input(), o);
        env.onWorkbookChanged?.();
        return { kind: "done", result } as Outcome;
      } catch (e) {
        if (e instanceof DocumentsBlockedError) return { kind: "plan", plan: e.plan } as Outcome;
        throw e;
      }
    });

  const running = op.state.status === "running";
  return (
    <div className={styles.root}>
      <Text>{t.intro}</Text>
      <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as "pending" | "rows")} aria-label={t.selection}>
        <Radio value="pending" label={t.pending} />
        <Radio value="rows" label={t.chosen} />
      </RadioGroup>
      {mode === "rows" && (
        <Field label={t.rowsLabel} validationMessage={rowsText && rowsError ? rowsError : undefined}>
          <Input value={rowsText} onChange={(_, d) => setRowsText(d.value)} placeholder="1-3,7" />
        </Field>
      )}
      <Field label={t.number}>
        <Input value={number} onChange={(_, d) => setNumber(d.value)} />
      </Field>
      <Field label={t.osp}>
        <Input value={osp} onChange={(_, d) => setOsp(d.value)} />
      </Field>
      <Field label={t.ospAddress}>
        <Input value={ospAddress} onChange={(_, d) => setOspAddress(d.value)} />
      </Field>
      {running ? (
        <ProgressPanel progress={op.state.status === "running" ? op.state.progress : null} onCancel={op.cancel} />
      ) : (
        <div className={styles.buttons}>
          <Button onClick={onCheck} disabled={rowsError !== null}>
            {t.check}
          </Button>
          <Button appearance="primary" onClick={onMake} disabled={rowsError !== null}>
            {t.make}
          </Button>
        </div>
      )}
      {op.state.status === "cancelled" && <Text role="status">{ru.progress.cancelled}</Text>}
      {op.state.status === "failed" && <ErrorNotice title={t.failed} message={op.state.message} />}
      {op.state.status === "done" && op.state.result.kind === "plan" && <PlanView plan={op.state.result.plan} />}
      {op.state.status === "done" && op.state.result.kind === "done" && <ResultView result={op.state.result.result} />}
    </div>
  );
}

function PlanView({ plan }: { plan: DocumentsPlan }) {
  const styles = useStyles();
  const general = [...plan.selection, ...plan.requisites];
  return (
    <section className={styles.root} aria-label={t.check}>
      {!plan.ok && <ErrorNotice title={t.failed} message={general.join("\n") || t.blocking} />}
      {plan.ok && plan.rows.every((r) => r.warnings.length === 0) && <Text role="status">{t.allGood}</Text>}
      {plan.rows.map((r) => (
        <div key={r.row} className={styles.row} data-row={r.row}>
          <Text weight="semibold">{t.rowTitle(r.row, r.account, r.debtor)}</Text>
          {r.blocking.map((g) => (
            <span key={g}>
              <Badge color="danger" appearance="tint">
                {t.blocking}
              </Badge>{" "}
              <Caption1>{g}</Caption1>
            </span>
          ))}
          {r.warnings.map((g) => (
            <span key={g}>
              <Badge color="warning" appearance="tint">
                {t.warnings}
              </Badge>{" "}
              <Caption1>{g}</Caption1>
            </span>
          ))}
        </div>
      ))}
      {plan.fileNames.length > 0 && (
        <>
          <Subtitle2 as="h3">{t.files}</Subtitle2>
          <ul className={styles.list}>
            {plan.fileNames.map((n) => (
              <li key={n}>
                <Caption1>{n}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ResultView({ result }: { result: DocumentsResult }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={t.files}>
      <Text role="status">{t.ready}</Text>
      <Caption1>{t.marked(result.marked)}</Caption1>
      {result.zip && (
        <Button appearance="primary" onClick={() => download(result.zip!)}>
          {t.downloadZip}
        </Button>
      )}
      <ul className={styles.list}>
        {result.files.map((f) => (
          <li key={f.name} className={styles.file}>
            <Caption1>{f.name}</Caption1>
            <Button size="small" onClick={() => download(f)} aria-label={`${t.download} ${f.name}`}>
              {t.download}
            </Button>
          </li>
        ))}
      </ul>
      {result.plan.rows.some((r) => r.warnings.length > 0) && <PlanView plan={{ ...result.plan, ok: true }} />}
    </section>
  );
}
