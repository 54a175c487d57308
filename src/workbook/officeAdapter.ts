/**
 * The Office.js adapter: the add-in's workbook. This is the ONLY module that calls `Excel.run` or
 * `context.sync()`; everything else reaches the workbook through `WorkbookPort`.
 *
 * Every method is a fixed, small number of round trips: reads load whole used ranges in one sync,
 * writes send whole 2-D blocks, and large writes are cut into chunks that keep each request under
 * Excel on the web's 5 MB payload limit. No sync ever happens per row.
 */
import { nextTask } from "./nextTask";
import type { Cell, Highlight, OutputSheet, Table } from "../engine/table";
import { APPENDED_HIGHLIGHT_LAST_ROW, capCellText, HIGHLIGHT_COLORS, NUMBER_FORMATS, dateToSerial, formulaText, isValidSheetName, utf8Length, validateHighlights, validateProtection } from "./format";
import { columnLetter as letterOf } from "../engine/settings/parse";
import { checkReplaceable, SheetExistsError, type AddSheetsOptions, type CellUpdate, type ReadOptions, type SheetInfo, type WorkbookPort } from "./port";

export { SheetExistsError };

/** What `values` accepts per cell (Office.js rejects Date objects and turns NaN into "unchanged"). */
type ExcelInput = string | number | boolean;

/** Excel on the web rejects requests over 5 MB; stay well below it. */
const DEFAULT_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
/** Allowance per queued action for the request envelope (object paths, ids, property names). */
const ACTION_BYTES = 256;
/** Excel refuses a comma-separated list validation source longer than this. */
const LIST_SOURCE_LIMIT = 255;

export interface OfficeWorkbookOptions {
  /** Request budget per sync in bytes; defaults to 4 MB (Excel on the web's limit is 5 MB). */
  maxPayloadBytes?: number;
  /** Most cells one range read asks for; defaults to MAX_CELLS_PER_READ. */
  maxCellsPerRead?: number;
}

/** 0 → "A", 26 → "AA" (the engine's 1-based letters, from a 0-based index). */
function columnLetter(index: number): string {
  return letterOf(index + 1);
}

/** A1 address of a block given 0-based top-left and size. */
function a1(row: number, column: number, rows: number, columns: number): string {
  const first = `${columnLetter(column)}${row + 1}`;
  return rows === 1 && columns === 1 ? first : `${first}:${columnLetter(column + columns - 1)}${row + rows}`;
}

/**
 * Whether Excel would read this string as something other than the same text when it is assigned
 * to `values` of a General cell: a formula (= + - @), a number, percent, date or time (any digit),
 * a boolean, an error value (#N/A), or a string whose own leading apostrophe Excel would eat.
 * Such strings are written with a leading apostrophe, which Excel stores as a hidden prefix.
 * @example needsTextPrefix("=1+1") // true
 * @example needsTextPrefix("00123") // true
 * @example needsTextPrefix("Ann") // false
 */
