/** The workbook both «Документы» tests open (the standalone page and the taskpane in Excel). */
import { registerTableSpec } from "../../src/app/courtRegister";
import { REGISTER_HEADER as H } from "../../src/domain/register";
import { registerWorkbook } from "../unit/documents/registerWorkbook";
import { CLAIMANT } from "../unit/documents/fixtures";

/** Two rows from «Внести в реестр» plus one the clerk typed for an account the ledger does not have. */
export async function documentsWorkbook(): Promise<Uint8Array> {
  const { wb } = await registerWorkbook();
  await wb.upsertTableRows(registerTableSpec(), [
    {
      [H.key]: "0004/2025-01-2025-03",
      [H.account]: "0004",
      [H.debtor]: "Сидорова Мария Олеговна",
      [H.birth]: "21.11.1990, г. Ханты-Мансийск",
      [H.identifier]: "ИНН 860100123456",
      [H.address]: "г. Белоярский, мкр. 3, д. 7, кв. 2",
      [H.periodFrom]: "01.2025",
      [H.periodTo]: "03.2025",
      [H.principal]: { kind: "money", kopecks: 512_345 },
      [H.penalty]: { kind: "money", kopecks: 1_210 },
      [H.duty]: { kind: "money", kopecks: 200_000 },
      [H.status]: "подготовлено",
    },
  ]);
  await wb.writeSettings({ ...(await wb.readSettings()), claimant: { ...CLAIMANT } });
  return new Uint8Array(await wb.save());
}
