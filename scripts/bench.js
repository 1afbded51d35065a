#!/usr/bin/env node
/**
 * npm run bench: one JSON line per case, so runs can be compared. Timings on shared machines are
 * noisy, so each case reports a ratio against a floor measured in the same run.
 *
 * engine: validate a generated 10 000-row × 30-column submission, against a bare pass that reads
 *   every cell once (the floor for any validator); the same with every row clean (no finding or
 *   flag to word, so what reading and checking alone cost); and a 10 000-row meeting ledger of 200 branches
 *   held against their 统计表, against a bare pass over the same cells. Both paths are warmed alike
 *   (WARM_RUNS); the median and the fastest run of each are reported, and their ratios. Beside
 *   them, engine.reportFloor: only building the submission's report (its findings and flags as
 *   objects with fresh messages), the floor under the engine's ratio.
 * functions: UPGRADERATE and COMBINEDSCORE over 100 000 cells, called through the built
 *   dist/functions.js the way Excel binds it, against a bare pass over the same cells.
 * bundles: gzipped sizes of the task pane, functions.js and the preview's preview.js, and
 *   whether functions.js holds React or Fluent UI (it must not).
 * cli: `dj-assess validate <50 files> --json` end to end in a child process (wall time and peak
 *   RSS), against the same child doing nothing but start (`--help`); and the same 50 files read
 *   and validated in this process, phase by phase, to say where the time goes. Against it, what an
 *   office would script instead: Debian's python3-pandas reading the same 50 files with
 *   pd.read_excel(f, sheet_name=None, header=None), run in turn with the CLI, five pairs; skipped,
 *   with a line saying so, where /usr/bin/python3 has no pandas.
 *
 * Syncs per validation in Excel are not timed here: they are counted against office-addin-mock
 * by test/excel/excelHost.test.ts (100 and 10 000 rows) and test/excel/marks.test.ts (10 and
 * 1 000 findings), which assert that each pair is equal.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const ExcelJS = require("exceljs");
const zlib = require("node:zlib");
const { performance } = require("node:perf_hooks");
const engine = require("../build/engine/index.js");
const { readWorkbook } = require("../build/files/read.js");

const DIST = path.join(__dirname, "..", "dist");

const ROWS = Number(process.env.BENCH_ROWS ?? 10000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
/** Runs of each path before an engine case is timed. */
const WARM_RUNS = 10;

const text = (value) => ({ kind: "text", value });
const num = (value) => ({ kind: "number", value });

/**
 * A submission with every column of the standard sheet (31), some cells wrong on purpose; with
 * `clean`, none (each row's branch and code still its own).
 */
function makeGrid(rows, clean = false) {
  const labels = engine.FIELDS.map((f) => f.labels[0]);
  const cells = [
    [text("2025年度党支部工作情况统计表")],
    [text("填报单位：基准局\u3000统计期间：2025年")],
    labels.map(text),
  ];
  const levels = ["后进", "一般", "先进"];
  for (let i = 0; i < rows; i++) {
    const values = {
      seq: num(i + 1),
      code: text(`DJ${String(i).padStart(6, "0")}`),
      branch: text(`第${i + 1}党支部`),
      unit: text(`单位${i % 40}`),
      membersFormal: i % 97 === 0 ? text("１２") : num(3 + (i % 40)),
      membersProbationary: num(i % 3),
      groups: num(i % 4),
      hasCommittee: text(i % 5 === 0 ? "否" : "是"),
      generalMeetings: num(i % 6),
      committeeMeetings: num(i % 13),
      groupMeetings: num(i % 50),
      lectures: i % 211 === 0 ? text("四") : num(i % 5),
      themeDays: num(i % 13),
      orgLifeMeeting: text("是"),
      memberReview: text(i % 7 === 0 ? "否" : "是"),
      activists: num(i % 9),
      newMembers: num(i % 3),
      newMembersPrev: num(i % 2),
      nonMemberStaff: num(i % 100),
      budget: num(20000),
      spent: num((i * 37) % 25000),
      duesDue: num(1200),
      duesPaid: num(i % 11 === 0 ? 900 : 1200),
      levelPrev: text(levels[i % 3]),
      level: text(levels[(i + 1) % 3]),
      partyScorePrev: num(50 + (i % 50)),
      partyScore: num(55 + (i % 45)),
      businessScore: num(60 + (i % 40)),
      veto: text(i % 501 === 0 ? "发生安全事故" : "无"),
      // 上次换届时间: 2023-06-01, or 2021-06-01 (a term expired) for every seventh branch.
      lastElection: { kind: "date", serial: i % 7 === 0 ? 44348 : 45078 },
      notes: { kind: "empty" },
    };
    cells.push(engine.FIELDS.map((f) => (clean ? { ...values, ...CLEAN } : values)[f.key]));
  }
  return { sheet: "基准", origin: { row: 1, col: 1 }, cells, merges: [] };
}

