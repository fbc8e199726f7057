/**
 * A seeded bailiff register with hand-made truth: court cases of the company (the court-work register side, as match
 * targets) and the FSSP data-bank records a clerk would paste for them, written the way the bank writes them (upper
 * case full names, case numbers with lost zeros or two-digit years, writ numbers with and without «№», NBSP after
 * «№», Latin look-alikes, -СД second lines) — plus the traps: other creditors' proceedings against namesakes, fee-only
 * proceedings, the same document in two proceedings (returned, then presented again), co-owners on one document.
 * `truth` is the id of the case a record belongs to, or null when it is not the company's.
 */
import type { MatchTarget } from "../../src/domain/bailiff";
import { documentKey } from "../../src/domain/bailiff";
import type { SheetGrid } from "../../src/domain/grid";
import { addDays, formatDateRu, type IsoDate } from "../../src/domain/dates";
import { Prng } from "./prng";
import { fullName, initialsName, randomPerson, type PersonName } from "./names";

export const OUR_INN = "8611000017";
const BANK_INN = "7707083893";
export const FSSP_HEADERS = [
  "Должник (физ. лицо: ФИО, дата и место рождения; юр. лицо: наименование, юр. адрес, фактический адрес, ИНН)",
  "Исполнительное производство (номер, дата возбуждения)",
  "Реквизиты исполнительного документа (вид, дата принятия органом, номер, наименование органа, выдавшего исполнительный документ, ИНН взыскателя-организации)",
  "Дата, причина окончания или прекращения ИП (статья, часть, пункт основания)",
  "Сервис",
  "Предмет исполнения, сумма непогашенной задолженности",
  "Отдел судебных приставов (наименование, адрес)",
  "Судебный пристав-исполнитель, телефон для получения информации",
];

export type RecordKind = "ours" | "represented" | "coowner" | "other" | "fee";

export interface GeneratedRecord {
  cells: string[];
  truth: string | null;
  kind: RecordKind;
  ip: string;
}

export interface BailiffScenario {
  targets: MatchTarget[];
  records: GeneratedRecord[];
}

const SUBJECT = "Задолженность по платежам за жилую площадь, коммунальные платежи, включая пени";
const DEPT =
  "ОСП по Белоярскому району\n628160, Россия, Ханты-Мансийский автономный округ - Югра, , г. Белоярский, , мкр. 3, д. 5, ,";
const LATIN: Record<string, string> = {
  А: "A",
  В: "B",
  С: "C",
  Е: "E",
  К: "K",
  М: "M",
  О: "O",
  Р: "P",
  Т: "T",
  Х: "X",
};

function iso(rng: Prng, fromYear: number, toYear: number): IsoDate {
  return addDays(`${fromYear}-01-01`, rng.int(0, (toYear - fromYear + 1) * 365 - 1));
}

/** Some Cyrillic letters typed as Latin look-alikes. */
function homoglyphs(rng: Prng, s: string): string {
  return [...s].map((ch) => (LATIN[ch] && rng.chance(0.3) ? LATIN[ch] : ch)).join("");
}

function kop(rng: Prng): number {
  return rng.int(800_00, 90_000_00);
}

function money(k: number): string {
  return (k / 100).toFixed(2);
}

interface CaseSpec {
  id: string;
  person: PersonName;
  birth: IsoDate;
  writ: boolean;
  number: number;
  year: number;
  orderDate: IsoDate;
  amount: number;
}

/** How the court register writes the document, and how the bank shows it (with the usual damage). */
function documentTexts(rng: Prng, c: CaseSpec): { register: string; bank: string } {
  const sign = rng.pick(["№ ", "№\u00a0", "№ \u00a0", "№"]);
  if (c.writ) {
    const digits = String(c.number).padStart(9, "0");
    const shown = rng.chance(0.3) ? String(c.number) : digits; // Excel dropped the zeros
    return {
      register: `ФС № ${digits}`,
      bank: `Исполнительный лист от ${formatDateRu(c.orderDate)} ${sign}${rng.chance(0.5) ? "ФС " : "ФС № "}${shown}`,
    };
  }
  const y = String(c.year);
  const bankNo = rng.chance(0.4) ? `0${2}-${c.number}/${y.slice(2)}` : `2-${c.number}/${y}`;
  return { register: `2-${c.number}/${y}`, bank: `Судебный приказ от ${formatDateRu(c.orderDate)} ${sign}${bankNo}` };
}

