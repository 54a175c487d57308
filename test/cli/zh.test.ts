import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { writeSheets } from "../../src/cli/writeTable";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsAdapter";
import { decideFirstRow } from "../helpers/cli";
import { smallTeam } from "../helpers/team";

const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-zh-"));
const quiet = { stdout: () => undefined, stderr: () => undefined };

test("a Chinese workbook: Chinese sheet names, headers and rule names, 同意 applies, the audit log is Chinese and reads back", async () => {
  const t = smallTeam();
  t["Fairshare Settings"].push(["language", "zh-CN"]);
  const book = path.join(tmp, "zh.xlsx");
  await writeSheets(book, t, Object.keys(t));
  const ran = path.join(tmp, "zh.run.xlsx");
  expect(await main(["run", book, "--out", ran, "--json", path.join(tmp, "run.json"), "--quiet"], quiet)).toBe(0);
  const run = JSON.parse(readFileSync(path.join(tmp, "run.json"), "utf8"));
  expect(run.sheetsWritten).toEqual(["Fairshare 数据检查", "Fairshare 客户资源快照", "Fairshare 调整建议 2026-03", "Fairshare 公平性 2026-03", "Fairshare 回收预警 2026-03", "Fairshare 预警名单 2026-03", "Fairshare 团队报告 2026-03", "Fairshare 评分卡 2026-03", "Fairshare 激励明细 2026-03"]);
  const move = run.reassignments[0];
  expect(move.reason).toBe("负责人 R4 已离职。");

  const wb = await ExcelJsWorkbook.open(ran);
  // The rule by its Chinese name, never the English code.
  const [proposal] = await wb.readTables(["Fairshare 调整建议 2026-03"]);
  const header = proposal.values.findIndex((r) => r[0] === "建议编号");
  expect(proposal.values[header + 1][proposal.values[header].indexOf("规则")]).toBe("无主客户");
  decideFirstRow(wb.workbook, "Fairshare 调整建议 2026-03", "建议编号", { decision: "审批结果", approver: "审批人" }, { decision: "同意", approver: "王经理" });
  const decided = path.join(tmp, "zh.decided.xlsx");
  await wb.save(decided);
  const applied = path.join(tmp, "zh.applied.xlsx");
  expect(await main(["apply", decided, "--out", applied, "--json", path.join(tmp, "apply.json"), "--quiet"], quiet)).toBe(0);
  const out = JSON.parse(readFileSync(path.join(tmp, "apply.json"), "utf8"));
  expect(out.proposalSheet).toBe("Fairshare 调整建议 2026-03");
  expect(out.applied.map((a: any) => [a.accountId, a.from, a.to])).toEqual([[move.accountId, move.fromRepId, move.toRepId]]);
  const [log] = await (await ExcelJsWorkbook.open(applied)).readTables(["Fairshare 审计日志"]);
  expect(log.values[0]).toEqual(["时间", "建议编号", "客户编号", "原负责人", "新负责人", "规则", "审批人", "结果", "建议表", "备注"]);
  expect(log.values[1].slice(1, 8)).toEqual([move.proposalId, move.accountId, move.fromRepId, move.toRepId, "无主客户", "王经理", "已执行"]);
  // Applying again reads "已执行" back as applied: nothing changes and nothing is logged twice.
  const again = path.join(tmp, "zh.again.xlsx");
  expect(await main(["apply", applied, "--out", again, "--json", path.join(tmp, "again.json"), "--quiet"], quiet)).toBe(0);
  const second = JSON.parse(readFileSync(path.join(tmp, "again.json"), "utf8"));
  expect([second.applied.length, second.alreadyApplied.map((a: any) => [a.accountId, a.rule])]).toEqual([0, [[move.accountId, "ORPHAN"]]]);
  const [log2] = await (await ExcelJsWorkbook.open(again)).readTables(["Fairshare 审计日志"]);
  expect(log2.values).toHaveLength(2);
});
