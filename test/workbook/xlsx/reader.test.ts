/**
 * The reader on what real programs save, from parts written by hand here (expected values computed
 * by hand): shared and inline strings, rich text with phonetic runs, booleans, errors, formulas'
 * cached values (and formulas stored without one), dates through number formats in both date systems, ISO date cells, cells and rows
 * without references, x:-prefixed SpreadsheetML, Strict OOXML, any part order, missing optional parts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { NOT_CALCULATED } from "../../../src/engine/table";
import { isDateFormat, serialToDate } from "../../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { ExcelJsWorkbook } from "../../../src/workbook/exceljsAdapter";

const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-reader-"));
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

interface Spec {
  main?: string;
  rel?: string;
  prefix?: string;
  date1904?: boolean;
  sheets: { name: string; data: string; state?: string }[];
  sharedStrings?: string[] | null;
  numFmts?: string;
  xfs?: string;
  styles?: boolean;
  workbookLast?: boolean;
}

/** Builds a minimal package by hand. */
async function build(name: string, spec: Spec): Promise<string> {
  const main = spec.main ?? MAIN;
  const rel = spec.rel ?? REL;
  const p = spec.prefix ?? "";
  const ns = p ? `xmlns:${p.slice(0, -1)}="${main}"` : `xmlns="${main}"`;
  const z = new JSZip();
  const files: [string, string][] = [];
  files.push(["[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>']);
  files.push(["_rels/.rels", `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]);
  const rels = spec.sheets.map((_, i) => `<Relationship Id="rIdS${i}" Type="${rel}/worksheet" Target="/xl/worksheets/s${i}.xml"/>`);
  if (spec.sharedStrings) rels.push(`<Relationship Id="rIdSS" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (spec.styles !== false) rels.push(`<Relationship Id="rIdST" Type="${rel}/styles" Target="styles.xml"/>`);
  files.push(["xl/_rels/workbook.xml.rels", `<Relationships xmlns="${PKG}">${rels.join("")}</Relationships>`]);
  spec.sheets.forEach((s, i) => files.push([`xl/worksheets/s${i}.xml`, `<${p}worksheet ${ns}><${p}sheetData>${s.data}</${p}sheetData></${p}worksheet>`]));
  if (spec.sharedStrings) files.push(["xl/sharedStrings.xml", `<${p}sst ${ns}>${spec.sharedStrings.join("")}</${p}sst>`]);
  if (spec.styles !== false)
    files.push(["xl/styles.xml", `<${p}styleSheet ${ns}>${spec.numFmts ?? ""}<${p}cellXfs>${spec.xfs ?? `<${p}xf numFmtId="0"/>`}</${p}cellXfs></${p}styleSheet>`]);
  const wb = `<${p}workbook ${ns} xmlns:rr="${rel}"><${p}workbookPr${spec.date1904 ? ' date1904="1"' : ""}/><${p}sheets>${spec.sheets
    .map((s, i) => `<${p}sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} rr:id="rIdS${i}"/>`)
    .join("")}</${p}sheets></${p}workbook>`;
  if (spec.workbookLast) files.push(["xl/workbook.xml", wb]);
  else files.unshift(["xl/workbook.xml", wb]);
  for (const [n, d] of files) z.file(n, d);
  const file = path.join(tmp, name);
  writeFileSync(file, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

async function read(file: string, sheet: string) {
  const wb = await XlsxWorkbook.open(file);
  try {
    return { sheets: await wb.listSheets(), values: (await wb.readTables([sheet]))[0]?.values };
  } finally {
    await wb.close();
  }
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("cell types", () => {
  const cells = (p: string) =>
    `<${p}row r="1"><${p}c r="A1" t="s"><${p}v>0</${p}v></${p}c><${p}c r="B1" t="s"><${p}v>1</${p}v></${p}c><${p}c r="D1" t="inlineStr"><${p}is><${p}t>in</${p}t><${p}r><${p}t xml:space="preserve">line &amp; more</${p}t></${p}r></${p}is></${p}c></${p}row>` +
    `<${p}row r="3"><${p}c r="A3" t="b"><${p}v>1</${p}v></${p}c><${p}c r="B3" t="b"><${p}v>0</${p}v></${p}c><${p}c r="C3" t="e"><${p}v>#N/A</${p}v></${p}c><${p}c r="D3" t="str"><${p}f>A1&amp;"x"</${p}f><${p}v>Annx</${p}v></${p}c><${p}c r="E3"><${p}f>1+1</${p}f><${p}v>2</${p}v></${p}c><${p}c r="F3"><${p}f>NOW()</${p}f></${p}c></${p}row>` +
    `<${p}row><${p}c><${p}v>-1.5E3</${p}v></${p}c><${p}c s="1"><${p}v>45658</${p}v></${p}c><${p}c s="2"><${p}v>45658.75</${p}v></${p}c><${p}c s="3"><${p}v>0.25</${p}v></${p}c><${p}c t="d"><${p}v>2026-03-01T00:00:00</${p}v></${p}c></${p}row>`;
  const shared = (p: string) => [`<${p}si><${p}t>Ann</${p}t></${p}si>`, `<${p}si><${p}r><${p}t>东</${p}t></${p}r><${p}r><${p}t>京</${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>とう</${p}t></${p}rPh><${p}t>_x000D_</${p}t></${p}si>`];
  const xfs = (p: string) => `<${p}xf numFmtId="0"/><${p}xf numFmtId="14"/><${p}xf numFmtId="165"/><${p}xf numFmtId="166"/>`;
  const numFmts = (p: string) => `<${p}numFmts count="2"><${p}numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot; hh:mm"/><${p}numFmt numFmtId="166" formatCode="0.0%"/></${p}numFmts>`;
  // Hand-computed (a formula stored without a calculated value reads as "not calculated", never as a blank):
  // serial 45658 is 2025-01-01; .75 of a day is 18:00; 0.0% is not a date format. (A row is as wide as the
  // one before it: blank cells at its end read as null.)
  const expected = [["Ann", "东京\r", null, "inline & more"], [], [true, false, "#N/A", "Annx", 2, NOT_CALCULATED], [-1500, utc(2025, 1, 1), new Date(Date.UTC(2025, 0, 1, 18)), 0.25, utc(2026, 3, 1), null]];

  test.each([
    ["default namespace", ""],
    ["x:-prefixed", "x:"],
  ])("%s", async (label, p) => {
    const file = await build(`types-${p ? "x" : "d"}.xlsx`, { prefix: p, sheets: [{ name: "Data", data: cells(p) }], sharedStrings: shared(p), xfs: xfs(p), numFmts: numFmts(p) });
    const { values } = await read(file, "Data");
    expect(values).toEqual(expected);
  });

  test("Strict OOXML namespaces, workbook part last", async () => {
    const p = "";
    const file = await build("strict.xlsx", {
      main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
      rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
      workbookLast: true,
      sheets: [
        { name: "Notes", data: "", state: "hidden" },
        { name: "Data", data: cells(p) },
      ],
      sharedStrings: shared(p),
      xfs: xfs(p),
      numFmts: numFmts(p),
    });
    const { sheets, values } = await read(file, "Data");
    expect(sheets).toEqual([
      { name: "Notes", visible: false },
      { name: "Data", visible: true },
    ]);
    expect(values?.[3]).toEqual(expected[3]);
  });

  test("formulas: a cached value reads as the value, an empty text result as empty text, none at all as not calculated", async () => {
    const data =
      '<row r="1"><c r="A1" t="str"><f>""</f><v></v></c><c r="B1"><f>1/0</f><v></v></c><c r="C1"><f t="shared" ref="C1:C2" si="0">A1</f><v/></c><c r="D1" t="b"><f>TRUE()</f></c><c r="E1"><f>2*3</f><v>6</v></c></row>' +
      '<row r="2"><c r="C2"><f t="shared" si="0"/></c></row>';
    const file = await build("formulas.xlsx", { sheets: [{ name: "F", data }] });
    expect((await read(file, "F")).values).toEqual([["", NOT_CALCULATED, NOT_CALCULATED, NOT_CALCULATED, 6], [null, null, NOT_CALCULATED, null, null]]);
  });

  test("1904 date system: the same serial is 1,462 days later", async () => {
    const file = await build("d1904.xlsx", { date1904: true, sheets: [{ name: "D", data: '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>45658</v></c></row>' }], xfs: '<xf numFmtId="0"/><xf numFmtId="14"/>' });
    expect((await read(file, "D")).values).toEqual([[utc(1904, 1, 1), utc(2029, 1, 2)]]);
  });

  test("no shared strings, no styles part: numbers stay numbers", async () => {
    const file = await build("bare.xlsx", { styles: false, sheets: [{ name: "B", data: '<row r="2"><c r="C2"><v>7</v></c></row>' }] });
    expect((await read(file, "B")).values).toEqual([[], [null, null, 7]]);
  });

  test("maxRows stops early", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
    const file = await build("many.xlsx", { sheets: [{ name: "M", data: rows }] });
    const wb = await XlsxWorkbook.open(file);
    const [t] = await wb.readTables(["M"], { maxRows: 3 });
    await wb.close();
    expect(t.values).toEqual([[0], [1], [2]]);
  });
});

describe("date formats", () => {
  test.each([
    ["yyyy-mm-dd", true],
    ["[$-804]yyyy\"年\"m\"月\"d\"日\"", true],
    ["h:mm AM/PM", true],
    ["General", false],
    ["0.00%", false],
    ["#,##0 \"days\"", false],
    ["[Red]#,##0.00", false],
    ["\\d0", false],
  ])("%s → %p", (code, yes) => expect(isDateFormat(code)).toBe(yes));

  test("serials as ExcelJS reads them", () => {
    expect(serialToDate(45658, false)).toEqual(utc(2025, 1, 1));
    expect(serialToDate(45658.5, false)).toEqual(new Date(Date.UTC(2025, 0, 1, 12)));
  });
});

describe("the sample reads the same as ExcelJS reads it", () => {
  test("every sheet, every value", async () => {
    const file = path.join(__dirname, "..", "..", "..", "examples", "sample-team.xlsx");
    const ours = await XlsxWorkbook.open(file);
    const theirs = await ExcelJsWorkbook.open(file);
    const names = (await theirs.listSheets()).map((s) => s.name);
    expect((await ours.listSheets()).map((s) => s.name)).toEqual(names);
    const trim = (v: unknown[][]) => v.map((r) => {
      const x = [...r];
      while (x.length && x[x.length - 1] === null) x.pop();
      return x;
    });
    const a = await ours.readTables(names);
    const b = await theirs.readTables(names);
    await ours.close();
    expect(a.map((t) => trim(t.values))).toEqual(b.map((t) => trim(t.values)));
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});
