/** Russian names of register kinds and shapes (the result sheet, the taskpane, the CLI's readable output). */
import type { RegisterKind, RegisterShape } from "./model";

export const KIND_RU: Record<RegisterKind, string> = {
  "fssp-bank": "банк данных ФССП",
  "osp-list": "список ОСП",
  api: "выгрузка API ФССП",
};

export const SHAPE_RU: Record<RegisterShape, string> = {
  A: "многострочные ячейки",
  B: "запись на нескольких строках",
  C: "текст в одну строку",
  D: "склеенный текст",
  E: "вставка текстом со сдвигом столбцов",
  table: "таблица: строка на производство",
};
