/**
 * The 校验 view: validates every submission sheet the host offers (or the active one), then shows
 * the counts by severity, the findings grouped by file → sheet → rule (clicking one shows its
 * cell) and the flags; 清除标记 removes the marks. Host-agnostic: the same component runs in Excel
 * and in the browser preview. With a live workbook it also writes 问题清单 and applies (and
 * undoes) 自动修正.
 */
import { lazy, Suspense, useCallback, useState, type ReactNode } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  ProgressBar,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircle20Regular, Eraser20Regular } from "@fluentui/react-icons";
import { flagDescription, kindName, ruleDescription, ruleTitle, type FileReport, type Finding, type Flag, type Report, type RuleId, type Severity } from "../engine";
import { reasonOf } from "../i18n";
import { useLocale, useText } from "./text";
import { failureText, Feedback, Loading, LoadBoundary, useAction, useValidationState } from "./feedback";
import type { Host } from "../host/host";
import { createValidationStore, type Checked, type Phase, type Scope, type ValidationStore } from "./validationStore";

const loadTabs = () => import(/* webpackChunkName: "workbook-tabs" */ "./workbookTabs");
const WorkbookTools = lazy(() => loadTabs().then((m) => ({ default: m.WorkbookTools })));
const ScopeChoice = lazy(() => loadTabs().then((m) => ({ default: m.ScopeChoice })));

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  file: { margin: 0, fontWeight: tokens.fontWeightSemibold, wordBreak: "break-all" },
  sheet: { color: tokens.colorNeutralForeground2 },
  rule: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  finding: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  // A pane is narrow: without this the two characters of 错误 stack one above the other.
  severity: { flexShrink: 0, whiteSpace: "nowrap" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, minWidth: "3.5em", flexShrink: 0 },
  flag: { display: "flex", flexDirection: "column", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  flagHead: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

/** Which finding is selected. On screen a finding is `[data-file] [data-sheet][data-cell]`. */
function findingKey(file: string, sheet: string, cell: string): string {
  return JSON.stringify([file, sheet, cell]);
}

/** The CSS selector of a finding's button, for hosts that scroll to it. */
export function findingSelector(file: string, sheet: string, cell: string): string {
  const q = (value: string) => `"${CSS.escape(value)}"`;
  return `[data-file=${q(file)}] [data-sheet=${q(sheet)}][data-cell=${q(cell)}]`;
}

function byRule(findings: Finding[]): [RuleId, Finding[]][] {
  const groups = new Map<RuleId, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.rule);
    if (group) group.push(finding);
    else groups.set(finding.rule, [finding]);
  }
  return [...groups];
}

export interface ValidateViewProps {
  host: Host;
  /**
   * Where the last validation and its outcome live. The task pane passes the page's shared store,
   * so a validation started from the ribbon shows here; by default the view keeps its own.
   */
  store?: ValidationStore;
  /** Called with each new report (the preview enables its download button). */
  onReport?: (checked: Checked) => void;
  /** Shown before running, in place of the validation (e.g. "open files first"); null to run. */
  blocked?: () => string | null;
  /** More buttons beside 一键校验. */
  actions?: ReactNode;
}

