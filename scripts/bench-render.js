#!/usr/bin/env node
/**
 * Time to first render of the task pane: builds the playground (production), serves it on a free port,
 * opens it in headless Chromium with a fresh profile and cache five times, and prints the median of
 *
 * - heading: from navigation start to the frame that first paints the pane's "Fairshare" heading
 *   (performance.now() in the page, at the animation frame after React inserted the <h1>);
 * - sheets:  to the frame that paints the detected input sheets (the pane's first Excel.run round trip,
 *   here over the fake host holding the 40-rep, 1,500-account, 24-month sample team);
 *
 * with, for context, when the bundle had been evaluated and when the playground had built its sample
 * workbook (marks set by src/playground/index.tsx; Excel does not pay the latter).
 *
 *   node scripts/bench-render.js [--runs 5] [--no-build]    (needs /usr/bin/chromium, or CHROMIUM_PATH)
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { buildPlayground, servePlayground } = require("./playground");
const { launchChromium, CHROMIUM_PATH } = require("../test/browser/chromium");

/** Runs in the page before any of its scripts: notes when the heading and the sheet list first paint. */
function recordFirstRender() {
  const marks = {};
  window.__renderMarks = marks;
  const seen = (name) => {
    if (marks[name] !== undefined) return;
    marks[name] = -1; // noted; the paint time follows
    requestAnimationFrame(() => {
      marks[name] = performance.now();
    });
  };
  new MutationObserver(() => {
    const heading = document.querySelector("h1");
    if (heading && heading.textContent === "Fairshare") seen("heading");
    if ([...document.querySelectorAll("[data-testid=pane] dd")].some((dd) => dd.textContent === "Sales")) seen("sheets");
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function main(argv) {
  const runsAt = argv.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs needs a positive whole number");
  let dir = path.resolve(__dirname, "..", "dist-playground");
  let tmp = null;
  if (!argv.includes("--no-build")) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fairshare-bench-"));
    const built = await buildPlayground({ mode: "production", outputPath: tmp });
    dir = built.outputPath;
    console.error(`built the playground in ${(built.ms / 1000).toFixed(1)} s`);
  }
  const server = await servePlayground({ dir, port: 0 });
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const browser = await launchChromium();
      try {
        await browser.page.addInitScript(recordFirstRender);
        await browser.page.goto(server.url);
        await browser.page.waitForFunction(() => window.__renderMarks && window.__renderMarks.heading > 0 && window.__renderMarks.sheets > 0, null, {
          timeout: 60_000,
        });
        const marks = await browser.page.evaluate(() => {
          const at = (name) => performance.getEntriesByName(name, "mark")[0]?.startTime ?? NaN;
          return { ...window.__renderMarks, script: at("playground:script"), workbook: at("playground:workbook") };
        });
        results.push(marks);
        console.error(`run ${i + 1}: heading ${marks.heading.toFixed(0)} ms, sheets ${marks.sheets.toFixed(0)} ms`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
  const [script, workbook, heading, sheets] = ["script", "workbook", "heading", "sheets"].map((k) => median(results.map((r) => r[k])));
  console.log(`first render of the pane (median of ${runs}, ${path.basename(CHROMIUM_PATH)} headless, fresh profile each run):`);
  console.log(`  bundle loaded and evaluated:  ${script.toFixed(0)} ms`);
  console.log(`  sample workbook built:       ${workbook.toFixed(0)} ms (playground only: generateTeam + fake host)`);
  console.log(`  "Fairshare" heading painted: ${heading.toFixed(0)} ms after navigation start`);
  console.log(`  input sheets detected:       ${sheets.toFixed(0)} ms after navigation start`);
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