export function needsTextPrefix(s: string): boolean {
  return s.length > 0 && (/^[=+\-@'#\s]/.test(s) || /\d/.test(s) || /^(true|false)$/i.test(s.trim()));
}

/**
 * One engine cell as `values` input. In a Text-formatted ("@") cell strings go in verbatim (Excel
 * keeps them as typed, and an apostrophe there would stay visible); elsewhere strings that Excel
 * would reinterpret get the apostrophe prefix. `null` becomes "" because Office.js treats a null
 * element as "leave this cell unchanged".
 * @example toExcelInput(new Date(Date.UTC(2024, 0, 5)), false) // 45296
 */
export function toExcelInput(cell: Cell, textCell: boolean): ExcelInput {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) {
    const serial = dateToSerial(cell);
    return Number.isFinite(serial) ? serial : "";
  }
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (typeof cell === "boolean") return cell;
  // Excel holds 32,767 characters a cell: longer text is cut, saying so, before it can fail the batch.
  const text = capCellText(cell);
  return !textCell && needsTextPrefix(text) ? `'${text}` : text;
}

/** Office.js reads empty cells as "": the engine's blank is null. Everything else passes through. */
function fromExcel(v: unknown): Cell {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * The cell-value rule of a highlight. Text becomes a formula string constant with its quotes
 * doubled, so whatever it holds stays one constant and never becomes formula code.
 * @example highlightRule({ op: "equals", text: 'a"b' }) // { formula1: '="a""b"', operator: "EqualTo" }
 * @example highlightRule({ op: "greaterThan", value: 1500 }) // { formula1: "=1500", operator: "GreaterThan" }
 */
export function highlightRule(when: Highlight["when"]): Excel.ConditionalCellValueRule {
  // ConditionalTextComparisonRule only knows contains/begins/ends: an exact match is a cell-value EqualTo.
  return when.op === "greaterThan"
    ? { formula1: `=${when.value}`, operator: "GreaterThan" }
    : { formula1: `=${formulaText(when.text)}`, operator: "EqualTo" };
}


/**
 * Queues the highlights of one sheet as cell-value conditional formats on `rowCount` rows from
 * 0-based `firstRow` of each named column. Excel puts each new format at the top priority, so they
 * are added last to first: the first listed wins where two disagree. ExcelApi 1.6, within the manifest's 1.9.
 */
async function queueHighlights(batcher: SyncBatcher, sheet: () => Excel.Worksheet, headers: readonly string[], highlights: readonly Highlight[], firstRow: number, rowCount: number): Promise<void> {
  if (rowCount <= 0) return;
  for (const h of [...highlights].reverse()) {
    const address = a1(firstRow, headers.indexOf(h.column), rowCount, 1);
    const rule = highlightRule(h.when);
    const colors = { fill: `#${HIGHLIGHT_COLORS[h.style].fill}`, font: `#${HIGHLIGHT_COLORS[h.style].font}` };
    await batcher.add(4 * ACTION_BYTES + utf8Length(rule.formula1), () => {
      const cellValue = sheet().getRange(address).conditionalFormats.add(Excel.ConditionalFormatType.cellValue).cellValue;
      cellValue.rule = rule;
      cellValue.format.fill.color = colors.fill;
      cellValue.format.font.color = colors.font;
    });
  }
}

function isPayloadLimitError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** Excel column width (points) for a width in characters of the default font: (7 px × chars + 5 px padding) × 0.75. */
function widthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** One queued write: its estimated request bytes, what it queues, and how to cut it in two if Excel refuses it. */
interface QueuedOp {
  bytes: number;
  run: () => void;
  split?: () => [QueuedOp, QueuedOp];
}

/**
 * Groups queued operations into syncs whose estimated request size (UTF-8 bytes, as Excel counts
 * them) stays under a budget, so only payload size, never row count, decides how many round trips a
 * write takes. A sync Excel still refuses as too large is replayed in halves (a refused request
 * applied nothing), down to a single row. `finish` recalculates once after the last write, because
 * calculation was suspended during the writes (the docs leave the recalculation to the add-in).
 */
class SyncBatcher {
  private bytes = 0;
  private pending: QueuedOp[] = [];
  private suspendedCalculation = false;

  constructor(
    private readonly context: Excel.RequestContext,
    /** Most request bytes per sync. */
    readonly budget: number,
  ) {}

  /** Queues `op` (estimated at `bytes`), syncing first if it would overflow the current batch. */
  async add(bytes: number, op: () => void, split?: () => [QueuedOp, QueuedOp]): Promise<void> {
    if (this.pending.length > 0 && this.bytes + bytes > this.budget) await this.flush();
    if (this.pending.length === 0) this.suspend();
    op();
    this.bytes += bytes;
    this.pending.push({ bytes, run: op, split });
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const ops = this.pending;
    this.pending = [];
    this.bytes = 0;
    try {
      await this.context.sync();
    } catch (e) {
      if (!isPayloadLimitError(e)) throw e;
      await this.retry(ops, e);
    }
  }

  /** Flushes, then recalculates if any batch suspended calculation. */
  async finish(): Promise<void> {
    await this.flush();
    if (!this.suspendedCalculation) return;
    this.context.application.calculate(Excel.CalculationType.recalculate);
    await this.context.sync();
  }

  private suspend(): void {
    // Excel neither recalculates nor repaints until the batch lands: big writes stay fast and flicker-free.
    this.context.application.suspendApiCalculationUntilNextSync();
    this.suspendedCalculation = true;
    this.context.application.suspendScreenUpdatingUntilNextSync();
  }

  private async retry(ops: QueuedOp[], error: unknown): Promise<void> {
    let halves: QueuedOp[][];
    if (ops.length > 1) halves = [ops.slice(0, Math.ceil(ops.length / 2)), ops.slice(Math.ceil(ops.length / 2))];
    else if (ops[0].split) halves = ops[0].split().map((op) => [op]);
    else throw error;
    for (const half of halves) {
      this.suspend();
      for (const op of half) op.run();
      try {
        await this.context.sync();
      } catch (e) {
        if (!isPayloadLimitError(e)) throw e;
        await this.retry(half, e);
      }
    }
  }
}

/**
 * A write of converted rows at 0-based (`row`, `column`) of the sheet `sheet()` returns (read when the op
 * runs, so a replayed op finds a sheet created by a replayed add), cut in halves when Excel refuses it.
 */
function valuesOp(sheet: () => Excel.Worksheet, row: number, column: number, rows: ExcelInput[][], width: number, bytes = utf8Length(JSON.stringify(rows))): QueuedOp {
  return {
    bytes: ACTION_BYTES + bytes,
    run: () => {
      sheet().getRange(a1(row, column, rows.length, width)).values = rows;
    },
    split:
      rows.length > 1
        ? () => {
            const mid = Math.ceil(rows.length / 2);
            return [valuesOp(sheet, row, column, rows.slice(0, mid), width), valuesOp(sheet, row + mid, column, rows.slice(mid), width)];
          }
        : undefined,
  };
}

/**
 * Most bytes of values one range write carries. A sync still carries up to the budget (several writes),
 * but the page queues them one at a time with a pause between (nextTask): queueing a whole 4 MB block at
 * once held the pane 460 ms at CPU 6×, and a click waited behind it.
 */
const VALUES_WRITE_BYTES = 256 * 1024;

/**
 * Queues `rows` (converted) at 0-based (`row`, `column`) in writes of at most VALUES_WRITE_BYTES, each
 * splittable on refusal, letting the page handle input between them.
 */
async function addValues(batcher: SyncBatcher, sheet: () => Excel.Worksheet, row: number, column: number, rows: ExcelInput[][], width: number): Promise<void> {
  for (const chunk of chunkRows(rows, Math.min(VALUES_WRITE_BYTES, batcher.budget - 4 * ACTION_BYTES))) {
    const op = valuesOp(sheet, row + chunk.start, column, chunk.rows, width, chunk.bytes);
    await batcher.add(op.bytes, op.run, op.split);
    await nextTask();
  }
}

/** Cuts converted rows into blocks whose JSON stays under `limit` bytes, measured row by row. */
function chunkRows(rows: ExcelInput[][], limit: number): Array<{ start: number; rows: ExcelInput[][]; bytes: number }> {
  const chunks: Array<{ start: number; rows: ExcelInput[][]; bytes: number }> = [];
  let start = 0;
  let bytes = 2;
  for (let i = 0; i < rows.length; i++) {
    const rowBytes = utf8Length(JSON.stringify(rows[i])) + 1;
    if (i > start && bytes + rowBytes > limit) {
      chunks.push({ start, rows: rows.slice(start, i), bytes });
      start = i;
      bytes = 2;
    }
    bytes += rowBytes;
  }
  if (rows.length > start) chunks.push({ start, rows: rows.slice(start), bytes });
  return chunks;
}

/** Pads or converts one engine row to exactly `width` Excel inputs. */
function toExcelRow(row: readonly Cell[], width: number, textColumns: readonly boolean[]): ExcelInput[] {
  const out: ExcelInput[] = new Array(width);
  for (let c = 0; c < width; c++) out[c] = toExcelInput(c < row.length ? row[c] : null, textColumns[c] === true);
  return out;
}

/**
 * The date format a column needs when it holds Date objects but has no format of its own, so the
 * serials Excel receives show as dates; null when the column holds no Dates.
 */
function inferredDateFormat(rows: readonly (readonly Cell[])[], column: number): string | null {
  let dates = false;
  for (const row of rows) {
    const v = row[column];
    if (!(v instanceof Date)) continue;
    dates = true;
    if (v.getTime() % 86_400_000 !== 0) return NUMBER_FORMATS.datetime;
  }
  return dates ? NUMBER_FORMATS.date : null;
}

/** Checks everything that can be checked before touching the workbook, so a bad request writes nothing. */
function validateOutputSheets(sheets: readonly OutputSheet[]): void {
  const seen = new Set<string>();
  for (const s of sheets) {
    if (!isValidSheetName(s.name) || s.name.toLowerCase() === "history") throw new RangeError(`invalid sheet name "${s.name}"`);
    if (seen.has(s.name.toLowerCase())) throw new RangeError(`sheet "${s.name}" is requested twice`);
    seen.add(s.name.toLowerCase());
    if (s.columns.length === 0) throw new RangeError(`sheet "${s.name}" has no columns`);
    const tooWide = s.rows.findIndex((r) => r.length > s.columns.length);
    if (tooWide >= 0) throw new RangeError(`sheet "${s.name}": row ${tooWide + 1} has more cells than columns`);
    for (const [header, list] of Object.entries(s.validation ?? {})) {
      if (!s.columns.some((c) => c.header === header)) throw new RangeError(`sheet "${s.name}": validation names unknown column "${header}"`);
      if (list.some((v) => v.includes(","))) throw new RangeError(`sheet "${s.name}": validation values for "${header}" must not contain commas`);
      if (list.join(",").length > LIST_SOURCE_LIMIT) throw new RangeError(`sheet "${s.name}": validation list for "${header}" exceeds ${LIST_SOURCE_LIMIT} characters`);
    }
    validateHighlights(s.name, s.columns.map((c) => c.header), s.highlights ?? []);
    validateProtection(s.name, s.columns.map((c) => c.header), s.protection);
  }
}

/**
 * Largest range whose values one load asks for. Excel returns `values` as null, without an error,
 * above 5M cells (office-js #4783, #6781); a fifth of that keeps each response well inside limits.
 */
export const MAX_CELLS_PER_READ = 1_000_000;

function toTable(s: SheetShape): Table {
  return { sheet: s.name, firstRow: s.rowIndex + 1, firstColumn: s.columnIndex + 1, values: s.values };
}

interface SheetShape {
  name: string;
  sheet: Excel.Worksheet;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  values: Cell[][];
}

/** A change to the workbook's sheets, by sheet name (see OfficeWorkbook.watchSheets). */
export interface SheetEvent {
  kind: "changed" | "added" | "deleted";
  sheet: string;
  /** "changed": the block that changed, A1 style without the sheet. */
  address?: string;
}

/** Most cells converted in one go when a read's values are taken in (see takeValues). */
const CELLS_PER_TASK = 20_000;

/**
 * Converts Excel's values (`fromExcel`) into `into` from row `start`, CELLS_PER_TASK cells at a time with
 * the page free between (nextTask): a whole 4 MB response converted at once held the pane 110–180 ms at
 * CPU 6×.
 */
async function takeValues(values: unknown[][], into: Cell[][], start: number): Promise<void> {
  const width = Math.max(1, values[0]?.length ?? 1);
  const rowsPerTask = Math.max(1, Math.floor(CELLS_PER_TASK / width));
  for (let r = 0; r < values.length; r += rowsPerTask) {
    if (r > 0) await nextTask();
    const end = Math.min(values.length, r + rowsPerTask);
    for (let i = r; i < end; i++) into[start + i] = values[i].map(fromExcel);
  }
}

/**
 * WorkbookPort over Office.js. Uses the global `Excel` (the add-in runtime, or the fake host in tests).
 */
export class OfficeWorkbook implements WorkbookPort {
  private readonly budget: number;
  private readonly maxCells: number;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.budget = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
    this.maxCells = options.maxCellsPerRead ?? MAX_CELLS_PER_READ;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/visibility");
      await context.sync();
      return sheets.items.map((s) => ({ name: s.name, visible: s.visibility === "Visible" }));
    });
  }

  /**
   * Reads in three steps, each one sync: which sheets exist (the collection, so that only documented
   * calls follow: `getItem(name).getUsedRangeOrNullObject()` on sheets known to exist), the shape of
   * each used range (cells with values only, so stray formatting adds no empty rows), then the values
   * of at most `maxRows` rows. Small reads take one sync for the values; a range above
   * MAX_CELLS_PER_READ (Excel answers null for ranges above 5M cells, office-js #4783, #6781) or a
   * response Excel refuses as too large goes to row blocks. Empty cells come back as null, dates as serials.
   */
  async readTables(names: string[], options: ReadOptions = {}): Promise<Table[]> {
    const wanted = [...new Set(names)];
    if (wanted.length === 0) return [];
    const maxRows = options.maxRows ?? Infinity;
    return Excel.run(async (context) => {
      const list = context.workbook.worksheets.load("items/name");
      await context.sync();
      const byName = new Map(list.items.map((ws) => [ws.name.toLowerCase(), ws.name]));
      const existing = wanted.map((n) => byName.get(n.toLowerCase())).filter((n): n is string => n !== undefined);
      const probes = [...new Set(existing)].map((name) => {
        const sheet = context.workbook.worksheets.getItem(name);
        return { name, sheet, used: sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount") };
      });
      if (probes.length === 0) return [];
      await context.sync();
      const shapes: SheetShape[] = probes.map(({ name, sheet, used }) => {
        if (used.isNullObject) return { name, sheet, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, values: [] };
        const rowCount = Math.min(used.rowCount, maxRows);
        return { name, sheet, rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount, columnCount: used.columnCount, values: new Array<Cell[]>(rowCount) };
      });
      const cells = shapes.reduce((n, s) => n + s.rowCount * s.columnCount, 0);
      if (cells > 0 && shapes.every((s) => s.rowCount * s.columnCount <= this.maxCells) && cells * 4 <= this.budget) {
        // The common case: everything in one sync. Excel may still refuse the response (wide text): then blocks.
        const ranges = shapes.map((s) => (s.rowCount > 0 ? s.sheet.getRange(a1(s.rowIndex, s.columnIndex, s.rowCount, s.columnCount)).load("values") : null));
        try {
          await context.sync();
          if (ranges.every((r) => r === null || Array.isArray(r.values))) {
            for (const [i, shape] of shapes.entries()) {
              const r = ranges[i];
              if (r) await takeValues(r.values, shape.values, 0);
            }
            return shapes.map(toTable);
          }
        } catch (e) {
          if (!isPayloadLimitError(e)) throw e;
        }
      }
      await this.readBlocks(context, shapes);
      return shapes.map(toTable);
    });
  }

  /**
   * The large-sheet path: row blocks sized from the bytes per cell seen so far, none above
   * MAX_CELLS_PER_READ cells; a block Excel refuses (or answers with null values) is retried smaller.
   */
  private async readBlocks(context: Excel.RequestContext, shapes: SheetShape[]): Promise<void> {
    let bytesPerCell = 32;
    let cellCap = this.maxCells;
    const queue = shapes.filter((s) => s.rowCount > 0).map((shape) => ({ shape, start: 0, count: shape.rowCount }));
    while (queue.length > 0) {
      const batch: Array<{ shape: SheetShape; start: number; count: number; range: Excel.Range }> = [];
      let room = this.budget;
      while (queue.length > 0) {
        const block = queue[0];
        const rowBytes = block.shape.columnCount * bytesPerCell + 4;
        const fit = Math.min(Math.floor(room / rowBytes), Math.floor(cellCap / block.shape.columnCount));
        if (fit < 1 && batch.length > 0) break;
        const take = Math.min(block.count, Math.max(1, fit));
        const range = block.shape.sheet.getRange(a1(block.shape.rowIndex + block.start, block.shape.columnIndex, take, block.shape.columnCount)).load("values");
        batch.push({ shape: block.shape, start: block.start, count: take, range });
        room -= take * rowBytes;
        if (take === block.count) queue.shift();
        else {
          block.start += take;
          block.count -= take;
        }
      }
      let refused: "size" | "null" | null = null;
      try {
        await context.sync();
        if (batch.some((b) => !Array.isArray(b.range.values))) refused = "null";
      } catch (e) {
        if (!isPayloadLimitError(e)) throw e;
        refused = "size";
      }
      if (refused) {
        if (batch.length === 1 && batch[0].count === 1) throw new RangeError(`Excel returned no values for one row of "${batch[0].shape.name}"`);
        queue.unshift(...batch.map(({ shape, start, count }) => ({ shape, start, count })));
        // Too many bytes: assume fatter cells. Null values: Excel's cell limit is lower than ours; halve it.
        if (refused === "size") bytesPerCell *= 2;
        else cellCap = Math.max(1, Math.floor(Math.max(...batch.map((b) => b.count * b.shape.columnCount)) / 2));
        continue;
      }
      let bytes = 0;
      let cells = 0;
      for (const { shape, start, range } of batch) {
        await takeValues(range.values, shape.values, start);
        bytes += utf8Length(JSON.stringify(range.values));
        cells += range.values.length * shape.columnCount;
      }
      if (cells > 0) bytesPerCell = Math.max(4, (bytes / cells) * 1.25);
    }
  }

  /**
   * First sync: are the names free? Then everything in as few syncs as the payload allows: number
   * formats before values (so Text columns take strings verbatim), whole-block values, table,
   * validation lists, frozen header and column widths.
   */
  async addSheets(sheets: OutputSheet[], options: AddSheetsOptions = {}): Promise<void> {
    if (sheets.length === 0 && !options.replace?.length) return;
    validateOutputSheets(sheets);
    const replace = checkReplaceable(options.replace ?? []);
    await Excel.run(async (context) => {
      const probes = sheets.map((s) => ({ name: s.name, sheet: context.workbook.worksheets.getItemOrNullObject(s.name) }));
      const old = replace.map((name) => ({ name, sheet: context.workbook.worksheets.getItemOrNullObject(name).load("name,position") }));
      await context.sync();
      const replaced = new Set(old.filter((o) => !o.sheet.isNullObject).map((o) => o.sheet.name.toLowerCase()));
      const taken = probes.filter((p) => !p.sheet.isNullObject && !replaced.has(p.name.toLowerCase())).map((p) => p.name);
      if (taken.length > 0) throw new SheetExistsError(taken[0], taken);

      // The old sheets go first (in the same batch as the new ones), so a new sheet may take an old name.
      for (const o of old) if (!o.sheet.isNullObject) o.sheet.delete();
      const batcher = new SyncBatcher(context, this.budget);
      for (const spec of sheets) await this.queueSheet(context, batcher, spec);
      // A sheet that replaces one of the same name takes its place in the tab order.
      const positions = old.filter((o) => !o.sheet.isNullObject).sort((a, b) => a.sheet.position - b.sheet.position);
      for (const o of positions) {
        if (sheets.some((s) => s.name.toLowerCase() === o.sheet.name.toLowerCase())) {
          await batcher.add(ACTION_BYTES, () => {
            context.workbook.worksheets.getItem(o.name).position = o.sheet.position;
          });
        }
      }
      await queueProtection(context, batcher, sheets);
      await batcher.finish();
    });
  }

  private async queueSheet(context: Excel.RequestContext, batcher: SyncBatcher, spec: OutputSheet): Promise<void> {
    const width = spec.columns.length;
    const preamble = spec.preamble ?? [];
    // One blank line between the preamble and the table, as the ExcelJS adapter writes it (0-based row).
    const headerRow = preamble.length > 0 ? preamble.length + 1 : 0;
    const dataRows = spec.rows.length;
    const textColumns = spec.columns.map((c) => c.format === "text");
    let ws!: Excel.Worksheet;

    await batcher.add(ACTION_BYTES + utf8Length(spec.name), () => {
      ws = context.workbook.worksheets.add(spec.name);
    });

    // Formats go first: a Text ("@") cell keeps strings verbatim only if it is Text when they arrive.
    // One non-array value applies to every cell of a range (documented Office.js behaviour), so a
    // column's format costs a few bytes whatever its length.
    if (dataRows > 0) {
      for (let c = 0; c < width; c++) {
        const kind = spec.columns[c].format;
        const format = kind ? NUMBER_FORMATS[kind] : inferredDateFormat(spec.rows, c);
        if (!format) continue;
        await batcher.add(ACTION_BYTES, () => {
          ws.getRange(a1(headerRow + 1, c, dataRows, 1)).numberFormat = format as unknown as string[][];
        });
      }
    }

    const header = [spec.columns.map((c) => toExcelInput(c.header, false))];
    await batcher.add(2 * ACTION_BYTES + utf8Length(JSON.stringify(header)), () => {
      const range = ws.getRange(a1(headerRow, 0, 1, width));
      range.values = header;
      range.format.font.bold = true;
    });

    const rows = spec.rows.map((r) => toExcelRow(r, width, textColumns));
    await addValues(batcher, () => ws, headerRow + 1, 0, rows, width);

    if (spec.asTable) {
      await batcher.add(ACTION_BYTES, () => {
        ws.tables.add(a1(headerRow, 0, dataRows + 1, width), true);
      });
    }

    // Exactly the data rows: an output sheet is written once and not appended to.
    await queueHighlights(batcher, () => ws, spec.columns.map((c) => c.header), spec.highlights ?? [], headerRow + 1, dataRows);

    if (spec.chart && dataRows > 0) {
      const { title, columns } = spec.chart;
      const type = spec.chart.type === "line" ? Excel.ChartType.line : Excel.ChartType.columnClustered;
      await batcher.add(3 * ACTION_BYTES + utf8Length(title), () => {
        const chart = ws.charts.add(type, ws.getRange(a1(headerRow, 0, dataRows + 1, columns)), Excel.ChartSeriesBy.columns);
        chart.title.text = title;
        chart.setPosition(`${columnLetter(width + 1)}${headerRow + 1}`, `${columnLetter(width + 9)}${headerRow + 20}`);
      });
    }

    if (spec.validation) {
      for (const [headerName, list] of Object.entries(spec.validation)) {
        const c = spec.columns.findIndex((col) => col.header === headerName);
        const source = list.join(",");
        await batcher.add(ACTION_BYTES + utf8Length(source), () => {
          ws.getRange(a1(headerRow + 1, c, Math.max(1, dataRows), 1)).dataValidation.rule = { list: { inCellDropDown: true, source } };
        });
      }
    }

    await batcher.add(ACTION_BYTES, () => {
      ws.freezePanes.freezeRows(headerRow + 1);
    });

    const block = a1(headerRow, 0, dataRows + 1, width);
    const explicit = spec.columns.map((c, i) => ({ i, width: c.width })).filter((c): c is { i: number; width: number } => typeof c.width === "number");
    await batcher.add(ACTION_BYTES * (1 + explicit.length), () => {
      // Autofit before the preamble is written (below): Excel fits the whole column.
      if (explicit.length < width) ws.getRange(block).format.autofitColumns();
      for (const { i, width: chars } of explicit) ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = widthToPoints(chars);
    });

    // The preamble goes in after the autofit: Excel fits a column to all its cells, so a long title
    // written first would widen column A. Numbers take their preambleFormats; the first line is bold,
    // as the CLI writes it.
    if (preamble.length > 0) {
      const preambleWidth = preamble.reduce((w, r) => Math.max(w, r.length), 1);
      const values = preamble.map((r) => toExcelRow(r, preambleWidth, []));
      const formats = preamble.map((r) =>
        Array.from({ length: preambleWidth }, (_, i) => {
          const kind = spec.preambleFormats?.[i];
          return kind && typeof r[i] === "number" ? NUMBER_FORMATS[kind] : null;
        }),
      );
      const formatted = formats.some((r) => r.some((f) => f !== null));
      await batcher.add(2 * ACTION_BYTES + utf8Length(JSON.stringify(values)) + (formatted ? utf8Length(JSON.stringify(formats)) : 0), () => {
        const range = ws.getRange(a1(0, 0, preamble.length, preambleWidth));
        if (formatted) range.numberFormat = formats as string[][];
        range.values = values;
        ws.getRange(a1(0, 0, 1, preambleWidth)).format.font.bold = true;
      });
    }
  }

  /**
   * Two syncs (more only if the updates outgrow a request), then one recalculation. First the number
   * format of each cell that gets a string, so the cell keeps its format — the user's lookups and pivots
   * on that column depend on its type: a string Excel would reinterpret goes verbatim into a Text ("@")
   * cell and with an apostrophe prefix into any other. Then the values. A null value clears the cell.
   */
  async updateCells(updates: CellUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    await Excel.run(async (context) => {
      const sheets = new Map<string, Excel.Worksheet>();
      const sheetOf = (name: string): Excel.Worksheet => {
        let ws = sheets.get(name);
        if (!ws) {
          ws = context.workbook.worksheets.getItem(name);
          sheets.set(name, ws);
        }
        return ws;
      };
      const formats = updates.map((u) => (typeof u.value === "string" && needsTextPrefix(u.value) ? sheetOf(u.sheet).getCell(u.row - 1, u.column - 1).load("numberFormat") : null));
      await context.sync();
      const batcher = new SyncBatcher(context, this.budget);
      for (const [i, u] of updates.entries()) {
        const input = toExcelInput(u.value, formats[i]?.numberFormat[0][0] === "@");
        await batcher.add(2 * ACTION_BYTES + utf8Length(JSON.stringify(input)), () => {
          sheetOf(u.sheet).getCell(u.row - 1, u.column - 1).values = [[input]];
        });
      }
      await batcher.finish();
    });
  }

  /**
   * First sync: does the sheet exist, where does its used range end, and what number formats does
   * its last row carry? Second sync: the new rows get those formats (so a Text column stays Text and
   * a date column shows dates), then their values, chunked if large. A sheet it creates gets the
   * highlights in that same sync, on rows 2 to 100,000 of their columns, so later appends are
   * covered too; an existing sheet keeps whatever conditional formats it has.
   */
  async appendRows(sheet: string, header: string[], rows: Cell[][], options: { highlights?: Highlight[] } = {}): Promise<void> {
    const width = rows.reduce((w, r) => Math.max(w, r.length), header.length);
    if (width === 0) return;
    const highlights = options.highlights ?? [];
    validateHighlights(sheet, header, highlights);
    await Excel.run(async (context) => {
      // Only documented calls: list the sheets, then ask an existing one for its used range. Its last row
      // comes from getUsedRange (never null on an existing sheet: a blank one answers A1), not from a
      // method on a range that may be a null object.
      const list = context.workbook.worksheets.load("items/name");
      await context.sync();
      const found = list.items.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
      let ws!: Excel.Worksheet;
      let used: Excel.Range | null = null;
      let lastRow: Excel.Range | null = null;
      if (found) {
        ws = context.workbook.worksheets.getItem(found.name);
        used = ws.getUsedRangeOrNullObject(true).load("rowIndex,rowCount,columnIndex");
        lastRow = ws.getUsedRange(true).getLastRow().load("numberFormat");
        await context.sync();
      }

      const batcher = new SyncBatcher(context, this.budget);
      let start = 1;
      let inherited: (string | undefined)[] = [];
      if (!used || !lastRow || used.isNullObject) {
        const headerValues = [toExcelRow(header, width, [])];
        await batcher.add(2 * ACTION_BYTES + utf8Length(JSON.stringify(headerValues)), () => {
          if (!found) ws = context.workbook.worksheets.add(sheet);
          const range = ws.getRange(a1(0, 0, 1, width));
          range.values = headerValues;
          range.format.font.bold = true;
        });
        if (!found) await queueHighlights(batcher, () => ws, header, highlights, 1, APPENDED_HIGHLIGHT_LAST_ROW - 1);
      } else {
        start = used.rowIndex + used.rowCount;
        const formats: unknown[] = lastRow.numberFormat[0] ?? [];
        inherited = Array.from({ length: width }, (_, c) => {
          const f = formats[c - used.columnIndex];
          return typeof f === "string" ? f : undefined;
        });
      }
      if (rows.length === 0) return batcher.finish();

      // Every target column gets an explicit format, so how strings are escaped below always
      // matches the cells they land in (an apostrophe in a Text cell would stay visible).
      const formats = Array.from({ length: width }, (_, c) => {
        const f = inherited[c];
        return f !== undefined && f !== "General" ? f : inferredDateFormat(rows, c) ?? "General";
      });
      for (let c = 0; c < width; c++) {
        await batcher.add(ACTION_BYTES, () => {
          ws.getRange(a1(start, c, rows.length, 1)).numberFormat = formats[c] as unknown as string[][];
        });
      }
      const textColumns = formats.map((f) => f === "@");
      const values = rows.map((r) => toExcelRow(r, width, textColumns));
      await addValues(batcher, () => ws, start, 0, values, width);
      await batcher.finish();
    });
  }

  /**
   * Reports, by sheet name, every change to a sheet's data (a person's edit, a co-author's, the add-in's own
   * writes) and every sheet added or deleted, for as long as the runtime lives. One Excel.run registers the
   * handlers (WorksheetCollection.onChanged, ExcelApi 1.9; onAdded and onDeleted, 1.7) and loads the sheets'
   * ids and names; after that a change costs no round trip, except on a sheet whose id is new (added since),
   * which one read names. Resolves once Excel has the handlers. Renames raise no event below ExcelApi 1.17;
   * a renamed sheet keeps the name it had when it was last listed.
   */
  async watchSheets(listener: (event: SheetEvent) => void): Promise<void> {
    const names = new Map<string, string>();
    const list = async (context: Excel.RequestContext) => {
      const sheets = context.workbook.worksheets.load("items/id,items/name");
      await context.sync();
      names.clear();
      for (const s of sheets.items) names.set(s.id, s.name);
    };
    // Events come in bursts (a run adds nine sheets and writes them): one listing serves all that wait for it.
    let listing: Promise<void> | null = null;
    const relist = () => (listing ??= Excel.run(list).finally(() => (listing = null)));
    /** The sheet's name, listing the sheets again (at most twice: a listing under way may predate the sheet). */
    const nameOf = async (id: string) => {
      for (let i = 0; i < 2 && !names.has(id); i++) await relist();
      return names.get(id);
    };
    const changed = async (event: Excel.WorksheetChangedEventArgs) => {
      const sheet = await nameOf(event.worksheetId);
      if (sheet !== undefined) listener({ kind: "changed", sheet, address: event.address });
    };
    const added = async (event: Excel.WorksheetAddedEventArgs) => {
      const sheet = await nameOf(event.worksheetId);
      if (sheet !== undefined) listener({ kind: "added", sheet });
    };
    const deleted = async (event: Excel.WorksheetDeletedEventArgs) => {
      const sheet = names.get(event.worksheetId);
      names.delete(event.worksheetId);
      if (sheet !== undefined) listener({ kind: "deleted", sheet });
    };
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.onChanged.add(changed);
      sheets.onAdded.add(added);
      sheets.onDeleted.add(deleted);
      await list(context);
    });
  }

  /** One sync: activates the sheet and selects the cell, so a clicked issue shows its place. */
  async activate(sheet: string, row?: number, column?: number): Promise<void> {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      if (row !== undefined && row >= 1) ws.getCell(row - 1, Math.max(0, (column ?? 1) - 1)).select();
      await context.sync();
    });
  }

}

