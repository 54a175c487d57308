/**
 * A workbook built part by part the way Excel (Microsoft 365, 16.0) writes one, for the fidelity tests:
 * there is no Excel here, so its parts are written out as Excel lays them down — every string in the
 * shared-strings table, rows with spans and x14ac:dyDescent, mc:Ignorable revision attributes, a theme,
 * app.xml counting worksheets and named ranges — carrying what users' files carry and a tool that
 * rewrites parts would lose:
 *
 * - a pivot table (Pivot sheet) over the roster, with its cache definition, cache records and their
 *   relationships, and the workbook's pivotCaches entry;
 * - comments on Reps (comments1.xml and the legacy VML drawing that shows them);
 * - a defined name (RepList) and Excel's hidden _xlnm._FilterDatabase with an autoFilter on Sales;
 * - on Accounts: a formula column (Name length, a shared formula with cached values), a data validation
 *   list on Owner (from RepList) and a conditional format on the formula column;
 * - a hidden sheet (Lookup).
 */
import { writeFileSync } from "node:fs";
import JSZip from "jszip";
import { generateTeam } from "../../src/sample/generateTeam";
import type { Cell } from "../../src/engine/table";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";
const XR = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision";
const XR2 = "http://schemas.microsoft.com/office/spreadsheetml/2015/revision2";
const XR3 = "http://schemas.microsoft.com/office/spreadsheetml/2016/revision3";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const col = (n: number): string => (n > 26 ? col(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
const uid = (n: number) => `{${String(n).padStart(8, "0")}-0000-4000-8000-00000000000${n % 10}}`;

/** The sheets of the fixture, in tab order, with what each part carries. */
export const EXCEL_STYLE_SHEETS = ["Reps", "Accounts", "Sales", "Ratings", "Pivot", "Lookup"] as const;

/** Where things are in the fixture, for the tests to check. */
export const EXCEL_STYLE = {
  accountsPart: "xl/worksheets/sheet2.xml",
  /** Accounts' formula column (Name length = LEN of the name), its first data row and the header's column. */
  formulaColumn: "J",
  ownerColumn: "C",
  pivotParts: ["xl/pivotTables/pivotTable1.xml", "xl/pivotTables/_rels/pivotTable1.xml.rels", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", "xl/pivotCache/pivotCacheRecords1.xml"],
  commentParts: ["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/worksheets/_rels/sheet1.xml.rels"],
};

class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;
  of(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      this.index.set(s, (i = this.list.length));
      this.list.push(s);
    }
    return i;
  }
  xml(): string {
    return `${HEAD}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${this.list.map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ""}>${esc(s)}</t></si>`).join("")}</sst>`;
  }
}

/** Style indices of styles.xml's cellXfs: 0 normal, 1 date (numFmtId 14), 2 bold header. */
const S_DATE = 1;
const S_HEADER = 2;

function cellXml(ref: string, v: Cell, sst: SharedStrings, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (v === null || v === undefined || v === "") return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="s"><v>${sst.of(String(v))}</v></c>`;
}

function rowsXml(values: Cell[][], sst: SharedStrings, extra?: (r: number) => string): string {
  const width = Math.max(...values.map((r) => r.length)) + (extra ? 1 : 0);
  const dateCols = new Set(values[0].map((h, i) => (typeof h === "string" && /date/i.test(h) ? i : -1)).filter((i) => i >= 0));
  return values
    .map((row, r) => {
      const cells = row.map((v, c) => cellXml(`${col(c + 1)}${r + 1}`, v, sst, r === 0 ? S_HEADER : dateCols.has(c) && typeof v === "number" ? S_DATE : 0)).join("") + (extra ? extra(r + 1) : "");
      return `<row r="${r + 1}" spans="1:${width}"${r === 0 ? ' s="2" customFormat="1"' : ""} x14ac:dyDescent="0.25">${cells}</row>`;
    })
    .join("");
}

