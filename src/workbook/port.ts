import type { Cell, Highlight, OutputSheet, Table } from "../engine/table";

export interface ReadOptions {
  maxRows?: number;
}

/** What a sheet tab looks like from outside. */
export interface SheetInfo {
  name: string;
  visible: boolean;
}

/** One cell to change in an existing sheet; row and column are 1-based sheet coordinates. */
export interface CellUpdate {
  sheet: string;
  row: number;
  column: number;
  value: Cell;
}

/**
 * The one interface through which Fairshare touches a workbook. The Office.js adapter serves the
 * add-in, the ExcelJS adapter the CLI; engine code depends on neither.
 *
 * Every method is a single batch: an adapter must not make a round trip per row.
 */
export interface WorkbookPort {
  /** All sheets in tab order. */
  listSheets(): Promise<SheetInfo[]>;
  /**
   * The used range of each named sheet, in one round trip. Unknown names are omitted from the result.
   * `maxRows` limits each table to its first rows (header detection needs no more).
   */
  readTables(names: string[], options?: ReadOptions): Promise<Table[]>;
  /**
   * Adds new sheets. Each name must not exist yet (throws SheetExistsError otherwise), so a run
   * never overwrites anything. Strings starting with = + - @ are stored as text.
   * `replace` lists existing sheets of ours (names starting "Fairshare ") removed in the same batch;
   * a new sheet takes the replaced sheet's place.
   */
  addSheets(sheets: OutputSheet[], options?: { replace?: string[] }): Promise<void>;
  /** Changes single cells of existing sheets (apply uses it for Owner cells only). */
  updateCells(updates: CellUpdate[]): Promise<void>;
  /**
   * Appends rows below the used range of a sheet, creating it with `header` when it does not exist
   * (and giving a new sheet the `highlights`).
   */
  appendRows(sheet: string, header: string[], rows: Cell[][], options?: { highlights?: Highlight[] }): Promise<void>;
  /**
   * Shows a sheet to the user, selecting one cell (1-based) when given. Hosts without a user (the CLI)
   * do nothing.
   */
  activate(sheet: string, row?: number, column?: number): Promise<void>;
}

/**
 * Thrown when addSheets is asked to create a sheet whose name is already taken in the workbook
 * (names compare case-insensitively, as in Excel). Nothing has been written when it is thrown.
 * `sheet` is the first taken name. Shared by every adapter, so callers can catch one class.
 */
export class SheetExistsError extends Error {
  override name = "SheetExistsError";
  /** Every requested name that is taken. */
  readonly sheets: string[];

  constructor(
    readonly sheet: string,
    sheets: string[] = [sheet],
  ) {
    super(sheets.length > 1 ? `sheets ${sheets.map((s) => `"${s}"`).join(", ")} already exist` : `sheet "${sheet}" already exists`);
    this.sheets = sheets;
  }
}

