import type { Cell, OutputSheet, Table } from "../../src/engine/table";
import { checkReplaceable, type AddSheetsOptions, type CellUpdate, type ReadOptions, type SheetInfo, type WorkbookPort } from "../../src/workbook/port";

/** A plain in-memory workbook port for engine and pipeline tests (no Excel semantics). */
export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, Cell[][]>();
  readonly written: OutputSheet[] = [];
  reads = 0;

  constructor(sheets: Record<string, Cell[][]> = {}) {
    for (const [k, v] of Object.entries(sheets)) this.sheets.set(k, v.map((r) => [...r]));
  }
  async listSheets(): Promise<SheetInfo[]> {
    return [...this.sheets.keys()].map((name) => ({ name, visible: true }));
  }
  async readTables(names: string[], options: ReadOptions = {}): Promise<Table[]> {
    this.reads++;
    return names
      .filter((n) => this.sheets.has(n))
      .map((n) => ({ sheet: n, firstRow: 1, firstColumn: 1, values: this.sheets.get(n)!.slice(0, options.maxRows ?? Infinity) }));
  }
  async addSheets(sheets: OutputSheet[], options: AddSheetsOptions = {}): Promise<void> {
    const replace = new Set(checkReplaceable(options.replace ?? []).filter((n) => this.sheets.has(n)));
    for (const s of sheets) if (this.sheets.has(s.name) && !replace.has(s.name)) throw new Error(`exists: ${s.name}`);
    const content = (s: OutputSheet): Cell[][] => [...(s.preamble ?? []), ...(s.preamble?.length ? [[]] : []), s.columns.map((c) => c.header), ...s.rows];
    // A replacement takes the replaced sheet's place; a replaced sheet without one goes.
    const next = new Map<string, Cell[][]>();
    for (const [name, rows] of this.sheets) {
      if (!replace.has(name)) next.set(name, rows);
      else {
        const s = sheets.find((x) => x.name === name);
        if (s) next.set(name, content(s));
      }
    }
    for (const s of sheets) if (!next.has(s.name)) next.set(s.name, content(s));
    this.sheets.clear();
    for (const [k, v] of next) this.sheets.set(k, v);
    this.written.push(...sheets);
  }
  async updateCells(updates: CellUpdate[]): Promise<void> {
    for (const u of updates) {
      const rows = this.sheets.get(u.sheet)!;
      while (rows.length < u.row) rows.push([]);
      rows[u.row - 1][u.column - 1] = u.value;
    }
  }
  async appendRows(sheet: string, header: string[], rows: Cell[][]): Promise<void> {
    if (!this.sheets.has(sheet)) this.sheets.set(sheet, [header]);
    this.sheets.get(sheet)!.push(...rows);
  }
  readonly activated: { sheet: string; row?: number; column?: number }[] = [];
  async activate(sheet: string, row?: number, column?: number): Promise<void> {
    this.activated.push({ sheet, row, column });
  }

}
