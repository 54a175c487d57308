/**
 * The ExcelJS adapter: the CLI's workbook. Holds the whole workbook in memory, which keeps every
 * input sheet as it was (styles, validation, tables) when the out workbook is written.
 */
import ExcelJS from "exceljs";
import { NOT_CALCULATED, type Cell, type Highlight, type OutputSheet, type Table } from "../engine/table";
import { APPENDED_HIGHLIGHT_LAST_ROW, HIGHLIGHT_COLORS, NUMBER_FORMATS, formulaText, isValidSheetName, validateHighlights, validateProtection } from "./format";
import { columnLetter } from "../engine/settings/parse";
import { checkReplaceable, SheetExistsError, type AddSheetsOptions, type CellUpdate, type SheetInfo, type WorkbookPort } from "./port";

export { SheetExistsError };

/** Thrown when an update names a sheet that does not exist (a caller bug: updates follow a read). */
export class SheetMissingError extends Error {
  override name = "SheetMissingError";
  constructor(readonly sheet: string) {
    super(`sheet "${sheet}" does not exist`);
  }
}

/**
 * Converts an ExcelJS cell value to the engine's plain cell.
 * @example fromExcelJs({ error: "#N/A" }) // "#N/A"
 */
export function fromExcelJs(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("error" in v) return String(v.error);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v && v.result !== undefined) return fromExcelJs(v.result as ExcelJS.CellValue);
    if ("formula" in v || "sharedFormula" in v) return NOT_CALCULATED;
    if ("text" in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

/** Rows of a worksheet as plain cells, from row 1 and column 1. */
export function worksheetValues(ws: ExcelJS.Worksheet): Cell[][] {
  const values: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = fromExcelJs(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    values[rowNumber - 1] = cells;
  });
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
  return values;
}


/**
 * Adds the highlights as cell-is conditional formats on rows `firstRow`..`lastRow` (1-based) of
 * their columns. Text becomes a formula string constant with its quotes doubled, so it stays one
 * constant. The first listed highlight gets the top priority. Works on streamed worksheets too (the
 * writer emits the rules when the sheet is committed).
 */
export function addHighlights(ws: ExcelJS.Worksheet, headers: readonly string[], highlights: readonly Highlight[], firstRow: number, lastRow: number): void {
  if (lastRow < firstRow) return;
  highlights.forEach((h, i) => {
    // Not ws.getColumn(): on a streamed sheet that would add column definitions of its own.
    const column = columnLetter(headers.indexOf(h.column) + 1);
    const colors = { fill: `FF${HIGHLIGHT_COLORS[h.style].fill}`, font: `FF${HIGHLIGHT_COLORS[h.style].font}` };
    ws.addConditionalFormatting({
      ref: `${column}${firstRow}:${column}${lastRow}`,
      rules: [
        {
          type: "cellIs",
          operator: h.when.op === "greaterThan" ? "greaterThan" : "equal",
          formulae: [h.when.op === "greaterThan" ? String(h.when.value) : formulaText(h.when.text)],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: colors.fill } }, font: { color: { argb: colors.font } } },
          priority: i + 1,
        },
      ],
    });
  });
}

/** The 1-based row of an output sheet's header: below the preamble and one blank line. */
export function outputHeaderRow(sheet: OutputSheet): number {
  return sheet.preamble?.length ? sheet.preamble.length + 2 : 1;
}

/**
 * Writes one output sheet into an ExcelJS worksheet. A streaming worksheet must be created with
 * `views` for the frozen header ({@link outputHeaderRow}); an in-memory one gets them here.
 */
export function writeOutputSheet(ws: ExcelJS.Worksheet, sheet: OutputSheet, tableName: string | null, streamed = false): void {
  // Widths first: a streaming worksheet writes its column definitions before the first row.
  sheet.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width ?? Math.min(60, Math.max(10, c.header.length + 2));
  });
  let r = 1;
  for (const line of sheet.preamble ?? []) {
    const row = ws.getRow(r++);
    line.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v as ExcelJS.CellValue;
      const fmt = sheet.preambleFormats?.[i];
      if (fmt && typeof v === "number") cell.numFmt = NUMBER_FORMATS[fmt];
    });
    if (r === 2) row.font = { bold: true };
  }
  if (sheet.preamble?.length) r++; // one blank line between the preamble and the table
  const headerRow = r;
  const useTable = !!sheet.asTable && !!tableName && sheet.rows.length > 0;
  if (useTable) {
    ws.addTable({
      name: tableName!,
      ref: `A${headerRow}`,
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: sheet.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: sheet.rows.map((row) => row.map((v) => (v === null ? null : v))) as ExcelJS.CellValue[][],
    });
  } else {
    const hr = ws.getRow(headerRow);
    sheet.columns.forEach((c, i) => (hr.getCell(i + 1).value = c.header));
    hr.font = { bold: true };
    sheet.rows.forEach((row, k) => {
      const xr = ws.getRow(headerRow + 1 + k);
      row.forEach((v, i) => {
        if (v !== null) xr.getCell(i + 1).value = v as ExcelJS.CellValue;
      });
    });
  }
  sheet.columns.forEach((c, i) => {
    const fmt = c.format ?? "text";
    for (let k = 0; k < sheet.rows.length; k++) ws.getRow(headerRow + 1 + k).getCell(i + 1).numFmt = NUMBER_FORMATS[fmt];
  });
  for (const [header, list] of Object.entries(sheet.validation ?? {})) {
    const i = sheet.columns.findIndex((c) => c.header === header);
    if (i < 0) continue;
    for (let k = 0; k < sheet.rows.length; k++) {
      ws.getRow(headerRow + 1 + k).getCell(i + 1).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${list.join(",")}"`],
      };
    }
  }
  // Exactly the data rows: an output sheet is written once and not appended to.
  addHighlights(ws, sheet.columns.map((c) => c.header), sheet.highlights ?? [], headerRow + 1, headerRow + sheet.rows.length);
  if (!streamed) ws.views = [{ state: "frozen", ySplit: headerRow, xSplit: 0 }];
}

