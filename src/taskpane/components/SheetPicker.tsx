import { useEffect, useState } from "react";
import { Field, Select } from "@fluentui/react-components";
import { OWN_SHEETS, PENALTY_SHEET_PREFIX } from "../../workbook/port";
import { useAppEnvironment } from "../context";

const OWN = new Set<string>(Object.values(OWN_SHEETS));

/** The user's sheets (the add-in's own sheets are never a ledger); "" means "let the use case choose". */
export function SheetPicker(props: { label: string; value: string; onChange: (sheet: string) => void }) {
  const { port, workbookKey } = useAppEnvironment();
  const [sheets, setSheets] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    if (!port) return;
    port.listSheets().then(
      (list) => {
        if (!live) return;
        const names = list
          .filter((s) => s.visible && !OWN.has(s.name) && !s.name.startsWith(PENALTY_SHEET_PREFIX))
          .map((s) => s.name);
        setSheets(names);
        if (!names.includes(props.value) && names.length > 0) props.onChange(names[0]);
      },
      () => live && setSheets([]),
    );
    return () => {
      live = false;
    };
  }, [port, workbookKey]);
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        {sheets.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
    </Field>
  );
}
