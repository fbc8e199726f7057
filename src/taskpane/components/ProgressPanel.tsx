import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Progress } from "../../workbook/port";
import { ru } from "../../i18n/ru";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** A progress bar with the current step and «Отмена». Indeterminate until the first progress report. */
export function ProgressPanel(props: { progress: Progress | null; onCancel: () => void }) {
  const styles = useStyles();
  const p = props.progress;
  const value = p && p.total > 0 ? Math.min(1, p.done / p.total) : undefined;
  const label = p
    ? `${p.stage ?? ru.progress.working} ${p.total > 0 ? ru.progress.step(p.done, p.total) : ""}`.trim()
    : ru.progress.working;
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Field validationMessage={label} validationState="none">
        <ProgressBar value={value} thickness="large" aria-label={ru.progress.working} />
      </Field>
      <Button onClick={props.onCancel}>{ru.progress.cancel}</Button>
    </div>
  );
}
