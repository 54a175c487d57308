/**
 * The CLI's workbook for big files: ExcelJS's streaming reader and writer. The in-memory API needed
 * 1.7 GB for 100k rows here; streaming keeps memory to the plain cell arrays the engine needs.
 *
 * Reading keeps every sheet's values. Writing streams the input again and copies each input sheet's
 * values and number formats, then appends the new sheets — cell styles beyond number formats are not
 * carried over in this mode (the CLI says so when it uses it).
 */
import ExcelJS from "exceljs";
import type { Cell, Highlight, OutputSheet, Table } from "../engine/table";
import { addHighlights, fromExcelJs, outputHeaderRow, SheetExistsError, writeOutputSheet } from "./exceljsAdapter";
import { APPENDED_HIGHLIGHT_LAST_ROW, isValidSheetName, validateHighlights } from "./format";
import { checkReplaceable, type AddSheetsOptions, type CellUpdate, type ReadOptions, type SheetInfo, type WorkbookPort } from "./port";

const READ_OPTIONS = { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "emit" } as const;

/** A port over an .xlsx file read once with the streaming reader; writes are kept until {@link save}. */
export class StreamingWorkbook implements WorkbookPort {
  private readonly pending: OutputSheet[] = [];
  /** Lower-cased names of input sheets of ours that new sheets replace. */
  private readonly replaced = new Set<string>();
  private readonly updates: CellUpdate[] = [];
  private readonly appended = new Map<string, { header: string[]; rows: Cell[][]; highlights: Highlight[] }>();

  private constructor(
    readonly path: string,
    private readonly sheets: SheetInfo[],
    private readonly tables: Map<string, Table>,
  ) {}

  /** Reads every sheet's values with the streaming reader. */
  static async open(path: string): Promise<StreamingWorkbook> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, READ_OPTIONS);
    const sheets: SheetInfo[] = [];
    const tables = new Map<string, Table>();
    for await (const ws of reader) {
      const name = (ws as unknown as { name: string }).name;
      const values: Cell[][] = [];
      for await (const row of ws) {
        const raw = row.values as ExcelJS.CellValue[];
        const cells: Cell[] = new Array(Math.max(0, raw.length - 1));
        for (let i = 1; i < raw.length; i++) cells[i - 1] = fromExcelJs(raw[i]);
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        values[row.number - 1] = cells;
      }
      for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
      sheets.push({ name, visible: true });
      tables.set(name, { sheet: name, firstRow: 1, firstColumn: 1, values });
    }
    return new StreamingWorkbook(path, sheets, tables);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return [...this.sheets, ...this.pending.map((s) => ({ name: s.name, visible: true }))];
  }

  async readTables(names: string[], options: ReadOptions = {}): Promise<Table[]> {
    return names
      .filter((n) => this.tables.has(n))
      .map((n) => {
        const t = this.tables.get(n)!;
        return options.maxRows === undefined ? t : { ...t, values: t.values.slice(0, options.maxRows) };
      });
  }

  async addSheets(sheets: OutputSheet[], options: AddSheetsOptions = {}): Promise<void> {
    const names = new Set((await this.listSheets()).map((s) => s.name.toLowerCase()));
    for (const r of checkReplaceable(options.replace ?? [])) {
      if (names.delete(r.toLowerCase())) this.replaced.add(r.toLowerCase());
    }
    for (const s of sheets) {
      if (!isValidSheetName(s.name)) throw new RangeError(`invalid sheet name "${s.name}"`);
      if (names.has(s.name.toLowerCase())) throw new SheetExistsError(s.name);
      validateHighlights(s.name, s.columns.map((c) => c.header), s.highlights ?? []);
    }
    this.pending.push(...sheets);
  }

  async updateCells(updates: CellUpdate[]): Promise<void> {
    this.updates.push(...updates);
  }

  /** A sheet it creates (one not in the input) gets the highlights of the first call, as the other adapters do. */
  async appendRows(sheet: string, header: string[], rows: Cell[][], options: { highlights?: Highlight[] } = {}): Promise<void> {
    const highlights = options.highlights ?? [];
    validateHighlights(sheet, header, highlights);
    const a = this.appended.get(sheet) ?? { header, rows: [], highlights };
    a.rows.push(...rows);
    this.appended.set(sheet, a);
  }

  /** Streams the input again into `out`, applying cell updates and appends, then writes the new sheets. */
  async save(out: string): Promise<void> {
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: true });
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(this.path, READ_OPTIONS);
    const updatesBySheet = new Map<string, Map<string, Cell>>();
    for (const u of this.updates) {
      if (!updatesBySheet.has(u.sheet)) updatesBySheet.set(u.sheet, new Map());
      updatesBySheet.get(u.sheet)!.set(`${u.row}:${u.column}`, u.value);
    }
    const writeNew = (s: OutputSheet) => {
      const ws = writer.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: outputHeaderRow(s), xSplit: 0 }] });
      // Streamed worksheets cannot hold Excel tables; the rows are written as a plain range with a frozen header.
      writeOutputSheet(ws, { ...s, asTable: false }, null, true);
      ws.commit();
    };
    const pending = [...this.pending];
    for await (const ws of reader) {
      const name = (ws as unknown as { name: string }).name;
      if (this.replaced.has(name.toLowerCase())) {
        // A replaced sheet of ours: its successor of the same name takes its place, or it is dropped.
        for await (const _row of ws) void _row;
        const i = pending.findIndex((p) => p.name.toLowerCase() === name.toLowerCase());
        if (i >= 0) writeNew(pending.splice(i, 1)[0]);
        continue;
      }
      const target = writer.addWorksheet(name);
      const updates = updatesBySheet.get(name);
      let last = 0;
      for await (const row of ws) {
        const outRow = target.getRow(row.number);
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const c = outRow.getCell(col);
          c.value = cell.value;
          if (cell.numFmt) c.numFmt = cell.numFmt;
        });
        for (const [k, v] of updates ?? []) {
          const [r, col] = k.split(":").map(Number);
          if (r === row.number) outRow.getCell(col).value = v as ExcelJS.CellValue;
        }
        outRow.commit();
        last = row.number;
      }
      const extra = this.appended.get(name);
      if (extra) for (const r of extra.rows) target.getRow(++last).values = r as ExcelJS.CellValue[];
      target.commit();
    }
    for (const [name, a] of this.appended) {
      if (this.tables.has(name)) continue;
      const ws = writer.addWorksheet(name);
      addHighlights(ws, a.header, a.highlights, 2, APPENDED_HIGHLIGHT_LAST_ROW);
      ws.addRow(a.header).commit();
      for (const r of a.rows) ws.addRow(r as ExcelJS.CellValue[]).commit();
      ws.commit();
    }
    for (const s of pending) writeNew(s);
    await writer.commit();
  }

  /** A file has no user to show a sheet to. */
  async activate(): Promise<void> {}

}
