/**
 * The add-in's custom functions in the fake Excel host, as Excel runs them: functions.json generated from
 * functions.ts's JSDoc (the generator CustomFunctionsMetadataPlugin runs, plus the runtime options the
 * build adds), each function associated by the name the bundle associates it with, and formulas entered
 * into cells. What a test reads back is what the cell shows.
 */
import * as path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { withRuntimeOptions } from "../../scripts/localize-functions";
import { installFakeCustomFunctions, uninstallFakeCustomFunctions, type FakeCustomFunctionsRuntime, type FakeFunctionsMetadata } from "../../src/fakes/fakeCustomFunctions";
import { installFakeExcel, uninstallFakeExcel, type CellValue, type FakeExcelHost, type FakeWorkbook } from "../../src/fakes/fakeExcel";
import * as functions from "../../src/functions/functions";
import { resetLiveResults } from "../../src/functions/liveResults";
import { clearWorkbookCaches } from "../../src/functions/workbookData";

const FUNCTIONS = path.resolve(__dirname, "../../src/functions/functions.ts");

let generated: Promise<{ metadata: FakeFunctionsMetadata; associate: Array<{ id: string; functionName: string }> }> | null = null;

/** functions.json as the build makes it, and the associations the plugin appends to the bundle (generated once per test file). */
export function builtMetadata(): Promise<{ metadata: FakeFunctionsMetadata; associate: Array<{ id: string; functionName: string }> }> {
  generated ??= generateCustomFunctionsMetadata([FUNCTIONS], false).then((result) => {
    if (result.errors.length) throw new Error(`functions.json: ${result.errors.join("; ")}`);
    return { metadata: withRuntimeOptions(JSON.parse(result.metadataJson)) as FakeFunctionsMetadata, associate: result.associate };
  });
  return generated;
}

export interface FunctionsWorkbook {
  host: FakeExcelHost;
  runtime: FakeCustomFunctionsRuntime;
  /** Types `formula` into `address` ("Sheet!C2") and waits for Excel to settle. */
  enter(address: string, formula: string): Promise<void>;
  /** What the cell shows: its value, or its error with the function's message. */
  shows(address: string): CellValue | { error: string; message: string | null };
  /** The values of a block ("Sheet!A1:E5"), as a spilled result shows them. */
  block(address: string): CellValue[][];
}

function split(address: string): { sheet: string; ref: string } {
  const bang = address.lastIndexOf("!");
  return { sheet: address.slice(0, bang).replace(/^'(.*)'$/, "$1"), ref: address.slice(bang + 1) };
}

/**
 * Installs the fake Excel host over `workbook` and the fake custom-functions runtime with the add-in's
 * functions, evaluates the formulas already in the workbook, and returns helpers. `blankCells: 0` models
 * the older desktop builds that pass empty cells as 0.
 */
export async function installFunctions(workbook: FakeWorkbook, options: { blankCells?: null | 0; displayLanguage?: string } = {}): Promise<FunctionsWorkbook> {
  const { metadata, associate } = await builtMetadata();
  const host = installFakeExcel(workbook);
  if (options.displayLanguage) host.displayLanguage = options.displayLanguage;
  const runtime = installFakeCustomFunctions(host, metadata, { namespace: "FAIRSHARE", blankCells: options.blankCells ?? null });
  for (const { id, functionName } of associate) runtime.global.associate(id, (functions as unknown as Record<string, (...args: unknown[]) => unknown>)[functionName]);
  await runtime.recalculateAll();
  return {
    host,
    runtime,
    enter: (address, formula) => {
      const { sheet, ref } = split(address);
      return host.userEdit(sheet, ref, formula);
    },
    shows: (address) => {
      const { sheet, ref } = split(address);
      const cell = host.workbook.sheet(sheet).cell(ref);
      return cell.isError ? { error: String(cell.value), message: runtime.errorMessage(sheet, ref) } : cell.value;
    },
    block: (address) => {
      const { sheet, ref } = split(address);
      return host.workbook.sheet(sheet).values(ref);
    },
  };
}

/** Uninstalls the runtime and the host after each test of the file, and forgets what the functions cached. */
export function useFunctionsWorkbook(): void {
  afterEach(() => {
    uninstallFakeCustomFunctions();
    uninstallFakeExcel();
    clearWorkbookCaches();
    resetLiveResults();
  });
}
