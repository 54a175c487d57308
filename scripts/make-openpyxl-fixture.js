#!/usr/bin/env node
// Regenerates test/fixtures/openpyxl-team.xlsx: a small generated team written by openpyxl (Python), the
// way scripts and data tools write workbooks, with what users' files carry: a comment, a defined name, a
// data validation and a conditional format on Accounts, a formula column (openpyxl stores formulas
// without a calculated value), an Excel table with a style on Ratings, frozen panes, column widths, date
// formats, a merged cell and a hidden sheet. Needs `npm run build:cli`, python3 and openpyxl
// (pip install openpyxl). The committed file is what the tests read: they never need Python.
const { execFileSync } = require("node:child_process");
const path = require("node:path");
const { generateTeam } = require("../build/sample/generateTeam.js");

const team = generateTeam({ reps: 12, accounts: 120, months: 18, settings: false, dates: "serial" });
// Dates go over as ISO days (Excel serials from 1970-01-01 = 25569); Python writes them as dates.
const isDateColumn = (header) => /date/i.test(String(header));
const sheets = team.order.map((name) => {
  const [header, ...rows] = team.sheets[name];
  const dates = header.map(isDateColumn);
  return {
    name,
    header,
    rows: rows.map((r) => r.map((v, i) => (dates[i] && typeof v === "number" ? { date: new Date((v - 25569) * 86400000).toISOString().slice(0, 10) } : v))),
  };
});
const target = path.join(__dirname, "..", "test", "fixtures", "openpyxl-team.xlsx");

const python = String.raw`
import json, sys, datetime
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

data = json.load(sys.stdin)
wb = Workbook()
wb.remove(wb.active)
for sheet in data["sheets"]:
    ws = wb.create_sheet(sheet["name"])
    ws.append(sheet["header"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in sheet["rows"]:
        ws.append([datetime.date.fromisoformat(v["date"]) if isinstance(v, dict) else v for v in row])
    for c, header in enumerate(sheet["header"], start=1):
        if "Date" in str(header):
            for (cell,) in ws.iter_rows(min_row=2, min_col=c, max_col=c):
                cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 28

reps, accounts, ratings = wb["Reps"], wb["Accounts"], wb["Ratings"]
reps["C1"].comment = Comment("Hire dates from HR", "Li Wei")
n = accounts.max_row
accounts["J1"] = "Name length"
accounts["J1"].font = Font(bold=True)
for r in range(2, n + 1):
    accounts.cell(row=r, column=10, value="=LEN(B%d)" % r)
dv = DataValidation(type="list", formula1="RepList", allow_blank=True)
dv.error = "Pick a rep from the roster."
accounts.add_data_validation(dv)
dv.add("C2:C%d" % n)
accounts.conditional_formatting.add("J2:J%d" % n, CellIsRule(operator="greaterThan", formula=["22"], fill=PatternFill(bgColor="FFC7CE")))
table = Table(displayName="RatingsTable", ref="A1:C%d" % ratings.max_row)
table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
ratings.add_table(table)
wb.defined_names["RepList"] = DefinedName("RepList", attr_text="Reps!$A$2:$A$%d" % reps.max_row)
notes = wb.create_sheet("Notes")
notes["A1"] = "Maintained by Sales Ops"
notes.merge_cells("A1:D1")
notes.sheet_state = "hidden"
wb.properties.creator = "Sales Ops"
wb.properties.created = datetime.datetime(2026, 10, 2, 8, 15)
wb.properties.modified = datetime.datetime(2026, 11, 3, 9, 30)
wb.save(sys.argv[1])
`;

execFileSync("python3", ["-c", python, target], { input: JSON.stringify({ sheets }), stdio: ["pipe", "inherit", "inherit"] });
console.log(`wrote ${path.relative(process.cwd(), target)}`);
