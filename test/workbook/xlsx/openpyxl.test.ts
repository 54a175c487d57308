/**
 * A workbook written by openpyxl (committed fixture, made by scripts/make-openpyxl-fixture.js): inline
 * strings, formulas stored without a calculated value, the workbook part last in the zip, comments under
 * xl/comments/, an Excel table, a defined name, validation, a conditional format, a merged cell and a hidden
 * sheet. run keeps every part; LibreOffice opens the output; apply changes only the approved Owner cells.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NOT_CALCULATED } from "../../../src/engine/table";
import { approveAndApply, cli, expectLibreOfficeReadsRun, expectOnlyOwnerCellsChanged, expectRunKeepsEveryPart, read, sheetsOf } from "../../helpers/fidelityChecks";
import { hasSoffice, libreOfficeResave, parts } from "../../helpers/xlsxParts";

const FIXTURE = path.join(__dirname, "..", "..", "fixtures", "openpyxl-team.xlsx");
const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-openpyxl-"));
const ran = path.join(tmp, "ran.xlsx");
const runJson = path.join(tmp, "run.json");
const written = (): string[] => JSON.parse(readFileSync(runJson, "utf8")).sheetsWritten;

beforeAll(async () => {
  expect(await cli("run", FIXTURE, "--out", ran, "--json", runJson, "--quiet")).toEqual({ code: 0, stderr: "" });
});

test("the fixture is openpyxl's: inline strings, formulas without values, the workbook part last", async () => {
  const p = await parts(FIXTURE);
  const names = [...p.keys()];
  expect(names[names.length - 1]).toBe("[Content_Types].xml");
  expect(names.indexOf("xl/workbook.xml")).toBeGreaterThan(names.indexOf("xl/worksheets/sheet1.xml"));
  expect(p.get("xl/worksheets/sheet2.xml")!.toString()).toContain('t="inlineStr"');
  expect(p.has("xl/tables/table1.xml") && p.has("xl/comments/comment1.xml")).toBe(true);
  expect(await sheetsOf(FIXTURE)).toEqual(["Reps", "Accounts", "Sales", "Ratings", "Notes"].map((name) => ({ name, visible: name !== "Notes" })));
  const [accounts] = await read(FIXTURE, ["Accounts"]);
  expect(accounts.values.slice(1).every((r) => r[9] === NOT_CALCULATED)).toBe(true);
});

test("run keeps every part with the same content; the parts that list sheets differ only by our entries", async () => {
  expect(written().some((s) => s.startsWith("Fairshare Proposal"))).toBe(true);
  await expectRunKeepsEveryPart(FIXTURE, ran, written());
});

test("LibreOffice opens what run wrote, with our sheets and their values", async () => {
  if (!hasSoffice) throw new Error("LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc");
  await expectLibreOfficeReadsRun(ran);
});

test("apply changes only the approved Owner cells of Accounts; the formula column, validation and conditional format stay", async () => {
  const { decided, applied, moves } = await approveAndApply(ran, runJson, tmp, 3);
  const { before, after } = await expectOnlyOwnerCellsChanged({ input: FIXTURE, decided, applied, moves, accountsPart: "xl/worksheets/sheet2.xml", ownerColumn: "C" });
  expect(after.cells.get("J2")).toBe(before.cells.get("J2"));
  expect(after.cells.get("J2")).toBe('<c r="J2"><f>LEN(B2)</f><v /></c>');
  expect(after.outside).toContain("<dataValidations count=\"1\">");
  expect(after.outside).toContain('<conditionalFormatting sqref="J2:J121">');
});
