/** `sheets FILE [--json]`: the workbook's sheets with their used-range sizes. */
import type { Command } from "commander";
import { openWorkbook } from "../readWorkbook";
import { formatTable, printJson, printLines } from "../output";

export function registerSheets(program: Command): void {
  program
    .command("sheets")
    .description("список листов книги с размерами заполненной области")
    .argument("<файл>", "книга Excel (.xlsx)")
    .option("--json", "вывести JSON")
    .action(async (file: string, opts: { json?: boolean }) => {
      const workbook = await openWorkbook(file, { readOnly: true });
      const sheets = (await workbook.listSheets()).map((s) => ({
        name: s.name,
        rows: s.rows,
        columns: s.columns,
        ownedByAddin: s.ownedByAddin,
      }));
      if (opts.json) {
        printJson({ file, sheets });
        return;
      }
      printLines([
        `Книга «${file}»: листов — ${sheets.length}`,
        ...formatTable(
          ["Лист", "Строк", "Столбцов", "Создан надстройкой"],
          sheets.map((s) => [s.name, String(s.rows), String(s.columns), s.ownedByAddin ? "да" : "нет"]),
        ),
      ]);
    });
}
