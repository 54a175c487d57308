/**
 * The fake must fail where Excel fails; these tests pin the behaviours later adapter tests rely on.
 */
import {
  FakeRichApiError,
  FakeWorkbook,
  installFakeExcel,
  plainJsonBytes,
  toSerial,
  uninstallFakeExcel,
  type FakeExcelHost,
} from "../../src/fakes/fakeExcel";

let host: FakeExcelHost;

afterEach(() => uninstallFakeExcel());

function install(wb: FakeWorkbook = FakeWorkbook.empty()): FakeExcelHost {
  host = installFakeExcel(wb);
  return host;
}

/** Runs a batch and returns the RichApi error it fails with. */
async function runError(batch: (ctx: Excel.RequestContext) => Promise<unknown>): Promise<FakeRichApiError> {
  try {
    await Excel.run(batch);
  } catch (e) {
    expect(e).toBeInstanceOf(FakeRichApiError);
    return e as FakeRichApiError;
  }
  throw new Error("expected the batch to fail");
}

describe("globals", () => {
  it("installs Excel, Office and OfficeExtension and removes them again", () => {
    install();
    expect(typeof Excel.run).toBe("function");
    expect(Office.context.displayLanguage).toBe("en-US");
    expect(new OfficeExtension.Error() instanceof Error).toBe(true);
    uninstallFakeExcel();
    expect((globalThis as Record<string, unknown>).Excel).toBeUndefined();
  });

  it("answers isSetSupported from a configurable table (ExcelApi 1.12 by default)", () => {
    install();
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(Office.context.requirements.isSetSupported("ExcelApi")).toBe(true);
    host.setApiSupport("ExcelApi", "1.3");
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.4")).toBe(false);
    host.displayLanguage = "de-DE";
    expect(Office.context.displayLanguage).toBe("de-DE");
  });

  it("throws ApiNotFound at the call when the host lacks the API set, as Office.js does", async () => {
    install();
    host.setApiSupport("ExcelApi", "1.3");
    await Excel.run(async (ctx) => {
      expect(() => ctx.workbook.worksheets.getItemOrNullObject("Sheet1")).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
  });

  it("rejects a batch that does not return a promise", async () => {
    install();
    await expect(Excel.run((() => undefined) as never)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });
});

describe("proxy semantics", () => {
  it("throws PropertyNotLoaded until load() AND sync() have happened", async () => {
    install(FakeWorkbook.from({ Reps: [["Name"], ["Ann"]] }));
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Reps").getRange("A1:A2");
      expect(() => range.values).toThrow(expect.objectContaining({ name: "RichApi.Error", code: "PropertyNotLoaded" }));
      range.load("values, rowCount");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(range.values).toEqual([["Name"], ["Ann"]]);
      expect(range.rowCount).toBe(2);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("accepts the load forms of Office.js", async () => {
    install(FakeWorkbook.from({ Reps: [["Name"]] }));
    await Excel.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItem("Reps").getRange("A1").load(["address", "text"]);
      const b = ctx.workbook.worksheets.getItem("Reps").getRange("A1").load({ select: "numberFormat", expand: "format/font" });
      const c = ctx.workbook.worksheets.getItem("Reps").getRange("A1").load({ values: true, format: { font: { bold: true } } });
      const d = ctx.workbook.worksheets.getItem("Reps").getRange("A1").load();
      await ctx.sync();
      expect(a.address).toBe("Reps!A1");
      expect(a.text).toEqual([["Name"]]);
      expect(b.numberFormat).toEqual([["General"]]);
      expect(b.format.font.bold).toBe(false);
      expect(c.values).toEqual([["Name"]]);
      expect(c.format.font.bold).toBe(false);
      expect(d.columnIndex).toBe(0);
    });
  });

  it("reports a typo in load() at sync", async () => {
    install();
    const err = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("valeus");
      await ctx.sync();
    });
    expect(err.code).toBe("InvalidArgument");
  });

  it("queues writes until sync; an assigned value reads back locally as in Office.js", async () => {
    install();
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [["x"]];
      expect(range.values).toEqual([["x"]]);
      expect(host.workbook.sheet("Sheet1").cell("A1").value).toBe("");
      await ctx.sync();
      expect(host.workbook.sheet("Sheet1").cell("A1").value).toBe("x");
    });
  });

  it("snapshots loaded values at sync, in queue order", async () => {
    install();
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.load("values");
      range.values = [[1]];
      const after = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await ctx.sync();
      expect(range.values).toEqual([[""]]);
      expect(after.values).toEqual([[1]]);
    });
  });

  it("loads collections with items/name or plain name, and items is unreadable before", async () => {
    install(FakeWorkbook.from({ A: [], B: [], C: { visibility: "Hidden" } }));
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name,items/visibility");
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["A", "Visible"],
        ["B", "Visible"],
        ["C", "Hidden"],
      ]);
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      const again = ctx.workbook.worksheets.load("name");
      const count = ctx.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
      await ctx.sync();
      expect(again.items.map((s) => s.name)).toEqual(["A", "B", "C"]);
      expect(count.value).toBe(3);
    });
  });

  it("gives isNullObject only after a sync", async () => {
    install();
    await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const there = ctx.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      // Calling into an object that may be null is an undocumented chain: refused until a sync says it exists.
      expect(() => missing.getUsedRangeOrNullObject(true)).toThrow(expect.objectContaining({ code: "InvalidOperation" }));
      expect(() => there.getRange("A1")).toThrow(expect.objectContaining({ code: "InvalidOperation" }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      expect(() => there.getUsedRangeOrNullObject(true)).not.toThrow();
    });
  });

  it("refuses getLastRow on a used range that may be null, allows it once known to exist", async () => {
    install(FakeWorkbook.from({ Data: [["a"], ["b"]] }));
    await Excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("Data").getUsedRangeOrNullObject(true);
      expect(() => used.getLastRow()).toThrow(expect.objectContaining({ code: "InvalidOperation" }));
      used.load("address");
      await ctx.sync();
      const last = used.getLastRow().load("address");
      await ctx.sync();
      expect(last.address).toBe("Data!A2");
    });
  });

  it("reads values as null above the 5M-cell limit, without an error (office-js #4783)", async () => {
    const host = install(FakeWorkbook.from({ Data: [["a"], ["b"], ["c"]] }));
    host.valuesCellLimit = 2;
    await Excel.run(async (ctx) => {
      const whole = ctx.workbook.worksheets.getItem("Data").getRange("A1:A3").load("values");
      const part = ctx.workbook.worksheets.getItem("Data").getRange("A1:A2").load("values");
      await ctx.sync();
      expect(whole.values).toBeNull();
      expect(part.values).toEqual([["a"], ["b"]]);
    });
  });

  it("counts payloads in UTF-8 bytes: 2 MB of Chinese text is a 6 MB request", async () => {
    install();
    const text = "销".repeat(32_000);
    await expect(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1:A64").values = Array.from({ length: 64 }, () => [text]);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("fails objects used after their Excel.run finished (InvalidObjectPath)", async () => {
    install();
    let leaked: Excel.Range | undefined;
    let leakedCtx: Excel.RequestContext | undefined;
    await Excel.run(async (ctx) => {
      leaked = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      leakedCtx = ctx;
      await ctx.sync();
    });
    leaked!.values = [[1]];
    await expect(leakedCtx!.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
  });
});

