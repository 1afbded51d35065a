/** dj-assess: argument wiring only. The work is in validateCommand.ts. */
import { Command, CommanderError } from "commander";
import { localeOf, reasonOf } from "../i18n";
import { cliText } from "../i18n/cli";
import { LIMIT_OPTIONS, limitHelp, limitsFromOptions } from "./limitOptions";
import { EXIT, runValidate, type Output } from "./validateCommand";

const COMMANDER_MESSAGES: Record<string, "cli.args.missingArgument" | "cli.args.unknownOption" | "cli.args.optionMissingArgument" | "cli.args.unknownCommand" | "cli.args.excessArguments"> = {
  "commander.missingArgument": "cli.args.missingArgument",
  "commander.unknownOption": "cli.args.unknownOption",
  "commander.optionMissingArgument": "cli.args.optionMissingArgument",
  "commander.unknownCommand": "cli.args.unknownCommand",
  "commander.excessArguments": "cli.args.excessArguments",
};

export async function run(argv: string[], io: Output): Promise<number> {
  const locale = localeOf(process.env.DJ_LANG);
  const t = cliText(locale);
  let exitCode: number = EXIT.clean;
  const program = new Command("dj-assess")
    .description(t("cli.help.description"))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      // Commander's own English error lines are replaced by ours below.
      writeErr: () => undefined,
    })
    .helpOption("-h, --help", t("cli.help.help"));
  const validate = program
    .command("validate")
    .description(t("cli.help.validate"))
    .argument("<files...>", t("cli.help.files"))
    .option("--roster <file>", t("cli.help.roster"))
    .option("--settings <file>", t("cli.help.settings"))
    .option("--sheet <name>", t("cli.help.sheet"))
    .option("--json", t("cli.help.json"))
    .option("--annotate <dir>", t("cli.help.annotate"));
  for (const option of LIMIT_OPTIONS) validate.option(`${option.flag} <n>`, limitHelp(option, t));
  validate
    .helpOption("-h, --help", t("cli.help.help"))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: () => undefined })
    .action(async (files: string[], options: { roster?: string; settings?: string; sheet?: string; json?: boolean; annotate?: string }) => {
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
    if (error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version") return EXIT.clean;
    const key = COMMANDER_MESSAGES[error.code];
    io.err(key ? t(key, { detail: error.message.replace(/^error:\s*/, "") }) : t("cli.args.invalid", { detail: error.message.replace(/^error:\s*/, "") }));
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
