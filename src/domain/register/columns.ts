/**
 * The court-work register «Реестр взыскания»: one row per claim (debtor × period). The add-in appends rows and
 * fills its own columns; the clerk fills the rest by hand (or in the taskpane). The add-in never overwrites a
 * cell that already has a value (see merge.ts) — this list is what the README's table is generated from.
 */

export type RegisterField =
  | "key"
  | "account"
  | "debtor"
  | "birth"
  | "identifier"
  | "address"
  | "periodFrom"
  | "periodTo"
  | "principal"
  | "penalty"
  | "duty"
  | "claim"
  | "filingDate"
  | "court"
  | "caseNumber"
  | "orderDate"
  | "cancelDate"
  | "effectiveDate"
  | "fsspDate"
  | "receiptAttached"
  | "ipNumber"
  | "ipDate"
  | "status"
  | "endDate"
  | "endReason"
  | "collectedFssp"
  | "paidDirect"
  | "representDate"
  | "note";

export interface RegisterColumn {
  field: RegisterField;
  header: string;
  /** Who writes the cell: "addin" when the row is added (only into empty cells afterwards), "clerk" by hand. */
  filledBy: "addin" | "clerk";
  format: "text" | "money" | "date";
  /** Russian description for the README and the taskpane. */
  description: string;
}

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  {
    field: "key",
    header: "Ключ",
    filledBy: "addin",
    format: "text",
    description: "Л/С и период требования; по нему надстройка узнаёт строку при повторном запуске",
  },
  {
    field: "account",
    header: "Л/С",
    filledBy: "addin",
    format: "text",
    description: "лицевой счёт, как в реестре должников (с ведущими нулями)",
  },
  {
    field: "debtor",
    header: "Должник",
    filledBy: "addin",
    format: "text",
    description: "ФИО или наименование из реестра должников",
  },
  {
    field: "birth",
    header: "Дата и место рождения",
    filledBy: "addin",
    format: "text",
    description: "если есть в реестре должников (ГПК 124)",
  },
  {
    field: "identifier",
    header: "Идентификатор",
    filledBy: "addin",
    format: "text",
    description: "СНИЛС, ИНН или паспорт, если известны (ГПК 124)",
  },
  {
    field: "address",
    header: "Адрес",
    filledBy: "addin",
    format: "text",
    description: "адрес помещения из реестра должников",
  },
  {
    field: "periodFrom",
    header: "Период с",
    filledBy: "addin",
    format: "text",
    description: "первый месяц взыскиваемого долга (ММ.ГГГГ)",
  },
  {
    field: "periodTo",
    header: "Период по",
    filledBy: "addin",
    format: "text",
    description: "последний месяц взыскиваемого долга (ММ.ГГГГ)",
  },
  {
    field: "principal",
    header: "Основной долг",
    filledBy: "addin",
    format: "money",
    description: "долг без пени на дату расчёта (без пропущенного срока давности, если так настроено)",
  },
  {
    field: "penalty",
    header: "Пени",
    filledBy: "addin",
    format: "money",
    description: "пени по ЖК 155 ч. 14 на дату расчёта",
  },
  {
    field: "duty",
    header: "Госпошлина",
    filledBy: "addin",
    format: "money",
    description: "госпошлина за заявление (НК 333.19 / 333.21)",
  },
  {
    field: "claim",
    header: "Сумма требования",
    filledBy: "addin",
    format: "money",
    description: "основной долг + пени",
  },
  {
    field: "filingDate",
    header: "Дата подачи",
    filledBy: "clerk",
    format: "date",
    description: "дата отправки заявления в суд",
  },
  {
    field: "court",
    header: "Суд (участок)",
    filledBy: "clerk",
    format: "text",
    description: "судебный участок мирового судьи или арбитражный суд",
  },
  {
    field: "caseNumber",
    header: "№ дела",
    filledBy: "clerk",
    format: "text",
    description: "номер дела / судебного приказа",
  },
  {
    field: "orderDate",
    header: "Дата приказа",
    filledBy: "clerk",
    format: "date",
    description: "дата вынесения судебного приказа",
  },
  {
    field: "cancelDate",
    header: "Дата отмены",
    filledBy: "clerk",
    format: "date",
    description: "дата определения об отмене приказа (ГПК 129)",
  },
  {
    field: "effectiveDate",
    header: "Дата вступления в силу",
    filledBy: "clerk",
    format: "date",
    description: "дата вступления приказа в законную силу",
  },
  {
    field: "fsspDate",
    header: "Дата направления в ССП",
    filledBy: "clerk",
    format: "date",
    description: "дата предъявления приказа в ФССП",
  },
  {
    field: "receiptAttached",
    header: "Квитанция с реквизитами взыскателя приложена",
    filledBy: "clerk",
    format: "text",
    description: "да/нет — приложена ли к заявлению в ССП квитанция для оплаты напрямую взыскателю (мера 2 плана)",
  },
  {
    field: "ipNumber",
    header: "№ ИП",
    filledBy: "clerk",
    format: "text",
    description: "номер исполнительного производства",
  },
  {
    field: "ipDate",
    header: "Дата возбуждения ИП",
    filledBy: "clerk",
    format: "date",
    description: "дата постановления о возбуждении ИП",
  },
  {
    field: "status",
    header: "Статус",
    filledBy: "addin",
    format: "text",
    description: "надстройка ставит «подготовлено» при добавлении; дальше статус меняет делопроизводитель",
  },
  { field: "endDate", header: "Дата окончания", filledBy: "clerk", format: "date", description: "дата окончания ИП" },
  {
    field: "endReason",
    header: "Основание окончания",
    filledBy: "clerk",
    format: "text",
    description: "например «ст. 46 ч. 1 п. 4» или «ст. 47 ч. 1 п. 1»",
  },
  {
    field: "collectedFssp",
    header: "Взыскано через ССП",
    filledBy: "clerk",
    format: "money",
    description: "сумма, поступившая от ССП",
  },
  {
    field: "paidDirect",
    header: "Оплачено напрямую взыскателю",
    filledBy: "clerk",
    format: "money",
    description: "оплаты должника напрямую после предъявления в ССП",
  },
  {
    field: "representDate",
    header: "Дата повторного предъявления",
    filledBy: "clerk",
    format: "date",
    description: "дата повторного предъявления в ССП (229-ФЗ ст. 46 ч. 4)",
  },
  { field: "note", header: "Примечание", filledBy: "clerk", format: "text", description: "свободный текст" },
];

