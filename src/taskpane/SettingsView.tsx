/**
 * 设置: every setting of SETTING_FIELDS in one form, filled from the 参数 sheet (or the defaults),
 * checked by the engine exactly as the sheet is read back, and saved as the 参数 sheet the
 * formulas reference. Nothing is saved while a value is wrong.
 */
import { useCallback, useEffect, useState } from "react";
import {
  Body1,
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  tokens,
} from "@fluentui/react-components";
import { ArrowReset20Regular, Save20Regular } from "@fluentui/react-icons";
import { DEFAULT_SETTINGS, LEVEL_SCHEMES, withDefaults, type Settings } from "../engine";
import { settingsSheet } from "../engine/sheets";
import { settingCell, settingValue } from "../engine/sheets/settingsSheet";
import { SETTING_FIELDS, settingName, settingsFromGrid, settingsFromPairs, type SettingPath } from "../engine/settingsInput";
import type { Locale } from "../i18n";
import { useSheetsText, useText } from "./text";
import type { WorkbookViewProps } from "./App";
import { Feedback, useAction } from "./feedback";

type Values = Record<SettingPath, string>;

/** Each setting as the 值 cell of 参数 holds it, as text: what the engine reads back. */
function valuesOf(settings: Settings, locale: Locale): Values {
  const values = {} as Values;
  for (const { path } of SETTING_FIELDS) values[path] = String(settingCell(path, settingValue(settings, path), locale));
  return values;
}

/** The level schemes offered: 自动 (blank), the built-in ones, and the office's own if it is another. */
function levelOptions(current: string): string[] {
  const builtIn = LEVEL_SCHEMES.map((scheme) => scheme.join(","));
  return ["", ...builtIn, ...(current !== "" && !builtIn.includes(current) ? [current] : [])];
}

const METHODS = ["weighted", "multiplier"] as const;

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Fluent's Dropdown has a fixed min-width; in a 320 px pane it must be allowed to shrink.
  dropdown: { minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Problems found in the settings, one per line, under what they are about. */
function Problems({ intent, title, problems }: { intent: "warning" | "error"; title: string; problems: readonly string[] }) {
  const styles = useStyles();
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>
        {title}
        <ul className={styles.problems}>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export function SettingsView({ host, workbook }: WorkbookViewProps) {
  const t = useText();
  const sheets = useSheetsText();
  const locale = host.locale;
  const styles = useStyles();
  const action = useAction();
  const [values, setValues] = useState<Values>(() => valuesOf(withDefaults(), locale));
  // Wrong values of the 参数 sheet as read (the form shows the defaults for them), or of the form.
  const [sheetProblems, setSheetProblems] = useState<string[]>([]);
  const [formProblems, setFormProblems] = useState<string[]>([]);
  // 恢复默认 only fills the form: the 参数 sheet changes when the user saves.
  const [defaultsShown, setDefaultsShown] = useState(false);

  const load = useCallback(
    () =>
      action.perform(
        (reason) => t("tabs.settings.readFailed", { reason }),
        async () => {
          const grid = await workbook.readOwned("settings");
          const read = grid ? settingsFromGrid(grid, locale) : { settings: {}, problems: [] };
          setValues(valuesOf(withDefaults(read.settings), locale));
          setSheetProblems(read.problems);
          return null;
        },
      ),
    [action.perform, workbook, locale],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const set = (path: SettingPath, value: string) => {
    setValues((before) => ({ ...before, [path]: value }));
    setDefaultsShown(false);
  };

  const save = () =>
    action.perform(
      (reason) => t("tabs.settings.failed", { reason }),
      async (progress) => {
        const { settings, problems } = settingsFromPairs(
          SETTING_FIELDS.map(({ path }) => [path, values[path]]),
          locale,
        );
        setFormProblems(problems);
        setDefaultsShown(false);
        if (problems.length > 0) return null;
        const sheet = await workbook.writeSheet(settingsSheet(withDefaults(settings), locale), progress);
        setSheetProblems([]);
        return t("tabs.settings.saved", { sheet });
      },
    );

  const reset = () => {
    setValues(valuesOf(DEFAULT_SETTINGS, locale));
    setFormProblems([]);
    setDefaultsShown(true);
  };

  const busy = action.state.busy;
  const field = (path: SettingPath, kind: string) => {
    const label = settingName(path, locale);
    const hint = sheets(`settings.help.${path}`);
    if (kind === "method") {
      return (
        <Field key={path} label={label} hint={hint}>
          <Dropdown
            className={styles.dropdown}
            value={values[path]}
            selectedOptions={[values[path]]}
            onOptionSelect={(_event, data) => set(path, data.optionValue ?? "")}
            disabled={busy}
          >
            {METHODS.map((method) => (
              <Option key={method} value={sheets(`settings.method.${method}`)}>
                {sheets(`settings.method.${method}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      );
    }
    if (kind === "levels") {
      const shown = (levels: string) => (levels === "" ? t("tabs.settings.auto") : levels.split(",").join(t("pane.list.items")));
      return (
        <Field key={path} label={label} hint={hint}>
          <Dropdown
            className={styles.dropdown}
            value={shown(values[path])}
            selectedOptions={[values[path]]}
            onOptionSelect={(_event, data) => set(path, data.optionValue ?? "")}
            disabled={busy}
          >
            {levelOptions(values[path]).map((levels) => (
              <Option key={levels} value={levels} text={shown(levels)}>
                {shown(levels)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      );
    }
    return (
      <Field key={path} label={label} hint={hint}>
        <Input value={values[path]} onChange={(_event, data) => set(path, data.value)} disabled={busy} />
      </Field>
    );
  };

  return (
    <section className={styles.view} aria-busy={busy}>
      <Body1>{t("tabs.settings.intro")}</Body1>
      {sheetProblems.length > 0 && <Problems intent="warning" title={t("tabs.settings.sheetProblems")} problems={sheetProblems} />}
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {SETTING_FIELDS.map(({ path, kind }) => field(path, kind))}
        {formProblems.length > 0 && <Problems intent="error" title={t("tabs.settings.problems")} problems={formProblems} />}
        {defaultsShown && (
          <MessageBar intent="info">
            <MessageBarBody>{t("tabs.settings.defaultsShown")}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" icon={<Save20Regular />} disabled={busy}>
            {t("tabs.settings.save")}
          </Button>
          <Button type="button" icon={<ArrowReset20Regular />} onClick={reset} disabled={busy}>
            {t("tabs.settings.reset")}
          </Button>
        </div>
      </form>
      <Feedback state={action.state} />
    </section>
  );
}
