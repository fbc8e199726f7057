import { describe, expect, it } from "vitest";
import { ReconcileInputError, RECONCILE_DECISIONS_KEY, runReconcile } from "../../../src/app/reconcile";
import { registerTableSpec } from "../../../src/app/courtRegister";
import { reconcileLogSpec } from "../../../src/app/reconcileSheets";
import { RECONCILE_LOG_COLUMNS, textToGrid } from "../../../src/domain/bailiff";
import { OWN_SHEETS } from "../../../src/workbook/port";
import { BAILIFF_ROWS, reconcileWorkbook } from "./workbook";

const AS_OF = "2026-11-30";

async function sheetText(port: Awaited<ReturnType<typeof reconcileWorkbook>>, name: string): Promise<string[][]> {
  return (await port.readSheet(name)).text;
}

describe("«Сверить» over a workbook", () => {
  it("finds the register sheet, writes «Сверка ССП», the three lists and the log", async () => {
    const port = await reconcileWorkbook();
    const run = await runReconcile(port, { asOf: AS_OF, now: "2026-11-30T09:00:00.000Z" });
    expect([run.source, run.register.shape, run.ledgerSheet, run.courtSheets]).toEqual([
      "Реестр ССП",
      "A",
      "Должники",
      [OWN_SHEETS.register],
    ]);
    expect(run.result.results.map((r) => [r.target?.account, r.status])).toEqual([
      ["0001", "active"],
      ["0002", "paid-directly"],
      ["0003", "returned"],
    ]);
    expect(run.result.notOpened.map((n) => n.target.account)).toEqual(["0004"]);
    const main = await sheetText(port, OWN_SHEETS.reconcile);
    expect(main[0][0]).toBe("Сверка с реестром исполнительных производств на 30.11.2026");
    expect(main.find((r) => r[0] === "Оплачено напрямую")?.[1]).toBe("1");
    const paid = await sheetText(port, OWN_SHEETS.reconcilePaid);
    expect(paid.slice(1).map((r) => [r[0], r[1], r[2], r[6].replace(/\s/g, " ")])).toEqual([
      ["ОРЛОВ ДМИТРИЙ СЕРГЕЕВИЧ", "0002", "502/26/86004-ИП", "30 000,00"],
    ]);
    const again = await sheetText(port, OWN_SHEETS.reconcileRepresent);
    // returned 15.03.2026 under ст. 46 ч. 1 п. 4: again from 15.09.2026 (ст. 46 ч. 5) — eligible now
    expect(again.slice(1).map((r) => [r[1], r[2], r[6], r[8]])).toEqual([
      ["0003", "503/25/86004-ИП", "15.09.2026", "да"],
    ]);
    const notOpened = await sheetText(port, OWN_SHEETS.reconcileNotOpened);
    expect(notOpened.slice(1).map((r) => [r[1], r[2], r[5]])).toEqual([["0004", "2-13/2025", "121"]]);
    const log = await port.readTable(reconcileLogSpec());
    expect(Object.keys(log![0])).toEqual([...RECONCILE_LOG_COLUMNS]);
    expect(log![0]).toMatchObject({
      Ключ: "2026-11-30T09:00:00.000Z",
      Записей: 3,
      "Наших производств": 3,
      "На исполнении": 1,
      "Оплачено напрямую": 1,
      Возвращено: 1,
      "Не возбуждено": 1,
      "Требует решения": 0,
    });
  });

  it("fills only empty cells of «Реестр взыскания»; what the clerk typed stays", async () => {
    const port = await reconcileWorkbook();
    await runReconcile(port, { asOf: AS_OF });
    const rows = (await port.readTable(registerTableSpec()))!;
    const by = (acc: string) => rows.find((r) => r["Л/С"] === acc)!;
    expect([by("0001")["№ ИП"], by("0001")["Статус"]]).toEqual(["501/26/86004-ИП", "ИП возбуждено"]);
    // the clerk's own status is kept
    expect([by("0002")["№ ИП"], by("0002")["Статус"]]).toEqual(["502/26/86004-ИП", "направлено в ССП"]);
    // the clerk's note in «№ ИП» is not overwritten; the end date and reason go into empty cells
    expect([by("0003")["№ ИП"], by("0003")["Основание окончания"], by("0003")["Статус"]]).toEqual([
      "уточнить у пристава",
      "ст. 46 ч. 1 п. 4",
      "окончено — невозможно взыскание",
    ]);
    expect(by("0004")["№ ИП"]).toBeNull();
  });

  it("each run adds a row to «Журнал сверок»", async () => {
    const port = await reconcileWorkbook();
    await runReconcile(port, { asOf: AS_OF, now: "2026-11-30T09:00:00.000Z" });
    await runReconcile(port, { asOf: AS_OF, now: "2026-11-30T10:00:00.000Z" });
    expect((await port.readTable(reconcileLogSpec()))!.map((r) => r["Ключ"])).toEqual([
      "2026-11-30T09:00:00.000Z",
      "2026-11-30T10:00:00.000Z",
    ]);
  });

  it("pasted text works like a sheet, and decisions are remembered in the workbook", async () => {
    const port = await reconcileWorkbook({ bailiff: false });
    const text = BAILIFF_ROWS.map((r) => r.map((c) => (c.includes("\n") ? `"${c}"` : c)).join("\t")).join("\n");
    expect(textToGrid(text).text).toHaveLength(3);
    const run = await runReconcile(port, {
      asOf: AS_OF,
      registerText: text,
      decisions: { "501/26/86004-ИП|2-10/2025": { decision: "reject" } },
    });
    expect(run.source).toBe("вставленный текст");
    expect(run.result.results[0].status).toBe("other-creditor");
    expect((await port.readSettings())[RECONCILE_DECISIONS_KEY]).toEqual({
      "501/26/86004-ИП|2-10/2025": { decision: "reject" },
    });
    // the next month's run applies the saved decision by itself
    const next = await runReconcile(port, { asOf: AS_OF, registerText: text, write: false });
    expect(next.result.results[0].evidence).toEqual(["совпадение отклонено сотрудником"]);
  });

  it("bad input stops before anything is written", async () => {
    const port = await reconcileWorkbook();
    const before = (await port.listSheets()).map((s) => s.name);
    await expect(runReconcile(port, { asOf: AS_OF, registerText: " \n " })).rejects.toThrow(ReconcileInputError);
    await expect(runReconcile(port, { asOf: AS_OF, registerText: "Л/С\tДолг\n001\t100" })).rejects.toThrow(
      /Первые строки: «Л\/С \| Долг»/,
    );
    const noRegister = await reconcileWorkbook({ register: false });
    await expect(runReconcile(noRegister, { asOf: AS_OF })).rejects.toMatchObject({ code: "no-court-register" });
    expect((await port.listSheets()).map((s) => s.name)).toEqual(before);
    expect((await noRegister.listSheets()).map((s) => s.name)).not.toContain(OWN_SHEETS.reconcile);
  });
});
