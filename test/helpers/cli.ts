import type { Workbook } from "exceljs";
import { main } from "../../src/cli/main";

/** Runs the CLI in-process and collects what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

/**
 * Fills Decision and Approver on the first move of a proposal sheet, as a manager does by hand; the
 * header row is found by its first cell ("Proposal ID", "建议编号"…).
 */
export function decideFirstRow(workbook: Workbook, sheet: string, firstHeader: string, columns: { decision: string; approver: string }, values: { decision: string; approver: string }): void {
  const ws = workbook.getWorksheet(sheet)!;
  let header = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === firstHeader) header = n;
  });
  const cols = (ws.getRow(header).values as unknown[]).map(String);
  ws.getRow(header + 1).getCell(cols.indexOf(columns.decision)).value = values.decision;
  ws.getRow(header + 1).getCell(cols.indexOf(columns.approver)).value = values.approver;
}
