/**
 * Our sheets as the xlsx adapter writes them, read back with ExcelJS (an independent reader): values,
 * formats, bold frozen header, validation, highlights, the 32,767-character cap, text that looks like a
 * formula, replacing an earlier sheet of ours in place, and appending to a log.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { OutputSheet } from "../../../src/engine/table";
import { NUMBER_FORMATS } from "../../../src/workbook/format";
import { SheetExistsError } from "../../../src/workbook/port";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { CELL_TEXT_LIMIT } from "../../../src/workbook/format";

const SAMPLE = path.join(__dirname, "..", "..", "..", "examples", "sample-team.xlsx");
const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-writer-"));
let n = 0;

async function write(input: string, edit: (wb: XlsxWorkbook) => Promise<void>): Promise<string> {
  const wb = await XlsxWorkbook.open(input);
  await edit(wb);
  const out = path.join(tmp, `out${++n}.xlsx`);
  await wb.save(out);
  await wb.close();
  return out;
}

async function excel(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const long = "x".repeat(40000);
const sheet: OutputSheet = {
  name: "Fairshare Test",
  preamble: [["Title"], ["Total", 1234.5]],
  preambleFormats: [undefined, "money"],
  columns: [{ header: "Text" }, { header: "Amount", format: "money" }, { header: "When", format: "date" }, { header: "Share", format: "percent" }, { header: "Decision" }],
  rows: [
    ["=HYPERLINK(\"http://x\")", 12.5, new Date(Date.UTC(2026, 2, 1)), 0.125, null],
    [long, -3, null, 1, "Approve"],
    ["tab\there & <b>", 0, new Date(Date.UTC(2026, 11, 31)), 0, true],
  ],
  validation: { Decision: ["Approve", "Reject"] },
  highlights: [{ column: "Amount", when: { op: "greaterThan", value: 10 }, style: "bad" }],
};

describe("an output sheet", () => {
  let out: string;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    out = await write(SAMPLE, (wb) => wb.addSheets([sheet]));
    ws = (await excel(out)).getWorksheet("Fairshare Test")!;
  });

  test("values, with text that looks like a formula kept as text", () => {
    expect(ws.getCell("A1").value).toBe("Title");
    expect(ws.getCell("B2").value).toBe(1234.5);
    expect(ws.getRow(4).values).toEqual([undefined, "Text", "Amount", "When", "Share", "Decision"]);
    expect(ws.getCell("A5").value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell("B5").value).toBe(12.5);
    expect(ws.getCell("C5").value).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(ws.getCell("A7").value).toBe("tab\there & <b>");
    expect(ws.getCell("E7").value).toBe(true);
  });

  test("a cell over 32,767 characters is cut and says so", () => {
    const v = ws.getCell("A6").value as string;
    expect(v.length).toBe(CELL_TEXT_LIMIT);
    expect(v.startsWith("x".repeat(30000))).toBe(true);
    expect(v).toMatch(/cut: 40,000 characters, Excel holds 32,767\]$/);
  });

  test("formats, bold header, frozen below it, validation and highlight", () => {
    expect(ws.getCell("B5").numFmt).toBe(NUMBER_FORMATS.money);
    expect(ws.getCell("C5").numFmt).toBe(NUMBER_FORMATS.date);
    expect(ws.getCell("D5").numFmt).toBe(NUMBER_FORMATS.percent);
    expect(ws.getCell("B2").numFmt).toBe(NUMBER_FORMATS.money);
    expect(ws.getCell("A4").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A5").font?.bold).toBeFalsy();
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(ws.getCell("E6").dataValidation).toMatchObject({ type: "list", formulae: ['"Approve,Reject"'] });
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { operator: string; formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].operator, c.rules[0].formulae[0]])).toEqual([["B5:B7", "greaterThan", "10"]]);
  });

  test("a sheet meant as a table gets filter buttons on its header", async () => {
    const file = await write(SAMPLE, (wb) => wb.addSheets([{ ...sheet, name: "Fairshare Table", asTable: true }]));
    const t = (await excel(file)).getWorksheet("Fairshare Table")!;
    expect(t.autoFilter).toBe("A4:E7");
  });

  test("a name that is taken is refused before anything changes", async () => {
    const wb = await XlsxWorkbook.open(out);
    await expect(wb.addSheets([{ ...sheet, name: "fairshare test" }])).rejects.toBeInstanceOf(SheetExistsError);
    await expect(wb.addSheets([{ ...sheet, name: "Other" }], { replace: ["Reps"] })).rejects.toThrow(/not a Fairshare sheet/);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["Reps", "Accounts", "Sales", "Ratings", "Fairshare Settings", "Fairshare Test"]);
    await wb.close();
  });
});

describe("replacing an earlier sheet of ours", () => {
  test("the new sheet takes its place; only its part and the index parts change", async () => {
    const first = await write(SAMPLE, (wb) => wb.addSheets([sheet, { ...sheet, name: "Fairshare Last" }]));
    const second = await write(first, (wb) => wb.addSheets([{ name: "Fairshare Test", columns: [{ header: "Only" }], rows: [["new"]] }], { replace: ["Fairshare Test"] }));
    const wb = await excel(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Reps", "Accounts", "Sales", "Ratings", "Fairshare Settings", "Fairshare Test", "Fairshare Last"]);
    expect(wb.getWorksheet("Fairshare Test")!.getCell("A2").value).toBe("new");
    expect(wb.getWorksheet("Fairshare Last")!.getCell("A6").value).toHaveLength(CELL_TEXT_LIMIT);
    const a = await JSZip.loadAsync(readFileSync(first));
    const b = await JSZip.loadAsync(readFileSync(second));
    const changed: string[] = [];
    for (const name of Object.keys(a.files)) {
      const x = await a.file(name)!.async("nodebuffer");
      const y = await b.file(name)?.async("nodebuffer");
      if (!y || !x.equals(y)) changed.push(name);
    }
    // styles.xml too stays: the styles the first write appended are reused.
    expect(changed.sort()).toEqual(["[Content_Types].xml", "docProps/app.xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/worksheets/sheet6.xml"]);
    expect(Object.keys(b.files).filter((f) => !a.files[f])).toEqual([]);
  });

  test("replaced sheets without a same-named successor are taken in order", async () => {
    const first = await write(SAMPLE, (wb) => wb.addSheets([{ ...sheet, name: "Fairshare A" }, { ...sheet, name: "Fairshare B" }]));
    const second = await write(first, (wb) =>
      wb.addSheets([{ name: "Fairshare C", columns: [{ header: "c" }], rows: [] }], { replace: ["Fairshare A", "Fairshare B"] }),
    );
    expect((await excel(second)).worksheets.map((w) => w.name)).toEqual(["Reps", "Accounts", "Sales", "Ratings", "Fairshare Settings", "Fairshare C"]);
  });
});

describe("styles", () => {
  test("a second run reuses the styles the first one appended: styles.xml does not grow", async () => {
    const first = await write(SAMPLE, (wb) => wb.addSheets([sheet]));
    const second = await write(first, (wb) => wb.addSheets([{ ...sheet, name: "Fairshare Again" }]));
    const styles = async (f: string) => (await JSZip.loadAsync(readFileSync(f))).file("xl/styles.xml")!.async("string");
    const [a, b, c] = [await styles(SAMPLE), await styles(first), await styles(second)];
    expect(b).not.toEqual(a);
    expect(c).toEqual(b);
    const ws = (await excel(second)).getWorksheet("Fairshare Again")!;
    expect(ws.getCell("B5").numFmt).toBe(NUMBER_FORMATS.money);
    expect(ws.getCell("A4").font?.bold).toBe(true);
  });
});

describe("appending to a log", () => {
  test("a new log, then rows appended below the existing ones without rewriting them", async () => {
    const header = ["When", "What"];
    const first = await write(SAMPLE, (wb) => wb.appendRows("Fairshare Log", header, [[new Date(Date.UTC(2026, 0, 2, 9, 30)), "one"]], { highlights: [{ column: "What", when: { op: "equals", text: "conflict" }, style: "bad" }] }));
    const second = await write(first, (wb) => wb.appendRows("Fairshare Log", header, [[null, "two"], [null, "three"]]));
    const ws = (await excel(second)).getWorksheet("Fairshare Log")!;
    expect([1, 2, 3, 4].map((r) => ws.getCell(`B${r}`).value)).toEqual(["What", "one", "two", "three"]);
    expect(ws.getCell("A2").value).toEqual(new Date(Date.UTC(2026, 0, 2, 9, 30)));
    const before = await (await JSZip.loadAsync(readFileSync(first))).file("xl/worksheets/sheet6.xml")!.async("string");
    const after = await (await JSZip.loadAsync(readFileSync(second))).file("xl/worksheets/sheet6.xml")!.async("string");
    const rows = (s: string) => s.match(/<row [\s\S]*?<\/row>/g)!;
    expect(rows(after).slice(0, 2)).toEqual(rows(before));
  });
});
