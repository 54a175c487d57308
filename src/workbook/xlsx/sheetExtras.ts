/**
 * What an output sheet may carry besides its cells, written as package parts by the CLI's .xlsx writer:
 * sheet protection (a <sheetProtection> element with an SHA-512 password hash as ECMA-376 Part 1 §18.3.1.85
 * specifies, and cell formats with locked="0" for the editable columns) and a native chart (a drawing
 * part anchoring a chart part: clustered columns or a line). Kept apart from the cell writer
 * (sheetXml.ts) and the package edits (edits.ts, styles.ts) so each can change on its own.
 */
import { createHash, randomBytes } from "node:crypto";
import type { ColumnFormat, OutputSheet, SheetProtection } from "../../engine/table";
import { columnLetter } from "../../engine/settings/parse";
import { headerRowOf } from "./sheetXml";
import { appendOrReuse, cellXfChildren, type OurStyles } from "./styles";
import { escapeXml } from "./xml";

// ---------------------------------------------------------------------------------------------
// Protection
// ---------------------------------------------------------------------------------------------

/** Hash iterations Excel itself writes for a sheet password. */
export const SPIN_COUNT = 100_000;

/**
 * The sheet-protection hash of a password (ECMA-376 Part 1 §18.3.1.85, algorithmName "SHA-512"):
 * H0 = SHA-512(salt ‖ password as UTF-16LE), then spinCount times H = SHA-512(H ‖ iteration as 32-bit
 * little-endian); base64.
 * @example hashPassword("secret", Buffer.alloc(16), 1).length // 88
 */
export function hashPassword(password: string, salt: Buffer, spinCount = SPIN_COUNT): string {
  let h = createHash("sha512").update(salt).update(Buffer.from(password, "utf16le")).digest();
  const iterator = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    iterator.writeUInt32LE(i, 0);
    h = createHash("sha512").update(h).update(iterator).digest();
  }
  return h.toString("base64");
}

/** A password's hash, salt and spin count as the element stores them. */
export interface PasswordHash {
  hashValue: string;
  saltValue: string;
  spinCount: number;
}

/** Hashes a password with a fresh random salt. */
export function newPasswordHash(password: string): PasswordHash {
  const salt = randomBytes(16);
  return { hashValue: hashPassword(password, salt), saltValue: salt.toString("base64"), spinCount: SPIN_COUNT };
}

/**
 * The <sheetProtection> element (it goes right after </sheetData>): contents, objects and scenarios
 * protected; selecting cells, filtering and resizing columns allowed; everything else refused by the
 * attributes' defaults (formatCells, insertRows… default to protected).
 */
export function sheetProtectionXml(hash: PasswordHash | null): string {
  const password = hash ? ` algorithmName="SHA-512" hashValue="${hash.hashValue}" saltValue="${hash.saltValue}" spinCount="${hash.spinCount}"` : "";
  return `<sheetProtection${password} sheet="1" objects="1" scenarios="1" formatColumns="0" autoFilter="0" selectLockedCells="0" selectUnlockedCells="0"/>`;
}

/**
 * Adds, for each column format given, a copy of our cell format with locked="0" (appended to cellXfs; an
 * identical one already there is reused). Returns the styles text and the new indices by format.
 */
export function addUnlockedStyles(xml: string, styles: OurStyles, formats: readonly ColumnFormat[]): { xml: string; unlocked: Partial<Record<ColumnFormat, number>> } {
  const root = /<(\w+:)?styleSheet[\s>]/.exec(xml);
  const p = root?.[1] ?? "";
  const xfs = cellXfChildren(xml, p);
  const kinds = [...new Set(formats)];
  const items = kinds.map((k) => {
    const xf = xfs[styles.format[k]];
    const open = /^<[^>]*?(\/?)>/.exec(xf)!;
    const attrs = open[0].replace(/\s*\/?>$/, "").replace(/\sapplyProtection="[^"]*"/, "");
    const inner = open[1] === "/" ? "" : xf.slice(open[0].length, xf.lastIndexOf("<")).replace(new RegExp(`<${p}protection\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}protection>)`), "");
    // CT_Xf: alignment, protection, extLst. Ours have no children; an alignment would stay first.
    const ext = inner.search(new RegExp(`<${p}extLst\\b`));
    const before = ext >= 0 ? inner.slice(0, ext) : inner;
    const after = ext >= 0 ? inner.slice(ext) : "";
    return `${attrs} applyProtection="1">${before}<${p}protection locked="0"/>${after}</${p}xf>`;
  });
  const added = appendOrReuse(xml, p, "cellXfs", "xf", items);
  const unlocked: Partial<Record<ColumnFormat, number>> = {};
  kinds.forEach((k, i) => (unlocked[k] = added.index[i]));
  return { xml: added.xml, unlocked };
}

/** The formats of the editable columns of the sheets that ask for protection. */
export function editableFormats(sheets: readonly OutputSheet[]): ColumnFormat[] {
  return sheets.flatMap((s) => (s.protection ? s.protection.editable.map((h) => s.columns.find((c) => c.header === h)?.format ?? "text") : []));
}

/** Per column of a protected sheet, the unlocked style to use instead of its format's, or undefined. */
export function unlockedColumnStyles(sheet: OutputSheet, unlocked: Partial<Record<ColumnFormat, number>>): (number | undefined)[] {
  const editable = new Set((sheet.protection as SheetProtection | undefined)?.editable ?? []);
  return sheet.columns.map((c) => (editable.has(c.header) ? unlocked[c.format ?? "text"] : undefined));
}

