#!/usr/bin/env node
// npm run demo: runs Fairshare on the sample team and writes out/sample-team.fairshare.xlsx.
const fs = require("node:fs");
const path = require("node:path");
const { main } = require("../build/cli/main.js");

const root = path.join(__dirname, "..");
const input = path.join(root, "examples", "sample-team.xlsx");
const out = path.join(root, "out", "sample-team.fairshare.xlsx");
// The CLI writes only into a folder that exists (a typo in --out must not create folders); the demo owns out/.
fs.mkdirSync(path.dirname(out), { recursive: true });

main(["run", input, "--out", out, "--json", path.join(root, "out", "sample-team.fairshare.json"), "--quiet"]).then((code) => {
  if (code !== 0) {
    console.error(`fairshare run exited ${code}`);
    process.exitCode = code;
    return;
  }
  const json = require(path.join(root, "out", "sample-team.fairshare.json"));
  const f = json.fairness.before;
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  console.log(`Fairshare demo — sample team, period ${json.period}`);
  console.log(`  ${json.portfolio.length} active reps, ${json.issues.length} data issues`);
  console.log(`  Gini ${f.gini.toFixed(3)} · top 10% of reps hold ${pct(f.top10Share)} · new reps hold ${pct(f.newRepShare)}`);
  for (const [region, r] of Object.entries(f.byRegion)) console.log(`    ${region.padEnd(8)} Gini ${r.gini.toFixed(3)} · new reps ${pct(r.newRepShare)}`);
  const byClass = {};
  for (const p of json.portfolio) byClass[p.class] = (byClass[p.class] || 0) + p.value12m;
  const total = Object.values(byClass).reduce((s, v) => s + v, 0);
  console.log(`  value held: ${Object.entries(byClass).map(([k, v]) => `${k} ${pct(v / total)}`).join(", ")}`);
  const byRule = {};
  for (const r of json.reassignments) byRule[r.rule] = (byRule[r.rule] || 0) + 1;
  console.log(
    `  proposed moves: ${Object.entries(byRule).map(([k, v]) => `${k} ${v}`).join(", ")}; ${json.unassigned.length} released but held by a limit; ${json.atRisk.length} accounts at risk of recycling`,
  );
  const a = json.fairness.after;
  console.log(`  after approval of all moves: Gini ${a.gini.toFixed(3)} · top 10% ${pct(a.top10Share)} · new reps ${pct(a.newRepShare)}`);
  const stag = json.reassignments.find((r) => r.rule === "STAGNATION");
  if (stag) console.log(`  e.g. ${stag.proposalId} ${stag.accountId} ${stag.fromRepId} → ${stag.toRepId}: ${stag.evidence}\n       why ${stag.toRepId}: ${stag.whyThisRep}`);
  const blocked = json.diagnostics.filter((d) => d.blockedBy);
  if (blocked.length) console.log(`  why not more:\n${blocked.map((d) => `    ${d.text}`).join("\n")}`);
  console.log(`  wrote ${path.relative(process.cwd(), out)} (${json.sheetsWritten.join(", ")})`);
});