/**
 * makeGrid's figures that make findings and flags, as a branch with nothing wrong reports them:
 * the same cells, read and checked alike, and no finding or flag to word.
 */
const CLEAN = {
  membersFormal: num(20),
  membersProbationary: num(1),
  groups: num(2),
  hasCommittee: text("是"),
  generalMeetings: num(4),
  committeeMeetings: num(12),
  groupMeetings: num(24),
  lectures: num(4),
  themeDays: num(12),
  memberReview: text("是"),
  newMembers: num(1),
  newMembersPrev: num(1),
  spent: num(19000),
  duesPaid: num(1200),
  levelPrev: text("一般"),
  level: text("先进"),
  partyScore: num(95),
  businessScore: num(95),
  veto: text("无"),
  lastElection: { kind: "date", serial: 45078 },
};

/** The floor: touch every cell once, the least any validator must do. */
function barePass(grid) {
  let acc = 0;
  for (const row of grid.cells) {
    for (const cell of row) {
      if (cell.kind === "number") acc += cell.value;
      else if (cell.kind === "text") acc += cell.value.length;
    }
  }
  return acc;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn, repeat = REPEAT) {
  const times = [];
  let result;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), minMs: Math.min(...times), result };
}

/**
 * `run` against a bare pass over `grid`'s cells, both warmed alike so that each is timed with the
 * JIT's optimised code, not one of them half-way there (ten runs: the validation's median of five
 * moved by no more than noise after): the medians and the fastest runs of each, and their ratios.
 */
function againstBare(grid, run, name) {
  for (let i = 0; i < WARM_RUNS; i++) {
    barePass(grid);
    run();
  }
  // The bare pass takes a few milliseconds: many more runs keep its median steady.
  const bare = time(() => barePass(grid), REPEAT * 10);
  const timed = time(run);
  return {
    timed,
    fields: {
      bareMs: Number(bare.ms.toFixed(3)),
      [`${name}Ms`]: Number(timed.ms.toFixed(1)),
      ratio: Math.round(timed.ms / bare.ms),
      // The fastest runs, free of the collector's pauses that a median of five still catches.
      bareMinMs: Number(bare.minMs.toFixed(3)),
      [`${name}MinMs`]: Number(timed.minMs.toFixed(1)),
      ratioOfMins: Math.round(timed.minMs / bare.minMs),
    },
  };
}

/**
 * Validating `books` against a bare pass over `grid`'s cells (the floor for any validator), as one
 * JSON line with `fields` first.
 */
function benchValidation(name, fields, books, grid) {
  const rows = fields.rows ?? ROWS;
  const { timed: validation, fields: timing } = againstBare(grid, () => engine.validate(books, { locale: "zh-CN" }), "validate");
  const summary = validation.result.summary;
  console.log(
    JSON.stringify({
      case: name,
      rows,
      ...fields,
      cells: grid.cells.reduce((n, r) => n + r.length, 0),
      repeat: REPEAT,
      ...timing,
      msPerThousandRows: Number(((validation.ms / rows) * 1000).toFixed(2)),
      findings: summary.errors + summary.warnings + summary.infos,
      flags: summary.flags,
    }),
  );
}