describe("errors surface at sync", () => {
  it("getItem of a missing sheet fails with ItemNotFound at sync, not at the call", async () => {
    install();
    let called = false;
    const err = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Missing");
      called = true;
      await ctx.sync();
    });
    expect(called).toBe(true);
    expect(err.code).toBe("ItemNotFound");
    expect(err.name).toBe("RichApi.Error");
    expect(err.debugInfo.code).toBe("ItemNotFound");
  });

  it("adding a duplicate sheet fails with ItemAlreadyExists (names are case-insensitive)", async () => {
    install(FakeWorkbook.from({ Reps: [] }));
    const err = await runError(async (ctx) => {
      ctx.workbook.worksheets.add("REPS");
      await ctx.sync();
    });
    expect(err.code).toBe("ItemAlreadyExists");
    expect(host.workbook.sheetNames()).toEqual(["Reps"]);
  });

  it.each(["", "a".repeat(32), "a/b", "a[1]", "x:y", "what?", "star*", "back\\slash", "'quoted'", "History"])(
    "rejects the sheet name %j with InvalidArgument",
    async (name) => {
      install();
      const err = await runError(async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      });
      expect(err.code).toBe("InvalidArgument");
    },
  );

  it("keeps actions queued before a failing one (Excel is not transactional)", async () => {
    install();
    await runError(async (ctx) => {
      ctx.workbook.worksheets.add("First");
      ctx.workbook.worksheets.getItem("Missing").getRange("A1").values = [[1]];
      ctx.workbook.worksheets.add("Never");
      await ctx.sync();
    });
    expect(host.workbook.sheetNames()).toEqual(["Sheet1", "First"]);
  });
});