function worksheet(n: number, ref: string, sheetData: string, opts: { selected?: boolean; after?: string; tail?: string; cols?: string } = {}): string {
  return (
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="${MC}" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="${X14AC}" xmlns:xr="${XR}" xmlns:xr2="${XR2}" xmlns:xr3="${XR3}" xr:uid="${uid(n)}">` +
    `<dimension ref="${ref}"/><sheetViews><sheetView ${opts.selected ? 'tabSelected="1" ' : ""}workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>${opts.cols ?? ""}<sheetData>${sheetData}</sheetData>${opts.after ?? ""}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${opts.tail ?? ""}</worksheet>`
  );
}

const rels = (list: [id: string, type: string, target: string][]) =>
  `${HEAD}<Relationships xmlns="${PKG_REL}">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join("")}</Relationships>`;

const STYLES =
  `${HEAD}<styleSheet xmlns="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="${X14AC}" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="${XR}">` +
  '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>';

const THEME =
  `${HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements>` +
  '<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>' +
  '<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light" panose="020F0302020204030204"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="等线 Light"/></a:majorFont><a:minorFont><a:latin typeface="Calibri" panose="020F0502020204030204"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="等线"/></a:minorFont></a:fontScheme>' +
  '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"><a:tint val="50000"/></a:schemeClr></a:solidFill><a:solidFill><a:schemeClr val="phClr"><a:shade val="80000"/></a:schemeClr></a:solidFill></a:fillStyleLst>' +
  '<a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>' +
  '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>' +
  '<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"><a:tint val="95000"/></a:schemeClr></a:solidFill><a:solidFill><a:schemeClr val="phClr"><a:shade val="90000"/></a:schemeClr></a:solidFill></a:bgFillStyleLst></a:fmtScheme>' +
  "</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>";

/** The legacy VML drawing Excel keeps beside comments1.xml (it shows the notes). */
function vml(notes: { row: number; col: number }[]): string {
  const shapes = notes
    .map(
      (n, i) =>
        ` <v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style='position:absolute;margin-left:159pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden' fillcolor="infoBackground [80]" o:insetmode="auto">\r\n` +
        '  <v:fill color2="infoBackground [80]"/>\r\n  <v:shadow color="none [81]" obscured="t"/>\r\n  <v:path o:connecttype="none"/>\r\n' +
        '  <v:textbox style=\'mso-direction-alt:auto\'>\r\n   <div style=\'text-align:left\'></div>\r\n  </v:textbox>\r\n' +
        `  <x:ClientData ObjectType="Note">\r\n   <x:MoveWithCells/>\r\n   <x:SizeWithCells/>\r\n   <x:Anchor>\r\n    ${n.col + 1}, 15, ${n.row}, 2, ${n.col + 3}, 15, ${n.row + 4}, 16</x:Anchor>\r\n   <x:AutoFill>False</x:AutoFill>\r\n   <x:Row>${n.row}</x:Row>\r\n   <x:Column>${n.col}</x:Column>\r\n  </x:ClientData>\r\n </v:shape>`,
    )
    .join("\r\n");
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n' +
    ' <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n' +
    '  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>\r\n' +
    shapes +
    "\r\n</xml>"
  );
}

/**
 * Writes the Excel-style workbook to `file`: a small generated team (12 reps, 120 accounts, 18 months,
 * the same data every time) with the features listed above.
 */
