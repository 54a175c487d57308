/**
 * Statements that fit the data (issue 12, item 4): on a real CRM export with short history and no
 * quotas, the scorecard and statements say what they cannot know instead of inventing it.
 */
import { pastMoves, parseAuditLog } from "../../../src/engine/allocation/audit";
import { evaluate } from "../../../src/engine/incentives/evaluate";
import { renderIncentive } from "../../../src/engine/incentives/text";
import type { Cell } from "../../../src/engine/table";
import { issueLines } from "../../../src/cli/summary";
import { dataCheckSheet } from "../../../src/engine/report/sheets";
import { checkSheets } from "../../helpers/team";

/**
 * June 2026, incentiveMonths 1; sales history starts in April (3 months).
 * - R1 held A1 through June; A1 was moved to R2 on 2026-07-05 (after the period) by an applied proposal.
 *   A1: May 100,000 and June 80,000, both without a Rep ID (credited to whoever held it then: R1).
 * - R2 owns A2: April 10,000 (R2), June 30,000 (R2).
 */
function crm(): Record<string, Cell[][]> {
  return {
    Reps: [
      ["Rep ID", "Name", "Hire Date", "Region", "Active", "Quota"],
      ["R1", "Ann", "2018-01-01", "North", "Y", 100000],
      ["R2", "Bo", "2019-01-01", "North", "Y", 50000],
    ],
    Accounts: [
      ["Account ID", "Account Name", "Owner", "Region", "Satisfaction"],
      ["A1", "Alpha", "R2", "North", 4.5],
      ["A2", "Beta", "R2", "North", 3],
    ],
    Sales: [
      ["Date", "Account ID", "Amount", "Rep ID"],
      ["2026-05-10", "A1", 100000, null],
      ["2026-06-10", "A1", 80000, null],
      ["2026-04-01", "A2", 10000, "R2"],
      ["2026-06-12", "A2", 30000, "R2"],
    ],
    "Fairshare Settings": [["Setting", "Value"], ["period", "2026-06"]],
    "Fairshare Audit Log": [
      ["Timestamp", "Proposal ID", "Account ID", "From", "To", "Rule", "Approver", "Result", "Proposal Sheet", "Note"],
      ["2026-07-05 09:00:00Z", "P202606-1-001", "A1", "R1", "R2", "STAGNATION", "Mgr", "applied", "Fairshare Proposal 2026-06", ""],
    ],
  };
}

async function run(sheets: Record<string, Cell[][]>) {
  const r = await checkSheets(sheets);
  const past = pastMoves(parseAuditLog({ sheet: "Fairshare Audit Log", firstRow: 1, firstColumn: 1, values: sheets["Fairshare Audit Log"] }));
  const ev = evaluate(r, past);
  const rep = (id: string) => {
    const i = r.model.reps.findIndex((x) => x.id === id);
    return { score: ev.scorecard.find((s) => s.rep === i)!, statement: ev.incentives.find((s) => s.rep === i)!.statement };
  };
  return { r, ev, rep };
}

test("retention, satisfaction and un-attributed sales belong to the rep who held the account in the window, not its owner after a later move", async () => {
  const { rep } = await run(crm());
  const r1 = rep("R1").score.figures;
  expect(r1.creditedCents).toBe(8000000); // A1's June sale: R1 held it until 2026-07-05
  expect(r1.retention).toBe(1); // A1 bought in May (prior) and June
  expect(r1.retainedCents).toBe(8000000);
  expect(r1.satisfaction).toBe(4.5);
  const r2 = rep("R2").score.figures;
  expect(r2.creditedCents).toBe(3000000);
  expect(r2.retainedCents).toBe(3000000); // A2 only
  expect(r2.satisfaction).toBe(3);
});