describe("writing values: what Excel turns strings into", () => {
  async function write(values: unknown[][], numberFormat?: string): Promise<ReturnType<FakeWorkbook["sheet"]>> {
    install();
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, values.length, values[0].length);
      if (numberFormat) range.numberFormat = numberFormat as unknown as string[][];
      range.values = values;
      await ctx.sync();
    });
    return host.workbook.sheet("Sheet1");
  }

  it("turns =… into a formula (formula injection)", async () => {
    const sheet = await write([["=1+1", "=HYPERLINK(\"http://x\")", "=cmd|' /C calc'!A0"]]);
    expect(sheet.cell("A1")).toMatchObject({ isFormula: true, formula: "=1+1", value: 2 });
    expect(sheet.cell("B1")).toMatchObject({ isFormula: true, value: "#NAME?", isError: true });
    expect(sheet.cell("C1").isFormula).toBe(true);
    expect(host.workbook.formulaCells()).toEqual(["Sheet1!A1", "Sheet1!B1", "Sheet1!C1"]);
  });

  it("reads + - @ the way Excel does: numbers when they are numbers, formulas otherwise", async () => {
    const sheet = await write([["+1", "-5", "-abc", "+x", "@SUM(A1)", "-", "+"]]);
    expect(sheet.cell("A1")).toMatchObject({ value: 1, isFormula: false });
    expect(sheet.cell("B1")).toMatchObject({ value: -5, isFormula: false });
    expect(sheet.cell("C1")).toMatchObject({ isFormula: true, formula: "=-abc" });
    expect(sheet.cell("D1").isFormula).toBe(true);
    expect(sheet.cell("E1").isFormula).toBe(true);
    expect(sheet.cell("F1")).toMatchObject({ value: "-", isFormula: false });
    expect(sheet.cell("G1")).toMatchObject({ value: "+", isFormula: false });
  });

  it("coerces number-, boolean-, date- and error-looking strings", async () => {
    const sheet = await write([["00123", "1,234.5", "50%", "TRUE", "2024-01-05", "#N/A", "hello"]]);
    expect(sheet.values()).toEqual([[123, 1234.5, 0.5, true, toSerial(new Date(Date.UTC(2024, 0, 5))), "#N/A", "hello"]]);
    expect(sheet.cell("C1").numberFormat).toBe("0%");
    expect(sheet.cell("E1").numberFormat).toBe("m/d/yyyy");
    expect(sheet.cell("F1")).toMatchObject({ isError: true, valueType: "Error" });
  });

  it("stores a leading apostrophe as a text prefix, dropping it", async () => {
    const sheet = await write([["'=1+1", "'00123", "''x", "'@x"]]);
    expect(sheet.values()).toEqual([["=1+1", "00123", "'x", "@x"]]);
    expect(sheet.cell("A1")).toMatchObject({ isFormula: false, hasPrefixCharacter: true, valueType: "String" });
    expect(host.workbook.formulaCells()).toEqual([]);
  });

  it("stores any string verbatim in a Text (@) cell, apostrophe included", async () => {
    const sheet = await write([["=1+1", "-5", "'x", "00123", "#N/A"]], "@");
    expect(sheet.values()).toEqual([["=1+1", "-5", "'x", "00123", "#N/A"]]);
    expect(host.workbook.formulaCells()).toEqual([]);
    expect(sheet.cell("E1").isError).toBe(false);
  });

  it("leaves cells unchanged for null (and NaN), clears them for empty strings", async () => {
    install(FakeWorkbook.from({ Sheet1: [["a", "b", "c"]] }));
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").values = [[null, "", Number.NaN]];
      await ctx.sync();
    });
    expect(host.workbook.sheet("Sheet1").values("A1:C1")).toEqual([["a", "", "c"]]);
  });

  it("rejects Date objects: adapters must write serial numbers", async () => {
    install();
    const err = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[new Date()]];
      await ctx.sync();
    });
    expect(err.code).toBe("InvalidArgument");
  });

  it("requires the array to match the range, but applies a single value to every cell", async () => {
    install();
    const err = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [["a", "b"]];
      await ctx.sync();
    });
    expect(err.code).toBe("InvalidArgument");
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.numberFormat = "0.00" as unknown as string[][];
      range.values = 7 as unknown as number[][];
      await ctx.sync();
    });
    expect(host.workbook.sheet("Sheet1").texts("A1:B2")).toEqual([
      ["7.00", "7.00"],
      ["7.00", "7.00"],
    ]);
  });

  it("formats text with the number format", async () => {
    install();
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:E1");
      range.numberFormat = [["#,##0.00", "0.0%", "yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss", "#,##0"]];
      range.values = [[1234.5, 0.125, 45296, 45296.5, -9876.4]];
      range.load("text");
      await ctx.sync();
      expect(range.text).toEqual([["1,234.50", "12.5%", "2024-01-05", "2024-01-05 12:00:00", "-9,876"]]);
    });
  });
});