/**
 * The least any validator must do to hand over the report `grid` gets, with no reading and no
 * checking: an object and a freshly worded message for each of its findings and flags, of the
 * report's own shapes and values. The engine's ratio cannot fall below this one's.
 */
function benchReportFloor(grid) {
  const report = engine.validate([{ file: "bench.xlsx", grids: [grid] }], { locale: "zh-CN" });
  const { findings, flags } = report.files[0].sheets[0];
  const build = () => [
    findings.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.column + f.row, row: f.row, column: f.column, field: f.field, value: f.value, message: `${f.column}${f.row}：${f.field}“${f.value}”${f.rule}`, fix: f.fix })),
    flags.map((f) => ({ flag: f.flag, level: f.level, branch: f.branch, unit: f.unit, sheet: f.sheet, row: f.row, label: f.label, detail: `${f.label} ${f.row}/${f.branch}` })),
  ];
  const { fields: timing } = againstBare(grid, build, "floor");
  console.log(JSON.stringify({ case: "engine.reportFloor", findings: findings.length, flags: flags.length, repeat: REPEAT, ...timing }));
}

function benchEngine() {
  const grid = makeGrid(ROWS);
  benchValidation("engine.validate", { columns: engine.FIELDS.length, ratioGoal: "<= 10" }, [{ file: "bench.xlsx", grids: [grid] }], grid);
  benchReportFloor(grid);
  // The same cells without a problem: what reading and checking cost, apart from wording findings and flags.
  const clean = makeGrid(ROWS, true);
  benchValidation("engine.validate.clean", { columns: engine.FIELDS.length }, [{ file: "bench.xlsx", grids: [clean] }], clean);
}

const MEETING_HEADER = ["序号", "党支部名称", "会议类型", "会议日期", "会议主题", "主持人", "记录人", "应到人数", "实到人数", "请假人数", "缺席人数", "缺席人员", "备注"];

/**
 * A year of meetings of `branches` branches, `rows` in all: each branch's 支委会 and 主题党日 monthly,
 * 党员大会 and 党课 quarterly, with a month missing here and there, text dates, an absentee list.
 */
function makeLedger(rows, branches) {
  const serial = (y, m, d) => Date.UTC(y, m - 1, d) / 86400000 + 25569;
  const cells = [[text("2025年三会一课台账")], [text("填报单位：基准局\u3000统计期间：2025年")], MEETING_HEADER.map(text)];
  const types = ["支委会", "主题党日", "党员大会", "党课", "党小组会"];
  for (let i = 0; cells.length - 3 < rows; i++) {
    const branch = i % branches;
    const n = Math.floor(i / branches);
    const type = types[n % types.length];
    const month = 1 + (Math.floor(n / types.length) % 12);
    const day = 1 + (n % 27);
    const date = i % 53 === 0 ? text(`2025.${month}.${day}`) : { kind: "date", serial: serial(2025, month, day) };
    cells.push([
      num(cells.length - 2),
      text(`第${branch + 1}党支部`),
      text(type),
      date,
      text("学习"),
      text("王书记"),
      text("李委员"),
      num(12),
      num(i % 71 === 0 ? 5 : 10),
      num(i % 71 === 0 ? 7 : 2),
      num(0),
      text(i % 5 === 0 ? "张三（出差）、李四" : "张三（出差）"),
      { kind: "empty" },
    ]);
  }
  return { sheet: "台账", origin: { row: 1, col: 1 }, cells, merges: [] };
}

