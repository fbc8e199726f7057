/**
 * The one Russian message catalogue of the taskpane and the standalone page. Every string a user sees in the UI
 * comes from here, so the wording can be reviewed in one place. Functions build messages with numbers in them
 * (Russian plurals have three forms that matter: 1 счёт, 2 счёта, 5 счетов).
 */

/** Picks the Russian plural form: one (1, 21), few (2–4, 22–24), many (5–20, 25–30, 11–14). */
export function plural(n: number, one: string, few: string, many: string): string {
  const form = new Intl.PluralRules("ru-RU").select(n);
  if (form === "one") return one;
  if (form === "few") return few;
  return many;
}

/** Integer with Russian grouping («100 000»), regular spaces so tests and screen readers see one form. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat("ru-RU").format(n).replace(/\u00a0/g, " ");
}

export const ru = {
  appTitle: "Взыскание ЖКУ",
  appSubtitle: "Претензионно-исковая работа по долгам за ЖКУ",

  sections: {
    check: "Проверка реестра",
    candidates: "Кандидаты на судебный приказ",
    reconcile: "Сверка с ССП",
    plan: "План мероприятий",
    settings: "Настройки",
    documents: "Документы",
  },
  sectionsNav: "Разделы",

  host: {
    outsideExcel:
      "Панель открыта вне Excel. Чтобы работать с файлом без Excel, откройте автономную страницу — там те же разделы и таблица открытой книги.",
    openStandalone: "Открыть автономную страницу",
    excelTooOld:
      "Этой версии Excel не хватает возможностей надстройки (нужен набор ExcelApi 1.9: Excel 2021, 2024, Microsoft 365, Excel в браузере или на Mac).",
  },

  notBuilt: {
    title: "Раздел пока не готов",
    check: "Проверка реестра ещё не подключена в этой сборке: модуль распознавания и проверки реестра в разработке.",
    candidates:
      "Отбор кандидатов на судебный приказ ещё не подключён в этой сборке: модуль расчёта требований в разработке.",
    reconcile: "Сверка с реестром ССП ещё не подключена в этой сборке.",
    plan: "Заполнение таблицы плана мероприятий ещё не подключено в этой сборке.",
  },
  noWorkbook: "Сначала откройте книгу: выберите файл .xlsx или нажмите «Открыть пример».",
  noWorkbookOutside:
    "Здесь нет открытой книги: панель работает с книгой внутри Excel, а вне Excel — на автономной странице.",
  noWorkbookExcel: "Книга Excel недоступна надстройке — см. сообщение выше.",

  planMeasures: {
    intro: "План мероприятий по взысканию задолженности — четыре меры и где они в надстройке:",
    measure1:
      "1. Заявления о выдаче судебного приказа на должников с долгом не меньше двух среднемесячных начислений — раздел «Кандидаты на судебный приказ» и лист «Реестр взыскания».",
    measure2: "2. Квитанции с реквизитами взыскателя к исполнительным документам — реквизиты в разделе «Настройки».",
    measure3:
      "3. Сверка с ССП: статусы производств, оплаты напрямую взыскателю, повторное предъявление — раздел «Сверка с ССП».",
    measure4: "4. Таблица показателей плана за месяц — этот раздел, лист «План мероприятий».",
  },

  plan: {
    month: "Отчётный месяц",
    reconcile: "Сверить с реестром ССП, если он есть в книге",
    run: "Подготовить отчёт за месяц",
    runHint:
      "Проверка реестра → кандидаты → сверка с ССП → листы «План мероприятий», «План — расшифровка» и «План — динамика».",
    failed: "Отчёт за месяц не подготовлен",
    steps: "Что сделано",
    status: { done: "готово", skipped: "пропущено", failed: "не выполнено" } as Record<string, string>,
    table: "Показатели за месяц",
    indicator: "Показатель",
    fulfilment: "Выполнение",
    written: "Заполнены листы «План мероприятий», «План — расшифровка» и «План — динамика».",
    chartTitle: "Мера 1: сумма требований по поданным заявлениям и цель, по месяцам",
    chartFact: "Факт",
    chartTarget: "Цель",
    chartEmpty: "Нет данных для графика: ни за один месяц не посчитана сумма требований.",
    thousands: "тыс. ₽",
  },

  progress: {
    cancel: "Отмена",
    cancelled: "Операция отменена.",
    working: "Выполняется…",
    step: (done: number, total: number) => `${formatCount(done)} из ${formatCount(total)}`,
  },

  check: {
    run: "Проверить реестр",
    sheet: "Лист с реестром",
    layout: "Форма реестра",
    layouts: {
      "per-account": "одна строка на лицевой счёт",
      "per-month-rows": "одна строка на счёт и месяц",
      "month-columns": "месяцы в столбцах",
    } as Record<string, string>,
    period: "Период",
    headerRow: "Строка заголовка",
    mapping: "Распознанные столбцы",
    rows: (data: number, skipped: number) =>
      `Строк с данными: ${formatCount(data)}, пропущено (заголовки, итоги, пустые): ${formatCount(skipped)}`,
    summary: "Итоги проверки",
    severity: { error: "Ошибки", warning: "Предупреждения", info: "Сведения" } as Record<string, string>,
    findingsCount: (n: number) => `${formatCount(n)} ${plural(n, "замечание", "замечания", "замечаний")}`,
    noFindings: "Замечаний нет.",
    findings: "Замечания",
    findingsHint: "Нажмите на замечание, чтобы перейти к ячейке.",
    cell: "Ячейка",
    message: "Описание",
    shownFirst: (shown: number, total: number) =>
      `Показаны первые ${formatCount(shown)} из ${formatCount(total)}; все замечания — на листе «Проверка».`,
    clearMarks: "Снять пометки",
    marksCleared: "Пометки надстройки сняты со всех листов.",
    noNotes:
      "Эта версия Excel не показывает примечания к ячейкам (нужен Excel с набором API 1.18, например Microsoft 365): " +
      "ячейки помечены только цветом, пояснение к каждой — на листе «Проверка».",
    failed: "Проверка не выполнена",
  },

  candidates: {
    run: "Отобрать кандидатов",
    asOf: "Дата расчёта",
    rule: (multiple: number, window: number) =>
      `Правило: долг ≥ ${multiple} × среднемесячное начисление за ${window} ${plural(window, "месяц", "месяца", "месяцев")}`,
    resultTitle: "Кандидаты: итоги",
    tableLabel: "Кандидаты на судебный приказ",
    columnHeader: "Л/С · сумма требования · должник",
    count: "Кандидатов",
    principal: "Основной долг",
    penalty: "Пени",
    stateDuty: "Госпошлина",
    claim: "Сумма требований",
    target: "Месячная цель плана",
    targetOf: (covered: string, monthly: string, share: number) =>
      `${covered} из ${monthly} (${String(share).replace(".", ",")} %)`,
    excluded: (n: number) =>
      `Ещё ${formatCount(n)} ${plural(n, "должник подходит", "должника подходят", "должников подходят")} под правило, но не включены (причины — на листе «Кандидаты»).`,
    debtor: "Должник",
    route: "Порядок",
    allRoutes: "все",
    routes: { "court-order": "судебный приказ", lawsuit: "иск", arbitration: "арбитражный суд" } as Record<
      string,
      string
    >,
    onlyWarnings: "Только с предупреждениями",
    selectAll: "Выбрать всех показанных",
    selectOne: (account: string) => `Выбрать л/с ${account}`,
    addToRegister: (n: number) => (n > 0 ? `Внести в реестр (${formatCount(n)})` : "Внести в реестр"),
    added: (added: number, filled: number) =>
      `В «Реестр взыскания» добавлено строк: ${formatCount(added)}${filled > 0 ? `, дополнено: ${formatCount(filled)}` : ""}.`,
    addFailed: "Не удалось внести в реестр",
    penaltySheets: (n: number) => (n > 0 ? `Расчёт пени на листы (${formatCount(n)})` : "Расчёт пени на листы"),
    penaltySheetsDone: (written: string[], skipped: { account: string; reason: string }[]) =>
      [
        written.length > 0
          ? `Расчёт пени записан на листы: ${written.map((w) => `«${w}»`).join(", ")}.`
          : "Ни одного листа расчёта пени не записано.",
        ...skipped.map((s) => `Л/с ${s.account}: ${s.reason}.`),
      ].join(" "),
    penaltySheetsFailed: "Не удалось составить расчёт пени",
    warnings: "Предупреждения",
    failed: "Отбор не выполнен",
    invalidDate: "Укажите дату в формате ДД.ММ.ГГГГ.",
    shownFirst: (shown: number, total: number) =>
      `Показаны первые ${formatCount(shown)} из ${formatCount(total)}; все кандидаты — на листе «Кандидаты».`,
  },

  mapping: {
    open: "Исправить столбцы",
    close: "Скрыть исправление столбцов",
    corrected: "Используется сохранённое в книге соответствие столбцов.",
    hint: (headerRow: number) =>
      `Заголовок в строке ${headerRow}. Выберите столбец для каждого понятия; выбор сохранится в книге для этого листа.`,
    none: "— не использовать —",
    option: (letter: string, header: string, preview: string[]) =>
      `${letter}${header ? ` · ${header}` : ""}${preview.length ? ` · ${preview.slice(0, 2).join(", ")}` : ""}`,
    showAll: "Показать все понятия",
    save: "Сохранить и проверить заново",
    reset: "Вернуть автоматическое распознавание",
    loading: "Читаю заголовки…",
    noHeader: "На листе не найдена строка заголовков.",
    failed: "Не удалось прочитать заголовки",
  },

  standalone: {
    title: "Взыскание ЖКУ — работа с файлом",
    intro:
      "Откройте книгу (.xlsx, .xls, .ods) или таблицу с разделителями (.csv, .txt): файл обрабатывается только в " +
      "этом браузере и никуда не отправляется. Исходный файл не изменяется — результат скачивается книгой .xlsx.",
    openFile: "Открыть файл…",
    openSample: "Открыть пример",
    download: "Скачать результат",
    dropHere: "Перетащите файл .xlsx, .xls, .ods или .csv сюда",
    dropActive: "Отпустите файл, чтобы открыть его",
    opened: (name: string) => `Открыта книга «${name}»`,
    openFailed: (name: string, reason: string) => `Не удалось открыть «${name}»: ${reason}`,
    notXlsx: (name: string) => `Файл «${name}» не является таблицей: откройте .xlsx, .xls, .ods, .csv или .txt.`,
    sheets: "Листы книги",
    emptySheet: "Лист пуст.",
    gridLabel: (sheet: string) => `Содержимое листа «${sheet}» (только чтение)`,
    sizeInfo: (rows: number, cols: number) =>
      `${formatCount(rows)} ${plural(rows, "строка", "строки", "строк")} × ${formatCount(cols)} ${plural(cols, "столбец", "столбца", "столбцов")}`,
    loading: "Открываю книгу…",
    saved: (name: string) => `Файл «${name}» сохранён в загрузки.`,
    lossy: (reasons: string) =>
      `Изменения надстройки нельзя внести в эту книгу без потерь (${reasons}), поэтому книга не сохранена. ` +
      "Исходный файл не изменён. Скачайте результаты отдельной книгой: в ней листы надстройки и список пометок " +
      "со ссылками на ячейки исходного файла (положите её в ту же папку).",
    downloadResults: "Скачать результаты отдельной книгой",
    legend: "Пометки надстройки: красный — ошибка, жёлтый — предупреждение, голубой — сведения.",
  },

  settings: {
    claimantTitle: "Реквизиты взыскателя",
    claimantHint: "Нужны для заявлений о выдаче судебного приказа и квитанций к исполнительным документам.",
    thresholdsTitle: "Пороги плана мероприятий",
    candidatesTitle: "Отбор кандидатов на судебный приказ",
    ruleMode: "Правило «долг ≥ кратность × среднее» применяется",
    ruleModes: { account: "к долгу по лицевому счёту в целом", service: "к долгу по каждой услуге отдельно" },
    overdueOnly: "Считать только просроченный долг (месяцы, срок оплаты которых наступил)",
    includeTimeBarred: "Включать в требование долг за пределами срока исковой давности (ГК РФ ст. 196, 199)",
    keepDutyKopecks: "Госпошлина с копейками (по умолчанию — до рубля, НК РФ ст. 52 п. 6)",
    minClaim: "Минимальная сумма требования, ₽",
    minClaimHint: "Должники с меньшей суммой требования не попадают в кандидаты; 0 — без порога.",
    minClaimInvalid: "Введите сумму в рублях, не меньше 0 (например 5 000,00).",
    fields: {
      name: "Наименование",
      inn: "ИНН",
      kpp: "КПП",
      ogrn: "ОГРН",
      address: "Адрес",
      bankName: "Банк",
      bik: "БИК",
      account: "Расчётный счёт",
      corrAccount: "Корреспондентский счёт",
      multiple: "Кратность среднемесячного начисления",
      courtOrderLimit: "Предел для судебного приказа, ₽",
      monthlyTarget: "Цель взыскания в месяц, ₽",
      windowMonths: "Период усреднения, месяцев",
    },
    hints: {
      multiple: "Долг не меньше этого числа среднемесячных начислений — кандидат на судебный приказ (по плану — 2).",
      courtOrderLimit: "ГПК РФ ст. 121: судебный приказ выдаётся при требовании до 500 000 ₽.",
      monthlyTarget: "По плану — не менее 700 000 ₽ в месяц.",
      windowMonths: "Последние месяцы перед датой расчёта (по умолчанию 12).",
    },
    save: "Сохранить в книге",
    reset: "Вернуть значения по умолчанию",
    saved: "Настройки сохранены в книге.",
    saveFailed: "Не удалось сохранить настройки",
    noWorkbook: "Откройте книгу, чтобы сохранить в ней настройки.",
  },
  documents: {
    intro:
      "Заявления о вынесении судебного приказа (ГПК РФ ст. 124), квитанции ПД-4 с платёжным QR-кодом и заявление в ОСП по строкам «Реестра взыскания». Реквизиты взыскателя — из раздела «Настройки».",
    pending: "Все без заявления",
    chosen: "Строки реестра",
    rowsLabel: "Строки реестра (с 1), например 1-3,7",
    number: "Исходящий номер",
    osp: "Отделение судебных приставов",
    ospAddress: "Адрес отделения",
    check: "Проверить",
    make: "Сформировать",
    checking: "Проверка данных…",
    failed: "Документы не сформированы",
    requisites: "Реквизиты взыскателя",
    selection: "Выбор строк",
    blocking: "не хватает",
    warnings: "внимание",
    allGood: "Все данные на месте.",
    files: "Файлы",
    rowTitle: (row: number, account: string, debtor: string) => `Строка ${row}: л/с ${account}, ${debtor || "без ФИО"}`,
    marked: (n: number) => `Отметка «направлено в ССП, квитанция приложена» внесена в строк реестра: ${n}.`,
    downloadZip: "Скачать всё (.zip)",
    download: "Скачать",
    ready: "Документы готовы.",
  },
  reconcile: {
    intro:
      "Вставьте реестр исполнительных производств (из банка данных ФССП или список ОСП) в поле или выберите лист книги и нажмите «Сверить».",
    source: "Откуда взять реестр",
    sourceAuto: "Найти лист автоматически",
    sourcePaste: "Вставить в поле",
    pasteLabel: "Реестр исполнительных производств (скопируйте таблицу и вставьте сюда)",
    asOf: "Дата сверки",
    preview: "Распознать",
    run: "Сверить",
    failed: "Сверка не выполнена",
    previewFailed: "Реестр не распознан",
    detected: (source: string, kind: string, shape: string, records: number) =>
      `${source}: ${kind}, ${shape}; записей — ${records}.`,
    unreadable: (n: number) => `Не прочитано полностью: ${n} (перечислены на листе «Сверка ССП»).`,
    counts: "Итоги по статусам",
    status: {
      active: "На исполнении",
      "paid-directly": "Оплачено напрямую",
      executed: "Исполнено",
      returned: "Возвращено",
      terminated: "Прекращено / окончено",
      "other-creditor": "Другой взыскатель",
      ambiguous: "Требует решения",
      notOpened: "Не возбуждено",
    } as Record<string, string>,
    paidTotal: "Сумма оплат напрямую",
    queue: "Требует решения",
    queueEmpty: "Решать нечего: все совпадения однозначны.",
    confirm: "Подтвердить",
    reject: "Отклонить",
    applyDecisions: (n: number) => `Применить решения (${n}) и сверить снова`,
    candidate: (account: string, debtor: string) => `л/с ${account}, ${debtor}`,
    written:
      "Записаны листы «Сверка ССП», «Оплачено напрямую», «Повторное предъявление», «Не возбуждено», «Журнал сверок».",
    letters: "Письма в ОСП",
    noLetters: "Писем нет: нечего сообщать приставу.",
    download: "Скачать",
  },
} as const;