describe("FakeWorkbook.from", () => {
  it("seeds literally: error literals become errors, formulas need the object form", async () => {
    const wb = FakeWorkbook.from({
      Data: [
        ["#N/A", "=not a formula", { formula: "=A1", value: 3 }, new Date(Date.UTC(2024, 0, 5))],
      ],
    });
    install(wb);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:D1").load("values, valueTypes, formulas, text");
      await ctx.sync();
      expect(r.values).toEqual([["#N/A", "=not a formula", 3, 45296]]);
      expect(r.valueTypes).toEqual([["Error", "String", "Double", "Double"]]);
      expect(r.formulas[0][2]).toBe("=A1");
      expect(r.text[0][3]).toBe("2024-01-05");
    });
  });
});

describe("used range", () => {
  const partial = (): FakeWorkbook =>
    FakeWorkbook.from({
      "My Sheet": { at: "C5", cells: [["h1", "h2", "h3"], [1, 2, 3], [4, null, 6], [7, 8, { value: 9 }]] },
      Blank: [],
    });

  it("reports the offset block with rowIndex/columnIndex and a quoted address", async () => {
    install(partial());
    await Excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("My Sheet").getUsedRange(true).load("address, rowIndex, columnIndex, rowCount, columnCount, values");
      await ctx.sync();
      expect(used.address).toBe("'My Sheet'!C5:E8");
      expect([used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual([4, 2, 4, 3]);
      expect(used.values[2]).toEqual([4, "", 6]);
    });
  });

  it("counts formatted cells unless valuesOnly", async () => {
    const wb = partial();
    wb.sheet("My Sheet").seed("A1", [[{ numberFormat: "0.00" }]]);
    install(wb);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("My Sheet");
      const all = sheet.getUsedRange().load("address");
      const valuesOnly = sheet.getUsedRange(true).load("address");
      await ctx.sync();
      expect(all.address).toBe("'My Sheet'!A1:E8");
      expect(valuesOnly.address).toBe("'My Sheet'!C5:E8");
    });
  });

  it("on a blank sheet: getUsedRange gives A1 (documented), the OrNullObject form a null object", async () => {
    install(partial());
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Blank");
      const used = sheet.getUsedRange().load("address");
      const orNull = sheet.getUsedRangeOrNullObject(true).load("address");
      await ctx.sync();
      expect(used.address).toBe("Blank!A1");
      expect(orNull.isNullObject).toBe(true);
    });
  });

  it("Range.getUsedRange on an empty range fails with ItemNotFound at sync", async () => {
    install(partial());
    const err = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("My Sheet").getRange("A1:B2").getUsedRange().load("address");
      await ctx.sync();
    });
    expect(err.code).toBe("ItemNotFound");
  });
});

describe("round trips", () => {
  it("counts each sync that sends something, including Excel.run's final one", async () => {
    install();
    await Excel.run(async (ctx) => {
      await ctx.sync(); // nothing queued: no round trip
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
      // no explicit sync: Excel.run sends it
    });
    expect(host.syncCount).toBe(2);
    expect(host.workbook.sheet("Sheet1").values()).toEqual([[1], [2]]);
    host.resetSyncs();
    expect(host.syncs).toEqual([]);
  });

  it("rejects a request over 5 MB with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    install();
    const rows = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${"x".repeat(80)}`]);
    const err = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${rows.length}`).values = rows;
      await ctx.sync();
    });
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.syncs[0].payloadBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(host.workbook.sheet("Sheet1").usedRange()).toBeNull();

    host.resetSyncs();
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      for (let start = 0; start < rows.length; start += 20_000) {
        sheet.getRange(`A${start + 1}:A${start + 20_000}`).values = rows.slice(start, start + 20_000);
        await ctx.sync();
      }
    });
    expect(host.syncCount).toBe(3);
    expect(host.syncs.every((s) => s.payloadBytes < 5 * 1024 * 1024)).toBe(true);
    expect(host.workbook.sheet("Sheet1").cell("A60000").value).toBe(rows[59_999][0]);
  });

  it("rejects a response over the limit with ResponsePayloadSizeLimitExceeded", async () => {
    install(FakeWorkbook.from({ Big: Array.from({ length: 2000 }, (_, i) => [`${i}`.padEnd(50, "y")]) }));
    host.responseLimitBytes = 50_000;
    const err = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Big").getUsedRange().load("values");
      await ctx.sync();
    });
    expect(err.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("records suspendApiCalculationUntilNextSync on the sync it applies to", async () => {
    install();
    await Excel.run(async (ctx) => {
      ctx.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[1]];
      await ctx.sync();
    });
    expect(host.syncs.map((s) => s.calculationSuspended)).toEqual([true, false]);
  });
});

