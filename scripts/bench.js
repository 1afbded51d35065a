#!/usr/bin/env node
/**
 * npm run bench: one JSON line per case, so runs can be compared. Timings on shared machines are
 * noisy, so each case reports a ratio against a floor measured in the same run.
 *
 * engine: validate a generated 10 000-row × 30-column submission, against a bare pass that reads
 *   every cell once (the floor for any validator).
 * functions: UPGRADERATE and COMBINEDSCORE over 100 000 cells, called through the built
 *   dist/functions.js the way Excel binds it, against a bare pass over the same cells.
 * bundles: gzipped sizes of the task pane and of functions.js, and whether functions.js holds
 *   React or Fluent UI (it must not).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { performance } = require("node:perf_hooks");
const engine = require("../build/engine/index.js");

const DIST = path.join(__dirname, "..", "dist");

const ROWS = Number(process.env.BENCH_ROWS ?? 10000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);

const text = (value) => ({ kind: "text", value });
const num = (value) => ({ kind: "number", value });

/** A submission with every column of the standard sheet (30), some cells wrong on purpose. */
function makeGrid(rows) {
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
      notes: { kind: "empty" },
    };
    cells.push(engine.FIELDS.map((f) => values[f.key]));
  }
  return { sheet: "基准", origin: { row: 1, col: 1 }, cells, merges: [] };
}

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
  return { ms: median(times), result };
}

function benchEngine() {
  const grid = makeGrid(ROWS);
  const cellCount = grid.cells.reduce((n, r) => n + r.length, 0);
  // Warm both paths so the JIT has compiled them before timing.
  barePass(grid);
  engine.validate([{ file: "bench.xlsx", grids: [grid] }]);
  // The bare pass takes a few milliseconds: many more runs keep its median steady.
  const bare = time(() => barePass(grid), REPEAT * 10);
  const validation = time(() => engine.validate([{ file: "bench.xlsx", grids: [grid] }]));
  const summary = validation.result.summary;
  console.log(
    JSON.stringify({
      case: "engine.validate",
      rows: ROWS,
      columns: engine.FIELDS.length,
      cells: cellCount,
      repeat: REPEAT,
      bareMs: Number(bare.ms.toFixed(3)),
      validateMs: Number(validation.ms.toFixed(1)),
      ratio: Math.round(validation.ms / bare.ms),
      msPerThousandRows: Number(((validation.ms / ROWS) * 1000).toFixed(2)),
      findings: summary.errors + summary.warnings + summary.infos,
      flags: summary.flags,
    }),
  );
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
  const bare = time(() => {
    let acc = 0;
    for (const m of [start, end]) for (const row of m) acc += row[0].length;
    for (const m of [party, business]) for (const row of m) for (const v of row) acc += v;
    return acc;
  }, REPEAT * 10);
  const cases = [
    ["UPGRADERATE", () => fns.get("UPGRADERATE")(start, end, null, null)],
    ["COMBINEDSCORE", () => fns.get("COMBINEDSCORE")(party, business, null, null)],
  ];
  for (const [id, run] of cases) {
    run();
    const timed = time(run);
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
      functionsHasReact: /react-dom|__SECRET_INTERNALS|react\.(production|development)/i.test(functions),
      functionsHasFluent: /fluentui|makeStyles|FluentProvider/.test(functions),
    }),
  );
}

benchEngine();
benchFunctions();
benchBundles();
