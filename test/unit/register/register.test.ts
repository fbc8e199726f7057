import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { SheetGrid } from "../../../src/domain/grid";
import {
  REGISTER_COLUMNS,
  REGISTER_HEADER,
  isEmptyCell,
  mergeRegisterRows,
  normalizeStatus,
  parsePeriodRange,
  recognizeRegister,
  registerColumnsMarkdown,
  registerKey,
  registerRowFromCandidate,
  toTableRow,
  type RegisterTableRow,
} from "../../../src/domain/register";
import type { Candidate } from "../../../src/domain/courtOrder";

/** A grid from rows of display texts; numbers stay numbers in values (as Excel gives them). */
function grid(rows: (string | number | null)[][], sheet = "Реестр приказов"): SheetGrid {
  const width = Math.max(...rows.map((r) => r.length));
  const pad = <T>(r: T[], fill: T) => [...r, ...Array<T>(width - r.length).fill(fill)];
  return {
    sheet,
    top: 0,
    left: 0,
    values: rows.map((r) =>
      pad(
        r.map((v) => (v === "" ? null : v)),
        null,
      ),
    ),
    text: rows.map((r) =>
      pad(
        r.map((v) => (v === null ? "" : String(v))),
        "",
      ),
    ),
    numberFormat: rows.map(() => Array<string>(width).fill("General")),
  };
}

function candidate(c: Partial<Candidate> & { account: string }): Candidate {
  return {
    debtor: "Иванов Иван Иванович",
    address: "мкр. 3, д. 5, кв. 12",
    row: 5,
    legalEntity: false,
    court: "general",
    route: "court-order",
    debt: 400_000,
    accountDebt: 400_000,
    windowMonths: 4,
    windowCharges: 400_000,
    averageMonthly: 100_000,
    ratio: 4,
    reason: "",
    periodFrom: "2025-01",
    periodTo: "2025-04",
    barredPeriods: [],
    principal: 400_000,
    penalty: 2_217,
    penaltyCalculated: true,
    stateDuty: 200_000,
    timeBarred: 0,
    claim: 402_217,
    debtorData: { birthDate: "1980-02-14", birthPlace: "г. Белоярский", snils: "123-456-789 01" },
    warnings: [],
    ...c,
  };
}

