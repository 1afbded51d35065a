import { SETTING_NAME, SETTINGS_TABLE, settingsSheet, withDefaults, type Settings } from "../../../src/engine";
import { SETTING_FIELDS, settingsFromGrid } from "../../../src/engine/settingsInput";
import type { Locale } from "../../../src/i18n";
import { specCell, specGrid } from "../../support/sheetSpec";

const CUSTOM: Settings = withDefaults({
  partyWeight: 0.6,
  method: "multiplier",
  thresholds: [60, 75, 90],
  levels: ["较差", "一般", "较好", "好"],
  meetingEveryMonths: { general: 3, committee: 2, group: 1, lecture: 6, themeday: 1 },
  annualMeetings: { orglife: 2, review: 1 },
  minFundRate: 0.4,
  minMembers: 5,
  committeeFrom: 9,
  maxMembers: 60,
  assessmentYear: 2025,
  improveThreshold: 5,
  quotaTop: 0.25,
  quotaBottom: 0,
});

/** Written in one language, read back by a reader in another: a workbook travels between offices. */
function roundTrip(settings: Settings, written: Locale = "zh-CN", reader: Locale = "zh-CN"): { settings: Settings; problems: string[] } {
  const read = settingsFromGrid(specGrid(settingsSheet(settings, written)), reader);
  return { settings: withDefaults(read.settings), problems: read.problems };
}

describe("settingsSheet", () => {
  it.each([
    ["the defaults", withDefaults()],
    ["every setting changed", CUSTOM],
  ])("is read back by settingsFromGrid as the same settings: %s", (_, settings) => {
    expect(roundTrip(settings)).toEqual({ settings, problems: [] });
  });

  it("is read back the same with English names and words", () => {
    expect(roundTrip(CUSTOM, "en-US", "en-US")).toEqual({ settings: CUSTOM, problems: [] });
    expect(roundTrip(CUSTOM, "en-US", "zh-CN")).toEqual({ settings: CUSTOM, problems: [] });
    expect(roundTrip(CUSTOM, "zh-CN", "en-US")).toEqual({ settings: CUSTOM, problems: [] });
    expect(specCell(settingsSheet(CUSTOM, "en-US"), "B3")).toBe("multiplier");
  });

  it("writes one (参数, 值, 说明) row per setting, lists as comma text, unset as empty", () => {
    const spec = settingsSheet(withDefaults(), "zh-CN");
    expect(spec).toMatchObject({ role: "settings", name: "参数", freezeRows: 1 });
    const table = spec.tables?.[0];
    expect(table?.name).toBe(SETTINGS_TABLE);
    expect(table?.columns).toEqual(["参数", "值", "说明"]);
    expect(table?.rows).toHaveLength(SETTING_FIELDS.length);
    expect(table?.rows[0].slice(0, 2)).toEqual(["党建权重", 0.5]);
    expect(table?.rows[1].slice(0, 2)).toEqual(["综合得分方法", "加权"]);
    expect(table?.rows[2].slice(0, 2)).toEqual(["定级分数线", "60,90"]);
    expect(table?.rows[3].slice(0, 2)).toEqual(["定级等次", ""]);
    expect(table?.rows[0][2]).toMatch(/权重.*默认：0\.5。$/);
    expect(table?.rows[3][2]).toContain("默认：留空（按填报内容自动识别）");
    const custom = settingsSheet(CUSTOM, "zh-CN").tables?.[0].rows;
    expect(custom?.[2][1]).toBe("60,75,90");
    expect(custom?.[3][1]).toBe("较差,一般,较好,好");
    expect(custom?.[1][1]).toBe("双乘数");
  });

  it("names every value cell with a fixed ASCII name", () => {
    const spec = settingsSheet(CUSTOM, "zh-CN");
    expect(Object.keys(SETTING_NAME).sort()).toEqual(SETTING_FIELDS.map((f) => f.path).sort());
    const names = Object.values(SETTING_NAME);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^DJ_[A-Za-z]+$/);
    expect(spec.names).toHaveLength(SETTING_FIELDS.length);
    const at = (name: string) => {
      const found = spec.names?.find((n) => n.name === name);
      if (!found) throw new Error(`no name ${name}`);
      return specCell(spec, `B${found.row + 1}`);
    };
    expect(spec.names?.[0]).toEqual({ name: "DJ_PartyWeight", row: 1, col: 1, comment: "党建权重" });
    expect(at("DJ_PartyWeight")).toBe(0.6);
    expect(at("DJ_Method")).toBe("双乘数");
    expect(at("DJ_Thresholds")).toBe("60,75,90");
    expect(at("DJ_Levels")).toBe("较差,一般,较好,好");
    expect(at("DJ_QuotaTop")).toBe(0.25);
    expect(at("DJ_AssessmentYear")).toBe(2025);
    expect(at("DJ_CommitteeEveryMonths")).toBe(2);
  });
});