/** The 统计表 of the ledger's branches, so the ledger is held against it as in use. */
function makeReports(branches) {
  const labels = ["序号", "党支部名称", "正式党员数", "党员大会", "支委会", "党课", "主题党日", "本年发展党员数", "党建经费预算", "党建经费支出"];
  const cells = [[text("填报单位：基准局\u3000统计期间：2025年")], labels.map(text)];
  for (let b = 0; b < branches; b++) cells.push([num(b + 1), text(`第${b + 1}党支部`), num(12), num(4), num(12), num(4), num(12), num(1), num(20000), num(18000)]);
  return { sheet: "统计表", origin: { row: 1, col: 1 }, cells, merges: [] };
}

const DUES_MEMBERS = 20000;

/**
 * A wide 党费 ledger (LEDGERS.md §3): `members` members of 400 branches, a row each with the 12
 * months paid, as offices keep it — most paid in full, some short, some months unpaid in a row,
 * an 离退休 or 学生 here and there, a reduction, a large payment.
 */
function makeDuesLedger(members) {
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const cells = [[text("2025年党费收缴台账")], [text("填报单位：基准局\u3000统计期间：2025年")], ["序号", "党支部名称", "姓名", "人员类别", "缴费基数", "月缴纳额", ...months, "减免情况", "备注"].map(text)];
  const categories = ["在职", "在职", "在职", "离退休", "学生", "在职", "其他"];
  for (let i = 0; i < members; i++) {
    const category = categories[i % categories.length];
    const base = 2500 + ((i * 137) % 12000);
    const due = category === "学生" ? 0.2 : engine.bracketDue(base, category, 0.01).amount;
    const stated = i % 97 === 0 ? due + 1 : due;
    const paid = months.map((_, m) => {
      if (i % 61 === 0 && m >= 3 && m <= 8) return { kind: "empty" };
      if (i % 89 === 0 && m === 5) return num(1200);
      return num(i % 43 === 0 ? Math.max(0.1, stated - 1) : stated);
    });
    cells.push([num(i + 1), text(`第${(i % 400) + 1}党支部`), text(`党员${i + 1}`), text(category), num(base), num(stated), ...paid, i % 131 === 0 ? text("经批准减免") : { kind: "empty" }, { kind: "empty" }]);
  }
  return { sheet: "党费台账", origin: { row: 1, col: 1 }, cells, merges: [] };
}

/** A 20 000-member wide 党费 ledger, against a bare pass over it (issue 10: its figure in the README). */
function benchDues() {
  const ledger = makeDuesLedger(DUES_MEMBERS);
  benchValidation("engine.validate.duesLedger", { rows: DUES_MEMBERS, layout: "wide" }, [{ file: "dues.xlsx", grids: [ledger] }], ledger);
}

/** A 10 000-row meeting ledger of 200 branches, held against their 统计表, against a bare pass over the ledger. */
function benchLedger() {
  const BRANCHES = 200;
  const ledger = makeLedger(ROWS, BRANCHES);
  benchValidation("engine.validate.meetingLedger", { branches: BRANCHES }, [{ file: "ledger.xlsx", grids: [makeReports(BRANCHES), ledger] }], ledger);
}

/**
 * The functions as Excel binds them: dist/functions.js alone, with a stand-in CustomFunctions.
 * Run in this context rather than a vm sandbox: built-ins are slow to reach from a vm context
 * (about 8× on per-cell work), which would measure the sandbox instead of our code.
 */
function loadFunctions() {
  const registered = new Map();
  class StandInError {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  }
  const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" };
  const CustomFunctions = { associate: (id, fn) => registered.set(id, fn), Error: StandInError, ErrorCode };
  new Function("CustomFunctions", fs.readFileSync(path.join(DIST, "functions.js"), "utf8"))(CustomFunctions);
  return registered;
}

function column(n, valueAt) {
  return Array.from({ length: n }, (_, i) => [valueAt(i)]);
}