// ---------------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------------

export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DRAWINGML_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const SPREADSHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * A sheet name as a formula reference prefix: always quoted, apostrophes doubled.
 * @example sheetRef("Fairshare Team Report 2026-03") // "'Fairshare Team Report 2026-03'"
 */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The range a chart reads, in A1 terms (1-based rows): header row, first and last data rows, columns. */
export interface ChartRange {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** Number of columns: the first is the categories, the others the series. */
  columns: number;
}

/** Where an output sheet's chart reads from, or null when it has no chart or no data. */
export function chartRange(sheet: OutputSheet): ChartRange | null {
  if (!sheet.chart || sheet.rows.length === 0 || sheet.chart.columns < 2) return null;
  const headerRow = headerRowOf(sheet);
  return { headerRow, firstRow: headerRow + 1, lastRow: headerRow + sheet.rows.length, columns: Math.min(sheet.chart.columns, sheet.columns.length) };
}

/** A worksheet's relationships part holding only its drawing (rId1). */
export function sheetDrawingRels(drawingTarget: string): string {
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELS_NS}"><Relationship Id="rId1" Type="${REL_NS}/drawing" Target="${escapeXml(drawingTarget)}"/></Relationships>`;
}

/** A drawing's relationships part holding only its chart (rId1). */
export function drawingChartRels(chartTarget: string): string {
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELS_NS}"><Relationship Id="rId1" Type="${REL_NS}/chart" Target="${escapeXml(chartTarget)}"/></Relationships>`;
}

/** The <drawing> element of a worksheet whose relationships give the drawing rId1. */
export const DRAWING_ELEMENT = '<drawing r:id="rId1"/>';
export const REL_NS_ATTRIBUTE = `xmlns:r="${REL_NS}"`;

/**
 * The drawing part: the chart to the right of the table, from one column past it and the header row,
 * eight columns wide and twenty rows high (where the add-in places it in Excel).
 */
export function drawingXml(sheet: OutputSheet, chartNumber: number): string {
  const fromCol = sheet.columns.length + 1;
  const fromRow = headerRowOf(sheet) - 1;
  const anchor = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    XML_DECLARATION +
    `<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWINGML_NS}">` +
    `<xdr:twoCellAnchor editAs="oneCell">${anchor("from", fromCol, fromRow)}${anchor("to", fromCol + 8, fromRow + 20)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart ${chartNumber}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="rId1"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
  );
}

/** A cell's value as chart cache text, or null for a blank (and for what a number cache cannot hold). */
function cacheText(v: unknown, numeric: boolean): string | null {
  if (v === null || v === undefined || v === "") return null;
  if (numeric) return typeof v === "number" && Number.isFinite(v) ? String(v) : null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

function cache(tag: "strCache" | "numCache", values: readonly unknown[]): string {
  const numeric = tag === "numCache";
  const points = values
    .map((v, i) => ({ i, text: cacheText(v, numeric) }))
    .filter((x) => x.text !== null)
    .map((x) => `<c:pt idx="${x.i}"><c:v>${escapeXml(x.text!)}</c:v></c:pt>`)
    .join("");
  return `<c:${tag}>${numeric ? "<c:formatCode>General</c:formatCode>" : ""}<c:ptCount val="${values.length}"/>${points}</c:${tag}>`;
}

/**
 * The chart part: a clustered column chart or a line chart (sheet.chart.type) of the series columns
 * against the first column, each series named by its header, the title above and the legend below.
 * References are absolute A1 ranges on the sheet; caches hold the values written, so a reader that does
 * not recalculate still draws it.
 */
export function chartXml(sheet: OutputSheet): string {
  const range = chartRange(sheet)!;
  const ref = sheetRef(sheet.name);
  const col = (i: number) => columnLetter(i + 1);
  const cats = sheet.rows.map((r) => r[0] ?? null);
  const catRef = `${ref}!$${col(0)}$${range.firstRow}:$${col(0)}$${range.lastRow}`;
  const line = sheet.chart!.type === "line";
  const series = Array.from({ length: range.columns - 1 }, (_, k) => {
    const i = k + 1;
    const header = sheet.columns[i].header;
    const tx = `<c:tx><c:strRef><c:f>${escapeXml(`${ref}!$${col(i)}$${range.headerRow}`)}</c:f>${cache("strCache", [header])}</c:strRef></c:tx>`;
    const cat = `<c:cat><c:strRef><c:f>${escapeXml(catRef)}</c:f>${cache("strCache", cats)}</c:strRef></c:cat>`;
    const val = `<c:val><c:numRef><c:f>${escapeXml(`${ref}!$${col(i)}$${range.firstRow}:$${col(i)}$${range.lastRow}`)}</c:f>${cache("numCache", sheet.rows.map((r) => r[i] ?? null))}</c:numRef></c:val>`;
    // CT_LineSer: idx, order, tx, spPr, marker, …, cat, val, smooth. CT_BarSer: idx, order, tx, spPr, invertIfNegative, …, cat, val.
    return line
      ? `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>${tx}<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`
      : `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>${tx}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
  }).join("");
  const axes = '<c:axId val="500100"/><c:axId val="500200"/>';
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`;
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="en-US" b="1"/><a:t>${escapeXml(sheet.chart!.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWINGML_NS}" xmlns:r="${REL_NS}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    '<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    "</c:chartSpace>"
  );
}
