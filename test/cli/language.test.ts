/**
 * Every line the CLI prints follows --lang (and the workbook's language setting): usage problems,
 * output-path problems, unreadable files, apply's conflicts and the audit log's notes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli, decideFirstRow } from "../helpers/cli";
import { writeSheets } from "../../src/cli/writeTable";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsAdapter";
import { smallTeam } from "../helpers/team";

const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-lang-"));


describe("a bad command line is answered in the language asked for, in one line", () => {
  test.each([
    [["frobnicate", "--lang", "zh-CN"], "fairshare：未知命令“frobnicate”（参见 fairshare --help）\n"],
    [["frobnicate", "--lang", "en-US"], "fairshare: unknown command “frobnicate” (see fairshare --help)\n"],
    [["check", "--bogus", "--lang=zh-CN"], "fairshare：未知选项 --bogus（参见 fairshare --help）\n"],
    [["check", "--bogus"], "fairshare: unknown option --bogus (see fairshare --help)\n"],
    [["run", "x.xlsx", "--out", "--lang", "zh-CN"], "fairshare：选项 --out 需要一个值（参见 fairshare --help）\n"],
    [["check", "x.xlsx", "--lang", "zh-CN"], "fairshare：文件不存在：x.xlsx（参见 fairshare --help）\n"],
    [["run", "x.xlsx", "--lang", "zh-CN"], "fairshare：文件不存在：x.xlsx（参见 fairshare --help）\n"],
    [["--lang", "zh-CN"], "fairshare：未指定命令（参见 fairshare --help）\n"],
  ])("%j", async (argv, expected) => {
    const r = await cli(...argv);
    expect([r.code, r.stderr, r.stdout]).toEqual([2, expected, ""]);
  });

  test("--help in Chinese", async () => {
    const r = await cli("--help", "--lang", "zh-CN");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("用法：");
    expect(r.stdout).toContain("退出码：0 成功（可有警告），1 数据有错误，2 用法错误或文件无法读取。");
  });
});

describe("output paths and unreadable files, in Chinese", () => {
  test("the JSON report may not overwrite the input", async () => {
    const book = path.join(tmp, "team.xlsx");
    await writeSheets(book, smallTeam(), Object.keys(smallTeam()));
    const r = await cli("check", book, "--json", book, "--lang", "zh-CN");
    expect([r.code, r.stderr]).toEqual([2, `fairshare：--json ${book} 就是输入工作簿：Fairshare 从不覆盖输入文件（参见 fairshare --help）\n`]);
  });

  test.each([
    ["empty.xlsx", "", "是空文件（0 字节），不是工作簿"],
    ["export.xlsx", "a,b,c\n1,2,3\n", "是文本（CSV）文件，不是 .xlsx 工作簿：请在 Excel 中打开并另存为 .xlsx"],
  ])("%s", async (name, content, problem) => {
    const file = path.join(tmp, name);
    writeFileSync(file, content);
    const r = await cli("check", file, "--lang", "zh-CN");
    expect([r.code, r.stderr.split("\n").filter((l) => !l.startsWith("fairshare：打开"))]).toEqual([2, [`fairshare：${file}：${problem}`, ""]]);
  });
});

test("apply in a Chinese workbook: the conflict in the summary and in the audit log's note are Chinese", async () => {
  const t = smallTeam();
  t["Fairshare Settings"].push(["language", "zh-CN"]);
  const book = path.join(tmp, "zh-conflict.xlsx");
  await writeSheets(book, t, Object.keys(t));
  const ran = path.join(tmp, "zh-conflict.run.xlsx");
  expect((await cli("run", book, "--out", ran, "--json", path.join(tmp, "zh-conflict.json"), "--quiet")).code).toBe(0);
  const move = JSON.parse(readFileSync(path.join(tmp, "zh-conflict.json"), "utf8")).reassignments[0];
  // A5 (owner R4, who left) goes to R3; before apply, someone gives A5 to R1 by hand.
  expect([move.accountId, move.fromRepId, move.toRepId]).toEqual(["A5", "R4", "R3"]);

  const wb = await ExcelJsWorkbook.open(ran);
  const accounts = wb.workbook.getWorksheet("Accounts")!;
  accounts.getRow(6).getCell(3).value = "R1";
  decideFirstRow(wb.workbook, "Fairshare 调整建议 2026-03", "建议编号", { decision: "审批结果", approver: "审批人" }, { decision: "同意", approver: "王经理" });
  const decided = path.join(tmp, "zh-conflict.decided.xlsx");
  await wb.save(decided);

  const applied = path.join(tmp, "zh-conflict.applied.xlsx");
  const r = await cli("apply", decided, "--out", applied, "--json", path.join(tmp, "zh-apply.json"));
  expect(r.code).toBe(0);
  expect(r.stdout.split("\n")).toContain(`  冲突 ${move.proposalId}（A5）：负责人已变为“R1”`);
  // The JSON keeps its English detail (a contract for scripts) and gains the reason's key.
  const json = JSON.parse(readFileSync(path.join(tmp, "zh-apply.json"), "utf8"));
  expect(json.conflicts.map((c: { detail: string; reason: { key: string } }) => [c.detail, c.reason.key])).toEqual([["owner is now “R1”", "conflict.ownerChanged"]]);
  const [log] = await (await ExcelJsWorkbook.open(applied)).readTables(["Fairshare 审计日志"]);
  expect(log.values[1].slice(7)).toEqual(["冲突", "Fairshare 调整建议 2026-03", "负责人已变为“R1”"]);
});
