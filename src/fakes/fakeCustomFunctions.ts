/**
 * A fake of Excel's custom-functions runtime over the fake Excel host: formulas such as
 * `=FAIRSHARE.INCENTIVE(A2, B2)` in the fake workbook are evaluated by the associated JavaScript
 * functions, with their arguments handed over AS EXCEL HANDS THEM OVER, and recalculated when Excel
 * would recalculate them. The function tests go through it, so what they show is what a cell shows.
 *
 * How arguments arrive (from the metadata in functions.json, and from the runtime Office ships in
 * @microsoft/office-js/dist/custom-functions-runtime.js, `_batchInvocationEntries`):
 * - every declared parameter gets a value, an omitted optional one `null` ("When no value is specified
 *   for an optional parameter, Excel assigns it the value null", custom-functions-parameter-options);
 *   then the invocation object comes last, for every function, streaming or not;
 * - a reference to an empty cell arrives as `null` in Excel on the web and current builds, and as `0` in
 *   older desktop builds (office-js #4702, #5262): `blankCells` picks which;
 * - an error cell reaches an `any` parameter only when the metadata says `allowErrorForDataTypeAny`, as a
 *   `CustomFunctions.Error` whose `code` is the error ("#N/A"); otherwise Excel does not call the function
 *   and the cell shows the error;
 * - a `matrix` parameter gets rows of cells (a single cell or constant as [[value]]); `number`, `string`
 *   and `boolean` parameters get Excel's coercions, a value that does not coerce is #VALUE! without a call.
 *
 * How results land: a number, text or logical value in the cell; `null` as 0 (office-js #1503); a
 * non-finite number as #NUM!; a thrown or returned `CustomFunctions.Error` as its code with its message; any
 * other exception as #VALUE!; a 2-D array spills down and right (#SPILL! when a cell in the way holds
 * something). A pending promise shows #BUSY!. A streaming function's cell shows #BUSY! until its first
 * `setResult`, then each result as it comes; its invocation is cancelled (`onCanceled`) when the cell's
 * formula is replaced or cleared, and before it is invoked again.
 *
 * When Excel recalculates: a cell is invoked when its formula is entered (or when the runtime is installed,
 * as on opening a workbook), again when a cell its arguments refer to changes, on every recalculation when
 * it is volatile, and for `Application.calculate(Full)`. Nothing else: a function that reads the workbook
 * through the API is not recalculated when what it read changes — that is the staleness Fairshare's
 * functions must handle themselves. A change made in a sync under suspendApiCalculationUntilNextSync (or in
 * Manual calculation mode) waits for the next `calculate`.
 *
 * Not modelled: formulas other than one custom-function call whose arguments are references, constants,
 * array constants or COUNT(reference); dynamic-array lifting of a range given to a scalar parameter (#VALUE!
 * here); rows inserted above a function cell moving it; repeating parameters; batching.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  errorLiteral,
  formatRect,
  overlaps,
  parseRef,
  quoteSheetName,
  splitSheetPrefix,
  type FakeExcelHost,
  type FakeSheet,
  type FakeWorkbookObserver,
  type Rect,
} from "./fakeExcel";

// ---------------------------------------------------------------------------------------------
// Metadata (the shape of functions.json) and the runtime's globals
// ---------------------------------------------------------------------------------------------

export interface FakeFunctionParameter {
  name: string;
  type?: "any" | "number" | "string" | "boolean";
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
  repeating?: boolean;
}

export interface FakeFunctionMetadata {
  id: string;
  name: string;
  parameters?: FakeFunctionParameter[];
  result?: { type?: string; dimensionality?: string };
  options?: { stream?: boolean; volatile?: boolean; cancelable?: boolean; requiresAddress?: boolean; requiresParameterAddresses?: boolean };
}

export interface FakeFunctionsMetadata {
  allowErrorForDataTypeAny?: boolean;
  functions: FakeFunctionMetadata[];
}

/** `CustomFunctions.ErrorCode`. */
export const FAKE_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/**
 * `CustomFunctions.Error` as the runtime defines it: an Error with `code` ("#N/A"), `type` "Error" and
 * `basicValue` (the same code). Errors handed to a function as arguments are instances of it too.
 */
