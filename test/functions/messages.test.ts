import { INCENTIVE_COMPONENTS } from "../../src/engine/incentives/components";
/**
 * Every function issue has a message in both languages, and the breakdown labels are complete.
 * The sample below is a Record over every issue code, so a new code without a sample fails to compile.
 */
import { breakdownLabels, functionMessage, type FunctionIssue } from "../../src/functions/messages";

const SAMPLES: { [C in FunctionIssue["code"]]: Extract<FunctionIssue, { code: C }> } = {
  negativeValue: { code: "negativeValue", row: 1, column: 1, value: -1 },
  errorValue: { code: "errorValue", row: 1, column: 1, error: "#N/A" },
  notFinite: { code: "notFinite", row: 1, column: 1 },
  countAboveValues: { code: "countAboveValues", count: 5, found: 4 },
  countBelowValues: { code: "countBelowValues", count: 3, found: 4 },
  argumentNotNumber: { code: "argumentNotNumber", argument: "sales", value: "x" },
  argumentError: { code: "argumentError", argument: "quota", error: "#REF!" },
  argumentNegative: { code: "argumentNegative", argument: "retainedSales", value: -1 },
  argumentNotWhole: { code: "argumentNotWhole", argument: "newAccounts", value: 1.5 },
  argumentNotBoolean: { code: "argumentNotBoolean", argument: "sample", value: "maybe" },
  argumentTooLarge: { code: "argumentTooLarge", argument: "amount", value: 1e15 },
  satisfactionOutOfRange: { code: "satisfactionOutOfRange", value: 7 },
  unknownMode: { code: "unknownMode", value: "both" },
  tiersShape: { code: "tiersShape", rows: 2, columns: 3 },
  tiersInvalid: { code: "tiersInvalid", problem: "tiers_order", part: "5" },
  rangeShape: { code: "rangeShape", argument: "categorySales", rows: 2, columns: 3 },
  rangeAmount: { code: "rangeAmount", argument: "categorySales", row: 2, value: "lots" },
  categoriesExceedSales: { code: "categoriesExceedSales", categories: 1200, sales: 1000 },
  settingsInvalid: {
    code: "settingsInvalid",
    issue: { severity: "error", code: "setting_invalid", sheet: "Fairshare Settings", row: 2, column: "Value", message: "", params: { key: "commissionMode", value: "x", type: "type.enum", min: "", max: "" } },
  },
  sheetUnreadable: { code: "sheetUnreadable", sheet: "Fairshare Settings", detail: "GeneralException" },
  workbookUnreadable: { code: "workbookUnreadable", detail: "GeneralException" },
  workbookBusy: { code: "workbookBusy", seconds: 10 },
  noScorecard: { code: "noScorecard" },
  scorecardNoHeader: { code: "scorecardNoHeader", sheet: "Fairshare Scorecard" },
  repIdMissing: { code: "repIdMissing" },
  unknownRep: { code: "unknownRep", repId: "R9", sheet: "Fairshare Scorecard" },
  duplicateRep: { code: "duplicateRep", repId: "R1", sheet: "Fairshare Scorecard", rows: "5, 6" },
  noScore: { code: "noScore", repId: "R1", sheet: "Fairshare Scorecard", row: 5, value: "—" },
};

describe("function messages", () => {
  it.each(Object.values(SAMPLES).map((issue) => [issue.code, issue] as const))("%s reads in English and Chinese", (_code, issue) => {
    const en = functionMessage(issue, "en-US");
    const zh = functionMessage(issue, "zh-CN");
    expect(en.trim()).not.toBe("");
    expect(en).not.toMatch(/\{\w+\}|undefined|\[object/);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).not.toMatch(/\{\w+\}|undefined|\[object/);
  });

  it("renders a settings issue with its place and the engine's words", () => {
    // The middle is the engine's catalogue text (src/engine/messages.ts), not repeated here.
    expect(functionMessage(SAMPLES.settingsInvalid, "en-US")).toMatch(
      /^Fairshare Settings, row 2, column Value: Setting commissionMode: “x” is not a valid \S+\. Fix the setting, or give this value in the formula\.$/,
    );
    expect(functionMessage(SAMPLES.settingsInvalid, "zh-CN")).toMatch(/^Fairshare Settings 第 2 行“Value”列：设置 commissionMode/);
  });
});

describe("breakdown labels", () => {
  it.each(["en-US", "zh-CN"] as const)("%s has a header of five, a total, and the registry names each component a cell can compute", (locale) => {
    const labels = breakdownLabels(locale);
    expect(labels.header).toHaveLength(5);
    for (const text of [...labels.header, labels.total]) expect(text.trim()).not.toBe("");
    const inCell = INCENTIVE_COMPONENTS.filter((c) => c.inCell);
    // Every component but the team bonus (a cell has no team).
    expect(inCell.map((c) => c.id)).toEqual(["commission", "newCustomerBonus", "retentionBonus", "handoverSplit", "clawback", "spif", "draw"]);
    for (const c of inCell) expect(c.label[locale].trim()).not.toBe("");
  });
});
