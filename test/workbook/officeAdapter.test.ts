/**
 * The Office.js adapter against the fake Excel host: round trips, payload limits and text safety.
 */
import type { Cell, OutputSheet } from "../../src/engine/table";
import { OfficeWorkbook, SheetExistsError, needsTextPrefix, toExcelInput } from "../../src/workbook/officeAdapter";
import { FakeWorkbook, installFakeExcel, toSerial, uninstallFakeExcel, type FakeExcelHost, type FakeSeedCell } from "../../src/fakes/fakeExcel";

const FIVE_MB = 5 * 1024 * 1024;

/** Strings Excel would turn into formulas, numbers, booleans, dates or errors if written naively. */
const TRICKY = [
  "=1+1",
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil","x")',
  "+1",
  "+SUM(A1)",
  "-5",
  "-abc",
  "@SUM(A1)",
  "'quoted",
  "00123",
  "1,234",
  "50%",
  "TRUE",
  "2024-01-05",
  "#N/A",
  " leading space",
  "plain text",
];

let host: FakeExcelHost;
afterEach(() => uninstallFakeExcel());

function install(wb: FakeWorkbook = FakeWorkbook.empty()): FakeExcelHost {
  host = installFakeExcel(wb);
  return host;
}

function block(rows: number, cols: number, cell: (r: number, c: number) => FakeSeedCell = (r, c) => `r${r}c${c}`): FakeSeedCell[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(r, c)));
}

describe("helpers", () => {
  it.each(TRICKY.filter((s) => s !== "plain text"))("prefixes %j in General cells", (s) => {
    expect(needsTextPrefix(s)).toBe(true);
    expect(toExcelInput(s, false)).toBe(`'${s}`);
    expect(toExcelInput(s, true)).toBe(s);
  });

  it("leaves ordinary text, numbers and booleans alone; null becomes an explicit clear", () => {
    expect(toExcelInput("Ann Smith", false)).toBe("Ann Smith");
    expect(toExcelInput(12.5, false)).toBe(12.5);
    expect(toExcelInput(false, false)).toBe(false);
    expect(toExcelInput(null, false)).toBe("");
    expect(toExcelInput(Number.NaN, false)).toBe("");
    expect(toExcelInput(new Date(Date.UTC(2024, 0, 5, 12)), false)).toBe(45296.5);
  });
});

describe("listSheets", () => {
  it("returns every tab in order with its visibility, in one sync", async () => {
    install(FakeWorkbook.from({ Reps: [], Hidden: { visibility: "Hidden" }, Accounts: [] }));
    const sheets = await new OfficeWorkbook().listSheets();
    expect(sheets).toEqual([
      { name: "Reps", visible: true },
      { name: "Hidden", visible: false },
      { name: "Accounts", visible: true },
    ]);
    expect(host.syncCount).toBe(1);
  });
});