test("a dimension nobody can have data for is dropped from the weights with a note, in both languages", async () => {
  const { ev, rep, r } = await run(crm());
  // Telling a won account from an old one needs the 12 months before the window; the data has 3 months.
  for (const s of ev.scorecard) expect(s.dimensions.newCustomers).toBeNull();
  expect(rep("R1").score.weights.newCustomers).toBe(0);
  // Satisfaction has no data either? It has (accounts' Satisfaction); teamwork has none: no ratings.
  expect(ev.notes.map((n) => renderIncentive(n, "en-US"))).toEqual([
    "New-customer development is left out of every score: nobody in the scope has data for it (sales history starts 3 months before the period; telling a new account from an old one needs the 12 months before the window).",
    "Teamwork is left out of every score: nobody in the scope has data for it (no rep has any).",
  ]);
  expect(renderIncentive(ev.notes[1], "zh-CN")).toBe("所有评分均不计“团队协作”：范围内无人有此项数据（无人有此数据）。");
  // R1: sales 80,000 / 100,000 → 80; satisfaction (4.5 − 1) / 4 → 87.5; retention 100; weights 0.4, 0.15, 0.1 over 0.65.
  expect(rep("R1").score.score).toBeCloseTo(Math.round(((80 * 0.4 + 87.5 * 0.15 + 100 * 0.1) / 0.65) * 10) / 10, 9);
  expect(r.issues).toEqual([]);
});

test("a profile needs profileMinMonths of history, else it says not enough history", async () => {
  const { rep } = await run(crm());
  const s = rep("R1").score;
  expect(s.profile).toBe("insufficient");
  expect(renderIncentive(s.profileEvidence, "en-US")).toBe("Not enough history: 3 months of sales data, a profile needs 6");
  expect(renderIncentive(s.profileEvidence, "zh-CN")).toBe("历史数据不足：仅有 3 个月的销售数据，画像需要 6 个月");
  const sheets = crm();
  sheets["Fairshare Settings"].push(["profileMinMonths", 3]);
  // With 3 months allowed, R1 is no hunter: whether an account was won in the last 12 months is unknown with 3 months of data.
  const again = await run(sheets);
  expect(again.rep("R1").score.profile).not.toBe("hunter");
  expect(again.rep("R2").score.profile).not.toBe("hunter");
});

test("no Quota column and no defaultQuota: no invented quota — no sales score, no team pool, and the scorecard and statement say why", async () => {
  const sheets = crm();
  sheets.Reps = sheets.Reps.map((row) => row.slice(0, 5));
  const { r, ev, rep } = await run(sheets);
  // A missing quota is a visible warning on the Data Check sheet (one for the roster), not only a scorecard note.
  expect(r.issues.map((i) => [i.severity, i.code, i.sheet, i.row, i.params])).toEqual([["warning", "quota_column_missing", "Reps", null, { count: 2, examples: "R1, R2" }]]);
  expect(r.issues[0].message).toBe(
    "The roster has no Quota column and defaultQuota is not set. Active reps without a quota: 2 (R1, R2); they get no sales score, commission threshold, accelerator or team bonus. Add a Quota column, or set defaultQuota.",
  );
  for (const s of ev.scorecard) expect(s.dimensions.sales).toBeNull();
  expect(ev.notes.map((n) => renderIncentive(n, "en-US"))).toContain(
    "2 reps have no quota (no Quota on the roster, no defaultQuota set): no sales score, commission threshold, accelerator or team bonus for them or their region's team.",
  );
  expect(ev.notes.map((n) => renderIncentive(n, "en-US"))).toContain("Sales against quota is left out of every score: nobody in the scope has data for it (no rep has any).");
  const team = rep("R1").statement.components.teamBonus;
  expect(team.amountCents).toBe(0);
  expect(renderIncentive(team.explanation, "en-US")).toBe("0: North has 2 reps without a quota, so the region's quota is unknown");
  expect(renderIncentive(team.explanation, "zh-CN")).toBe("0：North 有 2 名业务员没有指标，区域指标未知");
});

