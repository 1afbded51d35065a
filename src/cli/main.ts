/** dj-assess: argument wiring only. The work is in validateCommand.ts. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { localeOf, reasonOf } from "../i18n";
import { cliText, type CliKey } from "../i18n/cli";
import { LIMIT_OPTIONS, limitHelp, limitsFromOptions } from "./limitOptions";
import { displayWidth } from "./summary";
import { EXIT, runValidate, type Output } from "./validateCommand";

/**
 * Our line for each error commander can raise on these arguments. Commander's own sentence is
 * English, so only the name it quotes is kept; any other code is a slip of ours, worded generally.
 */
const COMMANDER_MESSAGES: Record<string, CliKey> = {
  "commander.missingArgument": "cli.args.missingArgument",
  "commander.unknownOption": "cli.args.unknownOption",
  "commander.optionMissingArgument": "cli.args.optionMissingArgument",
  "commander.unknownCommand": "cli.args.unknownCommand",
  "commander.excessArguments": "cli.args.excessArguments",
};

/** The headings commander writes in its help; it passes each through styleTitle, which words them. */
const HEADINGS: Record<string, CliKey> = {
  "Usage:": "cli.help.heading.usage",
  "Arguments:": "cli.help.heading.arguments",
  "Options:": "cli.help.heading.options",
  "Commands:": "cli.help.heading.commands",
};

/** The argument, option or command commander's message quotes: 'files', '--bogus', '--roster <file>'. */
function quotedName(message: string): string {
  return /'([^']*)'/.exec(message)?.[1] ?? "";
}

/** The version in package.json, which sits two folders above this file both as built (build/cli) and as source (src/cli). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
}

export async function run(argv: string[], io: Output): Promise<number> {
  const locale = localeOf(process.env.DJ_LANG);
  const t = cliText(locale);
  let exitCode: number = EXIT.clean;
  // Set before the subcommand is made, which inherits all of it.
  const program = new Command("dj-assess")
    .description(t("cli.help.description"))
    .usage(`${t("cli.help.optionsTerm")} ${t("cli.help.commandTerm")}`)
    .version(packageVersion(), "-V, --version", t("cli.help.version"))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      // Help asked for by a wrong command line goes to stderr; commander's error sentences are replaced by ours below.
      writeErr: (s) => io.err(s),
      outputError: () => undefined,
    })
    .configureHelp({
      styleTitle: (title) => (title in HEADINGS ? t(HEADINGS[title]) : title),
      // Commander's own term appends an English "[options]"; our usage line is worded.
      subcommandTerm: (command) => `${command.name()} ${command.usage()}`.trim(),
      // Commander counts a character as one column; a Chinese one takes two, and the columns would not line up.
      displayWidth,
    })
    // Its suggestions ("Did you mean …?") are English sentences; the usage line after our error lists every option.
    .showSuggestionAfterError(false)
    .helpOption("-h, --help", t("cli.help.help"))
    .helpCommand(`help ${t("cli.help.commandTerm")}`, t("cli.help.helpCommand"));
  const validate = program
    .command("validate")
    .description(t("cli.help.validate"))
    .usage(`${t("cli.help.optionsTerm")} <${t("cli.help.filesTerm")}...>`)
    .argument(`<${t("cli.help.filesTerm")}...>`, t("cli.help.files"))
    .option(`--roster <${t("cli.help.value.roster")}>`, t("cli.help.roster"))
    .option(`--settings <${t("cli.help.value.settings")}>`, t("cli.help.settings"))
    .option(`--sheet <${t("cli.help.value.sheet")}>`, t("cli.help.sheet"))
    .option("--json", t("cli.help.json"))
    .option(`--annotate <${t("cli.help.value.annotate")}>`, t("cli.help.annotate"));
  for (const option of LIMIT_OPTIONS) validate.option(`${option.flag} <${t("cli.help.value.limit")}>`, limitHelp(option, t));
  validate.action(async (files: string[], options: { roster?: string; settings?: string; sheet?: string; json?: boolean; annotate?: string }) => {
    const limits = limitsFromOptions(options, t);
    if ("problem" in limits) {
      io.err(limits.problem);
      exitCode = EXIT.unusable;
      return;
    }
    const { roster, settings, sheet, json, annotate } = options;
    exitCode = await runValidate({ files, roster, settings, sheet, json, annotate, limits: limits.limits, locale }, io);
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help or the version, asked for (0), or help shown because no command was given (1).
    if (error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version") {
      return error.exitCode === 0 ? EXIT.clean : EXIT.unusable;
    }
    io.err(t(COMMANDER_MESSAGES[error.code] ?? "cli.args.invalid", { name: quotedName(error.message) }));
    io.err(t("cli.args.usage"));
    return EXIT.unusable;
  }
  return exitCode;
}

/** Entry point of the bin: never lets a stack reach the user. */
export function main(): void {
  const io: Output = {
    out: (text) => process.stdout.write(text),
    err: (line) => process.stderr.write(line.endsWith("\n") ? line : line + "\n"),
  };
  run(process.argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const locale = localeOf(process.env.DJ_LANG);
      io.err(cliText(locale)("cli.error.internal", { reason: reasonOf(error, locale) }));
      process.exitCode = EXIT.unusable;
    },
  );
}
