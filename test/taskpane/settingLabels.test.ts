import { REGISTRY, SettingsRegistry, SettingsRegistryError, type SettingDef } from "../../src/engine/settings";
import { describeSetting, optionLabel, settingLabel, withLabels } from "../../src/taskpane/i18n/settingLabels";

describe("setting labels", () => {
  const declared = (more: Partial<SettingDef>): SettingDef => ({
    key: "someMonths",
    type: "int",
    default: 1,
    regional: false,
    group: "core",
    label: { "en-US": "Some months", "zh-CN": "若干月" },
    description: { "en-US": "Months.", "zh-CN": "月数。" },
    ...more,
  });

  it("are declared with each setting in the registry, which refuses a setting or a choice without words in both languages", () => {
    for (const d of REGISTRY.defs) {
      expect({ key: d.key, en: d.label["en-US"].trim().length > 0, zh: d.label["zh-CN"].trim().length > 0 }).toEqual({ key: d.key, en: true, zh: true });
    }
    expect(() => new SettingsRegistry([declared({})])).not.toThrow();
    expect(() => new SettingsRegistry([declared({ label: { "en-US": "Some months", "zh-CN": "" } })])).toThrow(SettingsRegistryError);
    expect(() => new SettingsRegistry([declared({ label: undefined as unknown as SettingDef["label"] })])).toThrow(/someMonths lacks a label/);
    const choice = { type: "enum", default: "a", options: ["a", "b"] } as const;
    expect(() => new SettingsRegistry([declared({ ...choice, optionLabels: { a: { "en-US": "A", "zh-CN": "甲" }, b: { "en-US": "B", "zh-CN": "乙" } } })])).not.toThrow();
    expect(() => new SettingsRegistry([declared({ ...choice, optionLabels: { a: { "en-US": "A", "zh-CN": "甲" } } })])).toThrow(/option b of someMonths lacks words/);
    expect(() => new SettingsRegistry([declared({ ...choice, optionLabels: { a: { "en-US": "A", "zh-CN": "甲" }, b: { "en-US": "B", "zh-CN": "乙" }, c: { "en-US": "C", "zh-CN": "丙" } } })])).toThrow(/c, which is not one of its options/);
  });

  it("give every choice of every setting with choices its words, and no choice the registry lacks", () => {
    const enums = REGISTRY.defs.filter((d) => d.type === "enum");
    expect(enums.length).toBeGreaterThanOrEqual(5);
    for (const d of enums) expect({ key: d.key, options: Object.keys(d.optionLabels ?? {}).sort() }).toEqual({ key: d.key, options: [...d.options!].sort() });
    expect(REGISTRY.defs.filter((d) => d.type !== "enum" && d.optionLabels !== undefined).map((d) => d.key)).toEqual([]);
  });

  it("are Chinese in Chinese: no Latin letters but Excel", () => {
    const latin = REGISTRY.defs.filter((d) => /[A-Za-z]/.test(d.label["zh-CN"].replace(/Excel/g, ""))).map((d) => d.key);
    const options = REGISTRY.defs.flatMap((d) => Object.values(d.optionLabels ?? {})).filter((w) => /[A-Za-z]/.test(w["zh-CN"].replace(/Excel/g, "")));
    expect([...latin, ...options]).toEqual([]);
  });

  it("look up a label and a choice, and fall back to the key or option itself", () => {
    expect(settingLabel("releaseShare", "en-US")).toBe("Share of a stagnant veteran's accounts released");
    expect(settingLabel("releaseShare", "zh-CN")).toBe("停滞老员工释放的客户比例");
    expect(settingLabel("noSuchKey", "en-US")).toBe("noSuchKey");
    expect(optionLabel("commissionMode", "retroactive", "en-US")).toBe("the whole amount at the reached rate");
    expect(optionLabel("commissionMode", "other", "en-US")).toBe("other");
  });

  it("replace setting keys inside a text by their quoted labels, leaving other words alone", () => {
    expect(withLabels("New reps get the match.newRep bonus (off: no bonus).", "en-US")).toBe("New reps get the “Weight of the new-rep bonus” bonus (off: no bonus).");
    expect(withLabels("新人在接收人匹配中获得 match.newRep 加分（preferNewReps 开启时）。", "zh-CN")).toBe("新人在接收人匹配中获得 “新人加分的权重” 加分（“匹配时给新人加分” 开启时）。");
    expect(withLabels("no rep has 24 months' tenure (veteranTenureMonths)", "en-US")).toBe("no rep has 24 months' tenure (“Veteran: months of tenure from”)");
    expect(withLabels("the period and the clawback stay words", "en-US")).toBe("the period and the clawback stay words");
    expect(withLabels("Set column.accounts.owner or sheet.reps in Fairshare Settings.", "en-US")).toBe("Set “Owner column of Accounts” or “Reps sheet” in Fairshare Settings.");
    expect(withLabels("请在 Fairshare Settings 中设置 sheet.sales。", "zh-CN")).toBe("请在 Fairshare Settings 中设置 “销售工作表”。");
    expect(withLabels("用 column.accounts.owner 指定", "zh-CN")).toBe("用 “客户的负责人列” 指定");
    expect(withLabels("a sheet.unknown stays", "en-US")).toBe("a sheet.unknown stays");
  });

  it("describe a setting in the pane's words: its choices and on/off too, in both languages", () => {
    for (const def of REGISTRY.defs) {
      const zh = describeSetting(def, "zh-CN", "开", "关");
      const stray = [...(def.options ?? []), "on/off"].filter((o) => optionLabel(def.key, o, "zh-CN") !== o || o === "on/off").filter((o) => new RegExp(`(^|[^\\w.-])${o.replace(/[./]/g, "\\$&")}([^\\w-]|$)`).test(zh));
      expect({ key: def.key, stray }).toEqual({ key: def.key, stray: [] });
    }
    const mode = REGISTRY.get("commissionMode")!;
    expect(describeSetting(mode, "zh-CN", "开", "关")).toContain("“各档金额按各自比例”");
    expect(describeSetting(REGISTRY.get("clawback")!, "zh-CN", "开", "关")).toContain("（开/关）");
  });
});
