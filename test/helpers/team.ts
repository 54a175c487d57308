import type { Cell } from "../../src/engine/table";
import { runCheck } from "../../src/workbook/pipeline";
import { MemoryWorkbook } from "./memoryWorkbook";

/** Runs the check on plain sheets, as the CLI and pane do, without writing. */
export async function checkSheets(sheets: Record<string, Cell[][]>, displayLanguage = "en-US") {
  const port = new MemoryWorkbook(sheets);
  const { result } = await runCheck(port, { displayLanguage, write: false });
  return result;
}

/** A small hand-built team whose snapshot is computed by hand in the tests. */
export function smallTeam(): Record<string, Cell[][]> {
  return {
    Reps: [
      // Quota: a roster without one gets a quota_column_missing warning; this team is clean.
      ["Rep ID", "Name", "Hire Date", "Region", "Active", "Quota"],
      ["R1", "Ann Veteran", "2020-01-01", "North", "Y", 1000],
      ["R2", "Ben New", "2026-01-15", "North", "", 500],
      ["R3", "Cai Regular", "2024-06-01", "South", "是", 800],
      ["R4", "Dan Left", "2019-05-01", "South", "N", null],
    ],
    Accounts: [
      ["Account ID", "Account Name", "Owner", "Region"],
      ["A1", "Alpha", "R1", "North"],
      ["A2", "Beta", "R1", "North"],
      ["A3", "Gamma", "R2", "North"],
      ["A4", "Delta", "R3", "South"],
      ["A5", "Epsilon", "R4", "South"],
    ],
    Sales: [
      ["Date", "Account ID", "Amount"],
      ["2026-03-10", "A1", 600],
      ["2025-04-01", "A1", "400"],
      ["2025-12-31", "A2", "$500.00"],
      ["2025-03-31", "A2", 9999],
      ["2026-02-01", "A3", "¥300"],
      ["2026/1/5", "A4", "200"],
      ["2025年5月6日", "A5", 400],
    ],
    "Fairshare Settings": [
      ["Setting", "Value"],
      ["period", "2026-03"],
    ],
  };
}
