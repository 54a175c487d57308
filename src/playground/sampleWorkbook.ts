/**
 * The playground's workbook: the sample team of examples/sample-team.xlsx, built in the browser from
 * the same deterministic generator (scripts/make-sample.js writes the .xlsx from `generateTeam()`),
 * so the page needs no xlsx reader and no build step of its own. test/browser checks that every cell
 * equals the committed .xlsx.
 */
import { generateTeam } from "../sample/generateTeam";
import { FakeWorkbook, type FakeSeedCell } from "../../test/fakes/fakeExcel";

/**
 * A fake Excel workbook holding the sample team as Excel holds the .xlsx once opened: dates as serial
 * numbers formatted yyyy-mm-dd, header rows bold (what src/cli/writeTable.ts writes).
 *
 * @example sampleWorkbook().sheetNames() // ["Reps", "Accounts", "Sales", "Fairshare Settings"]
 */
export function sampleWorkbook(): FakeWorkbook {
  // Date cells (not serials) so the fake seeds them with a date format, as the .xlsx has.
  const team = generateTeam({ dates: "date" });
  const spec: Record<string, FakeSeedCell[][]> = {};
  for (const name of team.order) {
    const [header, ...rows] = team.sheets[name];
    spec[name] = [header.map((value) => ({ value, bold: true })), ...rows];
  }
  return FakeWorkbook.from(spec);
}
