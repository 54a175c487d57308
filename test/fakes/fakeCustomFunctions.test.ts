/**
 * The fake custom-functions runtime: arguments arrive as Excel hands them over, results land as Excel shows
 * them, and cells recalculate when Excel would recalculate them — and only then.
 */
import { FAKE_ERROR_CODES, FakeCustomFunctionError, installFakeCustomFunctions, type FakeCustomFunctionsRuntime, uninstallFakeCustomFunctions, type FakeFunctionsMetadata, type FakeInvocation } from "../../src/fakes/fakeCustomFunctions";
import { FakeWorkbook, installFakeExcel, uninstallFakeExcel, type FakeExcelHost } from "../../src/fakes/fakeExcel";

afterEach(() => {
  uninstallFakeCustomFunctions();
  uninstallFakeExcel();
});

const any = (name: string, extra: object = {}) => ({ name, type: "any" as const, ...extra });

const METADATA: FakeFunctionsMetadata = {
  allowErrorForDataTypeAny: true,
  functions: [
    { id: "ECHO", name: "ECHO", parameters: [any("value"), any("optional", { optional: true })] },
    { id: "RANGE", name: "RANGE", parameters: [any("values", { dimensionality: "matrix" })] },
    { id: "NUM", name: "NUM", parameters: [{ name: "n", type: "number" }] },
    { id: "TWICE", name: "TWICE", parameters: [any("x")] },
    { id: "GRID", name: "GRID", parameters: [], result: { dimensionality: "matrix" } },
    { id: "READ", name: "READ", parameters: [] },
    { id: "NOW", name: "NOW", parameters: [], options: { volatile: true } },
    { id: "TICK", name: "TICK", parameters: [any("start")], options: { stream: true } },
    { id: "FAIL", name: "FAIL", parameters: [] },
  ],
};

interface Setup {
  host: FakeExcelHost;
  runtime: FakeCustomFunctionsRuntime;
  calls: Record<string, unknown[][]>;
  streams: FakeInvocation[];
}

async function setup(sheets: Record<string, (string | number | boolean | null)[][]>, options: { blankCells?: null | 0; metadata?: FakeFunctionsMetadata } = {}): Promise<Setup> {
  const host = installFakeExcel(FakeWorkbook.from(sheets));
  const runtime = installFakeCustomFunctions(host, options.metadata ?? METADATA, { namespace: "T", blankCells: options.blankCells ?? null });
  const calls: Record<string, unknown[][]> = {};
  const streams: FakeInvocation[] = [];
  const record = (id: string, f: (...args: any[]) => unknown) => (...args: unknown[]) => {
    (calls[id] ??= []).push(args);
    return f(...args);
  };
  let now = 0;
  runtime.global.associate({
    ECHO: record("ECHO", (v: unknown) => (v === null ? "null" : v instanceof FakeCustomFunctionError ? `error ${v.code}` : v)),
    RANGE: record("RANGE", (rows: unknown[][]) => JSON.stringify(rows)),
    NUM: record("NUM", (n: number) => n * 10),
    TWICE: record("TWICE", async (x: number) => x * 2),
    GRID: record("GRID", () => [[1, 2], [3, null]]),
    READ: record("READ", () =>
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Settings").getRange("A1").load("values");
        await context.sync();
        return range.values[0][0];
      }),
    ),
    NOW: record("NOW", () => ++now),
    TICK: record("TICK", (start: number, invocation: FakeInvocation) => {
      streams.push(invocation);
      invocation.setResult!(start);
    }),
    FAIL: record("FAIL", () => {
      throw new FakeCustomFunctionError(FAKE_ERROR_CODES.notAvailable, "nothing here");
    }),
  });
  return { host, runtime, calls, streams };
}

const shows = (host: FakeExcelHost, address: string) => host.workbook.sheet("S").cell(address).value;

