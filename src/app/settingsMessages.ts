/**
 * Russian messages of the settings use case: why a requisite or a threshold is invalid. They belong to the rules
 * in settings.ts (the check digits of ИНН, ОГРН, БИК and accounts), so the panel shows them as they are.
 */
export const SETTINGS_MESSAGES = {
  invalid: "Исправьте поля, отмеченные красным, — настройки не сохранены.",

  innLength: "ИНН организации — 10 цифр, ИНН физического лица или ИП — 12 цифр.",
  innChecksum: "Неверный ИНН: не сходится контрольная цифра.",
  kpp: "КПП — 9 знаков: 4 цифры, 2 цифры или латинские буквы, 3 цифры.",
  ogrnLength: "ОГРН — 13 цифр (ОГРНИП — 15 цифр).",
  ogrnChecksum: "Неверный ОГРН: не сходится контрольная цифра.",
  bik: "БИК — 9 цифр, начинается с 04.",
  accountLength: "Счёт — 20 цифр.",
  accountChecksum: "Неверный счёт: не сходится контрольный ключ с БИК.",
  accountNeedsBik: "Чтобы проверить счёт, укажите БИК.",
  corrAccountMismatch: "Корреспондентский счёт должен начинаться с 301 и оканчиваться тремя последними цифрами БИК.",
  positiveNumber: "Введите положительное число.",
  wholeNumber: (min: number, max: number) => `Введите целое число от ${min} до ${max}.`,
  money: "Введите сумму в рублях, например 500 000 или 500000,00.",
} as const;