describe("sheets", () => {
  it("adds, renames, hides, moves, activates and deletes", async () => {
    install(FakeWorkbook.from({ A: [], B: [] }));
    await Excel.run(async (ctx) => {
      const c = ctx.workbook.worksheets.add("C");
      c.position = 0;
      ctx.workbook.worksheets.getItem("A").visibility = "Hidden";
      ctx.workbook.worksheets.getItem("B").name = "Bee";
      c.activate();
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      await ctx.sync();
      expect(active.name).toBe("C");
    });
    expect(host.workbook.sheetNames()).toEqual(["C", "A", "Bee"]);
    expect(host.workbook.sheet("A").visibility).toBe("Hidden");
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Bee").delete();
      await ctx.sync();
    });
    expect(host.workbook.sheetNames()).toEqual(["C", "A"]);
    const err = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("C").delete();
      await ctx.sync();
    });
    expect(err.code).toBe("InvalidOperation");
  });

  it("navigates ranges with getCell, getResizedRange, getOffsetRange, getRow, getColumn", async () => {
    install();
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const base = sheet.getRange("B2:C3");
      const results = [
        base.getCell(1, 1),
        base.getResizedRange(2, 0),
        base.getOffsetRange(1, 1),
        base.getRow(1),
        base.getColumn(0),
        sheet.getCell(0, 27),
        sheet.getRange("B:B"),
        sheet.getRange("3:4"),
      ].map((r) => r.load("address"));
      await ctx.sync();
      expect(results.map((r) => r.address)).toEqual([
        "Sheet1!C3",
        "Sheet1!B2:C5",
        "Sheet1!C3:D4",
        "Sheet1!B3:C3",
        "Sheet1!B2:B3",
        "Sheet1!AB1",
        "Sheet1!B:B",
        "Sheet1!3:4",
      ]);
    });
    const err = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").getOffsetRange(-1, 0).load("address");
      await ctx.sync();
    });
    expect(err.code).toBe("InvalidArgument");
  });
});

describe("tables, formats, freeze panes, validation, charts", () => {
  it("creates tables with unique, non-empty header text and an empty body row for header-only ranges", async () => {
    install(FakeWorkbook.from({ Out: [["Name", "Name", null]] }));
    await Excel.run(async (ctx) => {
      const table = ctx.workbook.worksheets.getItem("Out").tables.add("A1:C1", true);
      table.name = "Results";
      const body = table.getDataBodyRange().load("address");
      await ctx.sync();
      expect(body.address).toBe("Out!A2:C2");
      table.rows.add(undefined, [
        ["a", "=1+1", 1],
        ["b", "'x", 2],
      ]);
      const header = table.getHeaderRowRange().load("values");
      const cols = table.columns.load("items/name");
      await ctx.sync();
      expect(header.values).toEqual([["Name", "Name2", "Column3"]]);
      expect(cols.items.map((c) => c.name)).toEqual(["Name", "Name2", "Column3"]);
    });
    const t = host.workbook.table("Results")!;
    expect(t.address).toBe("Out!A1:C4");
    expect(t.bodyValues()).toEqual([
      ["", "", ""],
      ["a", 2, 1],
      ["b", "x", 2],
    ]);
    expect(host.workbook.formulaCells()).toEqual(["Out!B3"]);
  });

  it("rejects duplicate and malformed table names and overlapping tables", async () => {
    install(FakeWorkbook.from({ Out: [["a"], [1]] }));
    const bad = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Out").tables.add("A1:A2", true).name = "has space";
      await ctx.sync();
    });
    expect(bad.code).toBe("InvalidArgument");
    const overlap = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Out").tables.add("A2:B3", true);
      await ctx.sync();
    });
    expect(overlap.code).toBe("InvalidOperation");
    const dup = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Out").tables.add("D1:D2", true).name = "table1";
      await ctx.sync();
    });
    expect(dup.code).toBe("ItemAlreadyExists");
  });

  it("records bold, fill, widths, autofit, freeze panes and list validation", async () => {
    install(FakeWorkbook.from({ Out: [["Decision", "A much longer header"], ["Approve", 1]] }));
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Out");
      sheet.getRange("A1:B1").format.font.bold = true;
      sheet.getRange("A1").format.fill.color = "#FFEE00";
      sheet.getRange("A:A").format.columnWidth = 100;
      sheet.getRange("B:B").format.autofitColumns();
      sheet.freezePanes.freezeRows(1);
      sheet.getRange("A2:A10").dataValidation.rule = { list: { inCellDropDown: true, source: "Approve,Reject" } };
      const dv = sheet.getRange("A3").dataValidation.load("type");
      const bold = sheet.getRange("A1:B2").format.font.load("bold");
      await ctx.sync();
      expect(dv.type).toBe("List");
      expect(bold.bold).toBeNull();
    });
    const sheet = host.workbook.sheet("Out");
    expect(sheet.cell("B1").bold).toBe(true);
    expect(sheet.cell("A1").fillColor).toBe("#FFEE00");
    expect(sheet.columnWidth("A")).toBe(100);
    expect(sheet.autofittedColumns.has(1)).toBe(true);
    expect(sheet.columnWidth("B")).toBeGreaterThan(48);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.validationAt("A5")).toEqual({ list: { inCellDropDown: true, source: "Approve,Reject" } });
    expect(sheet.validationAt("B5")).toBeNull();
  });

  it("rejects list sources over Excel's 255-character limit", async () => {
    install();
    const err = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
        list: { inCellDropDown: true, source: Array.from({ length: 60 }, (_, i) => `choice${i}`).join(",") },
      };
      await ctx.sync();
    });
    expect(err.code).toBe("InvalidArgument");
  });

  it("records charts", async () => {
    install(FakeWorkbook.from({ Data: [["x", "y"], [1, 2]] }));
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B2"), "Auto");
      chart.title.text = "Spread";
      await ctx.sync();
    });
    expect(host.workbook.sheet("Data").charts[0]).toMatchObject({ type: "ColumnClustered", sourceAddress: "Data!A1:B2", title: "Spread" });
  });
});

