#!/usr/bin/env node
// One measured process for scripts/bench-xlsx.js: `exceljs-read <file>` (ExcelJS's streaming reader
// touching every row, the anchor) or `fairshare-run <file> <out>`. Prints {maxRssMB} as JSON at the end.
const [mode, file, out] = process.argv.slice(2);

async function exceljsRead() {
  const ExcelJS = require("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "emit" });
  let cells = 0;
  for await (const ws of reader) for await (const row of ws) cells += row.values.length;
  return cells;
}

async function fairshareRun() {
  const { main } = require("../build/cli/main.js");
  const code = await main(["run", file, "--out", out, "--quiet"], { stdout: () => undefined, stderr: (s) => process.stderr.write(s) });
  if (code !== 0) throw new Error(`fairshare run exited ${code}`);
}

(mode === "exceljs-read" ? exceljsRead() : fairshareRun())
  .then(() => {
    process.stdout.write(`${JSON.stringify({ maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
  })
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
