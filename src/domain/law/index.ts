/** The law engine (ЖК 155 ч. 14 penalties, НК 333.19/333.21 duty, limitation, due dates, 229-ФЗ terms). */
export * from "./calendar";
export * from "./dueDate";
export * from "./keyRate";
export * from "./allocation";
export * from "./penalty";
export * from "./duty";
export * from "./limitation";
export * from "./enforcement";