describe("conditional formats (ExcelApi 1.6)", () => {
  it("records a cell-value format with its rule and colours at sync, newest at the top priority", async () => {
    install(FakeWorkbook.from({ Out: [["Amount"], [5], [50]] }));
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Out").getRange("A2:A3");
      const first = range.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
      first.cellValue.rule = { formula1: "=10", operator: "GreaterThan" };
      first.cellValue.format.fill.color = "#ffc7ce";
      first.cellValue.format.font.color = "9C0006";
      const second = range.conditionalFormats.add("CellValue");
      second.cellValue.rule = { formula1: '="say ""hi"""', operator: Excel.ConditionalCellValueOperator.equalTo };
      expect(host.workbook.sheet("Out").conditionalFormats).toEqual([]); // nothing before the sync
      const count = range.conditionalFormats.getCount();
      const loaded = range.conditionalFormats.load("items/type,items/priority");
      await ctx.sync();
      expect(count.value).toBe(2);
      expect(loaded.items.map((f) => [f.type, f.priority])).toEqual([
        ["CellValue", 0],
        ["CellValue", 1],
      ]);
    });
    const formats = host.workbook.sheet("Out").conditionalFormats;
    expect(formats).toMatchObject([
      { address: "A2:A3", type: "CellValue", rule: { formula1: '="say ""hi"""', operator: "EqualTo" }, fillColor: null, fontColor: null },
      { address: "A2:A3", type: "CellValue", rule: { formula1: "=10", operator: "GreaterThan" }, fillColor: "#FFC7CE", fontColor: "#9C0006" },
    ]);
    expect(host.workbook.sheet("Out").conditionalFormatsAt("A3")).toHaveLength(2);
    expect(host.workbook.sheet("Out").conditionalFormatsAt("A1")).toEqual([]);
  });

  it("reads back the rule and colours only after load and sync", async () => {
    install();
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:B9");
      range.conditionalFormats.add("CellValue").cellValue.rule = { formula1: "=0", operator: "LessThan" };
      await ctx.sync();
      const cv = range.conditionalFormats.getItemAt(0).cellValue;
      const fill = cv.format.fill;
      cv.load("rule");
      expect(() => cv.rule).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      fill.load("color");
      await ctx.sync();
      expect(cv.rule).toEqual({ formula1: "=0", operator: "LessThan" });
      expect(fill.color).toBeNull();
    });
  });

  it.each([
    ["no formula1", { operator: "GreaterThan" }],
    ["an empty formula1", { formula1: "=", operator: "GreaterThan" }],
    ["an unknown operator", { formula1: "=1", operator: "Bigger" }],
    ["the Invalid operator", { formula1: "=1", operator: "Invalid" }],
    ["Between without formula2", { formula1: "=1", operator: "Between" }],
    ["an unterminated text constant (a quote not doubled)", { formula1: '="a"b"', operator: "EqualTo" }],
    ["a text constant over 255 characters", { formula1: `="${"x".repeat(256)}"`, operator: "EqualTo" }],
  ])("rejects a rule with %s as InvalidArgument at sync", async (_, rule) => {
    install();
    const err = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").conditionalFormats.add("CellValue").cellValue.rule = rule as Excel.ConditionalCellValueRule;
      await ctx.sync();
    });
    expect(err.code).toBe("InvalidArgument");
  });

  it("rejects unknown types and colours, and cellValue on another type", async () => {
    install();
    const add = (type: string) => async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add(type as Excel.ConditionalFormatType);
      await ctx.sync();
    };
    expect((await runError(add("Sparkles"))).code).toBe("InvalidArgument");
    const colour = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add("CellValue").cellValue.format.fill.color = "#12";
      await ctx.sync();
    });
    expect(colour.code).toBe("InvalidArgument");
    const wrongType = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add("DataBar").cellValue.format.fill.color = "#FFFFFF";
      await ctx.sync();
    });
    expect(wrongType.code).toBe("ItemNotFound");
  });

  it("throws ApiNotFound at the call below ExcelApi 1.6", async () => {
    install().setApiSupport("ExcelApi", "1.5");
    const err = await runError(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add("CellValue");
      await ctx.sync();
    });
    expect(err.code).toBe("ApiNotFound");
    expect(host.syncCount).toBe(0);
  });
});