function debtorCell(rng: Prng, p: PersonName, birth: IsoDate): string {
  const name = fullName(p).toUpperCase();
  return `${rng.chance(0.15) ? homoglyphs(rng, name) : name}\n${formatDateRu(birth)}\nГ. БЕЛОЯРСКИЙ`;
}

function ipText(rng: Prng, n: number, yy: string): string {
  const suffix = rng.chance(0.1) ? "-IP" : rng.chance(0.1) ? "-ИП " : "-ИП";
  return `${n}/${yy}/86004${suffix}`;
}

function record(
  rng: Prng,
  c: CaseSpec,
  o: {
    ip: string;
    ipDate: IsoDate;
    bankDoc: string;
    inn: string | null;
    end: string;
    truth: string | null;
    kind: RecordKind;
  },
): GeneratedRecord {
  const court = `СУДЕБНЫЙ УЧАСТОК №\u00a0${rng.int(1, 4)} БЕЛОЯРСКОГО СУДЕБНОГО РАЙОНА`;
  const sd = rng.chance(0.2) ? `\n${rng.int(100, 9999)}/${o.ipDate.slice(2, 4)}/86004-СД` : "";
  const open = o.end === "";
  const subject = open
    ? `${SUBJECT}\n\nСумма долга: ${money(c.amount)} руб.\n\nОстаток долга по исполнительному документу: ${money(c.amount)} руб.`
    : SUBJECT;
  return {
    cells: [
      debtorCell(rng, c.person, c.birth),
      `${o.ip} от ${formatDateRu(o.ipDate)}${sd}`,
      `${o.bankDoc}\n${court}${o.inn ? `\n${o.inn}` : ""}`,
      o.end,
      "",
      subject,
      DEPT,
      `ПЕТРОВА А. С.\n+7(34670)0-00-0${rng.int(0, 9)}`,
    ],
    truth: o.truth,
    kind: o.kind,
    ip: o.ip,
  };
}

function target(c: CaseSpec, registerDoc: string, account: string, row: number): MatchTarget {
  return {
    id: c.id,
    account,
    debtor: initialsName(c.person),
    documentRaw: registerDoc,
    documentKey: documentKey(registerDoc),
    documentSuffix: "",
    ipKey: null,
    birthDate: c.birth,
    addressKey: null,
    amount: c.amount,
    orderDate: c.orderDate,
    fsspDate: addDays(c.orderDate, 40),
    registerRow: row,
    registerStatus: "направлено в ССП",
  };
}

