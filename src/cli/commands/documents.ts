/**
 * `documents WORKBOOK.xlsx [--rows 1-3,7 | --pending] --out DIR [--settings FILE.json] [--date DATE] [--json]`:
 * the filing pack for rows of «Реестр взыскания» — one court-order application per row, the batch's ПД-4 receipts
 * in one file and the covering letter to the ОСП. The register in WORKBOOK gets the date sent and the receipt mark
 * (empty cells only). All or nothing: files are written to a temporary folder next to DIR and moved in only after
 * the workbook is saved; on bad input (exit 2) DIR gets no files and the workbook is not changed.
 */
import type { Command } from "commander";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { isIsoDate, type IsoDate } from "../../domain/dates";
import { EMPTY_CLAIMANT, loadSettings, type ClaimantRequisites } from "../../app/settings";
import { DocumentsBlockedError, makeDocuments, parseRowSpec, type DocumentsResult } from "../../app/makeDocuments";
import { InputError } from "../errors";
import { printJson, printLines } from "../output";
import { asInputError, fileLabel, openWorkbook, saveWorkbook } from "../readWorkbook";

/** «1-3,7» → [1, 2, 3, 7]. */
export function parseRows(spec: string): number[] {
  const parsed = parseRowSpec(spec);
  if ("error" in parsed) throw new InputError(`--rows: ${parsed.error}.`);
  return parsed.rows;
}

/** The requisites JSON: {"name","inn","kpp","ogrn","address","bank","bik","account","corrAccount"}. */
export async function readClaimantJson(path: string): Promise<ClaimantRequisites> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`Файл реквизитов «${path}» не найден.`);
    throw new InputError(`Файл реквизитов «${path}» — не JSON: ${(err as Error).message}`);
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    throw new InputError(`Файл реквизитов «${path}»: ожидается объект {"name", "inn", "kpp", …}.`);
  const r = raw as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
  const claimant: ClaimantRequisites = { ...EMPTY_CLAIMANT };
  for (const key of Object.keys(EMPTY_CLAIMANT) as (keyof ClaimantRequisites)[]) claimant[key] = str(r[key]);
  if (!claimant.bankName) claimant.bankName = str(r.bank);
  return claimant;
}

function todayIso(): IsoDate {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

interface Options {
  rows?: string;
  pending?: boolean;
  out: string;
  settings?: string;
  date?: string;
  number?: string;
  osp?: string;
  ospAddress?: string;
  json?: boolean;
}

/** Writes the files into a fresh temporary folder beside DIR (same disk, so the final move is a rename). */
async function stage(out: string, files: DocumentsResult["files"]): Promise<string> {
  const parent = dirname(resolve(out));
  let tmp: string;
  try {
    tmp = await mkdtemp(join(parent, ".zhku-documents-"));
  } catch {
    throw new InputError(`Не удалось создать файлы рядом с папкой «${out}»: папки «${parent}» нет или нет доступа.`);
  }
  try {
    for (const f of files) await writeFile(join(tmp, f.name), f.bytes);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw new InputError(`Не удалось записать документы: ${(err as Error).message}`);
  }
  return tmp;
}

async function run(path: string, opts: Options): Promise<void> {
  if (opts.rows && opts.pending) throw new InputError("Укажите либо --rows, либо --pending.");
  const rows = opts.pending ? ("without-application" as const) : opts.rows ? parseRows(opts.rows) : undefined;
  const date = opts.date ?? todayIso();
  if (!isIsoDate(date)) throw new InputError(`--date: «${date}» — не дата ГГГГ-ММ-ДД.`);
  const workbook = await openWorkbook(path);
  const claimant = opts.settings
    ? await readClaimantJson(opts.settings)
    : (await asInputError(() => loadSettings(workbook))).claimant;
  let result: DocumentsResult;
  try {
    result = await asInputError(() =>
      makeDocuments(workbook, {
        rows,
        claimant,
        date,
        outgoingNumber: opts.number,
        department: { name: opts.osp, address: opts.ospAddress },
      }),
    );
  } catch (err) {
    if (err instanceof DocumentsBlockedError) {
      const source = opts.settings ? ` (реквизиты из «${fileLabel(opts.settings)}»)` : "";
      throw new InputError(`${fileLabel(path)}${source}: ${err.message}`);
    }
    throw err;
  }
  const tmp = await stage(opts.out, result.files);
  try {
    if (result.marked > 0) await saveWorkbook(workbook, path);
    await mkdir(opts.out, { recursive: true });
    for (const f of result.files) await rename(join(tmp, f.name), join(opts.out, f.name));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  report(path, opts, result);
}

function report(path: string, opts: Options, r: DocumentsResult): void {
  const warnings = r.plan.rows.filter((row) => row.warnings.length > 0);
  if (opts.json) {
    printJson({
      files: r.files.map((f) => ({ name: f.name, path: join(opts.out, f.name), bytes: f.bytes.length })),
      rows: r.plan.rows.map((row) => ({
        row: row.row,
        account: row.account,
        debtor: row.debtor,
        warnings: row.warnings,
      })),
      marked: r.marked,
    });
    return;
  }
  const lines = [`Документы по «${fileLabel(path)}» записаны в «${opts.out}»:`, ...r.files.map((f) => `  ${f.name}`)];
  lines.push(`Отметка «направлено в ССП, квитанция приложена» внесена в строк реестра: ${r.marked}.`);
  if (warnings.length > 0) {
    lines.push("", "Пропуски, выделенные в документах жёлтым:");
    for (const w of warnings) lines.push(`  строка ${w.row} (л/с ${w.account}): ${w.warnings.join("; ")}`);
  }
  printLines(lines);
}

export function registerDocuments(program: Command): void {
  program
    .command("documents")
    .description(
      "заявления о вынесении судебного приказа, квитанции ПД-4 с QR-кодом и заявление в ОСП по строкам «Реестра взыскания»",
    )
    .argument("<книга.xlsx>", "книга Excel с листом «Реестр взыскания»")
    .requiredOption("--out <папка>", "куда записать документы")
    .option("--rows <строки>", "строки реестра (с 1), например 1-3,7; по умолчанию все")
    .option("--pending", "все строки без заявления (не подано)")
    .option("--settings <файл.json>", "реквизиты взыскателя (иначе — сохранённые в книге Настройки)")
    .option("--date <дата>", "дата документов и отметки в реестре (ГГГГ-ММ-ДД), по умолчанию сегодня")
    .option("--number <номер>", "исходящий номер писем")
    .option("--osp <название>", "отделение судебных приставов для заявления в ОСП")
    .option("--osp-address <адрес>", "адрес отделения судебных приставов")
    .option("--json", "вывести список файлов в JSON")
    .action(async (path: string, opts: Options) => run(path, opts));
}