/** A workbook port over an in-memory ExcelJS workbook. */
/** ExcelJS orders tabs by this (untyped) field when it writes. */
type OrderedWorksheet = ExcelJS.Worksheet & { orderNo: number };

export class ExcelJsWorkbook implements WorkbookPort {
  private tableCount = 0;

  constructor(readonly workbook: ExcelJS.Workbook) {}

  /** Opens an .xlsx file. */
  static async open(path: string): Promise<ExcelJsWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return new ExcelJsWorkbook(wb);
  }

  /** Writes the workbook to an .xlsx file. */
  async save(path: string): Promise<void> {
    await this.workbook.xlsx.writeFile(path);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((ws) => ({ name: ws.name, visible: ws.state === "visible" || ws.state === undefined }));
  }

  async readTables(names: string[], options: { maxRows?: number } = {}): Promise<Table[]> {
    const out: Table[] = [];
    for (const name of names) {
      const ws = this.workbook.getWorksheet(name);
      if (!ws) continue;
      let values = worksheetValues(ws);
      if (options.maxRows !== undefined) values = values.slice(0, options.maxRows);
      out.push({ sheet: ws.name, firstRow: 1, firstColumn: 1, values });
    }
    return out;
  }

  async addSheets(sheets: OutputSheet[], options: AddSheetsOptions = {}): Promise<void> {
    const replaced = new Map<string, ExcelJS.Worksheet>();
    for (const name of checkReplaceable(options.replace ?? [])) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) replaced.set(ws.name.toLowerCase(), ws);
    }
    for (const s of sheets) {
      if (!isValidSheetName(s.name)) throw new RangeError(`invalid sheet name "${s.name}"`);
      if (this.workbook.getWorksheet(s.name) && !replaced.has(s.name.toLowerCase())) throw new SheetExistsError(s.name);
      validateHighlights(s.name, s.columns.map((c) => c.header), s.highlights ?? []);
      validateProtection(s.name, s.columns.map((c) => c.header), s.protection);
    }
    const order = new Map<string, number>();
    for (const [k, ws] of replaced) {
      order.set(k, (ws as OrderedWorksheet).orderNo);
      this.workbook.removeWorksheet(ws.id);
    }
    for (const s of sheets) {
      const ws = this.workbook.addWorksheet(s.name);
      // A sheet that replaces one of the same name takes its place in the tab order.
      const at = order.get(s.name.toLowerCase());
      if (at !== undefined) (ws as OrderedWorksheet).orderNo = at;
      writeOutputSheet(ws, s, s.asTable ? this.nextTableName(s.name) : null);
      await protectOutputSheet(ws, s);
    }
  }

  async updateCells(updates: CellUpdate[]): Promise<void> {
    for (const u of updates) if (!this.workbook.getWorksheet(u.sheet)) throw new SheetMissingError(u.sheet);
    for (const u of updates) {
      this.workbook.getWorksheet(u.sheet)!.getCell(u.row, u.column).value = u.value as ExcelJS.CellValue;
    }
  }

  /** A sheet it creates gets the highlights on rows 2 to 100,000, so later appends are covered too. */
  async appendRows(sheet: string, header: string[], rows: Cell[][], options: { highlights?: Highlight[] } = {}): Promise<void> {
    const highlights = options.highlights ?? [];
    validateHighlights(sheet, header, highlights);
    let ws = this.workbook.getWorksheet(sheet);
    if (!ws) {
      ws = this.workbook.addWorksheet(sheet);
      ws.addRow(header).font = { bold: true };
      ws.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
      addHighlights(ws, header, highlights, 2, APPENDED_HIGHLIGHT_LAST_ROW);
    }
    for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
  }

  private nextTableName(sheet: string): string {
    const base = sheet.replace(/[^A-Za-z0-9_]/g, "_").replace(/^([^A-Za-z_])/, "_$1");
    let name: string;
    do name = `${base}_${++this.tableCount}`;
    while (this.workbook.worksheets.some((ws) => Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {}).includes(name)));
    return name;
  }

  /** A file has no user to show a sheet to. */
  async activate(): Promise<void> {}

}

// ---------------------------------------------------------------------------------------------
// Sheet protection (OutputSheet.protection), kept apart from the writer above. Charts are not written
// here: ExcelJS cannot (the CLI's .xlsx writer does, for workbook input).
// ---------------------------------------------------------------------------------------------

/**
 * Unlocks the data cells of the editable columns, then protects the sheet: selecting cells, filtering and
 * resizing columns allowed, nothing else; ExcelJS hashes a password with SHA-512 as Excel does.
 */
export async function protectOutputSheet(ws: ExcelJS.Worksheet, sheet: OutputSheet): Promise<void> {
  if (!sheet.protection) return;
  const headerRow = outputHeaderRow(sheet);
  for (const header of sheet.protection.editable) {
    const c = sheet.columns.findIndex((col) => col.header === header);
    for (let k = 0; k < sheet.rows.length; k++) ws.getRow(headerRow + 1 + k).getCell(c + 1).protection = { locked: false };
  }
  await ws.protect(sheet.protection.password ?? "", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, autoFilter: true, objects: false, scenarios: false } as Partial<ExcelJS.WorksheetProtection>);
}
