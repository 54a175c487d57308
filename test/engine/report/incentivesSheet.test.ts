/**
 * Each plan feature on the Incentives sheet, from a workbook, with every row computed by hand, in both
 * languages. The sheet lists the registry's components per rep (no component is named by the sheet), so
 * a feature shows up there exactly as its registry entry states it.
 *
 * June 2026, incentiveMonths 1. Settings: tiers "0-50000:2%; 60000:4%" (an upper bound and a gap),
 * rate.Services 10%, spifBonus 300 for Cloud, clawback on (default), recoverable draws (default);
 * South overrides commissionBasis attainment with tiers "0%:1%; 100%:3%".
 *
 * R1 (North, Quota 100,000, Draw 5,000) owns A1 (sold before, in January 2025) and N1 (first sale in June).
 *   June: A1 80,000 Hardware, A1 −5,000 Hardware (a refund), A1 10,000 Services, N1 2,000 Cloud.
 *   Gross 92,000, net 87,000, refunds 5,000; Services 10,000 has its own rate.
 *   Commission on gross: tiers on 92,000 − 10,000 = 82,000 → 2% × 50,000 + (gap) + 4% × 22,000 = 1,880;
 *     Services 10% × 10,000 = 1,000 → 2,880.
 *   Clawback: on net, tiers on 77,000 → 1,000 + 4% × 17,000 = 1,680, + 1,000 = 2,680; 2,680 − 2,880 = −200.
 *   New-customer bonus: N1 → 1 × 500 = 500. SPIF: N1 is Cloud → 1 × 300 = 300.
 *   Team: North sold 87,000 against a quota of 100,000 → 0.
 *   Draw: earned 2,880 + 500 − 200 + 300 = 3,480 < 5,000 → +1,520, carried forward. Total 5,000.
 * R2 (South, Quota 30,000) owns A2 (sold in March 2025): June 40,000 Hardware, attainment 133⅓%.
 *   Commission by attainment: 1% × 30,000 + 3% × 10,000 = 600. Team: South 40,000 − 30,000 = 10,000
 *   above quota, 1% → pool 100, all R2's. SPIF: no account won. Total 700.
 */
import { evaluate } from "../../../src/engine/incentives/evaluate";
import { incentivesSheet } from "../../../src/engine/report/incentiveSheets";
import type { Cell } from "../../../src/engine/table";
import { checkSheets } from "../../helpers/team";

function workbook(): Record<string, Cell[][]> {
  return {
    Reps: [
      ["Rep ID", "Name", "Hire Date", "Region", "Active", "Quota", "Draw"],
      ["R1", "Ann", "2018-01-01", "North", "Y", 100000, 5000],
      ["R2", "Bo", "2019-01-01", "South", "Y", 30000, null],
    ],
    Accounts: [
      ["Account ID", "Account Name", "Owner", "Region"],
      ["A1", "Alpha", "R1", "North"],
      ["N1", "Nova", "R1", "North"],
      ["A2", "Beta", "R2", "South"],
    ],
    Sales: [
      ["Date", "Account ID", "Amount", "Category"],
      ["2025-01-15", "A1", 1000, "Hardware"],
      ["2025-03-01", "A2", 500, "Hardware"],
      ["2026-06-05", "A1", 80000, "Hardware"],
      ["2026-06-10", "A1", -5000, "Hardware"],
      ["2026-06-12", "A1", 10000, "Services"],
      ["2026-06-20", "N1", 2000, "Cloud"],
      ["2026-06-03", "A2", 40000, "Hardware"],
    ],
    "Fairshare Settings": [
      ["Setting", "Value", "South"],
      ["period", "2026-06", null],
      ["commissionTiers", "0-50000:2%; 60000:4%", "0%:1%; 100%:3%"],
      ["commissionBasis", "amount", "attainment"],
      ["rate.Services", "10%", null],
      ["spifBonus", 300, null],
      ["spifCategories", "Cloud", null],
    ],
  };
}

