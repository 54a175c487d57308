/**
 * Highlights (conditional formats) end to end: through the Office adapter on the fake Excel host,
 * and through the ExcelJS and xlsx adapters into a real .xlsx file read back with ExcelJS.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Highlight, OutputSheet } from "../../src/engine/table";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsAdapter";
import { OfficeWorkbook, highlightRule } from "../../src/workbook/officeAdapter";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { FakeWorkbook, installFakeExcel, uninstallFakeExcel, type FakeExcelHost } from "../../src/fakes/fakeExcel";

const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-highlights-"));

/** Text that would break out of a naively quoted formula constant. */
const SNEAKY = 'x",HYPERLINK("http://evil"),"';

const HIGHLIGHTS: Highlight[] = [
  { column: "Amount", when: { op: "greaterThan", value: 1000 }, style: "warning" },
  { column: "Status", when: { op: "equals", text: "conflict" }, style: "bad" },
];

/** A preamble of two lines, so the header is on row 4 and the three data rows on rows 5 to 7. */
function spec(highlights?: Highlight[]): OutputSheet {
  return {
    name: "Out",
    columns: [{ header: "Rep" }, { header: "Amount", format: "money" }, { header: "Status", format: "text" }],
    rows: [
      ["Ann", 500, "ok"],
      ["Bo", 1500, "conflict"],
      ["Cy", 2500, "ok"],
    ],
    preamble: [["Title"], ["note"]],
    asTable: true,
    ...(highlights ? { highlights } : {}),
  };
}

const WARNING = { fillColor: "#FFEB9C", fontColor: "#9C5700" };
const BAD = { fillColor: "#FFC7CE", fontColor: "#9C0006" };

describe("highlightRule", () => {
  it("writes numbers as a formula and text as one string constant with its quotes doubled", () => {
    expect(highlightRule({ op: "greaterThan", value: -12.5 })).toEqual({ formula1: "=-12.5", operator: "GreaterThan" });
    expect(highlightRule({ op: "equals", text: "conflict" })).toEqual({ formula1: '="conflict"', operator: "EqualTo" });
    expect(highlightRule({ op: "equals", text: SNEAKY })).toEqual({ formula1: '="x"",HYPERLINK(""http://evil""),"""', operator: "EqualTo" });
  });
});