describe("recognising a register the clerk already keeps", () => {
  it("maps other headers by synonyms below a title block and reads the rows", () => {
    const g = grid([
      ["Реестр судебных приказов ООО «УК Пример»"],
      ["на 01.04.2025"],
      [],
      [
        "№ п/п",
        "Лицевой счет",
        "ФИО должника",
        "Период задолженности",
        "№ судебного приказа",
        "Дата приказа",
        "Дата передачи в ФССП",
        "№ ИП",
        "Сумма по заявлению в ФССП - ОД",
        "Сумма по заявлению в ФССП - пени",
        "Сумма по заявлению в ФССП - ГП",
        "Примечание",
      ],
      [
        1,
        "0001",
        "Иванов Иван Иванович",
        "01.2024 - 12.2024",
        "2-15/2025",
        "10.01.2025",
        "15.02.2025",
        "12345/25/86004-ИП",
        "12 000,00",
        "350,50",
        "2 000,00",
        "",
      ],
      [
        2,
        "0002",
        "Орлов Дмитрий Сергеевич",
        "январь 2024 – июнь 2024",
        "2-16/2025",
        "10.01.2025",
        "",
        "",
        6000,
        120.4,
        2000,
        "ждём",
      ],
      ["Итого", "", "", "", "", "", "", "", "18 000,00", "", "", ""],
    ]);
    const reg = recognizeRegister(g)!;
    expect(reg).not.toBeNull();
    expect(reg.headerRow).toBe(4);
    expect(reg.columns).toMatchObject({
      account: 1,
      debtor: 2,
      period: 3,
      caseNumber: 4,
      orderDate: 5,
      fsspDate: 6,
      ipNumber: 7,
      principal: 8,
      penalty: 9,
      duty: 10,
      note: 11,
    });
    expect(reg.entries).toHaveLength(2);
    const [a, b] = reg.entries;
    expect(a).toMatchObject({
      row: 5,
      account: "0001",
      periodFrom: "2024-01",
      periodTo: "2024-12",
      caseNumber: "2-15/2025",
      orderDate: "2025-01-10",
      fsspDate: "2025-02-15",
      ipNumber: "12345/25/86004-ИП",
      principal: 1_200_000,
      penalty: 35_050,
      duty: 200_000,
      status: "ИП возбуждено", // no status column: the furthest step its dates show
    });
    expect(b).toMatchObject({
      account: "0002",
      periodFrom: "2024-01",
      periodTo: "2024-06",
      status: "приказ вынесен",
      principal: 600_000,
      penalty: 12_040,
    });
  });

  it("flattens a two-level header («Сумма по заявлению в ФССП» over ОД / пени / ГП)", () => {
    const g = grid([
      ["Л/С", "Должник", "№ дела", "Дата приказа", "Дата отмены", "Статус", "Сумма по заявлению в ФССП", "", ""],
      ["", "", "", "", "", "", "ОД", "пени", "ГП"],
      ["0001", "Иванов И.И.", "2-15/2025", "10.01.2025", "01.02.2025", "Приказ отменен", "12000", "350,5", "2000"],
    ]);
    const reg = recognizeRegister(g)!;
    expect(reg.headerRow).toBe(2);
    expect(reg.columns).toMatchObject({
      account: 0,
      debtor: 1,
      caseNumber: 2,
      orderDate: 3,
      cancelDate: 4,
      status: 5,
      principal: 6,
      penalty: 7,
      duty: 8,
    });
    expect(reg.entries[0]).toMatchObject({
      cancelDate: "2025-02-01",
      status: "приказ отменён",
      principal: 1_200_000,
      penalty: 35_050,
      duty: 200_000,
    });
  });

  it("reads the add-in's own register by its headers", () => {
    const row = toTableRow(registerRowFromCandidate(candidate({ account: "0001" })));
    const headers = REGISTER_COLUMNS.map((c) => c.header);
    const values = headers.map((h) => {
      const v = row[h];
      if (h === "Основной долг" || h === "Пени" || h === "Госпошлина" || h === "Сумма требования")
        return (v as number) / 100;
      return (v as string | undefined) ?? null;
    });
    const reg = recognizeRegister(grid([headers, values], "Реестр взыскания"))!;
    for (const c of REGISTER_COLUMNS) expect(reg.columns[c.field], c.header).toBe(headers.indexOf(c.header));
    expect(reg.entries[0]).toMatchObject({
      key: "0001/2025-01-2025-04",
      account: "0001",
      periodFrom: "2025-01",
      periodTo: "2025-04",
      principal: 400_000,
      penalty: 2_217,
      duty: 200_000,
      claim: 402_217,
      status: "подготовлено",
    });
  });

  it("does not take a ledger for a court-work register", () => {
    const g = grid([
      ["Л/С", "ФИО", "Адрес", "Начислено", "Оплачено", "Сальдо на конец"],
      ["0001", "Иванов И.И.", "кв. 1", 1000, 0, 1000],
    ]);
    expect(recognizeRegister(g)).toBeNull();
  });

  it("understands statuses as clerks type them", () => {
    expect(normalizeStatus("Подано")).toBe("подано");
    expect(normalizeStatus("приказ вынесен")).toBe("приказ вынесен");
    expect(normalizeStatus("Отменён по возражениям")).toBe("приказ отменён");
    expect(normalizeStatus("приказ отменён, подано исковое")).toBe("иск подан");
    expect(normalizeStatus("ИП окончено, ст. 46 ч. 1 п. 4")).toBe("окончено — невозможно взыскание");
    expect(normalizeStatus("окончено фактическим исполнением")).toBe("окончено — оплачено");
    expect(normalizeStatus("на исполнении в ФССП")).toBe("направлено в ССП");
    expect(normalizeStatus("возвращено мировым судьёй")).toBe("возвращено судом");
    expect(normalizeStatus("")).toBeNull();
    expect(normalizeStatus("что-то своё")).toBeNull();
  });

  it("reads period ranges in the usual spellings", () => {
    expect(parsePeriodRange("01.2024 - 12.2024")).toEqual(["2024-01", "2024-12"]);
    expect(parsePeriodRange("с 01.01.2024 по 31.12.2024")).toEqual(["2024-01", "2024-12"]);
    expect(parsePeriodRange("март 2024")).toEqual(["2024-03", "2024-03"]);
    expect(parsePeriodRange("01.2024-06.2024")).toEqual(["2024-01", "2024-06"]);
    expect(parsePeriodRange("2024-01 — 2024-03")).toEqual(["2024-01", "2024-03"]);
    expect(parsePeriodRange("")).toEqual([null, null]);
  });
});

