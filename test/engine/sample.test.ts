import path from "node:path";
import { generateTeam } from "../../src/sample/generateTeam";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsAdapter";
import type { Cell } from "../../src/engine/table";

test("examples/sample-team.xlsx is what the generator makes (npm run sample reproduces it)", async () => {
  const team = generateTeam();
  const wb = await ExcelJsWorkbook.open(path.join(__dirname, "..", "..", "examples", "sample-team.xlsx"));
  expect((await wb.listSheets()).map((s) => s.name)).toEqual(team.order);
  const tables = await wb.readTables(team.order);
  for (const t of tables) {
    // ExcelJS drops trailing empty cells; compare trimmed rows.
    const trim = (rows: Cell[][]) => rows.map((r) => { const c = [...r]; while (c.length && (c[c.length - 1] === null || c[c.length - 1] === undefined)) c.pop(); return c; });
    expect(trim(t.values)).toEqual(trim(team.sheets[t.sheet]));
  }
});

test("the generator is deterministic and realistic in shape", () => {
  const a = generateTeam();
  const b = generateTeam();
  expect(a).toEqual(b);
  const reps = a.sheets.Reps.slice(1);
  expect(reps.length).toBe(40);
  expect(new Set(reps.map((r) => r[3]))).toEqual(new Set(["North", "East", "South"]));
  expect(reps.some((r) => r[4] === "No")).toBe(true);
  expect(a.sheets.Accounts.length - 1).toBe(1500);
  const months = new Set(a.sheets.Sales.slice(1).map((r) => { const d = r[0] as Date; return d.getUTCFullYear() * 12 + d.getUTCMonth(); }));
  expect(months.size).toBe(24);
});