export function ValidateView({ host, store: given, onReport, blocked, actions }: ValidateViewProps) {
  const t = useText();
  const styles = useStyles();
  const [own] = useState(() => given ?? createValidationStore());
  const store = given ?? own;
  const { phase, checked, failures, runs } = useValidationState(store);
  const report = checked?.report ?? null;
  // The preview reads files, which have no active sheet: it always validates them all.
  const [scope, setScope] = useState<Scope>("all");
  // A selection belongs to the report it was made on: a new run (from here or the ribbon) clears it.
  const [selection, setSelection] = useState<{ key: string; run: number } | null>(null);
  const selected = selection !== null && selection.run === runs ? selection.key : null;
  const action = useAction();
  const validating = phase.kind !== "idle";
  const busy = validating || action.state.busy;

  const run = useCallback(async () => {
    const refusal = blocked?.() ?? null;
    if (refusal !== null) {
      store.fail({ kind: "refused", message: refusal });
      return;
    }
    const checked = await store.run(host, scope);
    if (checked) onReport?.(checked);
  }, [host, store, onReport, blocked, scope]);

  const clear = () =>
    action.perform(
      (reason) => t("tabs.validate.clearFailed", { reason }),
      async () => {
        await host.clearMarks();
        return t("tabs.validate.cleared");
      },
    );

  const select = useCallback(
    async (file: string, finding: Finding) => {
      setSelection({ key: findingKey(file, finding.sheet, finding.cell), run: runs });
      try {
        await host.selectCell(file, finding.sheet, finding.cell);
      } catch (error) {
        store.fail({ kind: "selectFailed", cell: finding.cell, reason: reasonOf(error, host.locale) });
      }
    },
    [host, store, runs],
  );

  return (
    <section className={styles.view} aria-busy={busy}>
      {host.kind !== "files" && (
        <LoadBoundary>
          <Suspense fallback={<Loading />}>
            <ScopeChoice scope={scope} onChange={setScope} disabled={busy} />
          </Suspense>
        </LoadBoundary>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<CheckmarkCircle20Regular />} onClick={run} disabled={busy}>
          {t("pane.validate.run")}
        </Button>
        <Button icon={<Eraser20Regular />} onClick={clear} disabled={busy}>
          {t("tabs.validate.clear")}
        </Button>
        {actions}
      </div>
      {host.workbook && (
        <LoadBoundary>
          <Suspense fallback={<Loading />}>
            <WorkbookTools host={host} workbook={host.workbook} store={store} scope={scope} report={report} busy={busy} action={action} />
          </Suspense>
        </LoadBoundary>
      )}
      {validating && <Progress phase={phase} />}
      <Feedback state={action.state} />
      {failures.map((failure) => (
        <MessageBar key={failure.kind} intent="error">
          <MessageBarBody>{failureText(failure, t)}</MessageBarBody>
        </MessageBar>
      ))}
      {report === null ? (
        !busy && <Body1 className={styles.muted}>{t("pane.validate.nothingYet")}</Body1>
      ) : (
        <ReportView report={report} selected={selected} onSelect={select} />
      )}
    </section>
  );
}

function Progress({ phase }: { phase: Phase }) {
  const t = useText();
  if (phase.kind === "idle") return null;
  const known = phase.total > 0;
  const label = known
    ? t(phase.kind === "reading" ? "pane.validate.reading" : "pane.validate.marking", { done: phase.done, total: phase.total })
    : t("pane.validate.running");
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={known ? phase.done / phase.total : undefined} aria-label={label} />
    </Field>
  );
}

interface ReportViewProps {
  report: Report;
  selected: string | null;
  onSelect: (file: string, finding: Finding) => void;
}

export function ReportView({ report, selected, onSelect }: ReportViewProps) {
  const t = useText();
  const styles = useStyles();
  const { summary } = report;
  const flags = report.files.flatMap((f) => f.sheets.flatMap((s) => s.flags));
  const anyFinding = report.files.some((f) => f.sheets.some((s) => s.findings.length > 0));
  return (
    <>
      <div className={styles.counts} role="status">
        <Badge appearance="filled" color="danger" size="large">{t("pane.count.error", { count: summary.errors })}</Badge>
        <Badge appearance="filled" color="warning" size="large">{t("pane.count.warning", { count: summary.warnings })}</Badge>
        <Badge appearance="filled" color="informative" size="large">{t("pane.count.info", { count: summary.infos })}</Badge>
        <Badge appearance="tint" color="severe" size="large">{t("pane.count.flags", { count: summary.flags })}</Badge>
      </div>
      {report.files
        .filter((f) => f.error !== undefined)
        .map((f) => (
          <MessageBar key={`error-${f.file}`} intent="error">
            <MessageBarBody>{f.error!.startsWith(f.file) ? f.error : t("pane.validate.fileError", { file: f.file, reason: f.error! })}</MessageBarBody>
          </MessageBar>
        ))}
      <div className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>{t("pane.findings.title")}</Subtitle2>
        {!anyFinding && <Body1 className={styles.muted}>{t("pane.validate.noFindings")}</Body1>}
        {report.files.map((file) => (
          <FileFindings key={file.file} file={file} selected={selected} onSelect={onSelect} />
        ))}
      </div>
      <div className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>{t("pane.flags.title")}</Subtitle2>
        {flags.length === 0 ? <Body1 className={styles.muted}>{t("pane.validate.noFlags")}</Body1> : <FlagList flags={flags} />}
      </div>
    </>
  );
}