describe("sheet protection", () => {
  const sheet = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Sheet1");

  it("locks every cell but the unlocked ones once protected; the options say what else is allowed", async () => {
    install();
    await Excel.run(async (ctx) => {
      sheet(ctx).getRange("B2:B3").format.protection.locked = false;
      sheet(ctx).protection.protect({ allowFormatColumns: true, allowAutoFilter: true });
      await ctx.sync();
    });
    const ws = host.workbook.sheet("Sheet1");
    expect([ws.lockedAt("A1"), ws.lockedAt("B2"), ws.lockedAt("B3"), ws.lockedAt("B4")]).toEqual([true, false, false, true]);
    await Excel.run(async (ctx) => {
      sheet(ctx).getRange("B2:B3").values = [["ok"], ["fine"]];
      sheet(ctx).getRange("A:A").format.columnWidth = 80; // allowFormatColumns
      const p = sheet(ctx).protection.load("protected,options");
      await ctx.sync();
      expect([p.protected, p.options.allowFormatColumns, p.options.allowFormatCells]).toEqual([true, true, false]);
    });
    expect(ws.values("B2:B3")).toEqual([["ok"], ["fine"]]);
    for (const change of [
      (ctx: Excel.RequestContext) => void (sheet(ctx).getRange("B3:B4").values = [["x"], ["y"]]), // one locked cell is enough
      (ctx: Excel.RequestContext) => void (sheet(ctx).getRange("B2").format.font.bold = true),
      (ctx: Excel.RequestContext) => void (sheet(ctx).getRange("B2").numberFormat = [["@"]]),
      (ctx: Excel.RequestContext) => void (sheet(ctx).getRange("B2").format.protection.locked = true),
      (ctx: Excel.RequestContext) => void (sheet(ctx).getRange("1:1").format.rowHeight = 30),
      (ctx: Excel.RequestContext) => void sheet(ctx).tables.add("A1:B3", true),
      (ctx: Excel.RequestContext) => void sheet(ctx).getRange("B2").conditionalFormats.add("CellValue"),
      (ctx: Excel.RequestContext) => void (sheet(ctx).getRange("B2").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } }),
      (ctx: Excel.RequestContext) => void sheet(ctx).charts.add("Line", sheet(ctx).getRange("A1:B3")),
      (ctx: Excel.RequestContext) => void sheet(ctx).protection.protect(),
    ]) {
      const err = await runError(async (ctx) => {
        change(ctx);
        await ctx.sync();
      });
      expect(err.code).toBe("AccessDenied");
    }
    expect(ws.values("B2:B4")).toEqual([["ok"], ["fine"], [""]]);
    // Unprotected again, everything goes.
    await Excel.run(async (ctx) => {
      sheet(ctx).protection.unprotect();
      sheet(ctx).getRange("A1").values = [["free"]];
      await ctx.sync();
    });
    expect(ws.protection).toBeNull();
    expect(ws.values("A1")).toEqual([["free"]]);
  });

  it("a password needs ExcelApi 1.7, and unprotect then needs it too", async () => {
    install().setApiSupport("ExcelApi", "1.6");
    const err = await runError(async (ctx) => {
      sheet(ctx).protection.protect({}, "pw");
      await ctx.sync();
    });
    expect(err.code).toBe("ApiNotFound");
    host.setApiSupport("ExcelApi", "1.9");
    await Excel.run(async (ctx) => {
      sheet(ctx).protection.protect(undefined, "pw");
      await ctx.sync();
    });
    expect((await runError(async (ctx) => {
      sheet(ctx).protection.unprotect();
      await ctx.sync();
    })).code).toBe("AccessDenied");
    expect(host.workbook.sheet("Sheet1").protection).toEqual({ password: "pw", options: expect.objectContaining({ allowAutoFilter: false, selectionMode: "Normal" }) });
  });
});

