/**
 * Statement wording (issue 13's list, in the engine's statement text): plural forms through the
 * catalogue, no "rate 0%" on a fixed bonus, no advice worth 0 points, satisfaction on one scale, and
 * advice addressed to the rep in statements (the manager's recommendation stays on the Scorecard sheet).
 */
import { moveUpOf, type Dimension } from "../../../src/engine/incentives/evaluate";
import { defaultPlan, statement, type Plan } from "../../../src/engine/incentives/plan";
import { satisfactionFromScore, satisfactionText } from "../../../src/engine/incentives/scale";
import { INCENTIVE_TEXT, pluralForms, renderIncentive } from "../../../src/engine/incentives/text";
import { evaluate } from "../../../src/engine/incentives/evaluate";
import { evaluationJson } from "../../../src/engine/report/json";
import type { Cell } from "../../../src/engine/table";
import { checkSheets } from "../../helpers/team";

const C = (units: number) => Math.round(units * 100);
const plan = (over: Partial<Plan> = {}): Plan => ({ ...defaultPlan(), ...over });
const en = (e: Parameters<typeof renderIncentive>[0]) => renderIncentive(e, "en-US");
const zh = (e: Parameters<typeof renderIncentive>[0]) => renderIncentive(e, "zh-CN");

describe("plural forms through the catalogue", () => {
  test("the helper picks the locale's form and keeps the number a param", () => {
    expect(pluralForms("{count|# rep has|# reps have} no quota", { count: 1 }, "en-US")).toBe("{count} rep has no quota");
    expect(pluralForms("{count|# rep has|# reps have} no quota", { count: 2 }, "en-US")).toBe("{count} reps have no quota");
    expect(pluralForms("{count|# rep has|# reps have} no quota", { count: 0 }, "en-US")).toBe("{count} reps have no quota");
    expect(pluralForms("{points|# point|# points}", { points: 1.5 }, "en-US")).toBe("{points} points");
  });

  test("1 new account, 2 new accounts; Chinese has one form", () => {
    const one = statement({ creditedCents: 0, quotaCents: null, newAccounts: 1 }, plan());
    const two = statement({ creditedCents: 0, quotaCents: null, newAccounts: 2 }, plan());
    expect(en(one.components.newCustomerBonus.explanation)).toBe("500 = 1 new account × 500");
    expect(en(two.components.newCustomerBonus.explanation)).toBe("1,000 = 2 new accounts × 500");
    expect(zh(one.components.newCustomerBonus.explanation)).toBe("500 = 1 个新客户 × 500");
  });

  test("no English sentence puts a count before a plural noun without a plural form", () => {
    // A number param followed by a word ending in s ("{count} reps") reads "1 reps" for one.
    const counted = /\{(count|won|months|historyMonths|points|days)\} [a-z-]+s\b/;
    const bad = Object.entries(INCENTIVE_TEXT["en-US"]).filter(([, text]) => counted.test(text));
    expect(bad).toEqual([]);
  });

  test("the team bonus without quotas and the scorecard note, singular and plural", () => {
    expect(en({ key: "teamBonus.noQuota", params: { amountCents: 0, region: "North", count: 1 } })).toBe("0: North has 1 rep without a quota, so the region's quota is unknown");
    expect(en({ key: "note.quotaMissing", params: { count: 1 } })).toMatch(/^1 rep has no quota /);
    expect(en({ key: "note.quotaMissing", params: { count: 3 } })).toMatch(/^3 reps have no quota /);
    expect(zh({ key: "note.quotaMissing", params: { count: 1 } })).toMatch(/^1 名业务员没有指标/);
  });
});