describe("Office adapter on the fake host", () => {
  let host: FakeExcelHost;
  afterEach(() => uninstallFakeExcel());

  function install(wb: FakeWorkbook = FakeWorkbook.empty()): FakeExcelHost {
    host = installFakeExcel(wb);
    return host;
  }

  it("adds each highlight on exactly the data rows of its column, first listed at the top priority", async () => {
    install();
    await new OfficeWorkbook().addSheets([spec(HIGHLIGHTS)]);
    const sheet = host.workbook.sheet("Out");
    expect(sheet.values("A4:C4")).toEqual([["Rep", "Amount", "Status"]]);
    expect(sheet.conditionalFormats).toEqual([
      { ...WARNING, id: expect.any(String), address: "B5:B7", rect: expect.any(Object), type: "CellValue", rule: { formula1: "=1000", operator: "GreaterThan" }, bold: null, stopIfTrue: false },
      { ...BAD, id: expect.any(String), address: "C5:C7", rect: expect.any(Object), type: "CellValue", rule: { formula1: '="conflict"', operator: "EqualTo" }, bold: null, stopIfTrue: false },
    ]);
    expect(sheet.conditionalFormatsAt("B4")).toEqual([]);
    expect(sheet.conditionalFormatsAt("B8")).toEqual([]);
    expect(host.workbook.formulaCells()).toEqual([]);
  });

  it("costs no extra sync", async () => {
    install();
    await new OfficeWorkbook().addSheets([spec()]);
    const plain = host.syncCount;
    install();
    await new OfficeWorkbook().addSheets([spec(HIGHLIGHTS)]);
    expect(host.workbook.sheet("Out").conditionalFormats).toHaveLength(2);
    expect(host.syncCount).toBe(plain);
  });

  it("keeps text that looks like formula code inside one string constant", async () => {
    install();
    await new OfficeWorkbook().addSheets([{ ...spec(), highlights: [{ column: "Status", when: { op: "equals", text: SNEAKY }, style: "good" }] }]);
    expect(host.workbook.sheet("Out").conditionalFormats).toMatchObject([
      { address: "C5:C7", rule: { formula1: '="x"",HYPERLINK(""http://evil""),"""', operator: "EqualTo" }, fillColor: "#C6EFCE", fontColor: "#006100" },
    ]);
  });

  it("adds none to a sheet without data rows", async () => {
    install();
    await new OfficeWorkbook().addSheets([{ ...spec(HIGHLIGHTS), rows: [] }]);
    expect(host.workbook.sheet("Out").conditionalFormats).toEqual([]);
  });

  it.each<[string, Highlight]>([
    ["an unknown column", { column: "Nope", when: { op: "greaterThan", value: 1 }, style: "bad" }],
    ["a number that is not finite", { column: "Amount", when: { op: "greaterThan", value: Number.NaN }, style: "bad" }],
    ["text over 255 characters", { column: "Status", when: { op: "equals", text: "x".repeat(256) }, style: "bad" }],
  ])("refuses a highlight with %s before touching the workbook", async (_, highlight) => {
    install();
    await expect(new OfficeWorkbook().addSheets([spec([highlight])])).rejects.toThrow(RangeError);
    await expect(new OfficeWorkbook().appendRows("Log", ["Amount", "Status"], [[1, "x"]], { highlights: [highlight] })).rejects.toThrow(RangeError);
    expect(host.syncCount).toBe(0);
  });

  it("appendRows gives a sheet it creates its highlights down to row 100,000, in the same syncs", async () => {
    install();
    const header = ["When", "What", "Status"];
    await new OfficeWorkbook().appendRows("Plain", header, [["2024-01-05", "x", "ok"]]);
    const plain = host.syncCount;
    host.resetSyncs();
    await new OfficeWorkbook().appendRows("Log", header, [["2024-01-05", "x", "conflict"]], { highlights: [{ column: "Status", when: { op: "equals", text: "conflict" }, style: "bad" }] });
    expect(host.syncCount).toBe(plain);
    expect(host.workbook.sheet("Log").conditionalFormats).toMatchObject([{ ...BAD, address: "C2:C100000", type: "CellValue", rule: { formula1: '="conflict"', operator: "EqualTo" } }]);
  });

  it("appendRows adds no highlight to a sheet that exists (with rows or empty)", async () => {
    install(FakeWorkbook.from({ Log: [["When", "Status"], ["2024-01-05", "ok"]], Empty: [] }));
    const highlights: Highlight[] = [{ column: "Status", when: { op: "equals", text: "conflict" }, style: "bad" }];
    await new OfficeWorkbook().appendRows("Log", ["When", "Status"], [["2024-01-06", "conflict"]], { highlights });
    await new OfficeWorkbook().appendRows("Empty", ["When", "Status"], [["2024-01-06", "conflict"]], { highlights });
    expect(host.workbook.sheet("Log").values("A3:B3")).toEqual([["2024-01-06", "conflict"]]);
    expect(host.workbook.sheet("Log").conditionalFormats).toEqual([]);
    expect(host.workbook.sheet("Empty").conditionalFormats).toEqual([]);
  });

  it("appendRows creating a sheet with no rows still adds the highlight", async () => {
    install();
    await new OfficeWorkbook().appendRows("Log", ["When", "Status"], [], { highlights: [{ column: "Status", when: { op: "equals", text: "conflict" }, style: "bad" }] });
    expect(host.workbook.sheet("Log").conditionalFormats).toMatchObject([{ address: "B2:B100000" }]);
  });
});

