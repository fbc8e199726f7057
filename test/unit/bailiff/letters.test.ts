import { describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import { reconcileOperation, reconcilePreview } from "../../../src/app/reconcileView";
import { INN, reconcileWorkbook } from "./workbook";

function documentText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
  return xml.replace(/<[^>]+>/g, "");
}

describe("letters to the ОСП", () => {
  it("preview before the run writes nothing and names the shape", async () => {
    const port = await reconcileWorkbook();
    const before = (await port.listSheets()).map((s) => s.name);
    expect(await reconcilePreview(port, {})).toEqual({
      source: "Реестр ССП",
      kind: "банк данных ФССП",
      shape: "многострочные ячейки",
      records: 3,
      unreadable: 0,
      noDocumentNumbers: false,
    });
    expect((await port.listSheets()).map((s) => s.name)).toEqual(before);
  });

  it("the three letters hold the claimant's ИНН and the listed proceedings or documents", async () => {
    const port = await reconcileWorkbook();
    const view = await reconcileOperation(port, { asOf: "2026-11-30" }, {});
    expect(view.letters.map((l) => [l.kind, l.count])).toEqual([
      ["paid", 1],
      ["represent", 1],
      ["notOpened", 1],
    ]);
    const [paid, represent, notOpened] = view.letters.map((l) => documentText(l.bytes));
    for (const text of [paid, represent, notOpened]) expect(text).toContain(INN);
    expect(paid).toContain("502/26/86004-ИП");
    expect(paid).toContain("ст. 47 ч. 1 п. 1");
    expect(paid).not.toContain("501/26/86004-ИП");
    expect(represent).toContain("503/25/86004-ИП");
    expect(notOpened).toContain("2-13/2025");
    expect(view.counts).toMatchObject({ active: 1, "paid-directly": 1, returned: 1, notOpened: 1 });
  });
});
