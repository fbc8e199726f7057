import { useEffect, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
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
import {
  DEFAULT_CANDIDATE_OPTIONS,
  loadCandidateOptions,
  saveCandidateOptions,
  type CandidateOptions,
} from "../../app/candidateOptions";
import { formatKopecksRu, parseAmount } from "../../domain/money";
import { ru } from "../../i18n/ru";
import { SETTINGS_MESSAGES } from "../../app/settingsMessages";
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
  const [options, setOptions] = useState<CandidateOptions>(DEFAULT_CANDIDATE_OPTIONS);
  const [minClaimText, setMinClaimText] = useState(formatKopecksRu(DEFAULT_CANDIDATE_OPTIONS.minClaim));
  const [minClaimError, setMinClaimError] = useState<string | undefined>(undefined);
  const setOption = <K extends keyof CandidateOptions>(key: K, value: CandidateOptions[K]) => {
    setOptions((o) => ({ ...o, [key]: value }));
    setStatus(null);
  };

  useEffect(() => {
    let live = true;
    setErrors({});
    setStatus(null);
    setMinClaimError(undefined);
    if (!port) {
      setForm(settingsToForm(DEFAULT_SETTINGS));
      setOptions(DEFAULT_CANDIDATE_OPTIONS);
      setMinClaimText(formatKopecksRu(DEFAULT_CANDIDATE_OPTIONS.minClaim));
      return;
    }
    Promise.all([loadSettings(port), loadCandidateOptions(port)]).then(
      ([s, o]) => {
        if (!live) return;
        setForm(settingsToForm(s));
        setOptions(o);
        setMinClaimText(formatKopecksRu(o.minClaim));
      },
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
    const minClaim = parseAmount(minClaimText);
    const minClaimBad = minClaim === null || minClaim < 0;
    setMinClaimError(minClaimBad ? ru.settings.minClaimInvalid : undefined);
    if (Object.keys(found).length > 0 || minClaimBad) {
      setStatus({ intent: "error", text: SETTINGS_MESSAGES.invalid });
      return;
    }
    if (!port) {
      setStatus({ intent: "info", text: ru.settings.noWorkbook });
      return;
    }
    setBusy(true);
    try {
      await saveSettings(port, settings);
      await saveCandidateOptions(port, { ...options, minClaim: minClaim! });
      setStatus({ intent: "success", text: ru.settings.saved });
    } catch (e) {
      setStatus({ intent: "error", text: `${ru.settings.saveFailed}: ${errorMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const onReset = () => {
    setForm((f) => ({ ...settingsToForm(DEFAULT_SETTINGS), ...pickClaimant(f) }));
    setOptions(DEFAULT_CANDIDATE_OPTIONS);
    setMinClaimText(formatKopecksRu(DEFAULT_CANDIDATE_OPTIONS.minClaim));
    setMinClaimError(undefined);
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
      <fieldset className={styles.group}>
        <legend>
          <Subtitle2 as="h3">{ru.settings.candidatesTitle}</Subtitle2>
        </legend>
        <Field label={ru.settings.ruleMode}>
          <Select
            value={options.mode}
            onChange={(_, d) => setOption("mode", d.value === "service" ? "service" : "account")}
          >
            <option value="account">{ru.settings.ruleModes.account}</option>
            <option value="service">{ru.settings.ruleModes.service}</option>
          </Select>
        </Field>
        <Checkbox
          label={ru.settings.overdueOnly}
          checked={options.overdueOnly}
          onChange={(_, d) => setOption("overdueOnly", d.checked === true)}
        />
        <Checkbox
          label={ru.settings.includeTimeBarred}
          checked={options.includeTimeBarred}
          onChange={(_, d) => setOption("includeTimeBarred", d.checked === true)}
        />
        <Checkbox
          label={ru.settings.keepDutyKopecks}
          checked={options.keepDutyKopecks}
          onChange={(_, d) => setOption("keepDutyKopecks", d.checked === true)}
        />
        <Field
          label={ru.settings.minClaim}
          hint={ru.settings.minClaimHint}
          validationMessage={minClaimError}
          validationState={minClaimError ? "error" : "none"}
        >
          <Input
            value={minClaimText}
            inputMode="decimal"
            name="minClaim"
            autoComplete="off"
            onChange={(_, d) => {
              setMinClaimText(d.value);
              setStatus(null);
            }}
          />
        </Field>
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
