import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { writeSheets } from "../../src/cli/writeTable";
import { REGISTRY } from "../../src/engine/settings";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsAdapter";
import { runCheck } from "../../src/workbook/pipeline";
import { smallTeam } from "../helpers/team";

const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-settings-"));

async function cli(...argv: string[]) {
  let stdout = "";
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: () => undefined });
  return { code, stdout };
}

describe("fairshare settings", () => {
  test("an existing sheet keeps the user's rows and gains the missing ones; a second pass adds nothing", async () => {
    const t = smallTeam();
    t["Fairshare Settings"] = [["Setting", "Value", "Description"], ["period", "2026-03", "my note"], ["releaseShare", "50%", ""]];
    const book = path.join(tmp, "s.xlsx");
    await writeSheets(book, t, Object.keys(t));
    const out = path.join(tmp, "s.out.xlsx");
    const r = await cli("settings", book, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`Added ${REGISTRY.defs.length - 2} settings to Fairshare Settings: ${REGISTRY.defs.map((d) => d.key).filter((k) => k !== "period" && k !== "releaseShare").join(", ")}`);
    const [sheet] = await (await ExcelJsWorkbook.open(out)).readTables(["Fairshare Settings"]);
    expect(sheet.values.slice(0, 3)).toEqual([["Setting", "Value", "Description"], ["period", "2026-03", "my note"], ["releaseShare", "50%", ""]]);
    expect(sheet.values.length).toBe(1 + REGISTRY.defs.length);
    // what the user set still applies, everything else is at its default, and nothing is an issue
    const { result } = await runCheck(await ExcelJsWorkbook.open(out), { displayLanguage: "en-US", write: false });
    expect(result.issues).toEqual([]);
    expect(result.settings.num("releaseShare")).toBe(0.5);
    const again = await cli("settings", out, "--out", path.join(tmp, "s.again.xlsx"));
    expect(again.stdout.split("\n")[0]).toBe("Fairshare Settings already lists every setting");
  });

  test("a workbook without one gets the whole sheet, in Chinese with --lang zh-CN", async () => {
    const t = smallTeam();
    delete t["Fairshare Settings"];
    const book = path.join(tmp, "n.xlsx");
    await writeSheets(book, t, Object.keys(t));
    const r = await cli("settings", book, "--out", path.join(tmp, "n.out.xlsx"), "--lang", "zh-CN");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(new RegExp(`^已向 Fairshare Settings 添加 ${REGISTRY.defs.length} 项设置：period, language`));
  });
});