describe("worksheet change events (ExcelApi 1.7)", () => {
  /** Resolves after the fake's event task has run. */
  const eventsDelivered = () => new Promise((resolve) => setTimeout(resolve, 5));

  it("calls a sheet's onChanged handlers after a sync that wrote values there, whoever wrote them, not for reads or other sheets", async () => {
    install(FakeWorkbook.from({ Proposal: [["Decision"], [""], [""]], Other: [["x"]] }));
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    const registration = await Excel.run(async (ctx) => {
      const result = ctx.workbook.worksheets.getItem("Proposal").onChanged.add(async (args) => void seen.push(args));
      await ctx.sync();
      return result;
    });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Proposal").getRange("A2:A3").values = [["Approve"], ["Reject"]];
      ctx.workbook.worksheets.getItem("Other").getRange("A1").values = [["y"]];
      ctx.workbook.worksheets.getItem("Proposal").getUsedRange().load("values");
      await ctx.sync();
      // Delivered after the sync, never inside the batch.
      expect(seen).toEqual([]);
    });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Proposal").getUsedRange().load("values");
      await ctx.sync();
    });
    await eventsDelivered();
    expect(seen).toEqual([expect.objectContaining({ type: "WorksheetChanged", changeType: "RangeEdited", source: "Local", address: "A2:A3" })]);

    // Removed in its own context (Excel.run(result.context, …)): no more calls.
    await Excel.run(registration.context, async (ctx) => {
      registration.remove();
      await ctx.sync();
    });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Proposal").getCell(1, 0).values = [["Approve"]];
      await ctx.sync();
    });
    await eventsDelivered();
    expect(seen.length).toBe(1);
  });

  it("reports cleared contents, and needs ExcelApi 1.7", async () => {
    install(FakeWorkbook.from({ Proposal: [["Decision"], ["Approve"]] }));
    const seen: string[] = [];
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Proposal").onChanged.add(async (args) => void seen.push(args.address));
      await ctx.sync();
    });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Proposal").getRange("A2").clear("Formats");
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Proposal").getRange("A2").clear("Contents");
      await ctx.sync();
    });
    await eventsDelivered();
    expect(seen).toEqual(["A2"]);
    host.setApiSupport("ExcelApi", "1.6");
    await Excel.run(async (ctx) => {
      expect(() => ctx.workbook.worksheets.getItem("Proposal").onChanged).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
  });

  it("counts a revision for every write or action, none for a batch that only reads", async () => {
    install(FakeWorkbook.from({ Reps: [["Name"], ["Ann"]] }));
    const before = host.revision;
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Reps").getUsedRange().load("values");
      ctx.workbook.worksheets.getCount();
      await ctx.sync();
    });
    expect(host.revision).toBe(before);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Reps").activate();
      await ctx.sync();
    });
    expect(host.revision).toBe(before + 1);
  });

  it("says whether Office runs on a touch device", () => {
    install();
    expect(Office.context.touchEnabled).toBe(false);
    host.touchEnabled = true;
    expect(Office.context.touchEnabled).toBe(true);
  });
});

describe("payload accounting", () => {
  it("counts grids of values exactly as the UTF-8 length of their JSON, without making it", () => {
    const samples: unknown[] = [
      [["a", 1, true, null, false, -0.5, 1e21, 12345678901234567890]],
      [["引号\"和\\反斜杠", "tab\tnew\nline\r\u0001\u001f\u007f", "é ü ß", "😀 pair", "\ud800 lone high", "lone low \udc00", "\ud83d"]],
      [[NaN, Infinity, -Infinity, undefined]],
      [],
      [[]],
      "",
      "plain",
      0,
      null,
    ];
    for (const value of samples) expect({ value, bytes: plainJsonBytes(value, 0) }).toEqual({ value, bytes: Buffer.byteLength(JSON.stringify(value), "utf8") });
    // Objects and Dates are left to JSON.stringify (toJSON, key order).
    expect(plainJsonBytes([{ a: 1 }], 0)).toBeNull();
    expect(plainJsonBytes([new Date(0)], 0)).toBeNull();
  });
});
