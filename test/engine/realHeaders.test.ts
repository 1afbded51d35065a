/**
 * Headers of real 党建 systems' import templates and exports (test/fixtures/real-headers.ts):
 * every meeting ledger among them that has a meeting-type column is recognised, with its branch,
 * type and date columns where a person reading it would put them, and no column of another field.
 */
import { SheetView } from "../../src/engine/view";
import { recognise } from "../../src/engine/validate";
import { REAL_HEADERS } from "../fixtures/real-headers";
import { grid } from "../support/grid";

const meetingLedgers = REAL_HEADERS.filter((h) => h.kind === "meetings");

/** The column a person would read as the meeting's type, and as its date (a 计划/发布/上报/结束 time is not when it was held). */
const TYPE = /^(会议类型|会议类别|类型|活动类型)$/;
const HELD = /^(实际会议时间|实际时间|会议时间|开展时间|开始时间|会议开始时间|时间|会议日期)$/;

function mapped(labels: readonly string[]) {
  const found = recognise(new SheetView(grid([[...labels], labels.map(() => "x")])));
  const keyOf = (label: string) => found?.header.columns.find((c) => c.label === label)?.key;
  return { kind: found?.kind.id, keyOf };
}

describe("real meeting-ledger headers", () => {
  const typed = meetingLedgers.filter((h) => h.labels.some((l) => TYPE.test(l)));

  it("several were found, with and without a type column", () => {
    expect(typed.length).toBeGreaterThanOrEqual(6);
    expect(meetingLedgers.length).toBeGreaterThan(typed.length);
  });

  it.each(typed.map((h) => [h.source, h]))("%s: recognised, type and the date it was held mapped", (_, header) => {
    const { kind, keyOf } = mapped(header.labels);
    expect(kind).toBe("meetings");
    expect(header.labels.filter((l) => TYPE.test(l)).map(keyOf)).toEqual(["type"]);
    expect(header.labels.filter((l) => HELD.test(l)).map(keyOf)).toEqual(["date"]);
    // Planned, published or reported times are no meeting dates.
    for (const label of header.labels.filter((l) => /^(计划|发布|上报)/.test(l) || /结束时间$/.test(l))) expect([label, keyOf(label)]).toEqual([label, undefined]);
  });

  it.each(meetingLedgers.filter((h) => !h.labels.some((l) => TYPE.test(l))).map((h) => [h.source, h]))(
    "%s: without a type column it is no meeting ledger (LEDGERS.md §1 needs 会议类型)",
    (_, header) => {
      expect(mapped(header.labels).kind).not.toBe("meetings");
    },
  );

  it("the real branch labels map to the branch (所在党支部, 党组织名称, 党支部)", () => {
    for (const label of ["所在党支部", "党组织名称", "党支部", "所属党支部"]) {
      expect([label, mapped([label, "会议类型", "会议时间", "主持人"]).keyOf(label)]).toEqual([label, "branch"]);
    }
  });
});
