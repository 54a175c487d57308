/** The rules editor's model: values ↔ text, validation against the registry, changes to save, mapping changes. */
import type { DataDescription, SettingView } from "../../src/taskpane/actions";
import { REGISTRY } from "../../src/engine/settings";
import {
  tierRows,
  tiersText,
  RULE_GROUPS,
  RULE_KEYS,
  collectChanges,
  columnChange,
  displayValue,
  draftKey,
  editable,
  fieldRequirement,
  missingFields,
  parseDraft,
  percentText,
  problemMessage,
  rangeHint,
  savedText,
  sheetChange,
  shownText,
  valueText,
} from "../../src/taskpane/hooks/settingsForm";
import { translator } from "../../src/taskpane/i18n/locale";
import { createActions } from "../../src/taskpane/officeActions";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";
import { smallTeam } from "../helpers/team";

const def = (key: string) => {
  const d = REGISTRY.get(key);
  if (!d) throw new Error(`no setting ${key}`);
  return d;
};
const view = (key: string, value: SettingView["value"], byRegion: SettingView["byRegion"] = {}): SettingView => ({ def: def(key), value, byRegion });
const en = translator("en-US");
const zh = translator("zh-CN");

describe("RULE_KEYS", () => {
  it("are the settings issue 5 names and each incentive component's own (issue 12), each declared in the registry", () => {
    expect(RULE_KEYS).toEqual([
      "period",
      "stagnationMonths",
      "stagnationGrowthPct",
      "releaseShare",
      "inactiveMonths",
      "maxAccountsNew",
      "maxAccountsRegular",
      "maxAccountsVeteran",
      "commissionTiers",
      "commissionBasis",
      "commissionMode",
      "commissionThreshold",
      "commissionCap",
      "acceleratorRate",
      "newCustomerBonus",
      "newCustomerRate",
      "retentionRate",
      "retentionMinSatisfaction",
      "teamBonusRate",
      "clawback",
      "spifBonus",
      "spifCategories",
      "spifMinAmount",
      "spifFrom",
      "spifTo",
      "drawType",
      "weight.sales",
      "weight.newCustomers",
      "weight.satisfaction",
      "weight.retention",
      "weight.teamwork",
      // issue 8: recipient matching, its limits and rejection memory
      "match.load",
      "match.capability",
      "match.continuity",
      "match.team",
      "match.newRep",
      "maxNewAccountsPerRun",
      "maxShareOfMovedValue",
      "rampMonths",
      "rejectionCooldownMonths",
    ]);
    for (const key of RULE_KEYS) expect(REGISTRY.get(key)).toBeDefined();
    expect(new Set(RULE_GROUPS.map((g) => g.id)).size).toBe(RULE_GROUPS.length);
  });
});

describe("valueText and percentText", () => {
  it.each<[string, SettingView["value"], string]>([
    ["releaseShare", 0.3, "30"],
    ["releaseShare", 0.07, "7"],
    ["stagnationGrowthPct", -0.025, "-2.5"],
    ["releaseShare", null, ""],
    ["period", 2026 * 12 + 2, "2026-03"],
    ["period", null, ""],
    ["stagnationMonths", 3, "3"],
    ["commissionMode", "marginal", "marginal"],
    ["commissionTiers", "0:3%; 100000:5%", "0:3%; 100000:5%"],
    ["sameRegionOnly", true, "on"],
  ])("%s %p → %p", (key, value, text) => {
    expect(valueText(def(key), value)).toBe(text);
  });

  it("shows percentages without float noise", () => {
    expect(percentText(0.285)).toBe("28.5");
    expect(percentText(0.0001)).toBe("0.01");
  });
});

describe("displayValue", () => {
  it("formats for reading in the pane's language", () => {
    expect(displayValue(def("releaseShare"), 0.3, en, "en-US")).toBe("30%");
    expect(displayValue(def("maxAccountsNew"), 12000, en, "en-US")).toBe("12,000");
    expect(displayValue(def("period"), null, en, "en-US")).toBe("automatic");
    expect(displayValue(def("period"), null, zh, "zh-CN")).toBe("自动");
    expect(displayValue(def("commissionMode"), "retroactive", en, "en-US")).toBe("retroactive");
  });
});