export async function writeExcelStyleWorkbook(file: string): Promise<void> {
  const team = generateTeam({ reps: 12, accounts: 120, months: 18, settings: false, dates: "serial" });
  const sst = new SharedStrings();
  const z = new JSZip();
  const { Reps: reps, Accounts: accounts, Sales: sales, Ratings: ratings } = team.sheets;
  const last = (values: Cell[][], extraCols = 0) => `A1:${col(Math.max(...values.map((r) => r.length)) + extraCols)}${values.length}`;

  // Reps, with two notes (comments1.xml and the VML that shows them).
  const repsXml = worksheet(1, last(reps), rowsXml(reps, sst), { selected: true, tail: '<legacyDrawing r:id="rId1"/>' });
  const notes = [
    { ref: "C1", row: 0, col: 2, text: "Hire dates from HR, checked monthly" },
    { ref: "H1", row: 0, col: 7, text: "Quota per quarter, in CNY" },
  ];
  const comments =
    `${HEAD}<comments xmlns="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="xr" xmlns:xr="${XR}"><authors><author>Li Wei</author></authors><commentList>` +
    notes
      .map(
        (n, i) =>
          `<comment ref="${n.ref}" authorId="0" shapeId="0" xr:uid="${uid(100 + i)}"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t>Li Wei:</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">\n${esc(n.text)}</t></r></text></comment>`,
      )
      .join("") +
    "</commentList></comments>";

  // Accounts: Name length = LEN(B) as one shared formula with its cached values; Owner offers the roster
  // (data validation from the RepList name); long names stand out (a conditional format on the formula column).
  const n = accounts.length;
  const formula = (r: number) => {
    if (r === 1) return `<c r="J1" s="${S_HEADER}" t="s"><v>${sst.of("Name length")}</v></c>`;
    const cached = String(accounts[r - 1][1] ?? "").length;
    const f = r === 2 ? `<f t="shared" ref="J2:J${n}" si="0">LEN(B2)</f>` : '<f t="shared" si="0"/>';
    return `<c r="J${r}">${f}<v>${cached}</v></c>`;
  };
  const accountsXml = worksheet(2, last(accounts, 1), rowsXml(accounts, sst, formula), {
    cols: '<cols><col min="1" max="1" width="10.7109375" customWidth="1"/><col min="2" max="2" width="30.7109375" customWidth="1"/><col min="10" max="10" width="12.7109375" customWidth="1"/></cols>',
    after:
      `<conditionalFormatting sqref="J2:J${n}"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>22</formula></cfRule></conditionalFormatting>` +
      `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Owner" error="Pick a rep from the roster." sqref="C2:C${n}"><formula1>RepList</formula1></dataValidation></dataValidations>`,
  });

  // Sales with Excel's filter buttons on its header (and the hidden _FilterDatabase name that goes with them).
  const salesXml = worksheet(3, last(sales), rowsXml(sales, sst), { after: `<autoFilter ref="${last(sales)}" xr:uid="${uid(300)}"/>` });
  const ratingsXml = worksheet(4, last(ratings), rowsXml(ratings, sst));

  // The pivot: count of reps by region, cached as Excel refreshes it.
  const regionOf = reps.slice(1).map((r) => String(r[3]));
  const regions = [...new Set(regionOf)];
  const counts = regions.map((g) => regionOf.filter((x) => x === g).length);
  const pivotRows: Cell[][] = [["Row Labels", "Count of Rep ID"], ...regions.map((g, i) => [g, counts[i]]), ["Grand Total", regionOf.length]];
  const pivotSheetData = pivotRows
    .map((row, i) => `<row r="${i + 3}" spans="1:2" x14ac:dyDescent="0.25">${row.map((v, c) => cellXml(`${col(c + 1)}${i + 3}`, v, sst, 0)).join("")}</row>`)
    .join("");
  const pivotRef = `A3:B${3 + pivotRows.length - 1}`;
  const pivotXml = worksheet(5, pivotRef, pivotSheetData);
  const hireDays = reps.slice(1).map((r) => Number(r[2]));
  const pivotCacheDefinition =
    `${HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="${MC}" mc:Ignorable="xr" xmlns:xr="${XR}" r:id="rId1" refreshedBy="Li Wei" refreshedDate="46325.4375" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="${regionOf.length}">` +
    `<cacheSource type="worksheet"><worksheetSource ref="A1:D${reps.length}" sheet="Reps"/></cacheSource><cacheFields count="4">` +
    '<cacheField name="Rep ID" numFmtId="0"><sharedItems/></cacheField><cacheField name="Name" numFmtId="0"><sharedItems/></cacheField>' +
    `<cacheField name="Hire Date" numFmtId="14"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="${Math.min(...hireDays)}" maxValue="${Math.max(...hireDays)}"/></cacheField>` +
    `<cacheField name="Region" numFmtId="0"><sharedItems count="${regions.length}">${regions.map((g) => `<s v="${esc(g)}"/>`).join("")}</sharedItems></cacheField>` +
    '</cacheFields><extLst><ext uri="{725AE2AE-9491-48be-B2B4-4EB974FC3084}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:pivotCacheDefinition/></ext></extLst></pivotCacheDefinition>';
  const pivotCacheRecords =
    `${HEAD}<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="${MC}" mc:Ignorable="xr" xmlns:xr="${XR}" count="${regionOf.length}">` +
    reps
      .slice(1)
      .map((r, i) => `<r><s v="${esc(String(r[0]))}"/><s v="${esc(String(r[1]))}"/><n v="${hireDays[i]}"/><x v="${regions.indexOf(regionOf[i])}"/></r>`)
      .join("") +
    "</pivotCacheRecords>";
  const pivotTable =
    `${HEAD}<pivotTableDefinition xmlns="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="xr" xmlns:xr="${XR}" name="PivotTable1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="8" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="8" indent="0" outline="1" outlineData="1" multipleFieldFilters="0">` +
    `<location ref="${pivotRef}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="4"><pivotField dataField="1" showAll="0"/><pivotField showAll="0"/><pivotField numFmtId="14" showAll="0"/>` +
    `<pivotField axis="axisRow" showAll="0"><items count="${regions.length + 1}">${regions.map((_, i) => `<item x="${i}"/>`).join("")}<item t="default"/></items></pivotField></pivotFields>` +
    `<rowFields count="1"><field x="3"/></rowFields><rowItems count="${regions.length + 1}">${regions.map((_, i) => (i ? `<i><x v="${i}"/></i>` : "<i><x/></i>")).join("")}<i t="grand"><x/></i></rowItems>` +
    '<colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Count of Rep ID" fld="0" subtotal="count" baseField="0" baseItem="0"/></dataFields>' +
    '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/>' +
    '<extLst><ext uri="{962EF5D1-5CA2-4c93-8EF4-DBF5C05439D2}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:pivotTableDefinition hideValuesRow="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></ext></extLst></pivotTableDefinition>';

  // A hidden helper sheet, as people keep lookup lists.
  const lookupXml = worksheet(6, "A1:A4", rowsXml([["Regions"], ...regions.map((g) => [g])], sst));

  const sheetCount = EXCEL_STYLE_SHEETS.length;
  const workbook =
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="${MC}" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="${XR}" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="${XR2}">` +
    '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/><workbookPr defaultThemeVersion="166925"/>' +
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\liwei\\Documents\\Sales\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>' +
    '<xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{8C3E6B52-9A1B-4C3F-A3C2-2F1E6D5B7A90}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>' +
    '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" xr2:uid="{A1B2C3D4-0000-4000-8000-000000000001}"/></bookViews><sheets>' +
    EXCEL_STYLE_SHEETS.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}"${name === "Lookup" ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`).join("") +
    `</sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">Sales!$A$1:$D$${sales.length}</definedName><definedName name="RepList">Reps!$A$2:$A$${reps.length}</definedName></definedNames>` +
    `<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="1" r:id="rId${sheetCount + 4}"/></pivotCaches>` +
    '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>';
  const workbookRels = rels([
    ...EXCEL_STYLE_SHEETS.map((_, i): [string, string, string] => [`rId${i + 1}`, `${REL}/worksheet`, `worksheets/sheet${i + 1}.xml`]),
    [`rId${sheetCount + 1}`, `${REL}/theme`, "theme/theme1.xml"],
    [`rId${sheetCount + 2}`, `${REL}/styles`, "styles.xml"],
    [`rId${sheetCount + 3}`, `${REL}/sharedStrings`, "sharedStrings.xml"],
    [`rId${sheetCount + 4}`, `${REL}/pivotCacheDefinition`, "pivotCache/pivotCacheDefinition1.xml"],
  ]);
  const app =
    `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheetCount}</vt:i4></vt:variant><vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheetCount + 1}" baseType="lpstr">${EXCEL_STYLE_SHEETS.map((s) => `<vt:lpstr>${s}</vt:lpstr>`).join("")}<vt:lpstr>RepList</vt:lpstr></vt:vector></TitlesOfParts>` +
    "<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>";
  const core =
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    '<dc:creator>Li Wei</dc:creator><cp:lastModifiedBy>Li Wei</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-10-02T08:15:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-03T09:30:00Z</dcterms:modified></cp:coreProperties>';
  const types =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    EXCEL_STYLE_SHEETS.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`).join("") +
    `<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
    `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="${CT}.pivotTable+xml"/><Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="${CT}.pivotCacheDefinition+xml"/><Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="${CT}.pivotCacheRecords+xml"/>` +
    `<Override PartName="/xl/comments1.xml" ContentType="${CT}.comments+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

  // Excel's part order: content types, package rels, docProps, then xl/ (workbook first).
  const add = (name: string, text: string) => z.file(name, text, { date: new Date(Date.UTC(1980, 0, 1)) });
  add("[Content_Types].xml", types);
  add("_rels/.rels", rels([["rId3", `${REL}/extended-properties`, "docProps/app.xml"], ["rId2", `${PKG_REL}/metadata/core-properties`, "docProps/core.xml"], ["rId1", `${REL}/officeDocument`, "xl/workbook.xml"]]));
  add("xl/workbook.xml", workbook);
  add("xl/_rels/workbook.xml.rels", workbookRels);
  [repsXml, accountsXml, salesXml, ratingsXml, pivotXml, lookupXml].forEach((xml, i) => add(`xl/worksheets/sheet${i + 1}.xml`, xml));
  add("xl/worksheets/_rels/sheet1.xml.rels", rels([["rId2", `${REL}/comments`, "../comments1.xml"], ["rId1", `${REL}/vmlDrawing`, "../drawings/vmlDrawing1.vml"]]));
  add("xl/worksheets/_rels/sheet5.xml.rels", rels([["rId1", `${REL}/pivotTable`, "../pivotTables/pivotTable1.xml"]]));
  add("xl/theme/theme1.xml", THEME);
  add("xl/styles.xml", STYLES);
  add("xl/sharedStrings.xml", sst.xml());
  add("xl/drawings/vmlDrawing1.vml", vml(notes));
  add("xl/comments1.xml", comments);
  add("xl/pivotTables/pivotTable1.xml", pivotTable);
  add("xl/pivotTables/_rels/pivotTable1.xml.rels", rels([["rId1", `${REL}/pivotCacheDefinition`, "../pivotCache/pivotCacheDefinition1.xml"]]));
  add("xl/pivotCache/pivotCacheDefinition1.xml", pivotCacheDefinition);
  add("xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", rels([["rId1", `${REL}/pivotCacheRecords`, "pivotCacheRecords1.xml"]]));
  add("xl/pivotCache/pivotCacheRecords1.xml", pivotCacheRecords);
  add("docProps/core.xml", core);
  add("docProps/app.xml", app);
  writeFileSync(file, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}
