#!/usr/bin/env node
// Regenerates examples/sample-team.xlsx from the deterministic generator (npm run sample).
const path = require("node:path");
const { generateTeam } = require("../build/sample/generateTeam.js");
const { writeSheets } = require("../build/cli/writeTable.js");

(async () => {
  const team = generateTeam();
  const out = path.join(__dirname, "..", "examples", "sample-team.xlsx");
  await writeSheets(out, team.sheets, team.order);
  const counts = team.order.map((n) => `${n}: ${team.sheets[n].length - 1} rows`).join(", ");
  console.log(`wrote ${path.relative(process.cwd(), out)} (${counts})`);
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