describe("register rows from candidates", () => {
  it("fills the add-in's columns and leaves the clerk's empty", () => {
    const row = registerRowFromCandidate(candidate({ account: "0001" }));
    expect(row).toEqual({
      key: "0001/2025-01-2025-04",
      account: "0001",
      debtor: "Иванов Иван Иванович",
      birth: "14.02.1980, г. Белоярский",
      identifier: "СНИЛС 123-456-789 01",
      address: "мкр. 3, д. 5, кв. 12",
      periodFrom: "01.2025",
      periodTo: "04.2025",
      principal: 400_000,
      penalty: 2_217,
      duty: 200_000,
      claim: 402_217,
      status: "подготовлено",
    });
    const table = toTableRow(row);
    const clerkHeaders = REGISTER_COLUMNS.filter((c) => c.filledBy === "clerk").map((c) => c.header);
    for (const h of clerkHeaders) expect(table[h]).toBeUndefined();
  });

  it("documents every column and who fills it", () => {
    const md = registerColumnsMarkdown();
    for (const c of REGISTER_COLUMNS) expect(md).toContain(`| ${c.header} |`);
    expect(REGISTER_COLUMNS.map((c) => c.header)).toContain("Квитанция с реквизитами взыскателя приложена");
    expect(md).toContain("| № дела | делопроизводитель |");
  });
});

/** Add-in columns of the register: the only cells a rerun may fill. */
const ADDIN_COLUMNS = new Set(REGISTER_COLUMNS.filter((c) => c.filledBy === "addin").map((c) => c.header));

/** What the workbook port does with the rows it is given (WorkbookPort.upsertTableRows): match by trimmed key. */
function upsert(table: RegisterTableRow[], rows: RegisterTableRow[]): RegisterTableRow[] {
  const key = REGISTER_HEADER.key;
  const out = table.map((r) => ({ ...r }));
  for (const row of rows) {
    const idx = out.findIndex((r) => !isEmptyCell(r[key]) && String(r[key]).trim() === String(row[key]).trim());
    if (idx < 0) out.push({ ...row });
    else for (const [h, v] of Object.entries(row)) if (ADDIN_COLUMNS.has(h) && h !== key) out[idx][h] = v;
  }
  return out;
}

/** One run of «внести в реестр»: the merge decides the rows, the port writes them. */
function write(table: RegisterTableRow[], cs: Candidate[]): RegisterTableRow[] {
  const w = mergeRegisterRows(
    table,
    cs.map((c) => toTableRow(registerRowFromCandidate(c))),
  );
  return upsert(table, [...w.added, ...w.filled]);
}

