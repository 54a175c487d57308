import { installFakeExcel, uninstallFakeExcel, FakeWorkbook } from "../../src/fakes/fakeExcel";
import { OfficeWorkbook } from "../../src/workbook/officeAdapter";
import { applyApproved, runAllocation, runCheck } from "../../src/workbook/pipeline";
import { createActions } from "../../src/taskpane/officeActions";
import { generateTeam } from "../../src/sample/generateTeam";
import { smallTeam } from "../helpers/team";
import type { Cell } from "../../src/engine/table";
import { HEADER_SCAN_ROWS } from "../../src/engine/detect";

afterEach(() => uninstallFakeExcel());

function team(accounts: number) {
  const t = generateTeam({ reps: 20, accounts, months: 12, dates: "serial" });
  return Object.fromEntries(t.order.map((n) => [n, t.sheets[n]])) as Record<string, Cell[][]>;
}

describe("the pipeline through the Office adapter on the fake Excel host", () => {
  test.each([
    ["Sales", "found by its name"],
    ["Export 2026", "found by its headers"],
  ])("a pane start on a workbook with a 1,000,000-row sales sheet (%s, %s) reads only header rows", async (name) => {
    const t = team(100);
    const wb = FakeWorkbook.from(Object.fromEntries(Object.entries(t).map(([n, rows]) => [n === "Sales" ? name : n, rows])));
    // The sales sheet's used range now reaches row 1,000,000 (Excel's documented used-range rule).
    const sales = wb.sheet(name);
    const width = sales.usedRange(true)!.columnCount;
    sales.seed(`A1000000`, [Array.from({ length: width }, (_, i) => (i === 0 ? 46000 : "x"))]);
    const host = installFakeExcel(wb);
    host.resetSyncs();
    await createActions(new OfficeWorkbook(), "en-US").settingsLanguage();
    const bytesRead = host.syncs.reduce((n, s) => n + s.responseBytes, 0);
    // Reading all of Sales would be ~1,000,000 × width cells (megabytes); the header peek is a few rows per sheet.
    expect(bytesRead).toBeLessThan(100_000);
    // Only the settings sheet is read whole; of any other sheet at most the rows a header search looks at.
    for (const read of host.valueReads.filter((r) => r.sheet !== "Fairshare Settings")) expect(read.rowIndex + read.rowCount).toBeLessThanOrEqual(HEADER_SCAN_ROWS * 3);
    expect(host.cellsRead().get(name) ?? 0).toBeLessThanOrEqual(HEADER_SCAN_ROWS * 3 * width);
    if (name !== "Sales") expect(host.cellsRead().get(name)).toBeGreaterThan(0); // the header search did look
  });

  test("a full Run from the pane reads each input cell once, and no cell of another sheet", async () => {
    const wb = FakeWorkbook.from(team(600));
    const inputs = ["Reps", "Accounts", "Sales", "Ratings", "Fairshare Settings"];
    expect(wb.sheetNames()).toEqual(inputs);
    const host = installFakeExcel(wb);
    /** How often each cell of each input sheet's used range was loaded, and how many loaded cells fell outside one. */
    const coverage = () => {
      const counts = new Map<string, Uint8Array>();
      let outside = 0;
      for (const name of inputs) {
        const used = host.workbook.sheet(name).usedRange(true)!;
        counts.set(name, new Uint8Array(used.rowCount * used.columnCount));
      }
      for (const read of host.valueReads) {
        const used = host.workbook.findSheet(read.sheet)?.usedRange(true);
        const count = counts.get(read.sheet);
        for (let r = read.rowIndex; r < read.rowIndex + read.rowCount; r++) {
          for (let c = read.columnIndex; c < read.columnIndex + read.columnCount; c++) {
            const i = used ? r - used.rowIndex : -1;
            const j = used ? c - used.columnIndex : -1;
            if (!count || !used || i < 0 || j < 0 || i >= used.rowCount || j >= used.columnCount) outside++;
            else count[i * used.columnCount + j]++;
          }
        }
      }
      return { counts, outside };
    };
    for (const run of ["first run", "rerun (its own earlier sheets in the workbook)"]) {
      host.resetSyncs();
      const summary = await createActions(new OfficeWorkbook(), "en-US").runAllocation();
      expect(summary.errorCount).toBe(0);
      const { counts, outside } = coverage();
      for (const [sheet, count] of counts) {
        const times = new Set(count);
        expect({ run, sheet, times: [...times] }).toEqual({ run, sheet, times: [1] });
      }
      // The only other sheet a run reads is its own newest proposal (to see whether it holds decisions): not an input.
      const others = [...new Set(host.valueReads.map((r) => r.sheet).filter((n) => !inputs.includes(n)))];
      expect({ run, others: others.map((n) => n.replace(/\d{4}-\d{2}$/, "<period>")) }).toEqual({ run, others: run === "first run" ? [] : ["Fairshare Proposal <period>"] });
      expect(outside).toBe(others.reduce((n, sheet) => n + (host.cellsRead().get(sheet) ?? 0), 0));
    }
  });

  test("a Check takes the same small number of syncs for 100 and 3,000 accounts", async () => {
    const counts: number[] = [];
    for (const n of [100, 3000]) {
      const host = installFakeExcel(FakeWorkbook.from(team(n)));
      host.resetSyncs();
      const summary = await createActions(new OfficeWorkbook(), "en-US").checkData();
      expect(summary.errorCount).toBe(0);
      expect(summary.sheetsWritten).toEqual(["Fairshare Data Check", "Fairshare Portfolio"]);
      counts.push(host.syncCount);
      uninstallFakeExcel();
    }
    expect(counts[0]).toBe(counts[1]);
    // Each read lists the sheets and loads the used ranges' shapes before their values (documented calls only, no
    // whole-range load that Excel answers with null above 5M cells): two small syncs more per read than before.
    expect(counts[0]).toBeLessThanOrEqual(10);
  });

  test("a run's syncs do not grow with the data, and its sheets land in the workbook", async () => {
    const counts: number[] = [];
    for (const n of [150, 3000]) {
      const host = installFakeExcel(FakeWorkbook.from(team(n)));
      host.resetSyncs();
      const run = await runAllocation(new OfficeWorkbook(), { write: true, displayLanguage: "en-US" });
      expect(run.allocation!.moves.length).toBeGreaterThan(0);
      counts.push(host.syncCount);
      expect(host.workbook.sheetNames()).toEqual(expect.arrayContaining(run.written));
      expect(host.maxPayloadBytes).toBeLessThan(5 * 1024 * 1024);
      // the native chart of value per rep before/after sits on the fairness sheet, over Rep ID and both values
      const fairness = run.written.find((n) => n.startsWith("Fairshare Fairness"))!;
      const charts = host.workbook.sheet(fairness).charts;
      expect(charts.map((c) => [c.type, c.title])).toEqual([["ColumnClustered", "12-month value per rep, before and after"]]);
      expect(charts[0].sourceAddress).toBe(`'${fairness}'!A${run.sheets.find((s) => s.name === fairness)!.preamble!.length + 2}:C${run.sheets.find((s) => s.name === fairness)!.preamble!.length + 2 + run.result.portfolio.length}`);
      uninstallFakeExcel();
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(10);
  });

  test("the team report gets a native line chart of the whole team's Gini by month", async () => {
    const host = installFakeExcel(FakeWorkbook.from(team(150)));
    const run = await runAllocation(new OfficeWorkbook(), { write: true, displayLanguage: "en-US" });
    const name = run.written.find((n) => n.startsWith("Fairshare Team Report"))!;
    const header = run.sheets.find((s) => s.name === name)!.preamble!.length + 2;
    const charts = host.workbook.sheet(name).charts;
    expect(charts.map((c) => [c.type, c.title, c.sourceAddress, c.seriesBy])).toEqual([["Line", "Gini by month (lower is fairer)", `'${name}'!A${header}:B${header + 12}`, "Columns"]]);
    expect(host.workbook.sheet(name).values(`A${header}:B${header}`)).toEqual([["Month", "Gini All regions"]]);
  });

  test("the pane's Run allocation and Apply approved actions, through the Office adapter", async () => {
    const t = smallTeam();
    t.Reps[4][4] = "N";
    installFakeExcel(FakeWorkbook.from(t));
    const actions = createActions(new OfficeWorkbook(), "zh-CN");
    const run = await actions.runAllocation();
    expect(run.errorCount).toBe(0);
    expect(run.movesByRule.ORPHAN).toBe(1);
    // a Chinese Excel gets Chinese sheet names
    expect(run.sheetsWritten).toEqual([
      "Fairshare 数据检查",
      "Fairshare 客户资源快照",
      "Fairshare 调整建议 2026-03",
      "Fairshare 公平性 2026-03",
      "Fairshare 回收预警 2026-03",
      "Fairshare 预警名单 2026-03",
      "Fairshare 团队报告 2026-03",
      "Fairshare 评分卡 2026-03",
      "Fairshare 激励明细 2026-03",
    ]);
    const applied = await actions.applyApproved();
    expect(applied).toEqual({ proposalSheet: "Fairshare 调整建议 2026-03", applied: 0, alreadyApplied: 0, rejected: 0, pending: 1, conflicts: [] });
  });

  test("the sample team's scorecard and incentive statements land in the workbook and add up", async () => {
    const host = installFakeExcel(FakeWorkbook.from(team(600)));
    const run = await runAllocation(new OfficeWorkbook(), { write: true, displayLanguage: "zh-CN" });
    const period = run.written.find((n) => n.startsWith("Fairshare 激励明细"))!;
    expect(run.written).toEqual(expect.arrayContaining([period.replace("激励明细", "评分卡")]));
    const rows = host.workbook.sheet(period).values();
    const header = rows.findIndex((r) => r[0] === "工号");
    const body = rows.slice(header + 1);
    // Independent path: add the component rows of each rep as the sheet shows them, compare with its 合计 row.
    const totals = new Map<string, number>();
    const sums = new Map<string, number>();
    for (const r of body) {
      const cents = Math.round((r[6] as number) * 100);
      if (r[3] === "合计") totals.set(r[0] as string, cents);
      else sums.set(r[0] as string, (sums.get(r[0] as string) ?? 0) + cents);
    }
    expect(totals.size).toBe(run.evaluation!.incentives.length);
    for (const [rep, total] of totals) expect(sums.get(rep)).toBe(total);
    expect(body.filter((r) => r[3] === "提成").every((r) => /^[\d,.]+ = /.test(String(r[7])) || String(r[7]).startsWith("0"))).toBe(true);
  });

  test("names that start with = + - @ stay text in every sheet Fairshare writes", async () => {
    const t = smallTeam();
    t.Reps[1][1] = "=HYPERLINK(\"http://x\",\"click\")";
    t.Reps[2][1] = "+1-555-0100";
    t.Accounts[1][1] = "@SUM(A1)";
    t.Accounts[2][1] = "-Beta Co";
    const host = installFakeExcel(FakeWorkbook.from(t));
    const run = await runAllocation(new OfficeWorkbook(), { write: true, displayLanguage: "en-US" });
    expect(run.written.length).toBeGreaterThan(2);
    expect(host.workbook.formulaCells()).toEqual([]);
    const portfolio = host.workbook.sheet("Fairshare Portfolio").values();
    expect(portfolio.flat()).toEqual(expect.arrayContaining(["=HYPERLINK(\"http://x\",\"click\")", "+1-555-0100"]));
  });

  test("apply through the Office adapter: one Owner cell per approved row, then nothing the second time", async () => {
    const t = smallTeam();
    t.Reps[4][4] = "N"; // R4 left: A5 becomes an orphan
    const host = installFakeExcel(FakeWorkbook.from(t));
    const port = new OfficeWorkbook();
    const run = await runAllocation(port, { write: true, displayLanguage: "en-US" });
    const move = run.allocation!.moves.find((m) => m.rule === "ORPHAN" && m.to >= 0)!;
    expect(move).toBeDefined();
    const ws = host.workbook.sheet("Fairshare Proposal 2026-03");
    const values = ws.values();
    const header = values.findIndex((r) => r[0] === "Proposal ID");
    const r = values.findIndex((row) => row[0] === move.proposalId);
    const decisionCol = values[header].indexOf("Decision");
    const ctxRun = (globalThis as any).Excel.run;
    await ctxRun(async (context: any) => {
      context.workbook.worksheets.getItem("Fairshare Proposal 2026-03").getCell(r, decisionCol).values = [["Approve"]];
      await context.sync();
    });
    const before = host.workbook.sheet("Accounts").values();
    host.resetSyncs();
    const first = await applyApproved(port, { now: new Date(Date.UTC(2026, 3, 2, 9, 0, 0)) });
    // Constant in the number of rows: the sheets, three reads (sheets, shapes, values each), the Owner cells' formats,
    // their write and a recalculation, then the audit log's append (sheets, shape, write, recalculation).
    expect(host.syncCount).toBeLessThanOrEqual(13);
    expect(host.workbook.calculationPending).toBe(false);
    expect(first.outcome.applied.map((e) => e.proposalId)).toEqual([move.proposalId]);
    const after = host.workbook.sheet("Accounts").values();
    const diffs: string[] = [];
    before.forEach((row, i) => row.forEach((v, j) => v !== after[i][j] && diffs.push(`${i + 1}:${j + 1}:${v}→${after[i][j]}`)));
    const toId = run.result.model.reps[move.to].id;
    expect(diffs).toEqual([`6:3:R4→${toId}`]);
    const log = host.workbook.sheet("Fairshare Audit Log").values();
    expect(log.slice(1).map((x) => [x[0], x[1], x[7]])).toEqual([["2026-04-02 09:00:00Z", move.proposalId, "applied"]]);
    const second = await applyApproved(port, { now: new Date(Date.UTC(2026, 3, 3)) });
    expect(second.outcome.alreadyApplied.map((e) => e.proposalId)).toEqual([move.proposalId]);
    expect(host.workbook.sheet("Accounts").values()).toEqual(after);
    expect(host.workbook.sheet("Fairshare Audit Log").values()).toEqual(log);
  });

  test("a rerun replaces its own undecided sheets in place without extra syncs; once decided, the next run writes #2", async () => {
    const t = smallTeam();
    t.Reps[4][4] = "N"; // R4 left: A5 becomes an orphan
    const host = installFakeExcel(FakeWorkbook.from(t));
    const port = new OfficeWorkbook();
    host.resetSyncs();
    const first = await runAllocation(port, { write: true, displayLanguage: "en-US" });
    const firstSyncs = host.syncCount;
    expect(first.replaced).toEqual([]);
    expect(first.allocation!.moves[0].proposalId).toBe("P202603-1-001");
    // Someone adds a sheet of their own after the run and moves it between ours; the rerun must leave it
    // where it is and put each replaced sheet back in its place.
    await (globalThis as any).Excel.run(async (context: any) => {
      context.workbook.worksheets.add("My notes").position = 5;
      await context.sync();
    });
    const tabs = host.workbook.sheetNames();
    expect(tabs.indexOf("My notes")).toBe(5);
    host.resetSyncs();
    const second = await runAllocation(port, { write: true, displayLanguage: "en-US" });
    // Two more syncs than the first run: the header peek at "My notes" (it might be an input) lists the sheets and
    // finds its used range empty, so no values are loaded; replacing costs none.
    expect(host.syncCount).toBe(firstSyncs + 2);
    expect(second.replaced.sort()).toEqual([...first.written].sort());
    expect(host.workbook.sheetNames()).toEqual(tabs);
    expect(second.allocation!.moves[0].proposalId).toBe("P202603-2-001");
    // A decision in the proposal: it stays, and the next run's period sheets get "#2" (Data Check and Portfolio are replaced).
    const values = host.workbook.sheet("Fairshare Proposal 2026-03").values();
    const header = values.findIndex((r) => r[0] === "Proposal ID");
    await (globalThis as any).Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem("Fairshare Proposal 2026-03").getCell(header + 1, values[header].indexOf("Decision")).values = [["Reject"]];
      await context.sync();
    });
    const third = await runAllocation(port, { write: true, displayLanguage: "en-US" });
    expect(third.written).toEqual([
      "Fairshare Data Check",
      "Fairshare Portfolio",
      "Fairshare Proposal 2026-03 #2",
      "Fairshare Fairness 2026-03 #2",
      "Fairshare At Risk 2026-03 #2",
      "Fairshare Watch 2026-03 #2",
      "Fairshare Team Report 2026-03",
      "Fairshare Scorecard 2026-03 #2",
      "Fairshare Incentives 2026-03 #2",
    ]);
    expect(third.replaced.sort()).toEqual(["Fairshare Data Check", "Fairshare Portfolio", "Fairshare Team Report 2026-03"]);
    expect(host.workbook.sheetNames().filter((n) => n.startsWith("Fairshare Proposal"))).toEqual(["Fairshare Proposal 2026-03", "Fairshare Proposal 2026-03 #2"]);
    expect(third.allocation!.moves[0].proposalId).toBe("P202603-3-001");
  });

  test("only our own output sheets can be replaced", async () => {
    installFakeExcel(FakeWorkbook.from(smallTeam()));
    const port = new OfficeWorkbook();
    for (const name of ["Reps", "Fairshare Settings", "Fairshare Audit Log"]) {
      await expect(port.addSheets([], { replace: [name] })).rejects.toThrow(/only Fairshare output sheets are replaced/);
    }
  });
});
