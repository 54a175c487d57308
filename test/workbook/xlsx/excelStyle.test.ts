/**
 * A workbook laid out part by part as Excel writes it (test/helpers/excelStyle.ts: a pivot table with its
 * cache definition and records, comments with their legacy VML drawing, a defined name and a filter's
 * hidden _FilterDatabase, a data validation, a conditional format and a shared-formula column with cached
 * values on Accounts, a hidden sheet) through run and apply:
 * - run keeps every part with the same content; the parts that list sheets differ only by our entries;
 * - LibreOffice (headless) opens what run wrote and finds our sheets, the pivot table and the comments;
 * - apply changes only the approved Owner cells of Accounts, compared cell by cell, and leaves the formula
 *   column, the validation and the conditional format as they were.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXCEL_STYLE, EXCEL_STYLE_SHEETS, writeExcelStyleWorkbook } from "../../helpers/excelStyle";
import { approveAndApply, cli, expectLibreOfficeReadsRun, expectOnlyOwnerCellsChanged, expectRunKeepsEveryPart, read, sheetsOf } from "../../helpers/fidelityChecks";
import { hasSoffice, libreOfficeResave, parts } from "../../helpers/xlsxParts";

const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-excel-style-"));
const input = path.join(tmp, "excel-style.xlsx");
const ran = path.join(tmp, "ran.xlsx");
const runJson = path.join(tmp, "run.json");
const written = (): string[] => JSON.parse(readFileSync(runJson, "utf8")).sheetsWritten;

beforeAll(async () => {
  await writeExcelStyleWorkbook(input);
  expect(await cli("run", input, "--out", ran, "--json", runJson, "--quiet")).toEqual({ code: 0, stderr: "" });
});

test("the fixture reads as Excel's: every sheet in order, Lookup hidden, the formula column's cached values", async () => {
  expect(await sheetsOf(input)).toEqual(EXCEL_STYLE_SHEETS.map((name) => ({ name, visible: name !== "Lookup" })));
  const [accounts] = await read(input, ["Accounts"]);
  expect(accounts.values[0][9]).toBe("Name length");
  for (const row of accounts.values.slice(1)) expect(row[9]).toBe(String(row[1]).length);
  const p = await parts(input);
  for (const name of [...EXCEL_STYLE.pivotParts, ...EXCEL_STYLE.commentParts]) expect(p.has(name)).toBe(true);
});

test("run keeps every part with the same content; the parts that list sheets differ only by our entries", async () => {
  expect(written().some((s) => s.startsWith("Fairshare Proposal"))).toBe(true);
  // The workbook part keeps its pivotCaches, defined names, Excel's revision and path elements and extLst.
  await expectRunKeepsEveryPart(input, ran, written());
  const app = (await parts(ran)).get("docProps/app.xml")!.toString("utf8");
  // app.xml counts our sheets as worksheets and still lists the named range after them.
  const titles = [...app.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]).filter((t) => t !== "Worksheets" && t !== "Named Ranges");
  expect(titles).toEqual([...EXCEL_STYLE_SHEETS, ...written(), "RepList"]);
  expect(app).toContain(`<vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${EXCEL_STYLE_SHEETS.length + written().length}</vt:i4>`);
  expect(app).toContain("<vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4>");
});

test("LibreOffice opens what run wrote: our sheets with their values, the pivot table and the comments", async () => {
  if (!hasSoffice) throw new Error("LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc");
  const again = await expectLibreOfficeReadsRun(ran);
  // LibreOffice read the pivot table and the notes: it writes them back as parts of its own.
  const lo = [...(await parts(again)).keys()];
  expect(lo.some((k) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(k))).toBe(true);
  expect(lo.some((k) => /^xl\/comments\d*\.xml$/.test(k))).toBe(true);
});

test("apply changes only the approved Owner cells of Accounts; the formula column, validation and conditional format stay", async () => {
  const { decided, applied, moves } = await approveAndApply(ran, runJson, tmp, 3);
  const { before, after, rows } = await expectOnlyOwnerCellsChanged({ input, decided, applied, moves, accountsPart: EXCEL_STYLE.accountsPart, ownerColumn: EXCEL_STYLE.ownerColumn });
  // The formula column: every cell, its shared formula and cached value, as it was.
  const formulas = [...before.cells.keys()].filter((r) => r.startsWith(EXCEL_STYLE.formulaColumn) && r !== `${EXCEL_STYLE.formulaColumn}1`);
  expect(formulas).toHaveLength(rows - 1);
  for (const ref of formulas) expect(after.cells.get(ref)).toBe(before.cells.get(ref));
  expect(after.cells.get(`${EXCEL_STYLE.formulaColumn}2`)).toMatch(/<f t="shared" ref="J2:J\d+" si="0">LEN\(B2\)<\/f><v>\d+<\/v>/);
  expect(after.outside).toContain('<dataValidations count="1"><dataValidation type="list"');
  expect(after.outside).toContain("<conditionalFormatting sqref=");
});