describe("readTables", () => {
  it("reads used ranges with their offsets; blanks are null, errors text, dates serials", async () => {
    const day = new Date(Date.UTC(2024, 2, 1));
    install(
      FakeWorkbook.from({
        Reps: [
          ["Rep", "Start"],
          ["Ann", day],
          ["Bob", null],
        ],
        "Sales Data": { at: "C5", cells: [["Account", "Amount"], ["A-1", { formula: "=1/0", value: "#DIV/0!" }], [null, "#N/A"]] },
        Empty: [],
      }),
    );
    const tables = await new OfficeWorkbook().readTables(["Reps", "Missing", "sales data", "Empty"]);
    expect(tables).toEqual([
      { sheet: "Reps", firstRow: 1, firstColumn: 1, values: [["Rep", "Start"], ["Ann", toSerial(day)], ["Bob", null]] },
      { sheet: "Sales Data", firstRow: 5, firstColumn: 3, values: [["Account", "Amount"], ["A-1", "#DIV/0!"], [null, "#N/A"]] },
      { sheet: "Empty", firstRow: 1, firstColumn: 1, values: [] },
    ]);
    // The sheets, the shapes of the used ranges, the values.
    expect(host.syncCount).toBe(3);
  });

  it("ignores cells that only carry formatting", async () => {
    const wb = FakeWorkbook.from({ Reps: [["Rep"], ["Ann"]] });
    wb.sheet("Reps").seed("D20", [[{ numberFormat: "0.00", bold: true }]]);
    install(wb);
    const [t] = await new OfficeWorkbook().readTables(["Reps"]);
    expect(t.values).toEqual([["Rep"], ["Ann"]]);
  });

  it("takes the same small number of syncs for 3 sheets of 10 rows as of 10,000 rows", async () => {
    const syncsFor = async (rows: number): Promise<number> => {
      install(FakeWorkbook.from({ A: block(rows, 6), B: block(rows, 6), C: block(rows, 6) }));
      const tables = await new OfficeWorkbook().readTables(["A", "B", "C"]);
      expect(tables.map((t) => t.values.length)).toEqual([rows, rows, rows]);
      const n = host.syncCount;
      uninstallFakeExcel();
      return n;
    };
    const small = await syncsFor(10);
    const large = await syncsFor(10_000);
    expect(small).toBe(3);
    expect(large).toBe(small);
  });

  it("takes a large answer in pieces, the page free between them, in the same syncs", async () => {
    // 6,000 × 10 = 60,000 cells: three pieces of 20,000, all in the one values sync.
    const data = block(6_000, 10, (r, c) => (c === 0 ? `row ${r}` : r * 10 + c));
    install(FakeWorkbook.from({ Big: data }));
    // A timer set as the read starts stands for a click waiting on the page: it runs while the values
    // are taken in, not only after the whole answer has been converted.
    let done = false;
    let timerRanBeforeTheEnd: boolean | null = null;
    setTimeout(() => (timerRanBeforeTheEnd = !done), 0);
    const tables = await new OfficeWorkbook().readTables(["Big"]);
    done = true;
    expect(timerRanBeforeTheEnd).toBe(true);
    expect(tables[0].values).toEqual(data);
    expect(host.syncCount).toBe(3); // the sheet list, the used range, the values
  });

  it("falls back to row blocks when Excel refuses the response as too large", async () => {
    // Long cells make the first block estimate too big, so the retry with a larger estimate runs too.
    const data = block(2_000, 5, (r, c) => `${r}-${c}-${"v".repeat(120)}`);
    install(FakeWorkbook.from({ Big: data, Small: [["x"]] }));
    host.responseLimitBytes = 200_000;
    const tables = await new OfficeWorkbook({ maxPayloadBytes: 150_000 }).readTables(["Big", "Small"]);
    expect(tables[0].values).toEqual(data);
    expect(tables[1].values).toEqual([["x"]]);
    expect(host.syncs[2].error).toBe("ResponsePayloadSizeLimitExceeded");
    expect(host.syncs.slice(3).some((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    const ok = host.syncs.filter((s) => !s.error);
    expect(ok.every((s) => s.responseBytes <= host.responseLimitBytes)).toBe(true);
    expect(host.syncCount).toBeLessThan(30);
  });
});

describe("readTables on big sheets (what the fake host models of real Excel)", () => {
  it("reads a range above Excel's values cell limit in blocks instead of failing on null values (office-js #4783)", async () => {
    const data = block(3_000, 3);
    install(FakeWorkbook.from({ Sales: data }));
    // The real limit is 5M cells; lowered so the case stays small. Excel answers null, no error.
    host.valuesCellLimit = 5_000;
    const [t] = await new OfficeWorkbook().readTables(["Sales"]);
    expect(t.values).toEqual(data);
    expect(host.syncs.every((s) => !s.error)).toBe(true);
  });

  it("honours maxRows: the header rows of a 1,000,000-row sheet cost a few kilobytes", async () => {
    const wb = FakeWorkbook.from({ Sales: block(40, 5) });
    wb.sheet("Sales").seed("A1000000", [["last"]]);
    install(wb);
    const [t] = await new OfficeWorkbook().readTables(["Sales"], { maxRows: 30 });
    expect(t.values).toEqual(block(30, 5));
    const bytesRead = host.syncs.reduce((n, s) => n + s.responseBytes, 0);
    // 30 rows × 5 cells of ~6 characters: well under 10 KB; the whole sheet would be 5M cells.
    expect(bytesRead).toBeLessThan(10_000);
  });

  it("uses only documented calls: never a method on an object that may be a null object", async () => {
    install(FakeWorkbook.from({ Reps: [["Rep"], ["Ann"]] }));
    // The fake refuses such chains (InvalidOperation); a missing sheet is simply left out.
    await expect(new OfficeWorkbook().readTables(["Reps", "Nope"])).resolves.toEqual([{ sheet: "Reps", firstRow: 1, firstColumn: 1, values: [["Rep"], ["Ann"]] }]);
    await expect(new OfficeWorkbook().appendRows("Log", ["When"], [["today"]])).resolves.toBeUndefined();
    await expect(new OfficeWorkbook().appendRows("Log", ["When"], [["tomorrow"]])).resolves.toBeUndefined();
    expect(host.workbook.sheet("Log").values()).toEqual([["When"], ["today"], ["tomorrow"]]);
  });
});

function outputSheet(overrides: Partial<OutputSheet> = {}): OutputSheet {
  return {
    name: "Proposal",
    columns: [
      { header: "Account", format: "text" },
      { header: "Rep" },
      { header: "Revenue", format: "money", width: 14 },
      { header: "Share", format: "percent" },
      { header: "Since", format: "date" },
      { header: "Decision" },
    ],
    rows: [
      ["00123", "Ann", 1234.5, 0.125, new Date(Date.UTC(2024, 0, 5)), null],
      ["A-7", "=Bob", 99, 1, new Date(Date.UTC(2023, 11, 31)), "Approve"],
    ],
    ...overrides,
  };
}

describe("addSheets", () => {
  it("cuts text past Excel's 32,767 characters a cell, saying so, where the host would refuse the whole batch", async () => {
    install(FakeWorkbook.from({ Reps: [["Rep"]] }));
    const long = "y".repeat(40000);
    // The fake host refuses what Excel cannot hold, as the real one does.
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Reps").getRange("B1").values = [[long]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await new OfficeWorkbook().addSheets([outputSheet({ preamble: [[`=${long}`]], rows: [[long, `=${long}`, 1, 0, null, null]] })]);
    const s = host.workbook.sheet("Proposal");
    const [[title]] = s.values("A1:A1") as string[][];
    // One preamble line, a blank line, the header: the row is the 4th.
    const [[text, formulaLike]] = s.values("A4:B4") as string[][];
    for (const v of [title, text, formulaLike]) {
      expect(v).toHaveLength(32767);
      expect(v).toMatch(/ … \[cut: 40,001 characters|\[cut: 40,000 characters/);
    }
    expect(text.startsWith("y".repeat(32000))).toBe(true);
    // Still text: the apostrophe Excel drops is not counted against the cell.
    expect(formulaLike.startsWith("=yyy")).toBe(true);
    expect(host.workbook.formulaCells()).toEqual([]);
  });

  it("writes preamble, bold header, typed columns, table, validation, frozen header and widths", async () => {
    install(FakeWorkbook.from({ Reps: [["Rep"]] }));
    await new OfficeWorkbook().addSheets([
      outputSheet({ preamble: [["Proposal for Q1 2024"], ["Generated by Fairshare"]], asTable: true, validation: { Decision: ["Approve", "Reject"] } }),
    ]);
    const wb = host.workbook;
    expect(wb.sheetNames()).toEqual(["Reps", "Proposal"]);
    const s = wb.sheet("Proposal");
    expect(s.values("A1:A2")).toEqual([["Proposal for Q1 2024"], ["Generated by Fairshare"]]);
    // one blank line between the preamble and the table, as the ExcelJS adapter writes it
    expect(s.values("A3:F3")).toEqual([["", "", "", "", "", ""]]);
    expect(s.values("A4:F6")).toEqual([
      ["Account", "Rep", "Revenue", "Share", "Since", "Decision"],
      ["00123", "Ann", 1234.5, 0.125, 45296, ""],
      ["A-7", "=Bob", 99, 1, 45291, "Approve"],
    ]);
    expect(s.cell("A4").bold).toBe(true);
    expect(s.numberFormats("A5:F5")).toEqual([["@", "General", "#,##0.00", "0.0%", "yyyy-mm-dd", "General"]]);
    expect(s.texts("C5:E5")).toEqual([["1,234.50", "12.5%", "2024-01-05"]]);
    expect(wb.tables.map((t) => t.address)).toEqual(["Proposal!A4:F6"]);
    expect(wb.tables[0].headers()).toEqual(["Account", "Rep", "Revenue", "Share", "Since", "Decision"]);
    expect(s.validationAt("F5")).toEqual({ list: { inCellDropDown: true, source: "Approve,Reject" } });
    expect(s.validationAt("F6")).not.toBeNull();
    expect(s.validationAt("E5")).toBeNull();
    expect(s.frozenRows).toBe(4);
    expect(s.columnWidth("C")).toBeCloseTo((14 * 7 + 5) * 0.75);
    expect(s.autofittedColumns.has(0)).toBe(true);
    expect(wb.formulaCells()).toEqual([]);
    // One sync to check the names, one to write, one to recalculate what the suspended write left stale.
    expect(host.syncCount).toBe(3);
    expect(host.syncs[1].calculationSuspended).toBe(true);
    expect(host.workbook.calculationPending).toBe(false);
  });

  it("writes the preamble after the autofit (Excel fits whole columns), bold first line, numbers in their preambleFormats", async () => {
    const title = "Incentive statements for the North and South regions, January to March 2024";
    install();
    await new OfficeWorkbook().addSheets([
      outputSheet({ name: "Plain" }),
      outputSheet({ name: "Titled", preamble: [[title], ["Total paid", 12345.5, 0.25]], preambleFormats: [undefined, "money", "percent"] }),
    ]);
    const plain = host.workbook.sheet("Plain");
    const titled = host.workbook.sheet("Titled");
    // Column A is as wide as the table needs, the same as on a sheet without a title.
    expect(titled.columnWidth("A")).toBe(plain.columnWidth("A"));
    expect(titled.values("A1:A1")).toEqual([[title]]);
    expect(titled.texts("B2:C2")).toEqual([["12,345.50", "25.0%"]]);
    expect(titled.cell("A1").bold).toBe(true);
    expect(titled.cell("A2").bold).toBe(false);
  });

  it("stores injection-looking strings as text in text and non-text columns alike", async () => {
    install();
    await new OfficeWorkbook().addSheets([
      {
        name: "Notes",
        columns: [{ header: "As text", format: "text" }, { header: "General" }, { header: "As number", format: "number" }],
        rows: TRICKY.map((s) => [s, s, s]),
        preamble: [["=1+1 in the title"]],
        asTable: true,
      },
    ]);
    const s = host.workbook.sheet("Notes");
    expect(host.workbook.formulaCells()).toEqual([]);
    expect(s.values(`A4:C${3 + TRICKY.length}`)).toEqual(TRICKY.map((t) => [t, t, t]));
    for (let r = 4; r < 4 + TRICKY.length; r++) {
      for (const col of ["A", "B", "C"]) expect(s.cell(`${col}${r}`).valueType).toBe("String");
    }
    expect(s.cell("A1").value).toBe("=1+1 in the title");
  });

  it("keeps the sync count constant as rows grow (until chunking)", async () => {
    const syncsFor = async (n: number): Promise<number> => {
      install();
      const rows: Cell[][] = Array.from({ length: n }, (_, i) => [`acct ${i}`, "Ann", i, 0.5, new Date(Date.UTC(2024, 0, 1)), "Approve"]);
      await new OfficeWorkbook().addSheets([outputSheet({ rows, asTable: true, validation: { Decision: ["Approve", "Reject"] } })]);
      expect(host.workbook.sheet("Proposal").values().length).toBe(n + 1);
      const count = host.syncCount;
      uninstallFakeExcel();
      return count;
    };
    expect(await syncsFor(10)).toBe(3);
    expect(await syncsFor(5_000)).toBe(3);
  });

  it("chunks a big write so no request exceeds 5 MB, and every row arrives", async () => {
    install();
    const rows: Cell[][] = Array.from({ length: 60_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => `row ${r} col ${c} ${"lorem ipsum ".repeat(3)}`));
    const columns = Array.from({ length: 10 }, (_, c) => ({ header: `Col ${c}` }));
    await new OfficeWorkbook().addSheets([{ name: "Big", columns, rows }]);

    expect(host.syncs.every((s) => s.error === undefined)).toBe(true);
    expect(host.maxPayloadBytes).toBeLessThan(FIVE_MB);
    const totalBytes = JSON.stringify(rows).length;
    expect(totalBytes).toBeGreaterThan(4 * FIVE_MB);
    // The check, then about total / 4 MB chunks, then the recalculation: nothing per row.
    expect(host.syncCount).toBeLessThanOrEqual(3 + Math.ceil(totalBytes / (4 * 1024 * 1024)));
    const sheet = host.workbook.sheet("Big");
    expect(sheet.usedRange(true)).toMatchObject({ rowCount: 60_001, columnCount: 10 });
    expect(sheet.cell("A2").value).toBe(rows[0][0]);
    expect(sheet.cell("J60001").value).toBe(rows[59_999][9]);
    expect(sheet.values("A30001:J30001")).toEqual([rows[29_999]]);
  }, 60_000);

  it("queues a big block as range writes of at most 256 KB, the page free between them, in as few syncs as before", async () => {
    install();
    // About 1.5 MB of values: one sync's worth (the budget is 4 MB), six or more writes in it.
    const rows: Cell[][] = Array.from({ length: 12_000 }, (_, r) => [`row ${r} ${"lorem ipsum ".repeat(10)}`, r]);
    const bytes = JSON.stringify(rows).length;
    expect(bytes).toBeGreaterThan(6 * 256 * 1024);
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
    // A timer set as the write starts stands for a click waiting on the page: it runs before the
    // block's sync, not after the whole block has been queued and sent.
    let syncsWhenTheTimerRan = -1;
    setTimeout(() => (syncsWhenTheTimerRan = host.syncCount), 0);
    await new OfficeWorkbook().addSheets([{ name: "Block", columns: [{ header: "Text" }, { header: "N", format: "integer" }], rows }]);
    expect(syncsWhenTheTimerRan).toBe(1); // only the check whether the name is free had been sent
    // The check, one sync with every write, the recalculation.
    expect(host.syncCount).toBe(3);
    const block = host.syncs[1];
    expect(block.actionCount).toBeGreaterThanOrEqual(Math.ceil(bytes / (256 * 1024)));
    expect(block.payloadBytes).toBeGreaterThan(bytes);
    expect(host.workbook.sheet("Block").values("A2:B2")).toEqual([[rows[0][0], 0]]);
    expect(host.workbook.sheet("Block").values("A12001:B12001")).toEqual([[rows[11_999][0], 11_999]]);
  });

  it("counts the request budget in UTF-8 bytes: 5.4 MB of Chinese text (1.8M characters) is cut into chunks under 5 MB", async () => {
    install();
    const text = "客户负责人".repeat(60);
    const rows = Array.from({ length: 2_000 }, () => [text, text, text]);
    await new OfficeWorkbook().addSheets([{ name: "中文", columns: [{ header: "甲" }, { header: "乙" }, { header: "丙" }], rows }]);
    expect(host.syncs.every((x) => !x.error)).toBe(true);
    expect(host.maxPayloadBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(host.workbook.sheet("中文").usedRange(true)).toMatchObject({ rowCount: 2_001, columnCount: 3 });
  });

  it("throws SheetExistsError when a name is taken (case-insensitively) and writes nothing", async () => {
    install(FakeWorkbook.from({ Reps: [["Rep"]], Proposal: [] }));
    const err = await new OfficeWorkbook().addSheets([outputSheet({ name: "Fresh" }), outputSheet({ name: "PROPOSAL" })]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetExistsError);
    expect(err).toMatchObject({ name: "SheetExistsError", sheet: "PROPOSAL", sheets: ["PROPOSAL"] });
    expect(host.workbook.sheetNames()).toEqual(["Reps", "Proposal"]);
    expect(host.syncCount).toBe(1);
  });

  it("rejects bad requests before touching the workbook", async () => {
    install();
    const wb = new OfficeWorkbook();
    await expect(wb.addSheets([outputSheet({ name: "a/b" })])).rejects.toBeInstanceOf(RangeError);
    await expect(wb.addSheets([outputSheet({ name: "Same" }), outputSheet({ name: "same" })])).rejects.toBeInstanceOf(RangeError);
    await expect(wb.addSheets([outputSheet({ validation: { Nope: ["x"] } })])).rejects.toBeInstanceOf(RangeError);
    await expect(wb.addSheets([outputSheet({ validation: { Decision: Array.from({ length: 60 }, (_, i) => `choice${i}`) } })])).rejects.toBeInstanceOf(RangeError);
    expect(host.syncCount).toBe(0);
    expect(host.workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  it("needs ExcelApi 1.9, the manifest's minimum (no fallback branches): below it a write fails before writing anything", async () => {
    install();
    host.setApiSupport("ExcelApi", "1.5");
    await expect(new OfficeWorkbook().addSheets([outputSheet({ validation: { Decision: ["Approve"] } })])).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(host.workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  it("writes an empty sheet as a header (and a table with Excel's one empty row)", async () => {
    install();
    await new OfficeWorkbook().addSheets([outputSheet({ rows: [], asTable: true })]);
    expect(host.workbook.tables[0].address).toBe("Proposal!A1:F2");
    expect(host.workbook.sheet("Proposal").values()).toEqual([["Account", "Rep", "Revenue", "Share", "Since", "Decision"]]);
  });

  it("protects a sheet that asks for it after everything else is written: its editable columns' data cells unlocked a sync before: one sync more", async () => {
    install();
    const spec = outputSheet({ preamble: [["Title"]], asTable: true, validation: { Decision: ["Approve", "Reject"] }, highlights: [{ column: "Revenue", when: { op: "greaterThan", value: 100 }, style: "warning" }] });
    await new OfficeWorkbook().addSheets([spec]);
    const plain = host.syncCount;
    uninstallFakeExcel();
    install();
    await new OfficeWorkbook().addSheets([{ ...spec, protection: { editable: ["Decision", "Rep"], password: "pw" } }, outputSheet({ name: "Other" })]);
    expect(host.syncCount).toBe(plain + 1);
    expect(host.syncs.every((x) => !x.error)).toBe(true);
    const ws = host.workbook.sheet("Proposal");
    expect(ws.protection).toEqual({ password: "pw", options: expect.objectContaining({ allowAutoFilter: true, allowFormatColumns: true, allowFormatCells: false, allowEditObjects: false }) });
    expect(host.workbook.sheet("Other").protection).toBeNull();
    // Header on row 3 (title, blank line): rows 4 and 5 of B (Rep) and F (Decision) are the only unlocked cells.
    const unlocked = ["A", "B", "C", "D", "E", "F"].flatMap((c) => [1, 2, 3, 4, 5, 6].map((r) => `${c}${r}`)).filter((a) => !ws.lockedAt(a));
    expect(unlocked).toEqual(["B4", "B5", "F4", "F5"]);
    // Everything else the adapter writes landed before the protection (table, validation, format, widths).
    expect(host.workbook.tables).toHaveLength(1);
    expect(ws.validationAt("F4")).not.toBeNull();
    expect(ws.conditionalFormats).toHaveLength(1);
  });

  it("protects without a password when none is given, and refuses protection of unknown columns before writing", async () => {
    install();
    await new OfficeWorkbook().addSheets([outputSheet({ protection: { editable: ["Decision"] } })]);
    expect(host.workbook.sheet("Proposal").protection).toMatchObject({ password: null });
    uninstallFakeExcel();
    install();
    await expect(new OfficeWorkbook().addSheets([outputSheet({ protection: { editable: ["Nope"] } })])).rejects.toBeInstanceOf(RangeError);
    await expect(new OfficeWorkbook().addSheets([outputSheet({ protection: { editable: [], password: "x".repeat(256) } })])).rejects.toBeInstanceOf(RangeError);
    expect(host.syncCount).toBe(0);
  });

  it("formats Date columns that come without a format as dates", async () => {
    install();
    await new OfficeWorkbook().addSheets([
      { name: "D", columns: [{ header: "Day" }, { header: "At" }], rows: [[new Date(Date.UTC(2024, 0, 5)), new Date(Date.UTC(2024, 0, 5, 8, 30))]] },
    ]);
    expect(host.workbook.sheet("D").texts("A2:B2")).toEqual([["2024-01-05", "2024-01-05 08:30:00"]]);
  });
});

describe("updateCells", () => {
  it("changes cells on several sheets in one write sync, keeping text text and clearing on null", async () => {
    const wb = FakeWorkbook.from({
      Accounts: [
        ["Account", "Owner", "Note"],
        ["A-1", "Ann", "keep"],
        ["A-2", "Bob", "old"],
      ],
      Log: [["When"]],
    });
    wb.sheet("Accounts").seed("B3", [[{ value: "Bob", numberFormat: "@" }]]);
    install(wb);
    await new OfficeWorkbook().updateCells([
      { sheet: "Accounts", row: 2, column: 2, value: "=Cara" },
      { sheet: "Accounts", row: 3, column: 2, value: "-Dan" },
      { sheet: "Accounts", row: 3, column: 3, value: null },
      { sheet: "Accounts", row: 2, column: 3, value: "Eve" },
      { sheet: "Log", row: 2, column: 1, value: new Date(Date.UTC(2024, 0, 5)) },
    ]);
    // The formats of the cells that get strings Excel would reinterpret, the write, the recalculation.
    expect(host.syncCount).toBe(3);
    const s = host.workbook.sheet("Accounts");
    expect(s.values()).toEqual([
      ["Account", "Owner", "Note"],
      ["A-1", "=Cara", "Eve"],
      ["A-2", "-Dan", ""],
    ]);
    expect(host.workbook.formulaCells()).toEqual([]);
    expect(s.cell("B3").hasPrefixCharacter).toBe(false);
    expect(s.cell("C2").numberFormat).toBe("General");
    expect(host.workbook.sheet("Log").cell("A2").value).toBe(45296);
  });

  it("keeps the Owner column's number format: a numeric-looking id goes in as text without turning the cell Text", async () => {
    const wb = FakeWorkbook.from({ Accounts: [["Account", "Owner"], ["A-1", "R7"], ["A-2", "R8"]] });
    wb.sheet("Accounts").seed("B3", [[{ value: "R8", numberFormat: "@" }]]);
    install(wb);
    await new OfficeWorkbook().updateCells([
      { sheet: "Accounts", row: 2, column: 2, value: "00123" },
      { sheet: "Accounts", row: 3, column: 2, value: "00456" },
    ]);
    const s = host.workbook.sheet("Accounts");
    // A General cell stays General (a lookup on the column sees the same type as before) and holds the text "00123".
    expect(s.cell("B2").numberFormat).toBe("General");
    expect(s.cell("B2").value).toBe("00123");
    expect(s.cell("B2").hasPrefixCharacter).toBe(true);
    // A Text cell stays Text and takes the id verbatim, with no visible apostrophe.
    expect(s.cell("B3").numberFormat).toBe("@");
    expect(s.cell("B3").value).toBe("00456");
    expect(s.cell("B3").hasPrefixCharacter).toBe(false);
  });

  it("recalculates after the last write, so formulas on the Owner column are not left stale after Apply", async () => {
    install(FakeWorkbook.from({ Accounts: [["Account", "Owner"], ["A-1", "Ann"]] }));
    await new OfficeWorkbook().updateCells([{ sheet: "Accounts", row: 2, column: 2, value: "Bob" }]);
    expect(host.syncs.some((x) => x.calculationSuspended)).toBe(true);
    expect(host.workbook.calculationPending).toBe(false);
  });

  it("writes in halves when Excel refuses a request the estimate let through", async () => {
    install(FakeWorkbook.from({ Accounts: [["Account", "Owner"]] }));
    host.requestLimitBytes = 20_000;
    const updates = Array.from({ length: 400 }, (_, i) => ({ sheet: "Accounts", row: i + 2, column: 2, value: `Rep ${"abcdefghij"[i % 10]}${"klmnopqrst"[Math.floor(i / 10) % 10]}` }));
    await new OfficeWorkbook().updateCells(updates);
    expect(host.syncs.some((x) => x.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(host.workbook.sheet("Accounts").values("B2:B401").map((r) => r[0])).toEqual(updates.map((u) => u.value));
  });

  it("fails with Excel's ItemNotFound when a sheet is missing", async () => {
    install();
    await expect(new OfficeWorkbook().updateCells([{ sheet: "Nope", row: 1, column: 1, value: 1 }])).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("appendRows", () => {
  it("creates the sheet with its header, then appends below the used range, in order", async () => {
    install();
    const wb = new OfficeWorkbook();
    await wb.appendRows("Log", ["When", "What"], [["2024-01-05", "=first"]]);
    expect(host.syncCount).toBe(3);
    host.resetSyncs();
    await wb.appendRows("Log", ["When", "What"], [
      ["2024-01-06", "second"],
      [new Date(Date.UTC(2024, 0, 7)), "third"],
    ]);
    // The sheets, then the existing sheet's used range and last row's formats, then the write and the recalculation.
    expect(host.syncCount).toBe(4);
    const s = host.workbook.sheet("Log");
    expect(s.values()).toEqual([
      ["When", "What"],
      ["2024-01-05", "=first"],
      ["2024-01-06", "second"],
      [45298, "third"],
    ]);
    expect(s.cell("A1").bold).toBe(true);
    expect(s.cell("A4").text).toBe("2024-01-07");
    expect(host.workbook.formulaCells()).toEqual([]);
  });

  it("gives new rows the number formats of the last row, so dates stay dates", async () => {
    const wb = FakeWorkbook.from({ Log: [["When", "Amount"], [new Date(Date.UTC(2024, 0, 5)), { value: 5, numberFormat: "#,##0.00" }]] });
    install(wb);
    await new OfficeWorkbook().appendRows("Log", ["When", "Amount"], [[new Date(Date.UTC(2024, 0, 6)), 1234.5]]);
    expect(host.workbook.sheet("Log").texts("A3:B3")).toEqual([["2024-01-06", "1,234.50"]]);
  });

  it("appends below data that does not start at A1 and honours Text-formatted columns", async () => {
    const wb = FakeWorkbook.from({ Log: { at: "A3", cells: [["Id", "Note"], [{ value: "007", numberFormat: "@" }, "x"]] } });
    install(wb);
    await new OfficeWorkbook().appendRows("Log", ["Id", "Note"], [["008", "'quoted"]]);
    const s = host.workbook.sheet("Log");
    expect(s.values("A5:B5")).toEqual([["008", "'quoted"]]);
    expect(s.cell("A5").hasPrefixCharacter).toBe(false);
  });

  it("writes the header into an existing empty sheet", async () => {
    install(FakeWorkbook.from({ Log: [] }));
    await new OfficeWorkbook().appendRows("Log", ["When"], [["today"]]);
    expect(host.workbook.sheet("Log").values()).toEqual([["When"], ["today"]]);
  });
});

describe("watchSheets", () => {
  it("reports edits, added and deleted sheets by name; an edit costs no round trip, a burst of new sheets one listing", async () => {
    install(FakeWorkbook.from({ Data: [[1]] }));
    const seen: string[] = [];
    await new OfficeWorkbook().watchSheets((e) => void seen.push(`${e.kind} ${e.sheet}${e.address ? ` ${e.address}` : ""}`));
    const before = host.runCount;
    await host.userEdit("Data", "B2", 5);
    expect(host.runCount).toBe(before);
    const sheet = (name: string): OutputSheet => ({ name, columns: [{ header: "X" }], rows: [[1]] });
    await new OfficeWorkbook().addSheets([sheet("One"), sheet("Two"), sheet("Three")]);
    await host.settled();
    // The write itself, then one listing for the three new sheets' events.
    expect(host.runCount).toBe(before + 2);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Two").delete();
      await context.sync();
    });
    await host.settled();
    expect(seen[0]).toBe("changed Data B2");
    expect(seen.filter((s) => s.startsWith("added")).sort()).toEqual(["added One", "added Three", "added Two"]);
    expect(seen.some((s) => s.startsWith("changed Three "))).toBe(true);
    expect(seen.at(-1)).toBe("deleted Two");
  });
});
