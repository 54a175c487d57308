import { installFakeExcel, uninstallFakeExcel, FakeWorkbook } from "../../src/fakes/fakeExcel";
import { OfficeWorkbook } from "../../src/workbook/officeAdapter";
import { CancelledError, runAllocation } from "../../src/workbook/pipeline";
import { decidePending, describeData, InvalidSettingError, readSettingsView, repStatements, reviewStatus, saveSettings, signDecisions } from "../../src/workbook/panePipeline";
import { createActions } from "../../src/taskpane/officeActions";
import { REGISTRY } from "../../src/engine/settings";
import { crmExport } from "../helpers/crmExport";
import { smallTeam } from "../helpers/team";

afterEach(() => uninstallFakeExcel());

test("describeData: detected sheets, the header each field reads, and the headers to choose from", async () => {
  const t = smallTeam();
  t["People"] = t.Reps;
  delete (t as any).Reps;
  installFakeExcel(FakeWorkbook.from(t));
  const d = await describeData(new OfficeWorkbook());
  expect(d.candidates).toEqual(["Accounts", "Sales", "People"]);
  const reps = d.roles.find((r) => r.role === "reps")!;
  expect(reps.sheet).toBe("People");
  expect(reps.headers).toEqual(["Rep ID", "Name", "Hire Date", "Region", "Active", "Quota"]);
  expect(reps.fields.find((f) => f.key === "hireDate")!.header).toBe("Hire Date");
  expect(reps.fields.find((f) => f.key === "capacity")!.header).toBeNull();
  expect(d.roles.find((r) => r.role === "ratings")!.sheet).toBeNull();
});

test("saveSettings edits the settings sheet in place, adds rows and region columns, and validates first", async () => {
  const host = installFakeExcel(FakeWorkbook.from(smallTeam()));
  const port = new OfficeWorkbook();
  await saveSettings(port, [
    { key: "period", value: "2026-02" },
    { key: "releaseShare", value: 0.5 },
    { key: "releaseShare", value: 0.25, region: "North" },
    { key: "column.reps.quota", value: "Target" },
  ]);
  const v = host.workbook.sheet("Fairshare Settings").values();
  expect(v[0]).toEqual(["Setting", "Value", "North"]);
  expect(v[1]).toEqual(["period", "2026-02", ""]);
  expect(v.slice(2)).toEqual([
    ["releaseShare", 0.5, 0.25],
    ["column.reps.quota", "Target", ""],
  ]);
  const view = await readSettingsView(port, ["releaseShare", "period"]);
  expect(view.regions).toEqual(["North", "South"]);
  expect(view.settings[0]).toMatchObject({ value: 0.5, byRegion: { North: 0.25 } });
  await expect(saveSettings(port, [{ key: "releaseShare", value: 7 }])).rejects.toThrow(InvalidSettingError);
  await expect(saveSettings(port, [{ key: "seed", value: 3, region: "North" }])).rejects.toThrow(InvalidSettingError);
  expect(host.workbook.sheet("Fairshare Settings").values()).toEqual(v);
});

test("saveSettings creates a fully described settings sheet when the workbook has none", async () => {
  const t = smallTeam();
  delete (t as any)["Fairshare Settings"];
  const host = installFakeExcel(FakeWorkbook.from(t));
  await saveSettings(new OfficeWorkbook(), [{ key: "inactiveMonths", value: 9 }], "zh-CN");
  const v = host.workbook.sheet("Fairshare Settings").values();
  expect(v[0].slice(0, 3)).toEqual(["Setting", "Value", "说明"]);
  expect(v.find((r) => r[0] === "inactiveMonths")![1]).toBe(9);
  expect(v.length).toBeGreaterThan(30);
});