/** `cases` company cases; about one record in six is a trap that must not match. */
export function bailiffScenario(seed: number, cases: number): BailiffScenario {
  const rng = Prng.derive(seed, "bailiff");
  const targets: MatchTarget[] = [];
  const records: GeneratedRecord[] = [];
  let ipNo = 1000;
  for (let i = 0; i < cases; i++) {
    const year = rng.int(2021, 2025);
    const c: CaseSpec = {
      id: `case-${i + 1}`,
      person: randomPerson(rng),
      birth: iso(rng, 1950, 2000),
      writ: rng.chance(0.2),
      number: rng.chance(0.2) ? 10_000_000 + i : 100 + i,
      year,
      orderDate: addDays(`${year}-01-15`, rng.int(0, 300)),
      amount: kop(rng),
    };
    const docs = documentTexts(rng, c);
    const account = String(1_000_000 + i).padStart(7, "0");
    targets.push(target(c, docs.register, account, i + 2));
    const ipDate = addDays(c.orderDate, rng.int(45, 120));
    const yy = ipDate.slice(2, 4);
    const inn = rng.chance(0.6) ? OUR_INN : null;
    const roll = rng.next();
    if (roll < 0.12) {
      // returned under ст. 46 ч. 1 п. 4, then presented again with a new proceeding
      const endDate = addDays(ipDate, rng.int(120, 300));
      records.push(
        record(rng, c, {
          ip: ipText(rng, ipNo++, yy),
          ipDate,
          bankDoc: docs.bank,
          inn,
          end: `${formatDateRu(endDate)}\nст. 46\nч. 1\nп. 4`,
          truth: c.id,
          kind: "ours",
        }),
      );
      const again = addDays(endDate, rng.int(190, 260));
      records.push(
        record(rng, c, {
          ip: ipText(rng, ipNo++, again.slice(2, 4)),
          ipDate: again,
          bankDoc: docs.bank,
          inn,
          end: "",
          truth: c.id,
          kind: "represented",
        }),
      );
    } else {
      const end =
        roll < 0.3
          ? `${formatDateRu(addDays(ipDate, 200))}\nст. 47\nч. 1\nп. 1`
          : roll < 0.4
            ? `${formatDateRu(addDays(ipDate, 250))}\nст. 46\nч. 1\nп. 3`
            : "";
      records.push(
        record(rng, c, {
          ip: ipText(rng, ipNo++, yy),
          ipDate,
          bankDoc: docs.bank,
          inn,
          end,
          truth: c.id,
          kind: "ours",
        }),
      );
    }
    if (rng.chance(0.05)) {
      // a co-owner on the same document: another person, in the register under their own row
      const co: CaseSpec = { ...c, id: `${c.id}-co`, person: randomPerson(rng), birth: iso(rng, 1950, 2000) };
      targets.push(target(co, docs.register, account, cases + i + 2));
      records.push(
        record(rng, co, {
          ip: ipText(rng, ipNo++, yy),
          ipDate,
          bankDoc: docs.bank,
          inn,
          end: "",
          truth: co.id,
          kind: "coowner",
        }),
      );
    }
    if (rng.chance(0.1)) {
      // a namesake's debt to a bank: same name, another birth date, another document and claimant
      const other: CaseSpec = { ...c, id: "", birth: iso(rng, 1950, 2000), writ: true, number: 500_000_000 + i };
      records.push(
        record(rng, other, {
          ip: ipText(rng, ipNo++, yy),
          ipDate,
          bankDoc: documentTexts(rng, other).bank,
          inn: rng.chance(0.5) ? BANK_INN : null,
          end: "",
          truth: null,
          kind: "other",
        }),
      );
    }
    if (rng.chance(0.05)) {
      // the enforcement fee, a proceeding of its own on the bailiff's decree
      const fee = record(rng, c, {
        ip: ipText(rng, ipNo++, yy),
        ipDate,
        bankDoc: `Постановление судебного пристава-исполнителя от ${formatDateRu(ipDate)} № 86004/${yy}/${rng.int(10000, 99999)}`,
        inn: null,
        end: "",
        truth: null,
        kind: "fee",
      });
      fee.cells[5] = `Исполнительский сбор: ${money(Math.round(c.amount * 0.07))} руб.`;
      records.push(fee);
    }
  }
  return { targets, records };
}

export type PasteShape = "A" | "B" | "C" | "D" | "E";

function gridOf(rows: string[][], sheet = "Реестр ССП"): SheetGrid {
  const width = Math.max(...rows.map((r) => r.length));
  const text = rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
  return {
    sheet,
    top: 0,
    left: 0,
    values: text.map((r) => r.map((c) => (c === "" ? null : c))),
    text,
    numberFormat: [],
  };
}

/** The records as a clerk's paste of the given shape, with «Найдено записей», region titles and a repeated header. */
export function renderShape(records: GeneratedRecord[], shape: PasteShape, pageSize = 20): SheetGrid {
  const rows: string[][] = [[`Найдено записей: ${records.length}`], FSSP_HEADERS];
  records.forEach((r, i) => {
    if (i > 0 && i % pageSize === 0) rows.push(["Предыдущая 1 2 3 Следующая"], FSSP_HEADERS);
    if (i % pageSize === 0) rows.push(["Ханты-Мансийский автономный округ - Югра"]);
    if (shape === "A") rows.push(r.cells);
    else if (shape === "C") rows.push(r.cells.map((c) => c.replace(/\n+/g, " ")));
    else if (shape === "D") rows.push(r.cells.map((c) => c.replace(/\n+/g, "")));
    else if (shape === "B") {
      const lines = r.cells.map((c) => c.split("\n"));
      const k = Math.max(...lines.map((l) => l.length));
      for (let j = 0; j < k; j++) rows.push(lines.map((l) => l[j] ?? ""));
    } else {
      // E: the plain text of the row, split by Excel at every line break
      const textLines = r.cells.join("\t").split("\n");
      for (const l of textLines) rows.push(l.split("\t"));
    }
  });
  return gridOf(rows);
}

/** The same records as a TSV text the way a browser's plain-text copy gives it (shape E before Excel splits it). */
export function plainText(records: GeneratedRecord[]): string {
  return [FSSP_HEADERS.join("\t"), ...records.map((r) => r.cells.join("\t"))].join("\n");
}