export class FakeCustomFunctionError extends Error {
  readonly code: string;
  readonly type = "Error";
  readonly basicValue: string;

  constructor(code?: string, message?: string) {
    super(message ?? "");
    Object.setPrototypeOf(this, FakeCustomFunctionError.prototype);
    this.code = code || FAKE_ERROR_CODES.invalidValue;
    this.basicValue = this.code;
  }
}

/** The invocation object every function gets as its last argument. */
export interface FakeInvocation {
  address: string;
  functionName: string;
  parameterAddresses?: (string | null)[];
  /** Streaming functions only. */
  setResult?: (value: unknown) => void;
  onCanceled?: () => void;
}

// ---------------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------------

type Scalar = number | string | boolean;

type Arg =
  | { kind: "omitted" }
  | { kind: "value"; value: Scalar }
  | { kind: "error"; code: string }
  | { kind: "array"; rows: (Scalar | { error: string })[][] }
  | { kind: "ref"; sheetName: string | null; rect: Rect; address: string }
  | { kind: "count"; ref: { sheetName: string | null; rect: Rect; address: string } };

/** Splits at top-level commas (outside quotes, braces and parentheses). */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function constant(text: string): Scalar | { error: string } | null {
  const t = text.trim();
  const str = /^"((?:[^"]|"")*)"$/.exec(t);
  if (str) return str[1].replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase() === "TRUE";
  const num = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(%?)$/.exec(t);
  if (num) return Number(num[1]) / (num[2] ? 100 : 1);
  const error = errorLiteral(t);
  if (error) return { error };
  return null;
}

function reference(text: string): { sheetName: string | null; rect: Rect; address: string } | null {
  const t = text.trim();
  const { sheet, ref } = splitSheetPrefix(t);
  if (!/^\$?[A-Za-z]{0,3}\$?\d*(:\$?[A-Za-z]{0,3}\$?\d*)?$/.test(ref) || ref === "") return null;
  try {
    return { sheetName: sheet ?? null, rect: parseRef(ref), address: t };
  } catch {
    return null;
  }
}

/** The argument a piece of formula text stands for, or null when the fake does not model it. */
function parseArg(text: string): Arg | null {
  if (text.trim() === "") return { kind: "omitted" };
  const c = constant(text);
  if (c !== null) return typeof c === "object" ? { kind: "error", code: c.error } : { kind: "value", value: c };
  const t = text.trim();
  if (t.startsWith("{") && t.endsWith("}")) {
    const rows = t
      .slice(1, -1)
      .split(";")
      .map((row) => splitArgs(row).map(constant));
    if (rows.some((row) => row.some((x) => x === null)) || rows.some((row) => row.length !== rows[0].length)) return null;
    return { kind: "array", rows: rows as (Scalar | { error: string })[][] };
  }
  const count = /^COUNT\((.*)\)$/i.exec(t);
  if (count) {
    const ref = reference(count[1]);
    return ref ? { kind: "count", ref } : null;
  }
  const ref = reference(t);
  return ref ? { kind: "ref", ...ref } : null;
}

/** `=NS.NAME(args)` → the function name and its argument texts; null for any other formula. */
function parseCall(formula: string, namespace: string): { name: string; args: string[] } | null {
  const m = /^=\s*([A-Za-z_][\w.]*)\.([\p{L}\p{N}_.]+)\s*\(([\s\S]*)\)\s*$/u.exec(formula);
  if (!m || m[1].toUpperCase() !== namespace.toUpperCase()) return null;
  const inner = m[3].trim();
  return { name: m[2], args: inner === "" ? [] : splitArgs(inner) };
}

// ---------------------------------------------------------------------------------------------
// The runtime
// ---------------------------------------------------------------------------------------------

/** Thrown inside argument marshalling: Excel answers the cell with this error without calling the function. */
class NotCalled {
  constructor(readonly code: string) {}
}

interface FunctionCell {
  sheet: FakeSheet;
  r: number;
  c: number;
  formula: string;
  meta: FakeFunctionMetadata;
  args: Arg[];
  /** Grows with every invocation: results of an older one are dropped. */
  generation: number;
  live: FakeInvocation | null;
  /** Cells (other than this one) the last result spilled into. */
  spill: Rect | null;
}

