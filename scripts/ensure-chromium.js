#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the browser tests (npm run test:browser runs this first).
// On a machine where we are root with apt-get (CI, the developers' machines) it installs the package;
// elsewhere it says what to install and fails, so browser tests never skip silently.
"use strict";
const fs = require("node:fs");
const { execSync } = require("node:child_process");

const target = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (fs.existsSync(target)) process.exit(0);
const root = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = fs.existsSync("/usr/bin/apt-get");
if (!root || !hasApt || process.env.CHROMIUM_PATH) {
  console.error(`No Chromium at ${target}. Install it: apt-get update && apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}
console.error("fairshare: installing Debian's chromium for the browser tests…");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execSync("apt-get update -qq", { stdio: "inherit", env });
execSync("apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei", { stdio: "inherit", env });
if (!fs.existsSync(target)) {
  console.error(`apt-get finished but ${target} is still missing.`);
  process.exit(1);
}