describe("a fixed bonus shows no rate", () => {
  test("fixed only: no rate, no “+ 0% × 0”", () => {
    const s = statement({ creditedCents: 0, quotaCents: null, newAccounts: 3 }, plan());
    expect(s.components.newCustomerBonus.rate).toBeNull();
    expect(en(s.components.newCustomerBonus.explanation)).toBe("1,500 = 3 new accounts × 500");
  });
  test("a rate only: the rate is shown, and the sentence is the rate's", () => {
    const s = statement({ creditedCents: 0, quotaCents: null, newAccounts: 2, newAccountSalesCents: C(20000) }, plan({ newCustomerBonusCents: 0, newCustomerRate: 0.05 }));
    expect(s.components.newCustomerBonus.rate).toBe(0.05);
    expect(en(s.components.newCustomerBonus.explanation)).toBe("1,000 = 5% × 20,000 of new accounts' sales");
    expect(zh(s.components.newCustomerBonus.explanation)).toBe("1,000 = 新客户销售额 20,000 × 5%");
  });
  test("both parts: no single rate explains it", () => {
    const s = statement({ creditedCents: 0, quotaCents: null, newAccounts: 1, newAccountSalesCents: C(20000) }, plan({ newCustomerRate: 0.05 }));
    expect(s.components.newCustomerBonus.rate).toBeNull();
    expect(en(s.components.newCustomerBonus.explanation)).toBe("1,500 = 1 new account × 500 + 5% × 20,000 of their sales");
  });
  test("nothing won, or nothing in the plan: the zero says which", () => {
    expect(en(statement({ creditedCents: 0, quotaCents: null }, plan()).components.newCustomerBonus.explanation)).toBe("0: no new account won");
    expect(en(statement({ creditedCents: 0, quotaCents: null, newAccounts: 2 }, plan({ newCustomerBonusCents: 0 })).components.newCustomerBonus.explanation)).toBe(
      "0: the plan pays no new-customer bonus",
    );
  });
});

describe("what would move you up: addressed to the rep, in the dimension's own terms, never worth 0 points", () => {
  const dims = (d: Partial<Record<Dimension, number | null>>) => ({ sales: null, newCustomers: null, satisfaction: null, retention: null, teamwork: null, ...d });
  test("a gain that rounds to 0.0 points is no advice", () => {
    expect(en(moveUpOf("sales", dims({ sales: 94.9 }), dims({ sales: 95 }), 0.04))).toBe("You are within a tenth of a point of the team median on every dimension");
    expect(zh(moveUpOf("sales", dims({ sales: 94.9 }), dims({ sales: 95 }), 0.04))).toBe("您在各维度与团队中位数的差距均不到 0.1 分");
    expect(en(moveUpOf(null, dims({}), dims({}), 0))).toBe("You are at or above the team median on every dimension");
  });
  test("attainment and retention in percent, one point singular", () => {
    expect(en(moveUpOf("sales", dims({ sales: 80 }), dims({ sales: 95 }), 1)))
      .toBe("Raise your attainment from 80% to the team median 95%: worth 1 point on your score");
    expect(en(moveUpOf("retention", dims({ retention: 60 }), dims({ retention: 90 }), 3)))
      .toBe("Keep more of your customers buying: 60% of their earlier value still buys, the team median 90%; worth 3 points on your score");
  });
  test("satisfaction on its 1–5 scale, as the retention line and the profile show it", () => {
    // Dimension 68 is satisfaction 1 + 0.68 × 4 = 3.72; the median 75 is 4.00.
    expect(satisfactionFromScore(68)).toBeCloseTo(3.72, 12);
    const e = moveUpOf("satisfaction", dims({ satisfaction: 68 }), dims({ satisfaction: 75 }), 1.17);
    expect(en(e)).toBe("Raise your customers' satisfaction from 3.72 to the team median 4.00 (on the 1–5 scale): worth 1.2 points on your score");
    expect(zh(e)).toBe("将您的客户满意度从 3.72 提高到团队中位数 4.00（1–5 分制）：评分可提高 1.2 分");
    const retention = statement({ creditedCents: 0, quotaCents: null, retainedSalesCents: C(1000), satisfaction: 3.72 }, plan());
    expect(en(retention.components.retentionBonus.explanation)).toBe(`0: satisfaction ${satisfactionText(3.72)} is below 4.00`);
    expect(en({ key: "profile.farmer", params: { retentionPct: 0.9, satisfaction: satisfactionText(3.72) } })).toBe("Farmer: keeps 90% of prior value, satisfaction 3.72");
  });
});

