/**
 * «Журнал сверок»: one row per «Сверить» run (plan measure 3 counts the reconciliations from it). The headers are a
 * contract: the plan's monthly table reads these columns by name.
 */
export const RECONCILE_LOG_COLUMNS = [
  "Ключ",
  "Дата сверки",
  "Реестр",
  "Форма",
  "Записей",
  "Наших производств",
  "На исполнении",
  "Оплачено напрямую",
  "Сумма оплат напрямую",
  "Исполнено",
  "Возвращено",
  "Прекращено",
  "Другой взыскатель",
  "Не возбуждено",
  "Требует решения",
] as const;

export type ReconcileLogColumn = (typeof RECONCILE_LOG_COLUMNS)[number];

export const RECONCILE_LOG_FORMATS: Partial<Record<ReconcileLogColumn, "text" | "date" | "money" | "integer">> = {
  Ключ: "text",
  "Дата сверки": "date",
  "Сумма оплат напрямую": "money",
};