describe("parseDraft", () => {
  it.each<[string, string, unknown]>([
    ["releaseShare", "30", 0.3],
    ["releaseShare", "30%", 0.3],
    ["releaseShare", " 28.5 ", 0.285],
    ["releaseShare", "0", 0],
    ["releaseShare", "100", 1],
    ["stagnationGrowthPct", "-5", -0.05],
    ["stagnationMonths", "6", 6],
    ["maxAccountsNew", "1,000", 1000],
    ["weight.sales", "0.35", 0.35],
    ["period", "2026-02", "2026-02"],
    ["period", "", ""],
    ["commissionMode", "Retroactive", "retroactive"],
    ["commissionTiers", "0:3%; 100000:5%", "0:3%; 100000:5%"],
    ["inactiveMonths", "  ", ""],
  ])("%s %p → %p", (key, text, value) => {
    expect(parseDraft(def(key), text)).toEqual({ ok: true, value });
  });

  it.each<[string, string, unknown]>([
    ["releaseShare", "130", { code: "range", min: 0, max: 1 }],
    ["releaseShare", "-1", { code: "range", min: 0, max: 1 }],
    ["releaseShare", "abc", { code: "percent" }],
    ["stagnationMonths", "2.5", { code: "int" }],
    ["stagnationMonths", "13", { code: "range", min: 1, max: 12 }],
    ["stagnationMonths", "0", { code: "range", min: 1, max: 12 }],
    ["maxAccountsNew", "many", { code: "int" }],
    ["weight.sales", "40%", { code: "number" }],
    ["weight.sales", "1.5", { code: "range", min: 0, max: 1 }],
    ["period", "2026-13", { code: "month" }],
    ["period", "March", { code: "month" }],
    ["period", "2026-3", { code: "month" }],
    ["commissionMode", "flat", { code: "enum" }],
    ["commissionTiers", "100000:5%", { code: "tiers" }],
    ["commissionTiers", "0:3%; 100000:500", { code: "tiers" }],
    ["commissionTiers", "nonsense", { code: "tiers" }],
  ])("%s %p is invalid: %o", (key, text, problem) => {
    expect(parseDraft(def(key), text)).toEqual({ ok: false, problem });
  });
});

describe("problemMessage and rangeHint", () => {
  it("say what is expected, percentages as percentages", () => {
    expect(problemMessage(def("releaseShare"), { code: "range", min: 0, max: 1 }, en, "en-US")).toBe("Enter a value from 0% to 100%.");
    expect(problemMessage(def("stagnationGrowthPct"), { code: "range", min: -1, max: 1 }, en, "en-US")).toBe("Enter a value from -100% to 100%.");
    expect(problemMessage(def("stagnationMonths"), { code: "int" }, en, "en-US")).toBe("Enter a whole number.");
    expect(problemMessage(def("commissionMode"), { code: "enum" }, en, "en-US")).toBe("Choose one of: marginal, retroactive.");
    expect(problemMessage(def("stagnationMonths"), { code: "range", min: 1, max: 12 }, zh, "zh-CN")).toBe("请输入 1 至 12 之间的值。");
    expect(problemMessage(def("defaultQuota"), { code: "range", min: 0 }, en, "en-US")).toBe("Enter a value of at least 0.");
  });

  it("give the range as a hint, or nothing", () => {
    expect(rangeHint(def("releaseShare"), en, "en-US")).toBe("From 0% to 100%.");
    expect(rangeHint(def("maxAccountsNew"), en, "en-US")).toBe("From 0 to 100,000.");
    expect(rangeHint(def("defaultQuota"), en, "en-US")).toBe("At least 0.");
    expect(rangeHint(def("commissionTiers"), en, "en-US")).toBeNull();
  });
});

describe("drafts and changes", () => {
  const views = [view("releaseShare", 0.3, { North: 0.25 }), view("period", null), view("stagnationMonths", 3), view("commissionMode", "marginal")];

  it("show the saved value for all regions and the region's own override (or nothing) for a region", () => {
    expect(savedText(views[0], "")).toBe("30");
    expect(savedText(views[0], "North")).toBe("25");
    expect(savedText(views[0], "South")).toBe("");
    expect(shownText(views[0], "South", { [draftKey("South", "releaseShare")]: "40" })).toBe("40");
    expect(shownText(views[0], "North", { [draftKey("South", "releaseShare")]: "40" })).toBe("25");
  });

  it("let a region override only regional settings", () => {
    expect(editable(views[0], "North")).toBe(true);
    expect(editable(views[1], "North")).toBe(false);
    expect(editable(views[1], "")).toBe(true);
  });

  it("collect the changed values as saveSettings changes, with the region when one is edited", () => {
    const { changes, problems } = collectChanges(views, {
      [draftKey("", "releaseShare")]: "35",
      [draftKey("North", "releaseShare")]: "",
      [draftKey("South", "releaseShare")]: "20%",
      [draftKey("", "period")]: "2026-02",
      [draftKey("", "stagnationMonths")]: "3", // unchanged
      [draftKey("North", "period")]: "2026-01", // not regional: ignored
    });
    expect(problems).toEqual({});
    expect(changes).toEqual([
      { key: "releaseShare", value: 0.35 },
      { key: "releaseShare", value: "", region: "North" },
      { key: "releaseShare", value: 0.2, region: "South" },
      { key: "period", value: "2026-02" },
    ]);
  });

  it("report invalid drafts by their key and leave them out of the changes", () => {
    const { changes, problems } = collectChanges(views, { [draftKey("", "stagnationMonths")]: "99", [draftKey("East", "commissionMode")]: "retroactive" });
    expect(changes).toEqual([{ key: "commissionMode", value: "retroactive", region: "East" }]);
    expect(problems).toEqual({ [draftKey("", "stagnationMonths")]: { code: "range", min: 1, max: 12 } });
  });
});

