/**
 * What every report must be, whatever the input (PRODUCT.md §3, §4): the property tests check
 * each report they get against it.
 */
import type { CellRange, Grid, Report, WorkbookInput } from "../../src/engine";
import { columnLetter, flagLabel, RULES } from "../../src/engine";
import type { Locale } from "../../src/i18n";

/** PRODUCT.md §3, written out here so the test does not trust the engine's own table. */
const SEVERITY: Record<string, string> = {
  "header-not-found": "error",
  "missing-column": "error",
  "duplicate-header": "error",
  "blank-header": "error",
  "unknown-column": "warning",
  "extra-cell": "error",
  "blank-row": "info",
  "period-unknown": "info",
  "missing-value": "error",
  "excel-error": "error",
  "not-a-number": "error",
  "not-an-integer": "error",
  "out-of-range": "error",
  "bad-option": "error",
  "number-as-text": "warning",
  "duplicate-branch": "error",
  "total-mismatch": "error",
  inconsistent: "warning",
  "unknown-branch": "warning",
  "missing-branch": "error",
  "unsupported-file": "error",
};

/** PRODUCT.md §4: the Chinese labels (a report in English has the English ones of the same flags). */
const FLAG_LABEL: Record<string, string> = {
  "missing-meetings": "缺会",
  "unspent-funds": "经费未用",
  "no-new-members": "未发展党员",
  "small-branch": "党员不足3人",
  "committee-missing": "应设未设支委会",
  "large-branch": "党员超过50人",
  "dues-shortfall": "党费未足额",
};
const FLAG_ORDER = Object.keys(FLAG_LABEL);
const ALWAYS_WARNING = new Set(["small-branch", "committee-missing", "large-branch"]);
const RULE_IDS = new Set<string>(RULES.map((r) => r.id));
/** PRODUCT.md §3: these are pinned to A1 / column A of the sheet, wherever its used range starts. */
const AT_A1 = new Set(["header-not-found", "period-unknown"]);

/** The rectangle a grid covers, in sheet coordinates. */
function extent(grid: Grid): CellRange {
  const width = grid.cells.reduce((w, r) => Math.max(w, r.length), 0);
  return { top: grid.origin.row, left: grid.origin.col, bottom: grid.origin.row + grid.cells.length - 1, right: grid.origin.col + width - 1 };
}

/**
 * Everything wrong with a report, as lines (empty when it is well-formed): one expect per report
 * instead of one per finding keeps thousands of runs fast and shows every problem at once.
 * `input` gives each file's grids, so that every finding can be checked to lie on its sheet.
 */
export function problemsOf(report: Report, input: readonly WorkbookInput[], locale: Locale = "zh-CN"): string[] {
  const problems: string[] = [];
  const fail = (what: string) => problems.push(what);
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let flags = 0;
  report.files.forEach((file, i) => {
    if (file.error !== undefined) errors++;
    if (file.file !== input[i].file) fail(`file ${i} is ${file.file}, not ${input[i].file}`);
    for (const s of file.sheets) {
      const grids = input[i].grids.filter((g) => g.sheet === s.sheet);
      if (grids.length === 0) fail(`sheet ${s.sheet} is not in ${file.file}`);
      const erred = new Set<string>();
      for (const f of s.findings) {
        const at = `${f.rule}@${s.sheet}!${f.cell}`;
        if (!RULE_IDS.has(f.rule)) fail(`${at}: rule not in RULES`);
        if (f.sheet !== s.sheet) fail(`${at}: finding names sheet ${f.sheet}`);
        const m = /^([A-Z]{1,3})([1-9][0-9]*)$/.exec(f.cell);
        if (!m || f.column !== m[1] || f.row !== Number(m[2]) || columnLetter(col(f.column)) !== f.column) fail(`${at}: address ${f.column}/${f.row}`);
        else if (AT_A1.has(f.rule) ? f.cell !== "A1" : !grids.some((g) => inside(f, g))) fail(`${at}: outside the sheet's cells`);
        if (f.severity !== SEVERITY[f.rule]) fail(`${at}: severity ${f.severity}`);
        // What the department typed is quoted in the message and may hold braces of its own.
        const ownText = f.message.split(String(f.value ?? "\u0000")).join("");
        if (f.message.length === 0 || /\{\w+\}|undefined/.test(ownText)) fail(`${at}: message "${f.message}"`);
        if (f.severity === "error") {
          // missing-column is about a column: several may share the header cell they are pinned to.
          if (f.rule !== "missing-column") {
            if (erred.has(f.cell)) fail(`${at}: a second error in one cell`);
            erred.add(f.cell);
          }
          errors++;
        } else if (f.severity === "warning") warnings++;
        else infos++;
      }
      let last = -1;
      let lastRow = -1;
      for (const flag of s.flags) {
        const at = `${flag.flag}@${s.sheet} row ${flag.row}`;
        const label = locale === "zh-CN" ? FLAG_LABEL[flag.flag] : flagLabel(flag.flag, locale);
        if (label === undefined || label !== flag.label) fail(`${at}: label ${flag.label}`);
        if (flag.level !== "warning" && flag.level !== "critical") fail(`${at}: level ${flag.level}`);
        if (ALWAYS_WARNING.has(flag.flag) && flag.level !== "warning") fail(`${at}: must be a warning`);
        if (flag.sheet !== s.sheet) fail(`${at}: names sheet ${flag.sheet}`);
        if (/\{\w+\}|undefined|NaN|Infinity/.test(flag.detail)) fail(`${at}: detail "${flag.detail}"`);
        const order = FLAG_ORDER.indexOf(flag.flag);
        if (flag.row === lastRow ? order <= last : flag.row < lastRow) fail(`${at}: out of order`);
        last = order;
        lastRow = flag.row;
        flags++;
      }
      if (!(s.months >= 1 && s.months <= 12)) fail(`${s.sheet}: ${s.months} months`);
    }
  });
  const summary = { errors: errors + report.roster.missing.length, warnings, infos, flags };
  if (JSON.stringify(report.summary) !== JSON.stringify(summary)) fail(`summary ${JSON.stringify(report.summary)}, counted ${JSON.stringify(summary)}`);
  return problems;
}

function col(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** On the grid's rows, and in its columns, or in column A for rules about a whole row. */
function inside(f: { rule: string; row: number; column: string }, grid: Grid): boolean {
  const e = extent(grid);
  const c = col(f.column);
  const inColumns = f.rule === "blank-row" ? c === 1 : c >= e.left && c <= e.right;
  return f.row >= e.top && f.row <= e.bottom && inColumns;
}
