/**
 * Plain-data shapes that cross the boundary between the engine and the workbook adapters.
 * The engine never sees Excel objects: a sheet arrives as a 2-D array of cells.
 */

/**
 * One cell as the adapters hand it over. Dates may arrive as Excel serial numbers (Office.js)
 * or as `Date` objects (ExcelJS); Excel error values arrive as their text, e.g. "#N/A".
 */
export type Cell = string | number | boolean | Date | null;

/**
 * What an adapter hands over for a formula cell the file stores without a calculated value (a
 * workbook written by a tool that does not calculate). Never a real Excel error; the engine reports
 * it as "not calculated" wherever it uses the cell, instead of reading it as blank.
 */
export const NOT_CALCULATED = "#NOT_CALCULATED";

/** A sheet's used range as read from the workbook. */
export interface Table {
  /** The sheet's name as it appears on its tab. */
  sheet: string;
  /** 1-based sheet row number of `values[0]`. */
  firstRow: number;
  /** 1-based sheet column number of `values[r][0]`. */
  firstColumn: number;
  values: Cell[][];
}

/** How a column of an output sheet is shown. Adapters turn these into number formats. */
export type ColumnFormat = "text" | "integer" | "number" | "money" | "percent" | "date" | "datetime";

export interface OutputColumn {
  header: string;
  format?: ColumnFormat;
  /** Approximate width in characters. */
  width?: number;
}

/**
 * A conditional format on one column's data cells: Excel re-evaluates it as people edit, so a
 * highlight stays right after a manager's changes.
 */
export interface Highlight {
  /** Header of the column it applies to. */
  column: string;
  when: { op: "greaterThan"; value: number } | { op: "equals"; text: string };
  /** Excel's built-in looks: bad = light red, warning = light yellow, good = light green. */
  style: "bad" | "warning" | "good";
}

/** What {@link OutputSheet.protection} asks for. */
export interface SheetProtection {
  /** Headers of the columns whose data cells stay editable. */
  editable: string[];
  /** Asked for by Unprotect Sheet; none when absent or empty. */
  password?: string;
}

/** A new sheet the engine wants written. Strings are always written as text, never as formulas. */
export interface OutputSheet {
  name: string;
  columns: OutputColumn[];
  rows: Cell[][];
  /** Write the rows as an Excel table (with a header row) rather than a plain range. */
  asTable?: boolean;
  /** Optional lines above the table (a title, notes); the table then starts below them. */
  preamble?: Cell[][];
  /** Formats for the preamble's numbers, by column position. */
  preambleFormats?: (ColumnFormat | undefined)[];
  /**
   * A native chart over the table's first `columns` columns (the first is the category, the rest are
   * series, named by their headers), placed to the right of the table: clustered columns unless `type`
   * says "line". Excel draws it through Office.js and the CLI writes it as a chart part; hosts that cannot
   * draw charts (ExcelJS, for CSV input) skip it.
   */
  chart?: { title: string; columns: number; type?: "column" | "line" };
  /**
   * Sheet protection: every cell is locked except the data cells of the `editable` columns (by header),
   * so people fill those in and change nothing else. Selecting cells, filtering and resizing columns stay
   * allowed. Unprotect Sheet asks for `password` when one is given, else for nothing.
   */
  protection?: SheetProtection;
  /** Conditional formats on data columns. */
  highlights?: Highlight[];
  /** Data-validation lists by column header (e.g. Decision: Approve / Reject). */
  validation?: Record<string, string[]>;
}
