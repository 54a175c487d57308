/**
 * zh-CN sheets show rule names and audit results in Chinese; everything that reads them back (apply, the
 * audit log, rejection memory, the team report) accepts both languages, and an old log written with English
 * codes keeps working in a Chinese workbook.
 */
import { parseAuditLog, pastMoves } from "../../../src/engine/allocation/audit";
import { AUDIT_RESULTS, auditResultLabel, auditResultOf, RULE_IDS, ruleIdOf, ruleLabel } from "../../../src/engine/allocation/ruleNames";
import type { Cell } from "../../../src/engine/table";
import { generateTeam } from "../../../src/sample/generateTeam";
import { applyApproved, runAllocation } from "../../../src/workbook/pipeline";
import { MemoryWorkbook } from "../../helpers/memoryWorkbook";
import { smallTeam } from "../../helpers/team";

describe("rule names and results, both directions", () => {
  test("every rule id and result has a Chinese word that reads back as it; English stays the code", () => {
    for (const id of RULE_IDS) {
      expect(ruleLabel(id, "en-US")).toBe(id);
      const zh = ruleLabel(id, "zh-CN");
      expect(zh).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(ruleIdOf(zh)).toBe(id);
      expect(ruleIdOf(id)).toBe(id);
      expect(ruleIdOf(id.toLowerCase().replace("_", " "))).toBe(id);
    }
    expect(new Set(RULE_IDS.map((id) => ruleLabel(id, "zh-CN"))).size).toBe(RULE_IDS.length);
    for (const r of AUDIT_RESULTS) {
      expect(auditResultLabel(r, "en-US")).toBe(r);
      expect(auditResultOf(auditResultLabel(r, "zh-CN"))).toBe(r);
      expect(auditResultOf(r.toUpperCase())).toBe(r);
    }
    expect(new Set(AUDIT_RESULTS.map((r) => auditResultLabel(r, "zh-CN"))).size).toBe(AUDIT_RESULTS.length);
    // Hand-typed text that names nothing stays comparable, not lost.
    expect(ruleIdOf("my rule")).toBe("MY_RULE");
    expect(auditResultOf("Pending ")).toBe("pending");
  });

  test("a log mixing an old English row and a Chinese row reads as codes", () => {
    const log = parseAuditLog({
      sheet: "Fairshare 审计日志",
      firstRow: 1,
      firstColumn: 1,
      values: [
        ["时间", "建议编号", "客户编号", "原负责人", "新负责人", "规则", "审批人", "结果", "建议表", "备注"],
        ["2026-02-01 09:00:00Z", "P202601-1-001", "A1", "R1", "R2", "ORPHAN", "Mia", "applied", "Fairshare Proposal 2026-01", ""],
        ["2026-03-01 09:00:00Z", "P202602-1-001", "A2", "R1", "R2", "停滞老员工", "王芳", "已执行", "Fairshare 调整建议 2026-02", ""],
        ["2026-03-01 09:00:00Z", "P202602-1-002", "A3", "R1", "R2", "休眠客户", "王芳", "冲突", "Fairshare 调整建议 2026-02", ""],
      ],
    });
    expect(log.map((r) => [r.rule, r.result])).toEqual([
      ["ORPHAN", "applied"],
      ["STAGNATION", "applied"],
      ["DORMANT", "conflict"],
    ]);
    expect(pastMoves(log).map((m) => m.proposalId)).toEqual(["P202601-1-001", "P202602-1-001"]);
  });
});

describe("a Chinese workbook's sheets", () => {
  function zhTeam() {
    const t = generateTeam({ reps: 24, accounts: 400, months: 14 });
    const sheets = Object.fromEntries(t.order.map((n) => [n, t.sheets[n]])) as Record<string, Cell[][]>;
    sheets["Fairshare Settings"] = [["Setting", "Value"], ["language", "zh-CN"]];
    return sheets;
  }

  test("proposal, watch list and funnel lines name rules in Chinese, never by code", async () => {
    const port = new MemoryWorkbook(zhTeam());
    const run = await runAllocation(port, { write: true });
    const sheet = (prefix: string) => run.sheets.find((s) => s.name.startsWith(prefix))!;
    const proposal = sheet("Fairshare 调整建议");
    const ruleCol = proposal.columns.findIndex((c) => c.header === "规则");
    const rules = new Set(proposal.rows.map((r) => r[ruleCol]));
    expect(rules.size).toBeGreaterThan(1);
    for (const r of rules) expect(RULE_IDS.map((id) => ruleLabel(id, "zh-CN"))).toContain(r);
    const text = (s: { preamble?: Cell[][]; rows: Cell[][] }) => JSON.stringify([s.preamble ?? [], s.rows]);
    const codes = /\b(ORPHAN|DORMANT|STAGNATION|UNDERSERVED|OVER_CAPACITY)\b(?!\})/;
    // rule.<ID> is a setting key and stays as it is; a bare code is a leak.
    expect(text(proposal).replace(/rule\.[A-Z_]+/g, "")).not.toMatch(codes);
    const watch = sheet("Fairshare 预警名单");
    expect(watch.rows.length).toBeGreaterThan(0);
    expect(text(watch).replace(/rule\.[A-Z_]+/g, "")).not.toMatch(codes);
    expect(new Set(watch.rows.map((r) => r[2]))).toEqual(new Set(run.allocation!.watch.map((w) => ruleLabel(w.rule, "zh-CN"))));
    // The JSON contract keeps the codes.
    expect(run.allocation!.moves.every((m) => RULE_IDS.includes(m.rule))).toBe(true);
  });

  test("apply writes Chinese rule and result into a new Chinese log, and English into an old English log", async () => {
    for (const oldLog of [null, "en"] as const) {
      const t = smallTeam();
      t.Reps[4][4] = "N";
      t["Fairshare Settings"].push(["language", "zh-CN"]);
      if (oldLog) t["Fairshare Audit Log"] = [["Timestamp", "Proposal ID", "Account ID", "From", "To", "Rule", "Approver", "Result", "Proposal Sheet", "Note"]];
      const port = new MemoryWorkbook(t);
      await runAllocation(port, { write: true });
      const proposal = port.sheets.get("Fairshare 调整建议 2026-03")!;
      const header = proposal.findIndex((r) => r[0] === "建议编号");
      proposal[header + 1][proposal[header].indexOf("审批结果")] = "同意";
      proposal[header + 1][proposal[header].indexOf("审批人")] = "王经理";
      const report = await applyApproved(port, { now: new Date(Date.UTC(2026, 3, 2)) });
      expect(report.outcome.applied.map((a) => a.rule)).toEqual(["ORPHAN"]);
      const log = port.sheets.get(oldLog ? "Fairshare Audit Log" : "Fairshare 审计日志")!;
      expect(log.slice(1).map((r) => [r[5], r[7]])).toEqual([oldLog ? ["ORPHAN", "applied"] : ["无主客户", "已执行"]]);
      // Read back: applying again is a no-op, and the next run knows the move happened.
      const again = await applyApproved(port, { now: new Date(Date.UTC(2026, 3, 3)) });
      expect([again.outcome.applied.length, again.outcome.alreadyApplied.length]).toEqual([0, 1]);
      expect(log).toHaveLength(2);
      const next = await runAllocation(port, { write: true });
      const team = next.sheets.find((s) => s.name.startsWith("Fairshare 团队报告"))!;
      const appliedCol = team.preamble![1].indexOf("已执行");
      expect(team.preamble![2][appliedCol]).toBe(1);
    }
  });
});