describe("mapping changes", () => {
  it("name the sheet of a role and the column of a field", () => {
    expect(sheetChange("reps", "People")).toEqual({ key: "sheet.reps", value: "People" });
    expect(columnChange("accounts", "owner", "Sales Rep")).toEqual({ key: "column.accounts.owner", value: "Sales Rep" });
  });

  const sales = (headers: Record<string, string | null>): DataDescription["roles"][number] => ({
    role: "sales",
    label: { "en-US": "Sales", "zh-CN": "销售" },
    required: true,
    sheet: "Sales",
    headers: Object.values(headers).filter((h): h is string => h !== null),
    fields: Object.entries(headers).map(([key, header]) => ({ key, label: { "en-US": key, "zh-CN": key }, required: true, header })),
  });

  it("treat Date and Month as one requirement: either will do", () => {
    const role = sales({ date: "Date", month: null, accountId: "Account ID", amount: null, repId: null });
    expect(fieldRequirement(role, "date")).toEqual(["month"]);
    expect(fieldRequirement(role, "amount")).toBe(true);
    expect(fieldRequirement(role, "repId")).toBe(false);
    expect(missingFields(role)).toEqual(["amount"]);
    expect(missingFields(sales({ date: null, month: null, accountId: "A", amount: "Amount", repId: null }))).toEqual(["date", "month"]);
  });
});

describe("the editor against the real save", () => {
  it("saves what it accepts, and reads back what was typed", async () => {
    const actions = createActions(new MemoryWorkbook(smallTeam()), "en-US");
    const before = await actions.readSettings([...RULE_KEYS]);
    const typed: Record<string, string> = {
      period: "2026-02",
      stagnationMonths: "4",
      stagnationGrowthPct: "-2.5",
      releaseShare: "35",
      inactiveMonths: "9",
      maxAccountsNew: "30",
      maxAccountsRegular: "70",
      maxAccountsVeteran: "110",
      commissionBasis: "attainment",
      commissionTiers: "0%:2%; 100%:4%",
      commissionMode: "retroactive",
      commissionThreshold: "70",
      commissionCap: "50000",
      acceleratorRate: "2",
      newCustomerBonus: "800",
      newCustomerRate: "1.5",
      retentionRate: "2",
      retentionMinSatisfaction: "3.5",
      teamBonusRate: "0.5",
      clawback: "off",
      spifBonus: "250",
      spifCategories: "Cloud, Security",
      spifMinAmount: "1000",
      spifFrom: "2026-01",
      spifTo: "2026-12",
      drawType: "nonRecoverable",
      "weight.sales": "0.5",
      "weight.newCustomers": "0.2",
      "weight.satisfaction": "0.1",
      "weight.retention": "0.05",
      "weight.teamwork": "0.15",
      "match.load": "0.3",
      "match.capability": "0.2",
      "match.continuity": "0.3",
      "match.team": "0.15",
      "match.newRep": "0.05",
      maxNewAccountsPerRun: "4",
      maxShareOfMovedValue: "35",
      rampMonths: "2",
      rejectionCooldownMonths: "6",
    };
    const drafts = Object.fromEntries(Object.entries(typed).map(([k, v]) => [draftKey("", k), v]));
    drafts[draftKey("North", "releaseShare")] = "12.5";
    const { changes, problems } = collectChanges(before.settings, drafts);
    expect(problems).toEqual({});
    expect(changes).toHaveLength(RULE_KEYS.length + 1);
    await actions.saveSettings(changes);
    const after = await actions.readSettings([...RULE_KEYS]);
    expect(Object.fromEntries(after.settings.map((v) => [v.def.key, savedText(v, "")]))).toEqual(typed);
    expect(savedText(after.settings.find((v) => v.def.key === "releaseShare")!, "North")).toBe("12.5");
    // Nothing left to save once the workbook holds the drafts.
    expect(collectChanges(after.settings, drafts).changes).toEqual([]);
  });
});

describe("tier rows", () => {
  it("split a tiers text into (from, rate) rows and join them back in the engine's notation", () => {
    expect(tierRows("0:3%; 100000:5%；200000：8 %")).toEqual([
      { from: "0", rate: "3" },
      { from: "100000", rate: "5" },
      { from: "200000", rate: "8" },
    ]);
    expect(tierRows("")).toEqual([]);
    expect(tierRows("0%:2%; 100%-120%:4%")).toEqual([{ from: "0%", rate: "2" }, { from: "100%-120%", rate: "4" }]);
    expect(tierRows("rubbish")).toEqual([{ from: "rubbish", rate: "" }]);
    expect(tiersText([{ from: "0", rate: "3" }, { from: " 100000", rate: "5.5 " }])).toBe("0:3%; 100000:5.5%");
  });

  it("round-trip what the registry accepts, and what they produce is validated like typed text", () => {
    const def = REGISTRY.get("commissionTiers")!;
    const text = String(def.default);
    expect(parseDraft(def, tiersText(tierRows(text)))).toEqual({ ok: true, value: tiersText(tierRows(text)) });
    expect(parseDraft(def, tiersText([{ from: "0", rate: "3" }, { from: "abc", rate: "5" }]))).toEqual({ ok: false, problem: { code: "tiers" } });
  });
});