describe("arguments", () => {
  it("passes every declared parameter (omitted ones as null) and the invocation last", async () => {
    const { host, calls } = await setup({ S: [[5]] });
    await host.userEdit("S", "B1", "=T.ECHO(A1)");
    expect(calls.ECHO[0]).toEqual([5, null, expect.objectContaining({ address: "S!B1", functionName: "T.ECHO" })]);
  });

  it.each([
    [null, "null"],
    [0, 0],
  ] as const)("hands a blank cell over as %p", async (blankCells, shown) => {
    const { host } = await setup({ S: [[null]] }, { blankCells });
    await host.userEdit("S", "B1", "=T.ECHO(A1)");
    await host.userEdit("S", "C1", "=T.RANGE(A1:A2)");
    expect(shows(host, "B1")).toBe(shown);
    expect(shows(host, "C1")).toBe(JSON.stringify([[blankCells], [blankCells]]));
  });

  it("hands text, numbers, logical values and constants over as they are; a single cell to a matrix as [[value]]", async () => {
    const { host } = await setup({ S: [["a", 2, true]] });
    await host.userEdit("S", "A3", "=T.RANGE(A1:C1)");
    await host.userEdit("S", "A4", "=T.RANGE(B1)");
    await host.userEdit("S", "A5", '=T.RANGE({1,"x";TRUE,2})');
    await host.userEdit("S", "A6", '=T.ECHO("q""uote")');
    expect([shows(host, "A3"), shows(host, "A4"), shows(host, "A5"), shows(host, "A6")]).toEqual(['[["a",2,true]]', "[[2]]", '[[1,"x"],[true,2]]', 'q"uote']);
  });

  it("hands an error over as a CustomFunctions.Error with allowErrorForDataTypeAny, and does not call the function without it", async () => {
    const withOption = await setup({ S: [["#N/A"]] });
    await withOption.host.userEdit("S", "B1", "=T.ECHO(A1)");
    expect(shows(withOption.host, "B1")).toBe("error #N/A");
    uninstallFakeCustomFunctions();
    const without = await setup({ S: [["#N/A"]] }, { metadata: { ...METADATA, allowErrorForDataTypeAny: false } });
    await without.host.userEdit("S", "B1", "=T.ECHO(A1)");
    expect(without.host.workbook.sheet("S").cell("B1")).toMatchObject({ value: "#N/A", isError: true });
    expect(without.calls.ECHO).toBeUndefined();
  });

  it("coerces to a number parameter, and answers #VALUE! without calling when it cannot", async () => {
    const { host, calls } = await setup({ S: [["12", "abc", null]] });
    await host.userEdit("S", "A2", "=T.NUM(A1)");
    await host.userEdit("S", "B2", "=T.NUM(B1)");
    await host.userEdit("S", "C2", "=T.NUM(C1)");
    expect([shows(host, "A2"), shows(host, "B2"), shows(host, "C2")]).toEqual([120, "#VALUE!", 0]);
    expect(calls.NUM).toHaveLength(2);
  });
});

describe("results", () => {
  it("shows #BUSY! until a promise settles, then its value; spills a matrix (null as 0)", async () => {
    const { host } = await setup({ S: [[4]] });
    await host.userEdit("S", "B1", "=T.TWICE(A1)");
    await host.userEdit("S", "D1", "=T.GRID()");
    expect(shows(host, "B1")).toBe(8);
    expect(host.workbook.sheet("S").values("D1:E2")).toEqual([
      [1, 2],
      [3, 0],
    ]);
  });

  it("#SPILL! when a cell in the way holds something", async () => {
    const { host } = await setup({ S: [[null, null, null, null, "x"]] });
    await host.userEdit("S", "D1", "=T.GRID()");
    expect(shows(host, "D1")).toBe("#SPILL!");
  });

  it("a thrown CustomFunctions.Error shows its code, with its message", async () => {
    const { host, runtime } = await setup({ S: [[]] });
    await host.userEdit("S", "A1", "=T.FAIL()");
    expect(shows(host, "A1")).toBe("#N/A");
    expect(runtime.errorMessage("S", "A1")).toBe("nothing here");
  });
});