describe("merging into a register the clerk edits", () => {
  const KEY = REGISTER_HEADER.key;

  it("adds new keys, fills only empty add-in cells of existing rows, keeps everything typed", () => {
    const existing: RegisterTableRow[] = [
      {
        [KEY]: "0001/2025-01-2025-04",
        "Л/С": "0001",
        "Основной долг": 3999,
        Статус: "подано",
        "№ дела": "2-15/2025",
        Пени: null,
      },
    ];
    const incoming = [candidate({ account: "0001" }), candidate({ account: "0002" })].map((c) =>
      toTableRow(registerRowFromCandidate(c)),
    );
    const w = mergeRegisterRows(existing, incoming);
    expect(w.added.map((r) => r[KEY])).toEqual(["0002/2025-01-2025-04"]);
    expect(w.filled).toHaveLength(1);
    const f = w.filled[0];
    expect(f[KEY]).toBe("0001/2025-01-2025-04");
    expect(f["Пени"]).toBe(2_217); // was empty
    expect(f["Основной долг"]).toBeUndefined(); // the clerk's 3 999 is not touched
    expect(f["Статус"]).toBeUndefined();
    expect(f["№ дела"]).toBeUndefined();
  });

  it("changes nothing on a rerun with the same candidates", () => {
    const rows = [candidate({ account: "0001" })].map((c) => toTableRow(registerRowFromCandidate(c)));
    const w = mergeRegisterRows(rows, rows);
    expect(w).toEqual({ added: [], filled: [], unchanged: ["0001/2025-01-2025-04"] });
  });

  it("property: selecting, editing by hand and rerunning never changes a cell that has a value", () => {
    const headers = REGISTER_COLUMNS.map((c) => c.header);
    const accounts = ["0001", "0002", "0003", "0004", "0005", "0006"];
    const cand = fc
      .record({
        account: fc.constantFrom(...accounts),
        from: fc.constantFrom("2024-01", "2024-07", "2025-01"),
        principal: fc.integer({ min: 1, max: 50_000_000 }),
        penalty: fc.integer({ min: 0, max: 1_000_000 }),
      })
      .map((x) =>
        candidate({
          account: x.account,
          periodFrom: x.from,
          periodTo: "2025-04",
          principal: x.principal,
          penalty: x.penalty,
          claim: x.principal + x.penalty,
        }),
      );
    const edit = fc.record({
      row: fc.nat(),
      header: fc.constantFrom(...headers.filter((h) => h !== REGISTER_HEADER.key)),
      value: fc.oneof(
        fc.constant(null),
        fc.constant(""),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.integer({ min: -5, max: 100_000 }),
      ),
    });

    fc.assert(
      fc.property(
        fc.array(cand, { maxLength: 6 }),
        fc.array(edit, { maxLength: 20 }),
        fc.array(cand, { maxLength: 8 }),
        (first, edits, second) => {
          const table = write([], first);
          // the clerk types, overwrites and clears cells by hand
          for (const e of edits) {
            if (table.length === 0) break;
            table[e.row % table.length][e.header] = e.value;
          }
          const typed = table.map((r) => ({ ...r }));
          const after = write(table, second);
          for (let i = 0; i < typed.length; i++) {
            for (const [h, v] of Object.entries(typed[i])) {
              if (!isEmptyCell(v)) expect(after[i][h]).toBe(v);
            }
          }
          // every selected candidate's key is in the register afterwards
          for (const c of second)
            expect(after.some((r) => r[KEY] === registerKey(c.account, c.periodFrom, c.periodTo))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: rows the clerk adds by hand (with or without a key) and keys the clerk retypes are never overwritten", () => {
    const headers = REGISTER_COLUMNS.map((c) => c.header);
    const accounts = ["0001", "0002", "0003"];
    const periods = ["2024-01", "2025-01"];
    const keys = accounts.flatMap((a) => periods.map((p) => registerKey(a, p, "2025-04")));
    const cand = fc
      .record({
        account: fc.constantFrom(...accounts),
        from: fc.constantFrom(...periods),
        principal: fc.integer({ min: 1, max: 9_999_999 }),
        debtor: fc.string({ maxLength: 6 }),
      })
      .map((x) =>
        candidate({
          account: x.account,
          debtor: x.debtor,
          periodFrom: x.from,
          periodTo: "2025-04",
          principal: x.principal,
          claim: x.principal,
        }),
      );
    const value = fc.oneof(
      fc.constant(null),
      fc.constant(""),
      fc.constant("  "),
      fc.string({ minLength: 1, maxLength: 8 }),
      fc.integer({ min: -5, max: 100_000 }),
    );
    // a hand-typed row: some cells of any column, and a key that may collide with one the add-in will bring
    const handRow = fc.record({
      key: fc.oneof(fc.constant(null), fc.constantFrom(...keys), fc.string({ maxLength: 5 })),
      cells: fc.dictionary(fc.constantFrom(...headers.filter((h) => h !== REGISTER_HEADER.key)), value, { maxKeys: 6 }),
    });
    const cellEdit = fc.record({ row: fc.nat(), header: fc.constantFrom(...headers), value });
    const KEY_H = REGISTER_HEADER.key;

    fc.assert(
      fc.property(
        fc.array(cand, { maxLength: 4 }),
        fc.array(handRow, { maxLength: 4 }),
        fc.array(cellEdit, { maxLength: 12 }),
        fc.array(cand, { maxLength: 6 }),
        fc.array(cand, { maxLength: 6 }),
        (first, hand, edits, second, third) => {
          let table = write([], first);
          for (const h of hand) table.push({ ...h.cells, [KEY_H]: h.key });
          for (const e of edits) if (table.length > 0) table[e.row % table.length][e.header] = e.value; // the key too
          const typed = table.map((r) => ({ ...r }));
          table = write(write(table, second), third); // two reruns with other candidates
          expect(table.length).toBeGreaterThanOrEqual(typed.length);
          typed.forEach((row, i) => {
            for (const [h, v] of Object.entries(row))
              if (!isEmptyCell(v)) expect(table[i][h], `row ${i}, «${h}»`).toBe(v);
          });
          // every key the add-in brought is in the register afterwards
          for (const c of [...second, ...third]) {
            const k = registerKey(c.account, c.periodFrom, c.periodTo);
            expect(
              table.filter((r) => !isEmptyCell(r[KEY_H]) && String(r[KEY_H]).trim() === k).length,
            ).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
