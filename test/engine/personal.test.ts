/** Personal data (LEDGERS.md §8): ID and phone numbers never shown whole in a finding. */
import fc from "fast-check";
import { maskNumber, maskPersonal } from "../../src/engine/personal";
import { check, findingsOf } from "./helpers";
import { fullYear, meetingRow, MEETING_HEADER } from "./ledger";
import { grid, type Plain } from "../support/grid";

const ID = "620102198001015678";
const PHONE = "13912345332";

test("an ID keeps its first and last four digits, a phone its first three and last four", () => {
  expect(maskNumber(ID, "id")).toBe("6201********5678");
  expect(maskNumber(PHONE, "phone")).toBe("139****5332");
  expect(maskNumber("1234", "id")).toBe("****");
  expect(maskPersonal(`身份证 ${ID}，手机${PHONE}；编码 DZB001、金额 1 200、日期 20250305`)).toBe("身份证 6201********5678，手机139****5332；编码 DZB001、金额 1 200、日期 20250305");
  expect(maskPersonal("62010219800101567X 或 620102800101567")).toBe("6201********567X 或 6201********1567");
});

test("no random ID or mobile number survives masking, wherever it stands in a text", () => {
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
  const number = fc.oneof(digits(17).map((d) => `${d}X`), digits(18), digits(15), digits(9).map((d) => `13${d}`));
  fc.assert(
    fc.property(fc.string(), number, fc.string(), (before, n, after) => {
      const text = `${before.replace(/[0-9A-Za-z]$/, "")} ${n} ${after}`;
      expect(maskPersonal(text)).not.toContain(n);
    }),
  );
});

test("a ledger's ID and phone columns are known, and a finding on them or beside the table shows the number masked", () => {
  const header = [...MEETING_HEADER, "身份证号", "联系电话"];
  const rows: Plain[][] = fullYear().map((m, i) => [...meetingRow(i, m), ID, Number(PHONE)]);
  // A formula error in the ID column, and an ID typed right of the table.
  rows[1] = [...rows[1].slice(0, header.length - 2), "#N/A", Number(PHONE), `${ID} 备用`];
  const report = check(grid([["填报单位：机关一局　统计期间：2025年"], header, ...rows], { sheet: "三会一课台账" }));
  const text = JSON.stringify(report);
  expect(findingsOf(report).map((f) => `${f.rule}@${f.cell}`)).toEqual(["excel-error@N4", "extra-cell@P4"]);
  expect(text).not.toContain(ID);
  expect(text).not.toContain(PHONE);
  expect(findingsOf(report)[1]).toMatchObject({ value: "6201********5678 备用" });
});
