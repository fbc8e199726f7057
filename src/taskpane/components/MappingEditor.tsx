/**
 * Correcting the detected ledger columns: one dropdown per concept (detected column preselected, each option shows
 * the column's header and first values). The choice is saved in the workbook for this sheet and reused by every
 * later check (src/app/checkLedger: saveLedgerMapping / readSavedMapping).
 */
import { useEffect, useMemo, useState } from "react";
import { Button, Caption1, Field, Select, Spinner, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { describeColumns, type MappingChoices } from "../../domain/ledger";
import { columnLetter } from "../../domain/grid";
import { saveLedgerMapping } from "../../app/checkLedger";
import { ru } from "../../i18n/ru";
import { useAppEnvironment } from "../context";
import { errorMessage } from "../useOperation";
import { ErrorNotice } from "./Notices";

/** Rows read to find the header and preview values (headers sit near the top). */
const PROBE_ROWS = 60;
/** Concepts always offered, even when nothing was detected for them. */
const KEY_CONCEPTS = new Set([
  "account",
  "name",
  "address",
  "period",
  "openingDebt",
  "charged",
  "paid",
  "closingDebt",
  "penalties",
]);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function MappingEditor(props: { sheet: string; current: Record<string, number>; onSaved: () => void }) {
  const styles = useStyles();
  const { port } = useAppEnvironment();
  const [choices, setChoices] = useState<MappingChoices | null | undefined>(undefined);
  const [mapping, setMapping] = useState<Record<string, number>>(props.current);
  const [showAll, setShowAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    if (!port) return;
    (async () => {
      const info = (await port.listSheets()).find((s) => s.name === props.sheet);
      const cols = Math.max(1, Math.min(info?.columns ?? 30, 300));
      const rows = Math.max(1, Math.min(info?.rows ?? PROBE_ROWS, PROBE_ROWS));
      const grid = await port.readSheet(props.sheet, { range: `A1:${columnLetter(cols - 1)}${rows}` });
      return describeColumns(grid);
    })().then(
      (c) => live && setChoices(c),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [port, props.sheet]);

  const concepts = useMemo(
    () =>
      (choices?.concepts ?? []).filter(
        (c) =>
          showAll ||
          KEY_CONCEPTS.has(c.concept) ||
          c.detected !== null ||
          c.suggested.length > 0 ||
          mapping[c.concept] !== undefined,
      ),
    [choices, showAll, mapping],
  );

  if (error) return <ErrorNotice title={ru.mapping.failed} message={error} />;
  if (choices === undefined) return <Spinner size="tiny" label={ru.mapping.loading} />;
  if (choices === null) return <Caption1>{ru.mapping.noHeader}</Caption1>;

  const save = async (value: Record<string, number> | null) => {
    if (!port) return;
    setBusy(true);
    try {
      await saveLedgerMapping(port, props.sheet, value ? { mapping: value, headerRow: choices.headerRow } : null);
      props.onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <Caption1>{ru.mapping.hint(choices.headerRow)}</Caption1>
      {concepts.map((c) => (
        <Field key={c.concept} label={c.title}>
          <Select
            value={mapping[c.concept] === undefined ? "" : String(mapping[c.concept])}
            onChange={(_, d) =>
              setMapping((m) => {
                const next = { ...m };
                if (d.value === "") delete next[c.concept];
                else next[c.concept] = Number(d.value);
                return next;
              })
            }
          >
            <option value="">{ru.mapping.none}</option>
            {choices.columns.map((col) => (
              <option key={col.col} value={String(col.col)}>
                {ru.mapping.option(col.letter, col.header, col.preview)}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Switch label={ru.mapping.showAll} checked={showAll} onChange={(_, d) => setShowAll(d.checked)} />
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => void save(mapping)}>
          {ru.mapping.save}
        </Button>
        <Button disabled={busy} onClick={() => void save(null)}>
          {ru.mapping.reset}
        </Button>
      </div>
    </div>
  );
}
