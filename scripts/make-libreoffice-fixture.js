#!/usr/bin/env node
// Regenerates test/fixtures/libreoffice-team.xlsx: a small generated team with what users' files carry
// (a note, a defined name, a hidden sheet, data validation, a conditional format, a formula column on
// Accounts), written by ExcelJS and then saved by LibreOffice Calc (soffice --headless --convert-to xlsx).
// Needs `npm run build:cli` and soffice (apt-get install libreoffice-calc).
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const ExcelJS = require("exceljs");
const { generateTeam } = require("../build/sample/generateTeam.js");

(async () => {
  const team = generateTeam({ reps: 12, accounts: 120, months: 18 });
  const wb = new ExcelJS.Workbook();
  for (const name of team.order) {
    const ws = wb.addWorksheet(name);
    for (const row of team.sheets[name]) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
  }
  const accounts = wb.getWorksheet("Accounts");
  const width = team.sheets.Accounts[0].length;
  accounts.getCell(1, width + 1).value = "Name length";
  for (let r = 2; r <= accounts.rowCount; r++) accounts.getCell(r, width + 1).value = { formula: `LEN(B${r})`, result: String(accounts.getCell(r, 2).value).length };
  accounts.getCell("A1").note = "Keep account IDs stable";
  accounts.addConditionalFormatting({ ref: `A2:A${accounts.rowCount}`, rules: [{ type: "containsText", operator: "containsText", text: "A00", style: { font: { bold: true } }, priority: 1 }] });
  accounts.getCell("D2").dataValidation = { type: "list", allowBlank: true, formulae: ['"North,East,South"'] };
  wb.definedNames.add("Accounts!$A$2:$A$11", "FirstTen");
  const hidden = wb.addWorksheet("Notes", { state: "hidden" });
  hidden.getCell("A1").value = "internal";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fairshare-fixture-"));
  const src = path.join(dir, "libreoffice-team.xlsx");
  await wb.xlsx.writeFile(src);
  const out = path.join(dir, "out");
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, src], { stdio: "ignore" });
  const target = path.join(__dirname, "..", "test", "fixtures", "libreoffice-team.xlsx");
  fs.copyFileSync(path.join(out, "libreoffice-team.xlsx"), target);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
