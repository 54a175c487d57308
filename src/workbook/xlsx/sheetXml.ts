/**
 * Worksheet XML for the sheets Fairshare writes. Strings are inline (no shared-strings edit, and text
 * that looks like a formula stays text), every value is written with its column's number format, and
 * a cell never exceeds Excel's 32,767 characters.
 */
import type { Cell, Highlight, OutputSheet } from "../../engine/table";
import { columnLetter } from "../../engine/settings/parse";
import { APPENDED_HIGHLIGHT_LAST_ROW, capCellText, dateToSerial, formulaText } from "../format";
import type { OurStyles } from "./styles";
import { escapeXml } from "./xml";

/** One cell's XML; `style` is a cellXfs index (0 for none), `dateStyle` the style for Dates. */
export function cellXml(ref: string, v: Cell, style: number, dateStyle: number): string {
  if (v === null || v === undefined) return style ? `<c r="${ref}" s="${style}"/>` : "";
  const s = style ? ` s="${style}"` : "";
  if (typeof v === "string") return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(capCellText(v))}</t></is></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return `<c r="${ref}"${s} t="e"><v>#VALUE!</v></c>`;
    return `<c r="${ref}" s="${dateStyle}"><v>${dateToSerial(v)}</v></c>`;
  }
  if (!Number.isFinite(v)) return `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  return `<c r="${ref}"${s}><v>${v}</v></c>`;
}

/** One row's XML from cells starting at column 1. */
export function rowXml(r: number, cells: readonly Cell[], styleOf: (col: number, v: Cell) => number, dateStyle: number): string {
  let out = "";
  for (let i = 0; i < cells.length; i++) out += cellXml(`${columnLetter(i + 1)}${r}`, cells[i], styleOf(i, cells[i]), dateStyle);
  return `<row r="${r}">${out}</row>`;
}

function conditionalFormats(headers: readonly string[], highlights: readonly Highlight[], firstRow: number, lastRow: number, styles: OurStyles): string {
  if (lastRow < firstRow) return "";
  return highlights
    .map((h, i) => {
      const col = columnLetter(headers.indexOf(h.column) + 1);
      const op = h.when.op === "greaterThan" ? "greaterThan" : "equal";
      const formula = h.when.op === "greaterThan" ? String(h.when.value) : formulaText(h.when.text);
      return `<conditionalFormatting sqref="${col}${firstRow}:${col}${lastRow}"><cfRule type="cellIs" dxfId="${styles.dxf[h.style]}" priority="${i + 1}" operator="${op}"><formula>${escapeXml(formula)}</formula></cfRule></conditionalFormatting>`;
    })
    .join("");
}

/** A worksheet part in pieces of about a megabyte: the rows are produced as the pieces are consumed. */
function* worksheet(mainNs: string, parts: { dimension: string; frozenRow: number; cols: string; rows: Iterable<string>; after: string; rootAttributes?: string }): Generator<string> {
  const pane = parts.frozenRow > 0 ? `<pane ySplit="${parts.frozenRow}" topLeftCell="A${parts.frozenRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>` : "";
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${mainNs}"${parts.rootAttributes ? ` ${parts.rootAttributes}` : ""}>` +
    `<dimension ref="${parts.dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (parts.cols ? `<cols>${parts.cols}</cols>` : "") +
    "<sheetData>";
  let batch = "";
  for (const row of parts.rows) {
    batch += row;
    if (batch.length > 1 << 20) {
      yield batch;
      batch = "";
    }
  }
  yield `${batch}</sheetData>${parts.after}</worksheet>`;
}

/** The 1-based row of an output sheet's header: below the preamble and one blank line. */
export function headerRowOf(sheet: OutputSheet): number {
  return sheet.preamble?.length ? sheet.preamble.length + 2 : 1;
}

/**
 * What the package writer adds to an output sheet's part beyond its cells (see sheetExtras.ts): the
 * <sheetProtection> element, the unlocked style per column (undefined: the column's own), and the
 * <drawing> element with the namespace its r:id needs.
 */
export interface SheetPartExtras {
  protectionXml?: string;
  columnStyles?: (number | undefined)[];
  drawingXml?: string;
  rootAttributes?: string;
}

/**
 * The worksheet part of an output sheet, in pieces: preamble (first line bold), bold frozen header,
 * data rows with their columns' formats, widths, highlights and Decision-style validation lists.
 */
export function outputSheetParts(sheet: OutputSheet, styles: OurStyles, mainNs: string, extras: SheetPartExtras = {}): Iterable<string> {
  const widths = sheet.columns.map((c) => c.width ?? Math.min(60, Math.max(10, c.header.length + 2)));
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const headerRow = headerRowOf(sheet);
  let maxCol = sheet.columns.length;
  for (const line of sheet.preamble ?? []) maxCol = Math.max(maxCol, line.length);
  for (const row of sheet.rows) maxCol = Math.max(maxCol, row.length);
  const colStyles = sheet.columns.map((c, i) => extras.columnStyles?.[i] ?? styles.format[c.format ?? "text"]);
  const dateStyles = sheet.columns.map((c) => (c.format === "datetime" ? styles.format.datetime : styles.format.date));
  function* rows(): Generator<string> {
    let r = 1;
    for (const line of sheet.preamble ?? []) {
      const bold = r === 1;
      yield rowXml(r, line, (i, v) => (bold ? styles.bold : typeof v === "number" && sheet.preambleFormats?.[i] ? styles.format[sheet.preambleFormats[i]!] : 0), styles.format.date);
      r++;
    }
    yield rowXml(headerRow, sheet.columns.map((c) => c.header), () => styles.bold, styles.format.date);
    for (let k = 0; k < sheet.rows.length; k++) {
      const row = sheet.rows[k];
      const rn = headerRow + 1 + k;
      let out = "";
      for (let i = 0; i < row.length; i++) out += cellXml(`${columnLetter(i + 1)}${rn}`, row[i], colStyles[i] ?? 0, dateStyles[i] ?? styles.format.date);
      yield `<row r="${rn}">${out}</row>`;
    }
  }
  const lastRow = headerRow + sheet.rows.length;
  const headers = sheet.columns.map((c) => c.header);
  // A table's filter buttons (an Excel table would need a table part with a workbook-unique name; the
  // filter gives people what they use of it, and nothing can clash).
  // CT_Worksheet order: sheetData, sheetProtection, autoFilter, conditionalFormatting, dataValidations, drawing.
  let after = extras.protectionXml ?? "";
  after += sheet.asTable && sheet.rows.length ? `<autoFilter ref="A${headerRow}:${columnLetter(Math.max(1, sheet.columns.length))}${lastRow}"/>` : "";
  after += conditionalFormats(headers, sheet.highlights ?? [], headerRow + 1, lastRow, styles);
  const validations = Object.entries(sheet.validation ?? {})
    .map(([header, list]) => [headers.indexOf(header), list] as const)
    .filter(([i]) => i >= 0 && sheet.rows.length > 0)
    .map(([i, list]) => {
      const col = columnLetter(i + 1);
      return `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${col}${headerRow + 1}:${col}${lastRow}"><formula1>${escapeXml(formulaText(list.join(",")))}</formula1></dataValidation>`;
    });
  if (validations.length) after += `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`;
  after += extras.drawingXml ?? "";
  return worksheet(mainNs, { dimension: `A1:${columnLetter(Math.max(1, maxCol))}${lastRow}`, frozenRow: headerRow, cols, rows: rows(), after, rootAttributes: extras.rootAttributes });
}

/** A log sheet started by appendRows, in pieces: a bold frozen header, the rows, highlights down to row 100,000. */
export function logSheetParts(header: readonly string[], rows: readonly Cell[][], highlights: readonly Highlight[], styles: OurStyles, mainNs: string): Iterable<string> {
  const out = [rowXml(1, header, () => styles.bold, styles.format.date)];
  rows.forEach((row, k) => out.push(rowXml(k + 2, row, (_, v) => (v instanceof Date ? styles.format.datetime : 0), styles.format.datetime)));
  const cols = header.map((h, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(10, h.length + 2))}" customWidth="1"/>`).join("");
  const maxCol = Math.max(header.length, ...rows.map((r) => r.length));
  return worksheet(mainNs, {
    dimension: `A1:${columnLetter(Math.max(1, maxCol))}${rows.length + 1}`,
    frozenRow: 1,
    cols,
    rows: out,
    after: conditionalFormats(header, highlights, 2, APPENDED_HIGHLIGHT_LAST_ROW, styles),
  });
}