// ---------------------------------------------------------------------------------------------
// Sheet protection (OutputSheet.protection): kept apart from the reads and writes above.
// ---------------------------------------------------------------------------------------------

/**
 * What people may still do on a protected output sheet: select cells, filter the table, resize columns;
 * everything else (editing locked cells, formatting, inserting or deleting) is refused.
 */
export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowFormatColumns: true,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
};

/**
 * Protects the sheets that ask for it, after everything else is written (a protected sheet refuses the
 * writes, tables and formats before it). First the editable columns' data cells are unlocked, then, in a
 * later sync, each sheet is protected: Excel on the web once kept cells locked when both came in one
 * request (office-js #143). One sync more for any number of sheets; none when no sheet asks. The password
 * (ExcelApi 1.7) is passed only when there is one.
 */
async function queueProtection(context: Excel.RequestContext, batcher: SyncBatcher, sheets: readonly OutputSheet[]): Promise<void> {
  const protectedSheets = sheets.filter((s) => s.protection);
  if (protectedSheets.length === 0) return;
  for (const spec of protectedSheets) {
    const headerRow = spec.preamble?.length ? spec.preamble.length + 1 : 0;
    const rows = spec.rows.length;
    for (const header of spec.protection!.editable) {
      const c = spec.columns.findIndex((col) => col.header === header);
      if (c < 0 || rows === 0) continue;
      await batcher.add(2 * ACTION_BYTES, () => {
        context.workbook.worksheets.getItem(spec.name).getRange(a1(headerRow + 1, c, rows, 1)).format.protection.locked = false;
      });
    }
  }
  await batcher.flush();
  for (const spec of protectedSheets) {
    const password = spec.protection!.password;
    await batcher.add(2 * ACTION_BYTES + utf8Length(password ?? ""), () => {
      const protection = context.workbook.worksheets.getItem(spec.name).protection;
      if (password) protection.protect(PROTECTION_OPTIONS, password);
      else protection.protect(PROTECTION_OPTIONS);
    });
  }
}