test("review counts, statements, activate, and cancel before writing", async () => {
  const t = smallTeam();
  const host = installFakeExcel(FakeWorkbook.from(t));
  const port = new OfficeWorkbook();
  // Cancelled: nothing is written.
  const names = host.workbook.sheetNames();
  await expect(runAllocation(port, { write: true, signal: { aborted: true } })).rejects.toThrow(CancelledError);
  expect(host.workbook.sheetNames()).toEqual(names);
  const steps: string[] = [];
  await createActions(port, "en-US").runAllocation({ progress: (s) => void steps.push(s) });
  expect(steps).toEqual(["detect", "read", "check", "check", "evaluate", "allocate", "write", "done"]);
  expect(await reviewStatus(port)).toMatchObject({ proposalSheet: "Fairshare Proposal 2026-03", approved: 0, rejected: 0, pending: 1, unreadable: 0, total: 1 });
  const s = await repStatements(port, "en-US");
  expect(s.period).toBe("2026-03");
  expect(s.reps.map((r) => r.repId)).toEqual(["R1", "R2", "R3"]);
  const r1 = s.reps[0];
  expect(r1.components.map((c) => c.label)).toEqual(["Commission", "New-customer bonus", "Retention bonus", "Handover split", "Team bonus", "Clawback", "SPIF", "Draw"]);
  expect(r1.components.reduce((a, c) => a + c.amountCents, 0)).toBe(r1.totalCents);
  expect(r1.teamSize).toBe(3);
  await createActions(port, "en-US").activate("Accounts", 3, "Owner");
  expect(host.workbook.activeSheet?.name).toBe("Accounts");
  // the issue's column "Owner" is column C; row 3 → C3 selected
  expect((host.workbook as any).selection.rect).toEqual({ r0: 2, c0: 2, nr: 1, nc: 1 });
});

test("the workbook's language setting is what the pane reads to override Office's language", async () => {
  const t = smallTeam();
  installFakeExcel(FakeWorkbook.from(t));
  expect(await createActions(new OfficeWorkbook(), "en-US").settingsLanguage()).toBeNull();
  uninstallFakeExcel();
  t["Fairshare Settings"].push(["language", "zh-CN"]);
  installFakeExcel(FakeWorkbook.from(t));
  expect(await createActions(new OfficeWorkbook(), "en-US").settingsLanguage()).toBe("zh-CN");
});

describe("describeData on a raw CRM export", () => {
  test("derived fields are not reported missing; shared columns show under both fields", async () => {
    installFakeExcel(FakeWorkbook.from(crmExport()));
    const d = await describeData(new OfficeWorkbook());
    const fields = (role: string) => Object.fromEntries(d.roles.find((r) => r.role === role)!.fields.map((f) => [f.key, [f.header, f.required, f.derived ?? false]]));
    expect(fields("reps")).toMatchObject({ repId: ["sales_agent", true, false], name: ["sales_agent", true, false], hireDate: [null, false, true], region: ["regional_office", true, false] });
    expect(fields("accounts")).toMatchObject({ accountId: ["account", true, false], owner: [null, false, true], region: [null, false, true] });
    expect(fields("sales")).toMatchObject({ date: ["close_date", true, false], amount: ["close_value", true, false], stage: ["deal_stage", false, false] });
  });
});

test("the pane's Run on a raw CRM export (fake Excel): no errors, and the settings sheet it lacked is written", async () => {
  installFakeExcel(FakeWorkbook.from(crmExport()));
  const run = await runAllocation(new OfficeWorkbook(), { displayLanguage: "en-US", write: true });
  // The export has no quotas: that one warning (issue 12), nothing else.
  expect(run.result.issues.filter((i) => i.severity !== "info").map((i) => i.code)).toEqual(["quota_column_missing"]);
  expect(run.written).toEqual(expect.arrayContaining(["Fairshare Data Check", "Fairshare Proposal 2017-12", "Fairshare Settings"]));
});

test("the pane's 'list every setting' keeps the user's rows and adds the missing ones (fake Excel)", async () => {
  const t = smallTeam(); // its settings sheet has only period
  installFakeExcel(FakeWorkbook.from(t));
  const actions = createActions(new OfficeWorkbook(), "en-US");
  const added = await actions.completeSettings();
  expect(added).toEqual(REGISTRY.defs.map((d) => d.key).filter((k) => k !== "period"));
  const [sheet] = await new OfficeWorkbook().readTables(["Fairshare Settings"]);
  expect(sheet.values[1].slice(0, 2)).toEqual(["period", "2026-03"]);
  expect(sheet.values.length).toBe(1 + REGISTRY.defs.length);
  expect(await actions.completeSettings()).toEqual([]);
});