/** The conditional formatting of a sheet as ExcelJS reads it from the file. */
async function reopened(file: string, sheet: string): Promise<ExcelJS.ConditionalFormattingOptions[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${file}`);
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

/** What a highlight should look like once written and read back. */
function cellIs(ref: string, operator: string, formula: string, fill: string, font: string, priority: number): unknown {
  return {
    ref,
    rules: [
      expect.objectContaining({
        type: "cellIs",
        operator,
        formulae: [formula],
        priority,
        style: expect.objectContaining({ fill: expect.objectContaining({ type: "pattern", pattern: "solid", bgColor: { argb: fill } }), font: expect.objectContaining({ color: { argb: font } }) }),
      }),
    ],
  };
}

describe("ExcelJS adapter into a file", () => {
  it("writes the highlights of an output sheet and of a created log, and none on appending", async () => {
    const port = new ExcelJsWorkbook(new ExcelJS.Workbook());
    await port.addSheets([{ ...spec(), highlights: [...HIGHLIGHTS, { column: "Status", when: { op: "equals", text: SNEAKY }, style: "good" }] }]);
    const log: Highlight[] = [{ column: "Status", when: { op: "equals", text: "conflict" }, style: "bad" }];
    await port.appendRows("Audit", ["When", "Status"], [["2024-01-05", "conflict"]], { highlights: log });
    await port.appendRows("Audit", ["When", "Status"], [["2024-01-06", "ok"]], { highlights: log });
    const file = path.join(tmp, "inmemory.xlsx");
    await port.save(file);

    expect(await reopened(file, "Out")).toEqual([
      cellIs("B5:B7", "greaterThan", "1000", "FFFFEB9C", "FF9C5700", 1),
      cellIs("C5:C7", "equal", '"conflict"', "FFFFC7CE", "FF9C0006", 2),
      cellIs("C5:C7", "equal", '"x"",HYPERLINK(""http://evil""),"""', "FFC6EFCE", "FF006100", 3),
    ]);
    expect(await reopened(file, "Audit")).toEqual([cellIs("B2:B100000", "equal", '"conflict"', "FFFFC7CE", "FF9C0006", 1)]);
  });

  it("refuses a highlight on an unknown column before adding the sheet", async () => {
    const port = new ExcelJsWorkbook(new ExcelJS.Workbook());
    await expect(port.addSheets([spec([{ column: "Nope", when: { op: "greaterThan", value: 1 }, style: "bad" }])])).rejects.toThrow(RangeError);
    expect(port.workbook.worksheets).toHaveLength(0);
  });

  it("the xlsx adapter (the CLI's) writes them too: output sheets and a created log, while an input sheet appended to gets none", async () => {
    const input = path.join(tmp, "stream-in.xlsx");
    const seed = new ExcelJS.Workbook();
    seed.addWorksheet("Existing").addRows([["When", "Status"], ["2024-01-01", "ok"]]);
    await seed.xlsx.writeFile(input);

    const port = await XlsxWorkbook.open(input);
    await port.addSheets([{ ...spec(), highlights: [...HIGHLIGHTS, { column: "Status", when: { op: "equals", text: SNEAKY }, style: "good" }] }]);
    const log: Highlight[] = [{ column: "Status", when: { op: "equals", text: "conflict" }, style: "bad" }];
    await port.appendRows("Audit", ["When", "Status"], [["2024-01-05", "conflict"]], { highlights: log });
    await port.appendRows("Existing", ["When", "Status"], [["2024-01-05", "conflict"]], { highlights: log });
    const out = path.join(tmp, "stream-out.xlsx");
    await port.save(out);
    await port.close();

    // Output sheets are plain ranges (no table), so the rows sit where they do in memory.
    expect(await reopened(out, "Out")).toEqual([
      cellIs("B5:B7", "greaterThan", "1000", "FFFFEB9C", "FF9C5700", 1),
      cellIs("C5:C7", "equal", '"conflict"', "FFFFC7CE", "FF9C0006", 2),
      cellIs("C5:C7", "equal", '"x"",HYPERLINK(""http://evil""),"""', "FFC6EFCE", "FF006100", 3),
    ]);
    expect(await reopened(out, "Audit")).toEqual([cellIs("B2:B100000", "equal", '"conflict"', "FFFFC7CE", "FF9C0006", 1)]);
    expect(await reopened(out, "Existing")).toEqual([]);
  });
});