test("no Quota column: one warning on the Data Check sheet and in the CLI's grouped summary, in both languages; defaultQuota (or a region's) silences it for the reps it covers", async () => {
  const sheets = crm();
  sheets.Reps = sheets.Reps.map((row) => row.slice(0, 5));
  sheets.Reps.push(["R3", "Cy", "2019-01-01", "South", "Y"], ["R4", "Di", "2019-01-01", "South", "Y"]);
  const en = (await run(sheets)).r;
  const zh = await checkSheets(sheets, "zh-CN");
  // More than three reps: the first three, then an ellipsis.
  expect(en.issues.map((i) => i.message)).toEqual([
    "The roster has no Quota column and defaultQuota is not set. Active reps without a quota: 4 (R1, R2, R3, …); they get no sales score, commission threshold, accelerator or team bonus. Add a Quota column, or set defaultQuota.",
  ]);
  expect(zh.issues.map((i) => i.message)).toEqual([
    "花名册没有指标列且未设置 defaultQuota。没有指标的在职业务员：4 名（R1, R2, R3, …），不计销售评分、提成门槛、加速提成和团队奖。请添加指标列，或设置 defaultQuota。",
  ]);
  // The Data Check sheet: its grouped line above, the issue below.
  const check = dataCheckSheet(en);
  expect(check.preamble).toContainEqual(["Warning", "quota_column_missing", 1, en.issues[0].message]);
  expect(check.rows).toEqual([["Warning", "quota_column_missing", "Reps", null, null, en.issues[0].message]]);
  expect(dataCheckSheet(zh).preamble).toContainEqual(["警告", "quota_column_missing", 1, zh.issues[0].message]);
  // The CLI summary groups it like any other kind of issue.
  expect(issueLines(en.issues, "en-US").slice(1)).toEqual(["  warning quota_column_missing ×1", `      Reps: ${en.issues[0].message}`]);
  expect(issueLines(zh.issues, "zh-CN")[1]).toBe("  警告 quota_column_missing ×1");
  // A region's defaultQuota covers that region's reps only.
  sheets["Fairshare Settings"] = [["Setting", "Value", "South"], ["period", "2026-06", null], ["defaultQuota", null, 50000]];
  const south = (await run(sheets)).r;
  expect(south.issues.map((i) => i.params)).toEqual([{ count: 2, examples: "R1, R2" }]);
  sheets["Fairshare Settings"].push(["defaultQuota", 40000, null]);
  sheets["Fairshare Settings"].splice(2, 1);
  expect((await run(sheets)).r.issues).toEqual([]);
});

test("a blank Quota cell is a visible warning on its row; defaultQuota fills it only when someone set it", async () => {
  const sheets = crm();
  sheets.Reps[2][5] = null;
  const { r } = await run(sheets);
  expect(r.issues.map((i) => [i.code, i.row, i.column])).toEqual([["quota_missing", 3, "Quota"]]);
  sheets["Fairshare Settings"].push(["defaultQuota", 40000]);
  const withDefault = await run(sheets);
  expect(withDefault.r.issues).toEqual([]);
  expect(withDefault.rep("R2").score.figures.quotaCents).toBe(4000000);
});

test("a prorated statement says it was prorated", async () => {
  const sheets = crm();
  sheets.Reps[2][2] = "2026-06-16"; // 15 of June's 30 days
  const { rep } = await run(sheets);
  const s = rep("R2").statement;
  expect(rep("R2").score.figures.quotaCents).toBe(2500000);
  expect(renderIncentive(s.explanation, "en-US")).toMatch(/; quota prorated to 50% of the window \(employed 15 of 30 days\)$/);
  expect(renderIncentive(s.explanation, "zh-CN")).toMatch(/；指标按在职比例 50% 折算（在职 15 \/ 30 天）$/);
  expect(renderIncentive(rep("R1").statement.explanation, "en-US")).not.toMatch(/prorated/);
});