function FileFindings({ file, selected, onSelect }: { file: FileReport; selected: string | null; onSelect: ReportViewProps["onSelect"] }) {
  const t = useText();
  const locale = useLocale();
  const styles = useStyles();
  if (file.sheets.length === 0 && file.skipped.length === 0) return null;
  return (
    <div className={styles.section} data-file={file.file}>
      <Text as="h3" className={styles.file}>{file.file}</Text>
      {file.sheets.map((sheet) => (
        <div key={sheet.sheet} className={styles.section}>
          <Caption1 className={styles.sheet}>{t("pane.findings.sheet", { sheet: sheet.sheet, kind: kindName(sheet.kind, locale), unit: sheet.unit, rows: sheet.rows })}</Caption1>
          {sheet.findings.length === 0 && <Body1 className={styles.muted}>{t("pane.validate.noFindings")}</Body1>}
          {byRule(sheet.findings).map(([rule, findings]) => (
            <div key={rule} className={styles.rule}>
              <Text weight="semibold" title={ruleDescription(rule, locale)}>
                {t("pane.findings.ruleCount", { rule: ruleTitle(rule, locale), count: findings.length })}
              </Text>
              <ul className={styles.list}>
                {findings.map((finding, i) => {
                  const key = findingKey(file.file, finding.sheet, finding.cell);
                  return (
                    <li key={`${finding.cell}-${i}`}>
                      <button
                        type="button"
                        className={mergeClasses(styles.finding, selected === key && styles.selected)}
                        data-sheet={finding.sheet}
                        data-cell={finding.cell}
                        aria-current={selected === key ? "true" : undefined}
                        onClick={() => onSelect(file.file, finding)}
                      >
                        <span className={styles.cell}>{finding.cell}</span>
                        <Badge appearance="tint" color={SEVERITY_COLOR[finding.severity]} size="small" className={styles.severity}>
                          {t(`pane.severity.${finding.severity}`)}
                        </Badge>
                        <span>{finding.message}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      ))}
      {file.skipped.length > 0 && (
        <Caption1 className={styles.muted}>{t("pane.validate.skipped", { sheets: file.skipped.join(t("pane.list.items")) })}</Caption1>
      )}
    </div>
  );
}

function FlagList({ flags }: { flags: Flag[] }) {
  const t = useText();
  const locale = useLocale();
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {flags.map((flag, i) => (
        <li key={`${flag.sheet}-${flag.row}-${flag.flag}-${i}`} className={styles.flag} data-flag={flag.flag}>
          <div className={styles.flagHead}>
            <Text weight="semibold">{flag.branch}</Text>
            {flag.person !== undefined && <Text>{t("pane.flags.person", { person: flag.person })}</Text>}
            <Badge appearance="tint" color={flag.level === "critical" ? "danger" : "warning"} title={flagDescription(flag.flag, locale)}>
              {flag.label}
            </Badge>
            {flag.level === "critical" && <Caption1>{t("pane.flags.critical")}</Caption1>}
          </div>
          <Caption1 className={styles.muted}>
            {flag.detail ? `${flag.detail} · ` : ""}
            {t("pane.flags.where", { unit: flag.unit, sheet: flag.sheet, row: flag.row })}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
