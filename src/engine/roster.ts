/**
 * The office's roster (名册) against the submissions: branches that are missing, branches nobody
 * listed, departments that submitted nothing; and the roster's 上年定级, which wins over the
 * self-reported one.
 */
import type { Grid } from "./grid";
import { findHeader } from "./header";
import { BranchIndex } from "./identity";
import { makeFinding } from "./findings";
import type { Report, RosterEntry } from "./report";
import type { SheetFinding } from "./findings";
import type { SheetKind } from "./kinds/kind";
import { submissionKind } from "./kinds/submission";
import { parseSheet, type ParsedSheet } from "./sheet";
import { type DataRow } from "./rows";
import type { Settings } from "./settings";
import { originalValue } from "./values";
import { SheetView } from "./view";
import type { Locale } from "../i18n";

export interface RosterBranch extends RosterEntry {
  levelPrev?: string;
  partyScorePrev?: number;
  /** 上次换届时间 (LEDGERS.md §5), a serial. */
  lastElection?: number;
}

export interface Roster {
  sheet: string;
  /** Whether the roster has a 所属单位 column; without it branches match by name. */
  hasUnit: boolean;
  branches: RosterBranch[];
}

function entryOf(row: DataRow, hasUnit: boolean): RosterBranch {
  const entry: RosterBranch = { branch: row.branch };
  if (hasUnit && row.fields.value("unit")) entry.unit = row.unit;
  if (row.code) entry.code = row.code;
  const level = row.fields.value("levelPrev");
  if (typeof level === "string" && level) entry.levelPrev = level;
  const score = row.fields.value("partyScorePrev");
  if (typeof score === "number") entry.partyScorePrev = score;
  const elected = row.fields.get("lastElection")?.read;
  if (elected && !elected.invalid && typeof elected.value === "number") entry.lastElection = elected.value;
  return entry;
}

/** The roster has the 统计表's columns it needs (党支部名称 …), and none of its checks. */
const ROSTER: SheetKind = {
  id: "roster",
  fields: submissionKind.fields,
  accepts: (header) => header.byKey.has("branch"),
  rowRules: [],
  sheetRules: [],
  gather: () => ({ findings: [], flags: [] }),
};

/** The first visible sheet with a 党支部名称 column is the roster. */
export function readRoster(grids: Grid[], settings: Settings, locale: Locale): Roster | null {
  for (const grid of grids) {
    if (grid.visible === false) continue;
    const view = new SheetView(grid);
    const header = findHeader(view, ROSTER.fields, ROSTER.accepts);
    if (!header) continue;
    const parsed = parseSheet(view, header, ROSTER, settings, locale);
    const hasUnit = header.byKey.has("unit");
    return {
      sheet: grid.sheet,
      hasUnit,
      branches: parsed.rows.filter((r) => r.branch).map((r) => entryOf(r, hasUnit)),
    };
  }
  return null;
}

function plain(entry: RosterBranch): RosterEntry {
  const out: RosterEntry = { branch: entry.branch };
  if (entry.unit) out.unit = entry.unit;
  if (entry.code) out.code = entry.code;
  return out;
}

export interface RosterCheck {
  findings: SheetFinding[];
  roster: Report["roster"];
  /** The roster's 上年定级 of each matched row that has one: the office's record, which wins. */
  levels: Map<DataRow, string>;
  /** The roster's 上次换届时间 of each matched row that has one, which wins likewise. */
  elections: Map<DataRow, number>;
}

export function checkRoster(roster: Roster, sheets: ParsedSheet[]): RosterCheck {
  const index = new BranchIndex<RosterBranch>(roster.hasUnit);
  for (const entry of roster.branches) index.add(entry, entry.code, entry.unit, entry.branch);
  const matched = new Set<RosterBranch>();
  const findings: SheetFinding[] = [];
  const unknown: RosterEntry[] = [];
  const levels = new Map<DataRow, string>();
  const elections = new Map<DataRow, number>();
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      const branchField = row.fields.get("branch");
      if (!row.branch || !branchField || branchField.read.invalid) continue;
      const found = index.find(row.code, row.unit, row.branch)?.item;
      if (!found) {
        unknown.push(plain({ branch: row.branch, unit: row.unit, code: row.code }));
        findings.push({
          sheet,
          finding: makeFinding(sheet.sheet, {
            rule: "unknown-branch",
            row: row.row,
            col: branchField.col,
            field: "branch",
            value: originalValue(branchField.cell),
            params: { branch: row.branch },
          }, sheet.locale, sheet.kind.fields),
        });
        continue;
      }
      matched.add(found);
      if (found.levelPrev) levels.set(row, found.levelPrev);
      if (found.lastElection !== undefined) elections.set(row, found.lastElection);
      const levelField = row.fields.get("levelPrev");
      const reported = levelField?.read.value;
      if (levelField && found.levelPrev && typeof reported === "string" && reported !== found.levelPrev) {
        findings.push({
          sheet,
          finding: makeFinding(sheet.sheet, {
            rule: "inconsistent",
            variant: "roster-level",
            row: row.row,
            col: levelField.col,
            field: "levelPrev",
            value: originalValue(levelField.cell),
            params: { roster: found.levelPrev },
          }, sheet.locale, sheet.kind.fields),
        });
      }
    }
  }
  const missing = roster.branches.filter((b) => !matched.has(b));
  const units = new Map<string, boolean>();
  for (const b of roster.branches) if (b.unit) units.set(b.unit, (units.get(b.unit) ?? false) || matched.has(b));
  const unsubmitted = [...units].filter(([, any]) => !any).map(([unit]) => ({ unit }));
  return { findings, roster: { missing: missing.map(plain), unknown, unsubmitted }, levels, elections };
}
