import { countBySeverity, groupIssues } from "../../src/engine/report/issueGroups";
import { dataCheckSheet } from "../../src/engine/report/sheets";
import { crmExport } from "../helpers/crmExport";
import { checkSheets } from "../helpers/team";

type I = { severity: "error" | "warning" | "info"; code: string; row: number };
const w = (code: string, row: number): I => ({ severity: "warning", code, row });

describe("groupIssues", () => {
  test("one group per code with its count and first three examples; errors first, then warnings, then notes", () => {
    const issues: I[] = [
      w("unknown_account", 2),
      { severity: "info", code: "deals_skipped", row: 0 },
      w("bad_date", 3),
      ...[4, 5, 6, 7, 8].map((r) => w("unknown_account", r)),
      { severity: "error", code: "duplicate_rep_id", row: 9 },
    ];
    const groups = groupIssues(issues);
    expect(groups.map((g) => [g.severity, g.code, g.count, g.examples.map((e) => e.row)])).toEqual([
      ["error", "duplicate_rep_id", 1, [9]],
      ["warning", "unknown_account", 6, [2, 4, 5]],
      ["warning", "bad_date", 1, [3]],
      ["info", "deals_skipped", 1, [0]],
    ]);
    // nothing lost: the counts add up to the issues
    expect(groups.reduce((s, g) => s + g.count, 0)).toBe(issues.length);
    expect(countBySeverity(issues)).toEqual({ error: 1, warning: 7, info: 1 });
  });

  test("the same code at two severities is two groups", () => {
    const g = groupIssues([w("x", 1), { severity: "error", code: "x", row: 2 }]);
    expect(g.map((x) => [x.severity, x.count])).toEqual([["error", 1], ["warning", 1]]);
  });
});

describe("the Data Check sheet", () => {
  test("one line per kind with its count and first example above; every issue below, grouped", async () => {
    const t = crmExport();
    t.sales_pipeline.push(["G1", "Anna Snelling", "GTX Basic", "Ghost 1", "Won", "2017-01-01", "2017-02-01", 10]);
    t.sales_pipeline.push(["G2", "Anna Snelling", "GTX Basic", "Acme Corporation", "Won", "someday", "", 10]);
    t.sales_pipeline.push(["G3", "Anna Snelling", "GTX Basic", "Ghost 2", "Won", "2017-01-01", "2017-02-01", 10]);
    const sheet = dataCheckSheet(await checkSheets(t));
    expect(sheet.preamble).toEqual([
      ["Fairshare data check"],
      ["0 errors, 4 warnings, 4 notes. Period: 2017-12."],
      [],
      ["Severity", "Code", "Count", "First example"],
      // The export has no Quota column (issue 12): one warning for the roster, first as it names no row.
      ["Warning", "quota_column_missing", 1, expect.stringMatching(/^The roster has no Quota column and defaultQuota is not set\. Active reps without a quota: 6 /)],
      ["Warning", "unknown_account", 2, "Account “Ghost 1” is not on the accounts sheet; the row is skipped."],
      ["Warning", "missing_value", 1, "close_date is empty; the row is skipped."],
      ["Note", "deals_skipped", 1, "4 open or lost deals skipped (only the stages in wonStages count as sales): Lost 2, Engaging 1, Prospecting 1."],
      ["Note", "owner_derived", 1, expect.stringMatching(/^The accounts sheet has no Owner column/)],
      ["Note", "region_derived", 1, "The accounts sheet has no Region column: 5 accounts take their owner's region. Turn off with deriveRegion."],
      ["Note", "hire_date_derived", 1, "The roster has no Hire Date column: 6 reps' tenure starts at their first sale (marked as derived); 0 without sales have unknown tenure. Turn off with deriveHireDate."],
    ]);
    expect(sheet.rows.map((r) => [r[1], r[3]])).toEqual([
      ["quota_column_missing", null],
      ["unknown_account", 16],
      ["unknown_account", 18],
      ["missing_value", 17],
      ["deals_skipped", null],
      ["owner_derived", null],
      ["region_derived", null],
      ["hire_date_derived", null],
    ]);
  });
});
