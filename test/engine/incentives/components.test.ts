import { checkComponents, ComponentRegistryError, COMPONENT_IDS, INCENTIVE_COMPONENTS } from "../../../src/engine/incentives/components";
import { commission } from "../../../src/engine/incentives/components/commission";
import { defaultPlan, statement } from "../../../src/engine/incentives/plan";
import { INCENTIVE_TEXT, renderIncentive } from "../../../src/engine/incentives/text";
import { REGISTRY } from "../../../src/engine/settings";

describe("the component registry", () => {
  test("the JSON `components` fields are a contract: the five original ids come first, in order, never renamed", () => {
    expect(COMPONENT_IDS.slice(0, 5)).toEqual(["commission", "newCustomerBonus", "retentionBonus", "handoverSplit", "teamBonus"]);
  });

  test("every component's settings are in the settings registry, with its own declaration", () => {
    for (const c of INCENTIVE_COMPONENTS) for (const d of c.settings) expect(REGISTRY.get(d.key)).toBe(d);
  });

  test("a statement has exactly the registry's lines, and its total sum names each of them in both languages", () => {
    const s = statement({ creditedCents: 25_000_000, quotaCents: null, newAccounts: 2 }, defaultPlan());
    expect(Object.keys(s.components)).toEqual([...COMPONENT_IDS]);
    expect(s.totalCents).toBe(COMPONENT_IDS.reduce((sum, id) => sum + s.components[id].amountCents, 0));
    // 12,000 commission + 2 × 500 new customers = 13,000
    expect(renderIncentive(s.explanation, "en-US")).toBe("13,000 = commission 12,000 + new customers 1,000 + retention 0 + handover 0 + team 0 + clawback 0 + SPIF 0 + draw 0");
    expect(renderIncentive(s.explanation, "zh-CN")).toBe("13,000 = 提成 12,000 + 新客户 1,000 + 维护 0 + 移交 0 + 团队 0 + 扣回 0 + 专项 0 + 预支 0");
    for (const id of COMPONENT_IDS) for (const L of ["en-US", "zh-CN"] as const) expect(renderIncentive(s.components[id].explanation, L)).not.toMatch(/\{\w+\}/);
  });

  test("it checks itself: an id twice, or texts only in one language, is a programming error", () => {
    expect(() => checkComponents([commission, commission])).toThrow(ComponentRegistryError);
    const oneSided = { ...commission, id: "x", text: { "en-US": { "x.only": "x" }, "zh-CN": {} } };
    expect(() => checkComponents([oneSided])).toThrow(/different en-US and zh-CN/);
  });

  test("both catalogues have the same keys", () => {
    expect(Object.keys(INCENTIVE_TEXT["zh-CN"]).sort()).toEqual(Object.keys(INCENTIVE_TEXT["en-US"]).sort());
  });
});