export const REGISTER_HEADER: Record<RegisterField, string> = Object.fromEntries(
  REGISTER_COLUMNS.map((c) => [c.field, c.header]),
) as Record<RegisterField, string>;

/** Statuses of a claim, in the order a case moves. */
export const REGISTER_STATUSES = [
  "подготовлено",
  "подано",
  "возвращено судом",
  "отказано",
  "приказ вынесен",
  "приказ отменён",
  "иск подан",
  "направлено в ССП",
  "ИП возбуждено",
  "окончено — оплачено",
  "окончено — невозможно взыскание",
  "повторно предъявлено",
  "отозвано",
] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

/**
 * Statuses after which the period is free for a new court-order application: a returned application may be filed
 * again (ГПК 125 ч. 2), a withdrawn one was never decided. «отказано» is not here: after a refusal to issue the order
 * the debt goes to a lawsuit (ГПК 125 ч. 3), as after a cancelled order (ГПК 129).
 */
export const STATUSES_FREEING_PERIOD: readonly RegisterStatus[] = ["возвращено судом", "отозвано"];

/** Markdown table of the columns (for the README). */
export function registerColumnsMarkdown(): string {
  const lines = ["| Столбец | Заполняет | Что в нём |", "|---|---|---|"];
  for (const c of REGISTER_COLUMNS) {
    lines.push(`| ${c.header} | ${c.filledBy === "addin" ? "надстройка" : "делопроизводитель"} | ${c.description} |`);
  }
  return lines.join("\n");
}