/**
 * North, June 2026, history from January 2025. R1 (quota 100,000) owns A1 (satisfaction 4.5), R2 (quota
 * 100,000) owns A2 (satisfaction 3): both sold 100,000 in June and 1,000 a year before (retention 100).
 * Dimensions: sales 100 both; satisfaction 87.5 and 50 (median 68.75, i.e. 3.75); retention 100 both;
 * new customers and teamwork nobody has, so the weights re-normalise over 0.4 + 0.15 + 0.1 = 0.65.
 * R2's only gap is satisfaction: 0.15 / 0.65 × (68.75 − 50) = 4.33 → 4.3 points.
 */
function team(): Record<string, Cell[][]> {
  return {
    Reps: [
      ["Rep ID", "Name", "Hire Date", "Region", "Active", "Quota"],
      ["R1", "Ann", "2018-01-01", "North", "Y", 100000],
      ["R2", "Bo", "2018-01-01", "North", "Y", 100000],
    ],
    Accounts: [
      ["Account ID", "Account Name", "Owner", "Region", "Satisfaction"],
      ["A1", "Alpha", "R1", "North", 4.5],
      ["A2", "Beta", "R2", "North", 3],
    ],
    Sales: [
      ["Date", "Account ID", "Amount"],
      ["2025-01-10", "A1", 500],
      ["2025-01-10", "A2", 500],
      ["2025-06-10", "A1", 1000],
      ["2025-06-10", "A2", 1000],
      ["2026-06-10", "A1", 100000],
      ["2026-06-10", "A2", 100000],
    ],
    "Fairshare Settings": [["Setting", "Value"], ["period", "2026-06"]],
  };
}

test("from a workbook: the rep's advice and the manager's recommendation, satisfaction on one scale, in both languages", async () => {
  const r = await checkSheets(team());
  expect(r.issues).toEqual([]);
  const ev = evaluate(r, []);
  const row = (id: string) => ev.scorecard.find((s) => r.model.reps[s.rep].id === id)!;
  const r2 = row("R2");
  expect(r2.dimensions.satisfaction).toBe(50);
  expect(en(r2.moveUp)).toBe("Raise your customers' satisfaction from 3.00 to the team median 3.75 (on the 1–5 scale): worth 4.3 points on your score");
  expect(zh(r2.moveUp)).toBe("将您的客户满意度从 3.00 提高到团队中位数 3.75（1–5 分制）：评分可提高 4.3 分");
  const inc = ev.incentives.find((i) => r.model.reps[i.rep].id === "R2")!;
  expect(en(inc.statement.components.retentionBonus.explanation)).toBe("0: satisfaction 3.00 is below 4.00");
  // The profile's advice speaks to the rep; the recommendation (the Scorecard sheet's) to the manager.
  for (const s of ev.scorecard) {
    expect(s.advice.key).toBe(`advice.${s.profile}`);
    expect(en(s.advice)).toMatch(/\b[Yy]ou(r)?\b/);
    expect(zh(s.advice)).toMatch(/您/);
  }
  const json = evaluationJson(r, ev).scorecard.find((s) => s.repId === "R2")!;
  expect(json.advice).toBe(en(r2.advice));
  expect(json.recommendation).toBe(en(r2.recommendation));
});

test("every advice sentence addresses the rep, in both languages; no recommendation does", () => {
  for (const [key, text] of Object.entries(INCENTIVE_TEXT["en-US"])) {
    if (key.startsWith("advice.")) expect([key, /\b[Yy]ou(r)?\b/.test(text)]).toEqual([key, true]);
    if (key.startsWith("recommend.")) expect([key, /\byou(r)?\b/i.test(text)]).toEqual([key, false]);
  }
  for (const [key, text] of Object.entries(INCENTIVE_TEXT["zh-CN"])) if (key.startsWith("advice.")) expect([key, text.includes("您")]).toEqual([key, true]);
});