test("the run waits for each progress report (the pane paints it and handles Cancel), and a Cancel pressed meanwhile stops it with nothing written", async () => {
  for (const at of ["read", "check", "evaluate", "allocate"]) {
    const host = installFakeExcel(FakeWorkbook.from(smallTeam()));
    const names = host.workbook.sheetNames();
    const signal = { aborted: false };
    // The pane's listener: the click is handled in a later task, while the run waits for the paint.
    const progress = (step: string) =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          if (step === at) signal.aborted = true;
          resolve();
        }, 0)
      );
    await expect(runAllocation(new OfficeWorkbook(), { write: true, progress, signal })).rejects.toThrow(CancelledError);
    expect({ at, sheets: host.workbook.sheetNames() }).toEqual({ at, sheets: names });
    uninstallFakeExcel();
  }
});

test("bulk decisions: every undecided row of one rule with a recipient gets the sheet's word and the approver; decided rows, rows without a recipient and other rules stay; unsigned decisions get signed", async () => {
  const host = installFakeExcel(FakeWorkbook.from(crmExport()));
  const port = new OfficeWorkbook();
  await runAllocation(port, { displayLanguage: "en-US", write: true });
  const sheet = "Fairshare Proposal 2017-12";
  const values = () => host.workbook.sheet(sheet).values();
  const header = values().findIndex((r) => r.includes("Proposal ID"));
  const col = (name: string) => values()[header].indexOf(name);
  const rows = () => values().slice(header + 1).filter((r) => r[col("Proposal ID")] !== "");
  const rules = [...new Set(rows().map((r) => String(r[col("Rule")])))];
  expect(rows().length).toBeGreaterThan(1);
  // One row decided by hand first (in the grid): the bulk action must leave it alone.
  const first = header + 1;
  await port.updateCells([{ sheet, row: first + 1, column: col("Decision") + 1, value: "Reject" }]);
  const rule = String(rows()[rows().length - 1][col("Rule")]);
  const ofRule = rows().filter((r, i) => i > 0 && r[col("Rule")] === rule);
  const expected = ofRule.filter((r) => r[col("To")] !== "").length;
  const status = await reviewStatus(port);
  expect(status.pendingByRule[rule]).toBe(ofRule.length);
  expect(Object.values(status.pendingByRule).reduce((a, b) => a + b, 0)).toBe(status.pending);
  expect(status.pendingRows.length).toBe(status.pending);
  // Each undecided row knows its region (the From rep's on the roster, else the To rep's) and its value.
  expect(status.pendingRows.filter((r) => r.placed && r.region === "")).toEqual([]);
  expect(status.pendingRows.every((r) => typeof r.value === "number")).toBe(true);

  expect(await decidePending(port, { decision: "approve", filter: { kind: "rule", value: rule }, approver: "Mei Lin" })).toEqual({ proposalSheet: sheet, decided: expected });
  for (const [i, r] of rows().entries()) {
    const want = i === 0 ? ["Reject", ""] : r[col("Rule")] === rule && r[col("To")] !== "" ? ["Approve", "Mei Lin"] : ["", ""];
    expect({ i, got: [r[col("Decision")], r[col("Approver")]] }).toEqual({ i, got: want });
  }
  expect((await reviewStatus(port)).pendingByRule[rule]).toBe(ofRule.length - expected || undefined);
  expect(rules.length === 1 || (await reviewStatus(port)).pending > 0).toBe(true);

  // The hand-made Reject has no approver: signing fills only that one.
  expect(await signDecisions(port, " Ana Ruiz ")).toBe(1);
  expect(rows()[0][col("Approver")]).toBe("Ana Ruiz");
  expect(rows().filter((r) => r[col("Approver")] === "Mei Lin").length).toBe(expected);
});