function benchFunctions() {
  const CELLS = 100000;
  const fns = loadFunctions();
  const levels = ["后进", "一般", "先进"];
  const start = column(CELLS, (i) => levels[i % 3]);
  const end = column(CELLS, (i) => levels[(i * 2654435761) % 7 % 3]);
  // COMBINEDSCORE element-wise over a 1 000 × 100 block pair: 100 000 results spilled.
  const block = (offset) => Array.from({ length: 1000 }, (_, r) => Array.from({ length: 100 }, (_, c) => (r * 100 + c + offset) % 101));
  const party = block(0);
  const business = block(37);
  // Each function's floor: one pass over its own arguments' cells.
  const bareLevels = () => {
    let acc = 0;
    for (const m of [start, end]) for (const row of m) acc += row[0].length;
    return acc;
  };
  const bareScores = () => {
    let acc = 0;
    for (const m of [party, business]) for (const row of m) for (const v of row) acc += v;
    return acc;
  };
  const cases = [
    ["UPGRADERATE", () => fns.get("UPGRADERATE")(start, end, null, null), bareLevels, { msGoal: "<= 50", ratioGoal: "<= 10" }],
    ["COMBINEDSCORE", () => fns.get("COMBINEDSCORE")(party, business, null, null), bareScores, {}],
  ];
  for (const [id, run, floor, goals] of cases) {
    run();
    floor();
    // The same number of runs for both: a function is called on every recalculation, so both are warm.
    const bare = time(floor, REPEAT * 10);
    const timed = time(run, REPEAT * 10);
    const result = timed.result;
    console.log(
      JSON.stringify({
        case: `functions.${id}`,
        cellsPerArgument: CELLS,
        repeat: REPEAT,
        bareMs: Number(bare.ms.toFixed(3)),
        ms: Number(timed.ms.toFixed(1)),
        ratio: Math.round(timed.ms / bare.ms),
        nsPerCell: Math.round((timed.ms * 1e6) / CELLS),
        ...goals,
        sample: Array.isArray(result) ? result[0][0] : result,
      }),
    );
  }
}

function benchBundles() {
  const size = (file) => {
    const data = fs.readFileSync(path.join(DIST, file));
    return { bytes: data.length, gzipBytes: zlib.gzipSync(data, { level: 9 }).length };
  };
  const functions = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  console.log(
    JSON.stringify({
      case: "bundles",
      taskpane: size("taskpane.js"),
      functions: size("functions.js"),
      functionsGoal: "< 20 kB gzipped",
      // The browser preview's page script; exceljs is a chunk of its own, fetched for a copy only.
      preview: size("preview.js"),
      previewGoal: "< 400 kB gzipped",
      functionsHasReact: /react-dom|__SECRET_INTERNALS|react\.(production|development)/i.test(functions),
      functionsHasFluent: /fluentui|makeStyles|FluentProvider/.test(functions),
    }),
  );
}