async function sheet(displayLanguage: string) {
  const check = await checkSheets(workbook(), displayLanguage);
  expect(check.issues.filter((i) => i.severity !== "info")).toEqual([]);
  const out = incentivesSheet(check, evaluate(check, []), "Fairshare Incentives 2026-06");
  // Rows: Rep ID, Name, Region, Component, Base, Rate, Amount, Explanation.
  return (rep: string) => out.rows.filter((r) => r[0] === rep).map((r) => r.slice(3));
}

test("every plan feature on the Incentives sheet, in English", async () => {
  const rows = await sheet("en-US");
  expect(rows("R1")).toEqual([
    ["Commission", 92000, null, 2880, "2,880 = 2% × 50,000 + 4% × 22,000 + 10% × 10,000 (own rates of Services)"],
    ["New-customer bonus", 2000, null, 500, "500 = 1 new account × 500"],
    ["Retention bonus", 0, 0.01, 0, "0: no satisfaction data"],
    ["Handover split", 0, null, 0, "0: no handover credit"],
    ["Team bonus", 0, null, 0, "0: North sales did not exceed its quotas"],
    ["Clawback", 5000, null, -200, "−200 = commission on net sales 87,000 (2,680) − on gross sales 92,000 (2,880); refunds 5,000"],
    ["SPIF", 2000, null, 300, "300 = 1 qualifying won account × 300 (N1)"],
    ["Draw", 5000, null, 1520, "1,520 = draw 5,000 − earned 3,480; to be recovered later, balance carried forward 1,520"],
    ["Total", null, null, 5000, "5,000 = commission 2,880 + new customers 500 + retention 0 + handover 0 + team 0 + clawback −200 + SPIF 300 + draw 1,520"],
  ]);
  expect(rows("R2")).toEqual([
    ["Commission", 40000, null, 600, "600 = 1% × 30,000 + 3% × 10,000"],
    ["New-customer bonus", 0, null, 0, "0: no new account won"],
    ["Retention bonus", 0, 0.01, 0, "0: no satisfaction data"],
    ["Handover split", 0, null, 0, "0: no handover credit"],
    ["Team bonus", 100, null, 100, "100 = 100% of the team pool 100 (1% × 10,000 of South sales above its quotas)"],
    ["Clawback", 0, null, 0, "0: no refunds"],
    ["SPIF", 0, null, 0, "0: no account won"],
    ["Draw", 0, null, 0, "0: no draw"],
    ["Total", null, null, 700, "700 = commission 600 + new customers 0 + retention 0 + handover 0 + team 100 + clawback 0 + SPIF 0 + draw 0"],
  ]);
});

test("the same statements in Chinese", async () => {
  const rows = await sheet("zh-CN");
  expect(rows("R1").map((r) => [r[0], r[3], r[4]])).toEqual([
    ["提成", 2880, "2,880 = 2% × 50,000 + 4% × 22,000 + 10% × 10,000（Services 按各自比例）"],
    ["新客户奖", 500, "500 = 1 个新客户 × 500"],
    ["维护奖", 0, "0：无满意度数据"],
    ["移交分成", 0, "0：无移交分成"],
    ["团队奖", 0, "0：North 销售未超出指标总和"],
    ["退款扣回", -200, "−200 = 按净销售额 87,000 的提成（2,680）− 按总销售额 92,000 的提成（2,880）；退款 5,000"],
    ["专项奖", 300, "300 = 1 个符合条件的新客户 × 300（N1）"],
    ["预支", 1520, "1,520 = 预支 5,000 − 收入 3,480；日后扣回，结转余额 1,520"],
    ["合计", 5000, "5,000 = 提成 2,880 + 新客户 500 + 维护 0 + 移交 0 + 团队 0 + 扣回 −200 + 专项 300 + 预支 1,520"],
  ]);
  expect(rows("R2")[0]).toEqual(["提成", 40000, null, 600, "600 = 1% × 30,000 + 3% × 10,000"]);
  expect(rows("R2")[4][4]).toBe("100 = 团队奖池 100 的 100%（South 超出指标部分 10,000 × 1%）");
});
