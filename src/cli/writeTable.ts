/**
 * Writes plain sheets to a new .xlsx with ExcelJS's streaming writer (memory stays flat for 1M rows).
 */
import ExcelJS from "exceljs";
import type { Cell } from "../engine/table";

/** Writes sheets in the given order; dates get a yyyy-mm-dd format and the header row is bold and frozen. */
export async function writeSheets(path: string, sheets: Record<string, Cell[][]>, order: string[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  wb.creator = "Fairshare";
  // Fixed timestamps: the same data gives the same workbook content.
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = new Date(Date.UTC(2026, 0, 1));
  for (const name of order) {
    const rows = sheets[name];
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
    ws.columns = rows[0].map((h) => ({ header: String(h), width: Math.max(12, String(h).length + 4) }));
    ws.getRow(1).font = { bold: true };
    for (let r = 1; r < rows.length; r++) {
      const row = ws.addRow(rows[r] as ExcelJS.CellValue[]);
      rows[r].forEach((v, i) => {
        if (v instanceof Date) row.getCell(i + 1).numFmt = "yyyy-mm-dd";
      });
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}