describe("recalculation: when Excel calls a function again, and when it does not", () => {
  it("again when a cell its arguments refer to changes; not for other edits", async () => {
    const { host, calls } = await setup({ S: [[4, 1]] });
    await host.userEdit("S", "C1", "=T.TWICE(A1)");
    await host.userEdit("S", "B1", 2);
    expect(calls.TWICE).toHaveLength(1);
    await host.userEdit("S", "A1", 5);
    expect(calls.TWICE).toHaveLength(2);
    expect(shows(host, "C1")).toBe(10);
  });

  it("not when what a function read through the API changes: its result goes stale", async () => {
    const { host } = await setup({ S: [[]], Settings: [["old"]] });
    await host.userEdit("S", "A1", "=T.READ()");
    expect(shows(host, "A1")).toBe("old");
    await host.userEdit("Settings", "A1", "new");
    expect(shows(host, "A1")).toBe("old");
  });

  it("a volatile function on every edit of any cell", async () => {
    const { host, calls } = await setup({ S: [[]], Other: [[]] });
    await host.userEdit("S", "A1", "=T.NOW()");
    await host.userEdit("Other", "A1", "x");
    await host.userEdit("Other", "B7", "y");
    expect(calls.NOW).toHaveLength(3);
    expect(shows(host, "A1")).toBe(3);
  });

  it("everything on Application.calculate(Full); only volatile cells on Recalculate", async () => {
    const { host, calls } = await setup({ S: [[4]] });
    await host.userEdit("S", "B1", "=T.TWICE(A1)");
    await host.userEdit("S", "C1", "=T.NOW()");
    for (const type of ["Recalculate", "Full"]) {
      await Excel.run(async (context) => {
        context.workbook.application.calculate(type as Excel.CalculationType);
        await context.sync();
      });
      await host.settled();
    }
    expect(calls.TWICE).toHaveLength(2);
    expect(calls.NOW).toHaveLength(3);
  });

  it("waits for the add-in's calculate after a write under suspendApiCalculationUntilNextSync", async () => {
    const { host, calls } = await setup({ S: [[4]] });
    await host.userEdit("S", "B1", "=T.TWICE(A1)");
    await Excel.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getItem("S").getRange("A1").values = [[6]];
      await context.sync();
    });
    await host.settled();
    expect(shows(host, "B1")).toBe(8);
    await Excel.run(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.recalculate);
      await context.sync();
    });
    await host.settled();
    expect(shows(host, "B1")).toBe(12);
    expect(calls.TWICE).toHaveLength(2);
  });

  it("a streaming function: each setResult lands; a new invocation cancels the old, and a cleared cell cancels it", async () => {
    const { host, streams } = await setup({ S: [[1]] });
    await host.userEdit("S", "B1", "=T.TICK(A1)");
    const first = streams[0];
    const cancelled: string[] = [];
    first.onCanceled = () => void cancelled.push("first");
    first.setResult!(7);
    expect(shows(host, "B1")).toBe(7);
    await host.userEdit("S", "A1", 2);
    expect(cancelled).toEqual(["first"]);
    first.setResult!(99); // a cancelled invocation's results are dropped
    expect(shows(host, "B1")).toBe(2);
    streams[1].onCanceled = () => void cancelled.push("second");
    await host.userEdit("S", "B1", "");
    expect(cancelled).toEqual(["first", "second"]);
  });
});

describe("events", () => {
  it("raise onChanged for API writes and for a person's edits, after the sync, with the sheet's id", async () => {
    const host = installFakeExcel(FakeWorkbook.from({ S: [[1]], Other: [[]] }));
    const seen: unknown[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (e) => void seen.push([e.worksheetId, e.address, e.triggerSource]));
      context.workbook.worksheets.getItem("Other").onChanged.add(async (e) => void seen.push(["Other only", e.address]));
      await context.sync();
    });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B2").values = [[1, 2], [3, 4]];
      await context.sync();
      expect(seen).toEqual([]); // not inside the batch
    });
    await host.settled();
    await host.userEdit("Other", "C3", "x");
    expect(seen).toEqual([
      [host.workbook.sheet("S").id, "A1:B2", "ThisLocalAddin"],
      [host.workbook.sheet("Other").id, "C3", "Unknown"],
      ["Other only", "C3"],
    ]);
  });

  it("raise onAdded and onDeleted; the collection's onChanged needs ExcelApi 1.9", async () => {
    const host = installFakeExcel(FakeWorkbook.from({ S: [[1]] }));
    const seen: string[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.onAdded.add(async (e) => void seen.push(`added ${e.worksheetId}`));
      context.workbook.worksheets.onDeleted.add(async (e) => void seen.push(`deleted ${e.worksheetId}`));
      await context.sync();
    });
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("New");
      await context.sync();
    });
    const id = host.workbook.sheet("New").id;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("New").delete();
      await context.sync();
    });
    await host.settled();
    expect(seen).toEqual([`added ${id}`, `deleted ${id}`]);
    host.setApiSupport("ExcelApi", "1.8");
    await expect(Excel.run(async (context) => void context.workbook.worksheets.onChanged)).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("values reads", () => {
  it("are logged per sheet and block", async () => {
    const host = installFakeExcel(FakeWorkbook.from({ S: [[1, 2], [3, 4]] }));
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B2").load("values");
      context.workbook.worksheets.getItem("S").getRange("A1").load("numberFormat");
      await context.sync();
    });
    expect(host.valueReads).toEqual([{ sheet: "S", address: "A1:B2", rowIndex: 0, columnIndex: 0, rowCount: 2, columnCount: 2 }]);
    expect(host.cellsRead()).toEqual(new Map([["S", 4]]));
  });
});
