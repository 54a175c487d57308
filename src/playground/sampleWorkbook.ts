/**
 * The playground's workbook: the sample team of examples/sample-team.xlsx, built in the browser from
 * the same deterministic generator (scripts/make-sample.js writes the .xlsx from `generateTeam()`),
 * so the page needs no xlsx reader and no build step of its own. test/browser checks that every cell
 * equals the committed .xlsx.
 */
import { generateTeam } from "../sample/generateTeam";
import { FakeWorkbook, type FakeSeedCell } from "../fakes/fakeExcel";

/** Excel's column width in points for a width in characters of the default font (7 px each, 5 px padding). */
function characterWidthToPoints(characters: number): number {
  return (characters * 7 + 5) * 0.75;
}

/**
 * A fake Excel workbook holding the sample team as Excel holds the .xlsx once opened: dates as serial
 * numbers formatted yyyy-mm-dd, header rows bold and frozen, columns as wide as src/cli/writeTable.ts
 * makes them.
 *
 * `scale` multiplies the team (reps and accounts, so sales too): the browser tests' slow-device run uses
 * a larger team, so the engine's part of a run lasts long enough to be cancelled by a click.
 *
 * @example sampleWorkbook().sheetNames().slice(0, 3) // ["Reps", "Accounts", "Sales"]
 */
export function sampleWorkbook(scale = 1): FakeWorkbook {
  // Date cells (not serials) so the fake seeds them with a date format, as the .xlsx has.
  const team = generateTeam(scale === 1 ? { dates: "date" } : { dates: "date", reps: 40 * scale, accounts: 1500 * scale });
  const spec: Record<string, FakeSeedCell[][]> = {};
  for (const name of team.order) {
    const [header, ...rows] = team.sheets[name];
    spec[name] = [header.map((value) => ({ value, bold: true })), ...rows];
  }
  const workbook = FakeWorkbook.from(spec);
  for (const name of team.order) {
    const sheet = workbook.sheet(name);
    sheet.frozenRows = 1;
    team.sheets[name][0].forEach((header, c) => sheet.columnWidths.set(c, characterWidthToPoints(Math.max(12, String(header).length + 4))));
  }
  return workbook;
}
