import { useEffect, useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  settingsFromForm,
  settingsToForm,
  type SettingsErrors,
  type SettingsField,
  type SettingsForm,
} from "../../app/settings";
import { ru } from "../../i18n/ru";
import { useAppEnvironment } from "../context";
import { errorMessage } from "../useOperation";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const CLAIMANT_FIELDS: { key: SettingsField; inputMode?: "numeric"; autoComplete?: string }[] = [
  { key: "name", autoComplete: "organization" },
  { key: "inn", inputMode: "numeric" },
  { key: "kpp" },
  { key: "ogrn", inputMode: "numeric" },
  { key: "address", autoComplete: "street-address" },
  { key: "bankName" },
  { key: "bik", inputMode: "numeric" },
  { key: "account", inputMode: "numeric" },
  { key: "corrAccount", inputMode: "numeric" },
];
const THRESHOLD_FIELDS: SettingsField[] = ["multiple", "courtOrderLimit", "monthlyTarget", "windowMonths"];

type Status = { intent: "success" | "error" | "info"; text: string } | null;

/** «Настройки»: the claimant's requisites and the plan's thresholds, saved in the workbook. */
export function SettingsSection() {
  const styles = useStyles();
  const { port, workbookKey } = useAppEnvironment();
  const [form, setForm] = useState<SettingsForm>(() => settingsToForm(DEFAULT_SETTINGS));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setErrors({});
    setStatus(null);
    if (!port) {
      setForm(settingsToForm(DEFAULT_SETTINGS));
      return;
    }
    loadSettings(port).then(
      (s) => live && setForm(settingsToForm(s)),
      (e) => live && setStatus({ intent: "error", text: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [port, workbookKey]);

  const update = (key: SettingsField) => (_: unknown, data: { value: string }) => {
    setForm((f) => ({ ...f, [key]: data.value }));
    setStatus(null);
  };

  const onSave = async () => {
    const { settings, errors: found } = settingsFromForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus({ intent: "error", text: ru.settings.invalid });
      return;
    }
    if (!port) {
      setStatus({ intent: "info", text: ru.settings.noWorkbook });
      return;
    }
    setBusy(true);
    try {
      await saveSettings(port, settings);
      setStatus({ intent: "success", text: ru.settings.saved });
    } catch (e) {
      setStatus({ intent: "error", text: `${ru.settings.saveFailed}: ${errorMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const onReset = () => {
    setForm((f) => ({ ...settingsToForm(DEFAULT_SETTINGS), ...pickClaimant(f) }));
    setErrors({});
    setStatus(null);
  };

  const field = (key: SettingsField, extra?: { inputMode?: "numeric"; autoComplete?: string }) => {
    const hint = (ru.settings.hints as Partial<Record<SettingsField, string>>)[key];
    return (
      <Field
        key={key}
        label={ru.settings.fields[key]}
        hint={hint}
        validationMessage={errors[key]}
        validationState={errors[key] ? "error" : "none"}
      >
        <Input
          value={form[key]}
          onChange={update(key)}
          inputMode={extra?.inputMode}
          autoComplete={extra?.autoComplete ?? "off"}
          name={key}
        />
      </Field>
    );
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
      noValidate
    >
      <fieldset className={styles.group}>
        <legend>
          <Subtitle2 as="h3">{ru.settings.claimantTitle}</Subtitle2>
        </legend>
        <Text size={200}>{ru.settings.claimantHint}</Text>
        {CLAIMANT_FIELDS.map((f) => field(f.key, f))}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>
          <Subtitle2 as="h3">{ru.settings.thresholdsTitle}</Subtitle2>
        </legend>
        {THRESHOLD_FIELDS.map((k) => field(k, { inputMode: k === "multiple" ? undefined : "numeric" }))}
      </fieldset>
      {status && (
        <MessageBar intent={status.intent} layout="multiline" role="status">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {ru.settings.save}
        </Button>
        <Button type="button" onClick={onReset} disabled={busy}>
          {ru.settings.reset}
        </Button>
      </div>
    </form>
  );
}

function pickClaimant(f: SettingsForm): Partial<SettingsForm> {
  const { name, inn, kpp, ogrn, address, bankName, bik, account, corrAccount } = f;
  return { name, inn, kpp, ogrn, address, bankName, bik, account, corrAccount };
}