/** Which function cells refer to a sheet: by row for short references, in `wide` for tall ones. */
interface SheetDependents {
  rows: Map<number, Set<FunctionCell>>;
  wide: Set<FunctionCell>;
}

/** References at most this tall are indexed row by row. */
const SHORT_REFERENCE_ROWS = 64;

export interface FakeCustomFunctionsOptions {
  /** The functions' namespace, as the manifest declares it. */
  namespace: string;
  /**
   * How a reference to an empty cell arrives: `null` (Excel on the web, current builds) or `0` (older
   * desktop builds, office-js #4702 and #5262). Default null.
   */
  blankCells?: null | 0;
}

const key = (sheet: FakeSheet, r: number, c: number) => `${sheet.id}!${r},${c}`;

export class FakeCustomFunctionsRuntime {
  blankCells: null | 0;
  readonly namespace: string;
  /** The global `CustomFunctions` this runtime installs. */
  readonly global: { Error: typeof FakeCustomFunctionError; ErrorCode: typeof FAKE_ERROR_CODES; associate: (...args: any[]) => void };
  /** Calls made so far, per function id. */
  readonly invocations = new Map<string, number>();
  /** Formula texts with arguments the fake does not model (their cells show #NAME?). */
  readonly unsupported: string[] = [];
  private readonly byId = new Map<string, FakeFunctionMetadata>();
  private readonly byName = new Map<string, FakeFunctionMetadata>();
  private readonly implementations = new Map<string, (...args: any[]) => unknown>();
  private readonly cells = new Map<string, FunctionCell>();
  private readonly dependents = new Map<FakeSheet, SheetDependents>();
  private readonly volatile = new Set<FunctionCell>();
  private readonly dirty = new Set<FunctionCell>();
  private flushScheduled = false;
  private readonly messages = new Map<string, string>();
  private readonly observer: FakeWorkbookObserver;

  constructor(
    readonly host: FakeExcelHost,
    readonly metadata: FakeFunctionsMetadata,
    options: FakeCustomFunctionsOptions,
  ) {
    this.namespace = options.namespace;
    this.blankCells = options.blankCells ?? null;
    for (const f of metadata.functions) {
      this.byId.set(f.id.toUpperCase(), f);
      this.byName.set(f.name.toUpperCase(), f);
    }
    const associate = (idOrMappings: string | Record<string, (...args: any[]) => unknown>, fn?: (...args: any[]) => unknown) => {
      const entries = typeof idOrMappings === "string" ? [[idOrMappings, fn] as const] : Object.entries(idOrMappings);
      for (const [id, f] of entries) {
        if (typeof f !== "function") throw new TypeError(`CustomFunctions.associate("${id}"): not a function`);
        this.implementations.set(id.toUpperCase(), f);
      }
    };
    this.global = { Error: FakeCustomFunctionError, ErrorCode: FAKE_ERROR_CODES, associate };
    this.observer = {
      cellsChanged: (sheet, rect) => this.changed(sheet, rect, null),
      sheetDeleted: (sheet) => {
        for (const [k, cell] of this.cells) if (cell.sheet === sheet) this.untrack(k, cell);
      },
      calculated: (type) => {
        for (const cell of type === "Recalculate" ? this.volatile : this.cells.values()) this.dirty.add(cell);
        this.schedule();
      },
    };
    host.workbook.observers.add(this.observer);
  }

  /** Stops following the workbook; live streaming invocations are cancelled. */
  dispose(): void {
    this.host.workbook.observers.delete(this.observer);
    for (const [k, cell] of this.cells) this.untrack(k, cell);
  }

  /** How many times functions were called (all, or one id). */
  invocationCount(id?: string): number {
    if (id !== undefined) return this.invocations.get(id.toUpperCase()) ?? 0;
    let n = 0;
    for (const v of this.invocations.values()) n += v;
    return n;
  }

  /** The message of an error a function returned into a cell ("Sheet1", "C2"), or null. */
  errorMessage(sheet: string, address: string): string | null {
    const s = this.host.workbook.sheet(sheet);
    const { r0, c0 } = parseRef(address);
    return this.messages.get(key(s, r0, c0)) ?? null;
  }

