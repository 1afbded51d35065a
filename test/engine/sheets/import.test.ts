import { submissionUnit } from "../../../src/engine";
import { grid } from "../../support/grid";
import { sheet } from "../helpers";

describe("submissionUnit", () => {
  it("names a submission after its 填报单位", () => {
    expect(submissionUnit(sheet({ sheet: "Sheet1" }).grid)).toBe("机关党委");
    expect(submissionUnit(sheet({ title: [["填报单位（盖章）：", "财务处"]] }).grid)).toBe("财务处");
  });

  it("falls back to the sheet name without a 填报单位", () => {
    expect(submissionUnit(sheet({ sheet: "后勤处", title: null }).grid)).toBe("后勤处");
  });

  it("is null for a sheet that is no submission", () => {
    expect(submissionUnit(grid([["姓名", "电话"], ["张三", "123"]], { sheet: "通讯录" }))).toBeNull();
    expect(submissionUnit(grid([], { sheet: "空" }))).toBeNull();
  });
});
