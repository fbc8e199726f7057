/**
 * zhku-collect — the add-in's use cases from a terminal (docs/architecture.md, § 5 «Командная строка: контракт»).
 * Exit codes: 0 done; 2 bad input (Russian message on stderr); 1 unexpected failure.
 */
import { Command, CommanderError, Help } from "commander";
import { commands } from "./commands/index";
import { InputError } from "./errors";

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("zhku-collect")
    .description(
      "Взыскание ЖКУ: проверка реестра должников, кандидаты на судебный приказ, пени, госпошлина, сверка с ССП",
    )
    .helpOption("-h, --help", "показать справку")
    .addHelpCommand("help [команда]", "справка по команде")
    .showHelpAfterError("(подробнее: zhku-collect --help)")
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(translateCommanderMessage(s)),
    })
    .configureHelp({
      formatHelp: (cmd, helper) =>
        Help.prototype.formatHelp
          .call(helper, cmd, helper)
          .replace(/^Usage:/m, "Использование:")
          .replace(/^Options:/m, "Параметры:")
          .replace(/^Commands:/m, "Команды:")
          .replace(/^Arguments:/m, "Аргументы:")
          .replace(/\(default: /g, "(по умолчанию: ")
          .replace(/\(choices: /g, "(варианты: "),
    })
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** Commander speaks English; our users read Russian. */
export function translateCommanderMessage(s: string): string {
  return s
    .replace(/^error: unknown option '(.+)'/m, "Ошибка: неизвестный параметр «$1»")
    .replace(/^error: unknown command '(.+)'/m, "Ошибка: неизвестная команда «$1»")
    .replace(/^error: missing required argument '(.+)'/m, "Ошибка: не указан обязательный аргумент «$1»")
    .replace(/^error: required option '(.+)' not specified/m, "Ошибка: не указан обязательный параметр «$1»")
    .replace(/^error: option '(.+)' argument missing/m, "Ошибка: у параметра «$1» нет значения")
    .replace(/^error: too many arguments.*$/m, "Ошибка: лишние аргументы")
    .replace(
      /^error: option '(.+)' argument '(.+)' is invalid\. Allowed choices are (.+)\.$/m,
      "Ошибка: недопустимое значение «$2» параметра «$1»; допустимо: $3",
    )
    .replace(/^error: /m, "Ошибка: ");
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.help" || err.code === "commander.version")
        return 0;
      return 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`Ошибка: ${err.message}\n`);
      return 2;
    }
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`Непредвиденная ошибка: ${message}\n`);
    return 1;
  }
}

const isEntry = process.argv[1] && /[\\/]cli[\\/]main\.[cm]?[tj]s$/.test(process.argv[1]);
if (isEntry) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