  /** Streaming invocations that have not been cancelled. */
  liveInvocations(): number {
    let n = 0;
    for (const cell of this.cells.values()) if (cell.live) n++;
    return n;
  }

  /** Evaluates every custom-function formula in the workbook, as Excel does when it opens one. */
  recalculateAll(): Promise<void> {
    for (const sheet of this.host.workbook.sheets) this.scan(sheet, null);
    for (const cell of this.cells.values()) this.dirty.add(cell);
    this.schedule();
    return this.host.settled();
  }

  // ----- tracking -----

  /**
   * Cells of `rect` changed: (re)track formulas there and mark the cells that refer to them dirty. A change
   * by a person or the API (`by` null) is a recalculation, so volatile cells are dirty too; a result that
   * landed (`by` its cell) only dirties its dependents.
   */
  private changed(sheet: FakeSheet, rect: Rect, by: FunctionCell | null): void {
    this.scan(sheet, rect);
    if (by === null) for (const cell of this.volatile) this.dirty.add(cell);
    const deps = this.dependents.get(sheet);
    if (deps) {
      const candidates = new Set<FunctionCell>(deps.wide);
      if (rect.nr <= SHORT_REFERENCE_ROWS * 16) {
        for (let r = rect.r0; r < rect.r0 + rect.nr; r++) for (const cell of deps.rows.get(r) ?? []) candidates.add(cell);
      } else {
        for (const set of deps.rows.values()) for (const cell of set) candidates.add(cell);
      }
      for (const cell of candidates) {
        if (cell !== by && cell.args.some((a) => this.refersTo(cell, a, sheet, rect))) this.dirty.add(cell);
      }
    }
    this.schedule();
  }

  private targetOf(cell: FunctionCell, arg: Arg): { sheet: FakeSheet; rect: Rect } | null {
    const ref = arg.kind === "ref" ? arg : arg.kind === "count" ? arg.ref : null;
    if (!ref) return null;
    const sheet = ref.sheetName === null ? cell.sheet : this.host.workbook.findSheet(ref.sheetName);
    return sheet ? { sheet, rect: ref.rect } : null;
  }

  private refersTo(cell: FunctionCell, arg: Arg, sheet: FakeSheet, rect: Rect): boolean {
    const target = this.targetOf(cell, arg);
    return target !== null && target.sheet === sheet && overlaps(target.rect, rect);
  }

  /** Finds the custom-function formulas in `rect` (or the whole sheet), tracking new ones and dropping replaced ones. */
  private scan(sheet: FakeSheet, rect: Rect | null): void {
    const stale = (k: string, cell: FunctionCell) => {
      if (sheet.rawCell(cell.r, cell.c)?.f !== cell.formula) this.untrack(k, cell);
    };
    if (rect && rect.nr * rect.nc <= 4096) {
      for (let r = rect.r0; r < rect.r0 + rect.nr; r++) {
        for (let c = rect.c0; c < rect.c0 + rect.nc; c++) {
          const k = key(sheet, r, c);
          const cell = this.cells.get(k);
          if (cell) stale(k, cell);
        }
      }
    } else {
      for (const [k, cell] of this.cells) {
        if (cell.sheet === sheet && (!rect || overlaps(rect, { r0: cell.r, c0: cell.c, nr: 1, nc: 1 }))) stale(k, cell);
      }
    }
    sheet.forEachCell((r, c, data) => {
      if (data.f === undefined) return;
      const k = key(sheet, r, c);
      if (this.cells.get(k)?.formula === data.f) return;
      const call = parseCall(data.f, this.namespace);
      if (!call) return;
      const meta = this.byId.get(call.name.toUpperCase()) ?? this.byName.get(call.name.toUpperCase());
      const args = call.args.map(parseArg);
      if (!meta || args.some((a) => a === null)) {
        if (meta) this.unsupported.push(data.f);
        sheet.writeCell(r, c, { v: "#NAME?", f: data.f, err: true });
        return;
      }
      this.track(k, { sheet, r, c, formula: data.f, meta, args: args as Arg[], generation: 0, live: null, spill: null });
      sheet.writeCell(r, c, { v: "#BUSY!", f: data.f, err: true });
    }, rect ?? undefined);
  }

