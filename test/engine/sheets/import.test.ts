import { importName } from "../../../src/engine";
import { grid } from "../../support/grid";
import { sheet } from "../helpers";
import { fullYear, ledger } from "../ledger";

describe("importName", () => {
  it("names a submission after its 填报单位", () => {
    expect(importName(sheet({ sheet: "Sheet1" }).grid, "zh-CN")).toBe("机关党委");
    expect(importName(sheet({ title: [["填报单位（盖章）：", "财务处"]] }).grid, "zh-CN")).toBe("财务处");
  });

  it("falls back to the sheet name without a 填报单位", () => {
    expect(importName(sheet({ sheet: "后勤处", title: null }).grid, "zh-CN")).toBe("后勤处");
  });

  it("names a ledger after its 填报单位 or branch and its kind", () => {
    expect(importName(ledger(fullYear()), "zh-CN")).toBe("机关一局 三会一课台账");
    expect(importName(ledger(fullYear(), { title: ["党支部：第二党支部"] }), "en-US")).toBe("第二党支部 Meeting ledger");
  });

  it("is null for a sheet of no kind", () => {
    expect(importName(grid([["姓名", "电话"], ["张三", "123"]], { sheet: "通讯录" }), "zh-CN")).toBeNull();
    expect(importName(grid([], { sheet: "空" }), "zh-CN")).toBeNull();
  });
});
