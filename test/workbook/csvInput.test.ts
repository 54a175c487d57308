import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import type { Cell } from "../../src/engine/table";
import { decodeCsv, openCsv, parseCsv, sniffDelimiter } from "../../src/workbook/csvInput";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsAdapter";
import { runCheck } from "../../src/workbook/pipeline";
import { crmExport, fxiaokeExport } from "../helpers/crmExport";

const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-csv-"));

/** CSV text by hand: quotes around every field that needs them, doubled inside. */
function toCsv(rows: Cell[][], delimiter = ","): string {
  const q = (v: Cell) => {
    const s = v === null ? "" : String(v);
    return /[",;\t\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(q).join(delimiter)).join("\r\n") + "\r\n";
}

/** GB18030 bytes of a few characters, from the standard's tables (no encoder in Node). */
const GBK: Record<string, number[]> = { 客: [0xbf, 0xcd], 户: [0xbb, 0xa7], 名: [0xc3, 0xfb], 称: [0xb3, 0xc6], 张: [0xd5, 0xc5], 伟: [0xce, 0xb0] };

describe("reading CSV exports", () => {
  test.each([
    ["UTF-8", Buffer.from("客户名称,负责人\n甲,张伟\n", "utf8")],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("客户名称,负责人\n甲,张伟\n", "utf8")])],
    ["UTF-16LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("客户名称,负责人\n甲,张伟\n", "utf16le")])],
  ])("%s", async (_, bytes) => {
    expect(await parseCsv(decodeCsv(bytes))).toEqual([["客户名称", "负责人"], ["甲", "张伟"]]);
  });

  test("GBK/GB18030 as Chinese Excel saves it", () => {
    const bytes = Buffer.from([...GBK.客, ...GBK.户, ...GBK.名, ...GBK.称, 0x2c, 0x41, 0x0a, ...GBK.张, ...GBK.伟, 0x2c, 0x31]);
    expect(decodeCsv(bytes)).toBe("客户名称,A\n张伟,1");
  });

  test.each([
    [",", "a,b,c\n1,2,3"],
    [";", "a;b;c\n1,5;2;3"],
    ["\t", "a\tb\tc\n1\t2\t3"],
    [",", '"x;y;z",b\n1,2'], // semicolons inside quotes do not count
  ])("delimiter %j", (d, text) => {
    expect(sniffDelimiter(text)).toBe(d);
  });

  test("quoted fields keep delimiters, quotes and line breaks; formula-looking text stays text", async () => {
    const text = toCsv([["Account", "Note"], ["Acme, Inc.", 'say "hi"\nbye'], ["=1+1", ""]], ";");
    expect(await parseCsv(text)).toEqual([["Account", "Note"], ["Acme, Inc.", 'say "hi"\nbye'], ["=1+1", null]]);
  });
});

describe("fairshare check|run on CSV files", () => {
  test("a folder of a CRM export's CSVs checks like the .xlsx", async () => {
    const dir = path.join(tmp, "crm");
    mkdirSync(dir);
    for (const [name, rows] of Object.entries(crmExport())) writeFileSync(path.join(dir, `${name}.csv`), toCsv(rows));
    const { result } = await runCheck(await openCsv([dir]), { displayLanguage: "en-US", write: false });
    expect(result.assignment).toEqual({ reps: "sales_teams", accounts: "accounts", sales: "sales_pipeline", ratings: null });
    expect(result.issues.filter((i) => i.severity !== "info").map((i) => i.code)).toEqual(["quota_column_missing"]);
    expect(result.model.sales.count).toBe(10);
  });

  test("run writes the result workbook: the CSVs as sheets plus the same sheets the .xlsx path writes", async () => {
    const files = Object.entries(fxiaokeExport()).map(([name, rows], i) => {
      const file = path.join(tmp, `${name}.csv`);
      // one file with a BOM and semicolons, one tab-separated, one plain
      const text = toCsv(rows, [";", "\t", ","][i]);
      writeFileSync(file, i === 0 ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) : text);
      return file;
    });
    const out = path.join(tmp, "fx.out.xlsx");
    let stdout = "";
    const code = await main(["run", ...files, "--out", out, "--json", path.join(tmp, "fx.json"), "--lang", "zh-CN"], { stdout: (s) => void (stdout += s), stderr: () => undefined });
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(tmp, "fx.json"), "utf8"));
    const names = (await (await ExcelJsWorkbook.open(out)).listSheets()).map((s) => s.name);
    expect(names).toEqual(["人员", "客户", "商机", ...json.sheetsWritten]);
    expect(json.sheetsWritten).toEqual(expect.arrayContaining(["Fairshare 数据检查", "Fairshare 调整建议 2017-12", "Fairshare Settings"]));
    expect(stdout).toContain("统计期间：2017-12");
  });
});