  private track(k: string, cell: FunctionCell): void {
    this.cells.set(k, cell);
    this.dirty.add(cell);
    if (cell.meta.options?.volatile) this.volatile.add(cell);
    for (const arg of cell.args) {
      const target = this.targetOf(cell, arg);
      if (!target) continue;
      let deps = this.dependents.get(target.sheet);
      if (!deps) this.dependents.set(target.sheet, (deps = { rows: new Map(), wide: new Set() }));
      if (target.rect.nr > SHORT_REFERENCE_ROWS) deps.wide.add(cell);
      else {
        for (let r = target.rect.r0; r < target.rect.r0 + target.rect.nr; r++) {
          let set = deps.rows.get(r);
          if (!set) deps.rows.set(r, (set = new Set()));
          set.add(cell);
        }
      }
    }
  }

  private untrack(k: string, cell: FunctionCell): void {
    this.cancel(cell);
    this.clearSpill(cell);
    this.messages.delete(k);
    this.cells.delete(k);
    this.dirty.delete(cell);
    this.volatile.delete(cell);
    for (const deps of this.dependents.values()) {
      deps.wide.delete(cell);
      for (const arg of cell.args) {
        const target = this.targetOf(cell, arg);
        if (!target || target.rect.nr > SHORT_REFERENCE_ROWS) continue;
        for (let r = target.rect.r0; r < target.rect.r0 + target.rect.nr; r++) deps.rows.get(r)?.delete(cell);
      }
    }
  }

  private cancel(cell: FunctionCell): void {
    const live = cell.live;
    cell.live = null;
    cell.generation++;
    live?.onCanceled?.();
  }

  /** Evaluates dirty cells after the current sync, unless calculation waits for the add-in. */
  private schedule(): void {
    if (this.flushScheduled || this.dirty.size === 0) return;
    if (this.host._current?.calculationSuspended || this.host.workbook.calculationMode === "Manual") return;
    this.flushScheduled = true;
    this.host.track(
      (async () => {
        for (let i = 0; i < 3; i++) await Promise.resolve();
        this.flushScheduled = false;
        const cells = [...this.dirty];
        this.dirty.clear();
        for (const cell of cells) if (this.cells.get(key(cell.sheet, cell.r, cell.c)) === cell) this.invoke(cell);
      })(),
    );
  }

  // ----- invocation -----

  private invoke(cell: FunctionCell): void {
    this.cancel(cell);
    const generation = cell.generation;
    const id = cell.meta.id.toUpperCase();
    const impl = this.implementations.get(id);
    if (!impl) return this.land(cell, generation, new FakeCustomFunctionError(FAKE_ERROR_CODES.invalidName, `${this.namespace}.${cell.meta.id} is not associated with a JavaScript function`));
    let values: unknown[];
    try {
      values = (cell.meta.parameters ?? []).map((p, i) => this.marshal(cell, p, cell.args[i] ?? { kind: "omitted" }));
    } catch (e) {
      if (e instanceof NotCalled) return this.land(cell, generation, new FakeCustomFunctionError(e.code));
      throw e;
    }
    const streaming = cell.meta.options?.stream === true;
    const invocation: FakeInvocation = {
      address: `${quoteSheetName(cell.sheet.name)}!${formatRect({ r0: cell.r, c0: cell.c, nr: 1, nc: 1 })}`,
      functionName: `${this.namespace}.${cell.meta.id}`,
    };
    if (cell.meta.options?.requiresParameterAddresses) {
      invocation.parameterAddresses = cell.args.map((a) => (a.kind === "ref" ? a.address : null));
    }
    if (streaming) {
      invocation.setResult = (value: unknown) => {
        if (cell.generation === generation && cell.live === invocation) this.land(cell, generation, value);
      };
      cell.live = invocation;
    }
    this.invocations.set(id, (this.invocations.get(id) ?? 0) + 1);
    let result: unknown;
    try {
      result = impl(...values, invocation);
    } catch (e) {
      return this.land(cell, generation, e);
    }
    if (streaming) return;
    if (result && typeof (result as PromiseLike<unknown>).then === "function") {
      this.host.track(
        Promise.resolve(result).then(
          (v) => this.land(cell, generation, v),
          (e: unknown) => this.land(cell, generation, e instanceof FakeCustomFunctionError ? e : e instanceof Error ? e : new Error(String(e))),
        ),
      );
      return;
    }
    this.land(cell, generation, result);
  }