/** A small deterministic generator: the same 50 files on every run and machine. */
function lcg(seed) {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

const DEPARTMENT_COLUMNS = [
  "序号", "党支部名称", "所属单位", "正式党员数", "预备党员数", "党小组数", "是否设支委会",
  "党员大会", "支委会", "党小组会", "党课", "主题党日", "本年发展党员数",
  "党建经费预算（元）", "党建经费支出（元）", "党费应缴（元）", "党费实缴（元）", "本年定级", "党建考核得分", "业务考核得分", "备注",
];
const MEETING_COLUMNS = ["党员大会", "支委会", "党小组会", "党课"];

/**
 * One department's submission as departments send them: title block, a two-row header with
 * 三会一课 merged over the meetings (every other file), 20–80 branches, a 合计 row of formulas
 * with cached results, a footer, and four planted problems (not-a-number, not-an-integer,
 * excel-error, duplicate-branch) plus a full-width number (number-as-text).
 */
async function writeDepartment(file, index) {
  const next = lcg(index + 1);
  const branches = 20 + next(61);
  const twoRows = index % 2 === 0;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("填报");
  const width = DEPARTMENT_COLUMNS.length;
  sheet.addRow(["2025年度党支部工作情况统计表"]);
  sheet.addRow([`填报单位：第${index + 1}部门党委\u3000统计期间：2025年\u3000填报日期：2026年1月10日`]);
  sheet.mergeCells(1, 1, 1, width);
  sheet.mergeCells(2, 1, 2, width);
  if (twoRows) {
    const first = DEPARTMENT_COLUMNS.indexOf(MEETING_COLUMNS[0]) + 1;
    sheet.addRow(DEPARTMENT_COLUMNS.map((label) => (MEETING_COLUMNS.includes(label) ? (label === MEETING_COLUMNS[0] ? "三会一课（次）" : null) : label)));
    sheet.addRow(DEPARTMENT_COLUMNS.map((label) => (MEETING_COLUMNS.includes(label) ? label : null)));
    sheet.mergeCells(3, first, 3, first + MEETING_COLUMNS.length - 1);
    DEPARTMENT_COLUMNS.forEach((label, c) => {
      if (!MEETING_COLUMNS.includes(label)) sheet.mergeCells(3, c + 1, 4, c + 1);
    });
  } else {
    sheet.addRow(DEPARTMENT_COLUMNS);
  }
  const firstData = sheet.rowCount + 1;
  const levels = ["后进", "一般", "先进"];
  for (let i = 0; i < branches; i++) {
    const formal = 3 + next(40);
    const committee = formal >= 7;
    const budget = 10000 + 1000 * next(20);
    const values = [
      i + 1, `第${index + 1}部门第${i + 1}党支部`, `第${index + 1}部门${1 + next(4)}处`, formal, next(3), next(4), committee ? "是" : "否",
      1 + next(6), committee ? next(13) : 0, next(40), 1 + next(5), next(13), next(3),
      budget, Math.round(budget * (0.3 + next(70) / 100)), 1200, 1200 - 100 * next(2), levels[next(3)], 60 + next(40), 60 + next(40), null,
    ];
    sheet.addRow(values);
  }
  const cell = (i, label) => sheet.getCell(firstData + i, DEPARTMENT_COLUMNS.indexOf(label) + 1);
  cell(1, "党课").value = "四";
  cell(2, "党员大会").value = 2.5;
  cell(3, "党小组会").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  cell(4, "正式党员数").value = "１２";
  cell(branches - 1, "党支部名称").value = cell(0, "党支部名称").value;
  cell(branches - 1, "所属单位").value = cell(0, "所属单位").value;
  const total = ["合计"];
  const lastData = firstData + branches - 1;
  for (let c = 2; c <= width; c++) {
    const label = DEPARTMENT_COLUMNS[c - 1];
    if (["正式党员数", "预备党员数", "党建经费预算（元）", "党建经费支出（元）"].includes(label)) {
      let sum = 0;
      for (let r = firstData; r <= lastData; r++) {
        const v = sheet.getCell(r, c).value;
        sum += typeof v === "number" ? v : 0;
      }
      const letter = engine.columnLetter(c);
      total.push({ formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result: sum });
    } else total.push(null);
  }
  sheet.addRow(total);
  sheet.addRow(["注：本表金额单位为元。"]);
  sheet.addRow(["填表人：张三", null, null, null, "联系电话：12345678"]);
  await workbook.xlsx.writeFile(file);
  return branches;
}

/** Wall time and peak RSS of `node bin/dj-assess.js …args` in a child process. */
function runCli(args, preload) {
  const start = performance.now();
  const child = spawnSync(process.execPath, ["--require", preload, path.join(__dirname, "..", "bin", "dj-assess.js"), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const wallMs = performance.now() - start;
  const rss = /dj-bench-max-rss=(\d+)/.exec(child.stderr);
  if (child.status !== 0 && child.status !== 1) throw new Error(`dj-assess exited ${child.status}: ${child.stderr}`);
  if (!rss) throw new Error(`no peak RSS reported: ${child.stderr}`);
  return { wallMs, maxRssKb: Number(rss[1]), stdout: child.stdout };
}

/** Debian's own Python: pandas and openpyxl come from python3-pandas and python3-openpyxl. */
const PYTHON = "/usr/bin/python3";

/** What an office would otherwise script: every sheet of every file read with pandas, nothing checked. */
const PANDAS_SCRIPT = [
  "import resource, sys",
  "import pandas as pd",
  "for f in sys.argv[1:]:",
  "    pd.read_excel(f, sheet_name=None, header=None)",
  "sys.stderr.write('dj-bench-max-rss=%d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
].join("\n");

function hasPandas() {
  return spawnSync(PYTHON, ["-c", "import pandas, openpyxl"], { encoding: "utf8" }).status === 0;
}

/** Wall time and peak RSS of pandas reading the files in a child process. */
function runPandas(files) {
  const start = performance.now();
  const child = spawnSync(PYTHON, ["-c", PANDAS_SCRIPT, ...files], { encoding: "utf8", maxBuffer: 1 << 30 });
  const wallMs = performance.now() - start;
  if (child.status !== 0) throw new Error(`pandas exited ${child.status}: ${child.stderr}`);
  const rss = /dj-bench-max-rss=(\d+)/.exec(child.stderr);
  return { wallMs, maxRssKb: Number(rss[1]) };
}

/** Grids as an .xlsx file, written row by row (exceljs's streaming writer: 100 000 rows in bounded memory). */
async function writeGrids(file, grids) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  for (const grid of grids) {
    const sheet = workbook.addWorksheet(grid.sheet);
    for (const row of grid.cells) {
      const added = sheet.addRow(
        row.map((cell) => (cell.kind === "date" ? new Date((cell.serial - 25569) * 86400000) : cell.kind === "empty" ? null : cell.value)),
      );
      row.forEach((cell, c) => {
        if (cell.kind === "date") added.getCell(c + 1).numFmt = "yyyy-mm-dd";
      });
      added.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}

/**
 * Ledgers at scale through the CLI (issue 12): a 100 000-row meeting ledger of 2 000 branches
 * with their 统计表, and the 20 000-member wide 党费 ledger, each validated by
 * `dj-assess validate --json` in a child process: wall time, time per 1 000 rows, peak RSS.
 */
async function benchLedgersCli() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dj-bench-ledgers-"));
  try {
    const preload = path.join(dir, "max-rss.js");
    fs.writeFileSync(preload, 'process.on("exit", () => process.stderr.write(`dj-bench-max-rss=${process.resourceUsage().maxRSS}\\n`));\n');
    const cases = [
      { name: "meetings", rows: 100000, grids: () => [makeReports(2000), makeLedger(100000, 2000)] },
      { name: "dues", rows: DUES_MEMBERS, grids: () => [makeDuesLedger(DUES_MEMBERS)] },
    ];
    for (const { name, rows, grids } of cases) {
      const file = path.join(dir, `${name}.xlsx`);
      await writeGrids(file, grids());
      const runs = [];
      try {
        for (let i = 0; i < Math.min(REPEAT, 3); i++) runs.push(runCli(["validate", file, "--json"], preload));
      } catch (error) {
        // A read limit refusing the file is a figure too (the "before" of issue 12).
        console.log(JSON.stringify({ case: `cli.ledger.${name}`, rows, bytes: fs.statSync(file).size, refused: error.message.split("\n")[0] }));
        continue;
      }
      const wall = median(runs.map((r) => r.wallMs));
      const maxRssMB = Math.round(Math.max(...runs.map((r) => r.maxRssKb)) / 1024);
      console.log(
        JSON.stringify({
          case: `cli.ledger.${name}`,
          rows,
          bytes: fs.statSync(file).size,
          wallMs: Math.round(wall),
          msPerThousandRows: Number(((wall / rows) * 1000).toFixed(1)),
          maxRssMB,
          rssGoalMB: "< 300",
        }),
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function benchCli() {
  const FILES = 50;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dj-bench-"));
  try {
    // process.resourceUsage() in the child itself: peak RSS without depending on /usr/bin/time.
    const preload = path.join(dir, "max-rss.js");
    fs.writeFileSync(preload, 'process.on("exit", () => process.stderr.write(`dj-bench-max-rss=${process.resourceUsage().maxRSS}\\n`));\n');
    const files = [];
    let branches = 0;
    const generated = performance.now();
    for (let i = 0; i < FILES; i++) {
      const file = path.join(dir, `第${String(i + 1).padStart(2, "0")}部门.xlsx`);
      branches += await writeDepartment(file, i);
      files.push(file);
    }
    const generateMs = performance.now() - generated;
    const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);

    const startup = [];
    const runs = [];
    const pandas = hasPandas() ? [] : undefined;
    let last;
    // In turn, pair by pair: the machine's load falls on both sides alike.
    for (let i = 0; i < REPEAT; i++) {
      startup.push(runCli(["--help"], preload).wallMs);
      last = runCli(["validate", ...files, "--json"], preload);
      runs.push(last);
      pandas?.push(runPandas(files));
    }
    const summary = JSON.parse(last.stdout).summary;

    // The same work in this process, phase by phase.
    const readStart = performance.now();
    const books = [];
    for (const file of files) books.push({ file, grids: await readWorkbook(fs.readFileSync(file)) });
    const readMs = performance.now() - readStart;
    const validation = time(() => engine.validate(books, { locale: "zh-CN" }), 1);
    const json = time(() => JSON.stringify(validation.result), 1);

    const wall = runs.map((r) => r.wallMs);
    const maxRssMB = Math.round(Math.max(...runs.map((r) => r.maxRssKb)) / 1024);
    const versusPandas = pandas
      ? {
          wallMs: Math.round(median(pandas.map((r) => r.wallMs))),
          maxRssMB: Math.round(Math.max(...pandas.map((r) => r.maxRssKb)) / 1024),
          wallRatio: Number((median(wall) / median(pandas.map((r) => r.wallMs))).toFixed(2)),
          wallGoal: "≤ 0.5",
          rssRatio: Number((maxRssMB / (Math.max(...pandas.map((r) => r.maxRssKb)) / 1024)).toFixed(2)),
          rssGoal: "≤ 1",
        }
      : "not measured: /usr/bin/python3 has no pandas (apt-get install python3-pandas python3-openpyxl)";
    console.log(
      JSON.stringify({
        case: "cli.validate",
        files: FILES,
        branches,
        bytes,
        repeat: REPEAT,
        startupMs: Math.round(median(startup)),
        wallMs: Math.round(median(wall)),
        wallMinMs: Math.round(Math.min(...wall)),
        wallMaxMs: Math.round(Math.max(...wall)),
        ratioToStartup: Number((median(wall) / median(startup)).toFixed(1)),
        maxRssMB,
        pandas: versusPandas,
        inProcess: { readMs: Math.round(readMs), validateMs: Math.round(validation.ms), jsonMs: Math.round(json.ms) },
        generateMs: Math.round(generateMs),
        errors: summary.errors,
        warnings: summary.warnings,
        flags: summary.flags,
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const CASES = { engine: benchEngine, ledger: benchLedger, dues: benchDues, functions: benchFunctions, bundles: benchBundles, cli: benchCli, ledgersCli: benchLedgersCli };

/** Every case, or those BENCH_CASES names (BENCH_CASES=cli,engine npm run bench). */
async function main() {
  const wanted = process.env.BENCH_CASES ? process.env.BENCH_CASES.split(",") : Object.keys(CASES);
  const unknown = wanted.filter((name) => !(name in CASES));
  if (unknown.length > 0) throw new Error(`BENCH_CASES: no case ${unknown.join(", ")} (cases: ${Object.keys(CASES).join(", ")})`);
  for (const name of wanted) await CASES[name]();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
