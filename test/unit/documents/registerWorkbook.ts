/** A workbook with a ledger and a filled «Реестр взыскания» for the documents tests (unit, CLI). */
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { OWN_SHEETS, type WorkbookPort } from "../../../src/workbook/port";
import { findCandidates } from "../../../src/app/findCandidates";
import { addToRegister, registerTableSpec } from "../../../src/app/courtRegister";
import { COURT_COLUMNS } from "../../../src/app/courtDistricts";
import { REGISTER_HEADER as H } from "../../../src/domain/register";
import { ledgerWorkbook } from "../courtOrder/workbooks";

export const AS_OF = "2025-04-30";

/**
 * The small ledger of test/unit/courtOrder/workbooks.ts (01–04.2025): 0001 Иванов owes 4 000,00 (penalty 22,17 on
 * 30.04.2025), 0002 Орлов 3 000,00 (12,98) — «Внести в реестр» puts both into the register; the clerk then adds
 * birth data and identifiers, as ГПК 124 needs.
 */
export async function registerWorkbook(options: { birthData?: boolean; courts?: boolean } = {}) {
  const wb = await XlsxWorkbook.fromArrayBuffer(await ledgerWorkbook("per-month-rows"));
  return { wb, keys: await fillRegister(wb, options) };
}

/** The same steps on any workbook port (the xlsx adapter or Office.js over the fake host). */
export async function fillRegister(
  wb: WorkbookPort,
  options: { birthData?: boolean; courts?: boolean } = {},
): Promise<string[]> {
  const found = await findCandidates(wb, { asOf: AS_OF });
  await addToRegister(wb, found.selection.candidates);
  const keys = ((await wb.readTable(registerTableSpec())) ?? []).map((r) => String(r[H.key]));
  if (options.birthData !== false) {
    await wb.upsertTableRows(registerTableSpec(), [
      { [H.key]: keys[0], [H.birth]: "14.02.1980, г. Белоярский", [H.identifier]: "СНИЛС 112-233-445 95" },
      { [H.key]: keys[1], [H.birth]: "03.07.1969, с. Казым", [H.identifier]: "паспорт 6712 345678" },
    ]);
  }
  if (options.courts !== false) {
    await wb.writeOwnSheet({
      name: OWN_SHEETS.courts,
      rows: [
        COURT_COLUMNS,
        [
          "мкр. 3",
          "Судебный участок № 1 Белоярского судебного района",
          "",
          "628162, г. Белоярский, ул. Центральная, д. 1",
        ],
        [
          "мкр. 3, д. 5, кв. 13",
          "Судебный участок № 2 Белоярского судебного района",
          "",
          "628162, г. Белоярский, ул. Центральная, д. 1, каб. 2",
        ],
      ],
    });
  }
  return keys;
}