  /** One argument as Excel hands it over for parameter `p`. */
  private marshal(cell: FunctionCell, p: FakeFunctionParameter, arg: Arg): unknown {
    const type = p.type ?? "any";
    const matrix = p.dimensionality === "matrix";
    const allowError = this.metadata.allowErrorForDataTypeAny === true && type === "any";
    const error = (code: string) => {
      if (allowError) return new FakeCustomFunctionError(code);
      throw new NotCalled(code);
    };
    const convert = (v: Scalar | { error: string } | "blank"): unknown => {
      if (v === "blank") return blankAs(type, this.blankCells);
      if (typeof v === "object") return error(v.error);
      return coerce(type, v);
    };
    switch (arg.kind) {
      case "omitted":
        return null;
      case "value":
        return matrix ? [[convert(arg.value)]] : convert(arg.value);
      case "error":
        return matrix ? [[error(arg.code)]] : error(arg.code);
      case "array":
        if (matrix) return arg.rows.map((row) => row.map(convert));
        if (arg.rows.length === 1 && arg.rows[0].length === 1) return convert(arg.rows[0][0]);
        throw new NotCalled(FAKE_ERROR_CODES.invalidValue);
      case "count": {
        const cells = this.read(cell, arg.ref);
        let n = 0;
        for (const row of cells) for (const v of row) if (typeof v === "number") n++;
        return matrix ? [[n]] : n;
      }
      case "ref": {
        const cells = this.read(cell, arg);
        if (matrix) return cells.map((row) => row.map(convert));
        if (cells.length === 1 && cells[0].length === 1) return convert(cells[0][0]);
        throw new NotCalled(FAKE_ERROR_CODES.invalidValue); // dynamic-array lifting is not modelled
      }
    }
  }

  /** The cells of a reference: "blank", a value, or { error }. */
  private read(cell: FunctionCell, ref: { sheetName: string | null; rect: Rect }): (Scalar | { error: string } | "blank")[][] {
    const sheet = ref.sheetName === null ? cell.sheet : this.host.workbook.findSheet(ref.sheetName);
    if (!sheet) throw new NotCalled(FAKE_ERROR_CODES.invalidReference);
    const out: (Scalar | { error: string } | "blank")[][] = [];
    for (let r = ref.rect.r0; r < ref.rect.r0 + ref.rect.nr; r++) {
      const row: (Scalar | { error: string } | "blank")[] = [];
      for (let c = ref.rect.c0; c < ref.rect.c0 + ref.rect.nc; c++) {
        const data = sheet.rawCell(r, c);
        if (!data || (data.v === "" && data.f === undefined && !data.err)) row.push("blank");
        else if (data.err) row.push({ error: String(data.v) });
        else row.push(data.v);
      }
      out.push(row);
    }
    return out;
  }

