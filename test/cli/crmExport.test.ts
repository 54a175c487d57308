import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli } from "../helpers/cli";
import { writeSheets } from "../../src/cli/writeTable";
import type { Cell } from "../../src/engine/table";
import { crmExport, fxiaokeExport } from "../helpers/crmExport";

const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-crm-"));


async function book(name: string, sheets: Record<string, Cell[][]>): Promise<string> {
  const file = path.join(tmp, name);
  await writeSheets(file, sheets, Object.keys(sheets));
  return file;
}

describe("fairshare check and run on a raw CRM export (.xlsx as exported)", () => {
  test("check: zero errors, the notes say what was derived, grouped", async () => {
    const file = await book("crm.xlsx", crmExport());
    const r = await cli("check", file);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    // The export has no quotas: one warning, grouped like the notes (issue 12).
    expect(lines).toContain("Issues: 0 errors, 1 warning, 4 notes");
    expect(lines).toContain("  warning quota_column_missing ×1");
    expect(lines).toContain("  note deals_skipped ×1");
    expect(lines).toContain("      sales_pipeline [deal_stage]: 4 open or lost deals skipped (only the stages in wonStages count as sales): Lost 2, Engaging 1, Prospecting 1.");
    expect(lines).toContain("  note owner_derived ×1");
    expect(lines).toContain("  note region_derived ×1");
    expect(lines).toContain("  note hire_date_derived ×1");
  });

  test("run with zero settings rows writes the sign-off sheets", async () => {
    const file = await book("crm-run.xlsx", crmExport());
    const out = path.join(tmp, "crm.out.xlsx");
    const r = await cli("run", file, "--out", out, "--json", path.join(tmp, "crm.json"), "--quiet");
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(tmp, "crm.json"), "utf8"));
    expect(json.period).toBe("2017-12");
    expect(json.sheetsWritten).toEqual(expect.arrayContaining(["Fairshare Data Check", "Fairshare Portfolio", "Fairshare Proposal 2017-12"]));
    expect(json.portfolio.every((p: { tenureDerived?: boolean }) => p.tenureDerived === true)).toBe(true);
  });

  test("the Chinese export with --lang zh-CN prints Chinese", async () => {
    const file = await book("fx.xlsx", fxiaokeExport());
    const r = await cli("check", file, "--lang", "zh-CN");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("统计期间：2017-12");
    expect(lines).toContain("问题：0 个错误，1 个警告，4 条提示");
    expect(lines).toContain("  警告 quota_column_missing ×1");
    expect(lines).toContain("  提示 deals_skipped ×1");
    // every line is from the Chinese catalogue: no English words beyond codes, sheet names and the brand
    const english = r.stdout.replace(/[a-z_]+_[a-z_]+|wonStages|deriveOwner|deriveRegion|deriveHireDate|defaultQuota|Fairshare Settings/g, "").match(/[A-Za-z]{3,}/g) ?? [];
    expect(english).toEqual([]);
    expect(r.stderr.split("\n")).toContain("fairshare：读取 10%");
  });

  test("thousands of one warning read as one group with three examples", async () => {
    const t = crmExport();
    for (let i = 0; i < 2000; i++) t.sales_pipeline.push([`X${i}`, "Anna Snelling", "GTX Basic", `Ghost ${i}`, "Won", "2017-01-01", "2017-02-01", 10]);
    const file = await book("crm-ghosts.xlsx", t);
    const r = await cli("check", file);
    const lines = r.stdout.split("\n");
    expect(lines).toContain("Issues: 0 errors, 2001 warnings, 4 notes"); // 2,000 unknown accounts and the missing quotas
    const at = lines.indexOf("  warning unknown_account ×2000");
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 5)).toEqual([
      "      sales_pipeline row 16 [account]: Account “Ghost 0” is not on the accounts sheet; the row is skipped.",
      "      sales_pipeline row 17 [account]: Account “Ghost 1” is not on the accounts sheet; the row is skipped.",
      "      sales_pipeline row 18 [account]: Account “Ghost 2” is not on the accounts sheet; the row is skipped.",
      "      … and 1997 more",
    ]);
    expect(r.stdout.length).toBeLessThan(3000);
  });
});
