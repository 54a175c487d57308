/**
 * Headless Chromium for the browser tests and scripts/bench-render.js (plain CommonJS so both can
 * require it). Chromium is the system's (`apt-get install chromium`; CHROMIUM_PATH overrides
 * /usr/bin/chromium): playwright-core only drives it, since `npx playwright install` cannot download
 * browsers here.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Flags for a quiet, reproducible headless Chromium that reaches nothing but the playground. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Throws with what to do when there is no Chromium: a test must fail, never skip silently. */
function requireChromium() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y --no-install-recommends chromium ` +
        "(or set CHROMIUM_PATH to a Chromium or Chrome binary)."
    );
  }
}

/**
 * Chromium with a fresh profile (its own --user-data-dir in a temporary folder) and one page.
 * @param {{width: number, height: number}} [viewport]
 */
async function launchChromium(viewport = { width: 1280, height: 800 }) {
  requireChromium();
  const { chromium } = require("playwright-core");
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fairshare-chromium-"));
  const removeProfile = () => fs.rmSync(userDataDir, { recursive: true, force: true });
  try {
    // launchPersistentContext passes userDataDir as --user-data-dir (playwright refuses it among args).
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
    });
    const page = context.pages()[0] || (await context.newPage());
    return {
      context,
      page,
      async close() {
        await context.close();
        removeProfile();
      },
    };
  } catch (err) {
    removeProfile();
    throw err;
  }
}

module.exports = { CHROMIUM_PATH, CHROMIUM_ARGS, requireChromium, launchChromium };