  /** Writes a result (or an error) into the cell, spilling a matrix; results of a superseded invocation are dropped. */
  private land(cell: FunctionCell, generation: number, value: unknown): void {
    if (cell.generation !== generation || this.cells.get(key(cell.sheet, cell.r, cell.c)) !== cell) return;
    const k = key(cell.sheet, cell.r, cell.c);
    this.messages.delete(k);
    this.clearSpill(cell);
    const write = (r: number, c: number, v: unknown) => {
      const isError = v instanceof FakeCustomFunctionError || (v instanceof Error && !(v instanceof FakeCustomFunctionError));
      let out: { v: Scalar; err?: boolean };
      if (v instanceof FakeCustomFunctionError) out = { v: v.code, err: true };
      else if (isError) out = { v: FAKE_ERROR_CODES.invalidValue, err: true };
      else if (v === null || v === undefined) out = { v: 0 };
      else if (typeof v === "number") out = Number.isFinite(v) ? { v } : { v: FAKE_ERROR_CODES.invalidNumber, err: true };
      else if (typeof v === "string" || typeof v === "boolean") out = { v };
      else out = { v: FAKE_ERROR_CODES.invalidValue, err: true };
      const formula = r === cell.r && c === cell.c ? cell.formula : undefined;
      cell.sheet.writeCell(r, c, { v: out.v, f: formula, err: out.err });
    };
    if (Array.isArray(value)) {
      const rows = value as unknown[][];
      const nr = rows.length;
      const nc = nr > 0 && Array.isArray(rows[0]) ? rows[0].length : 0;
      if (nr === 0 || nc === 0 || rows.some((row) => !Array.isArray(row) || row.length !== nc)) {
        write(cell.r, cell.c, new FakeCustomFunctionError(FAKE_ERROR_CODES.invalidValue));
      } else {
        const area: Rect = { r0: cell.r, c0: cell.c, nr, nc };
        let blocked = false;
        cell.sheet.forEachCell((r, c, data) => {
          if ((r !== cell.r || c !== cell.c) && (data.v !== "" || data.f !== undefined)) blocked = true;
        }, area);
        if (blocked) write(cell.r, cell.c, new FakeCustomFunctionError("#SPILL!"));
        else {
          for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) write(cell.r + i, cell.c + j, rows[i][j]);
          cell.spill = nr * nc > 1 ? area : null;
        }
      }
    } else {
      write(cell.r, cell.c, value);
      if (value instanceof FakeCustomFunctionError && value.message) this.messages.set(k, value.message);
    }
    // A result is a change for the cells that refer to it (a calculation raises no change event).
    this.changed(cell.sheet, cell.spill ?? { r0: cell.r, c0: cell.c, nr: 1, nc: 1 }, cell);
  }

  private clearSpill(cell: FunctionCell): void {
    if (!cell.spill) return;
    cell.sheet.forEachCell((r, c) => {
      if (r !== cell.r || c !== cell.c) cell.sheet.clearCell(r, c, "Contents");
    }, cell.spill);
    cell.spill = null;
  }
}

/** What an empty cell becomes for a parameter of `type`. */
function blankAs(type: string, blankCells: null | 0): unknown {
  if (type === "number") return 0;
  if (type === "string") return "";
  if (type === "boolean") return false;
  return blankCells;
}

/** Excel's coercion of a value to a typed parameter; #VALUE! (no call) when it does not coerce. */
function coerce(type: string, v: Scalar): Scalar {
  if (type === "any") return v;
  if (type === "string") return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
  if (type === "number") {
    if (typeof v === "number") return v;
    if (typeof v === "boolean") return v ? 1 : 0;
    const n = Number(v.trim());
    if (v.trim() !== "" && Number.isFinite(n)) return n;
    throw new NotCalled(FAKE_ERROR_CODES.invalidValue);
  }
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (/^(TRUE|FALSE)$/i.test(v.trim())) return v.trim().toUpperCase() === "TRUE";
  throw new NotCalled(FAKE_ERROR_CODES.invalidValue);
}

let installed: { runtime: FakeCustomFunctionsRuntime; saved: { had: boolean; value: unknown } } | null = null;

/**
 * Installs the runtime as the global `CustomFunctions` over `host` (installFakeExcel's), evaluates the
 * custom-function formulas already in the workbook, and returns it. Associate the functions with
 * `CustomFunctions.associate(id, fn)` (as the bundle does), then `await runtime.recalculateAll()` or
 * enter formulas through `host.userEdit` / the API.
 */
export function installFakeCustomFunctions(host: FakeExcelHost, metadata: FakeFunctionsMetadata, options: FakeCustomFunctionsOptions): FakeCustomFunctionsRuntime {
  uninstallFakeCustomFunctions();
  const g = globalThis as Record<string, unknown>;
  const runtime = new FakeCustomFunctionsRuntime(host, metadata, options);
  installed = { runtime, saved: { had: "CustomFunctions" in g, value: g.CustomFunctions } };
  g.CustomFunctions = runtime.global;
  return runtime;
}

/** Removes the runtime and restores the previous global `CustomFunctions`. */
export function uninstallFakeCustomFunctions(): void {
  if (!installed) return;
  installed.runtime.dispose();
  const g = globalThis as Record<string, unknown>;
  if (installed.saved.had) g.CustomFunctions = installed.saved.value;
  else delete g.CustomFunctions;
  installed = null;
}
