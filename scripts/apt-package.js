// Makes sure a Debian package's program is there for the tests that need it. On a machine where we
// are root with apt-get (CI, the developers' machines) it installs the package; elsewhere it says what
// to install and fails, so those tests never skip silently.
"use strict";
const fs = require("node:fs");
const { execSync } = require("node:child_process");

/**
 * @param {{ target: string, packages: string, what: string, override?: string }} p the program's path,
 *   the apt packages that provide it, what it is for, and the env variable that may name another path
 */
function ensureAptPackage({ target, packages, what, override }) {
  if (fs.existsSync(target)) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get");
  if (!root || !hasApt || (override && process.env[override])) {
    console.error(`No ${target}. Install it: apt-get update && apt-get install -y --no-install-recommends ${packages}${override ? ` (or set ${override})` : ""}.`);
    process.exit(1);
  }
  console.error(`fairshare: installing Debian's ${packages} for ${what}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execSync("apt-get update -qq", { stdio: "inherit", env });
  execSync(`apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends ${packages}`, { stdio: "inherit", env });
  if (!fs.existsSync(target)) {
    console.error(`apt-get finished but ${target} is still missing.`);
    process.exit(1);
  }
}

module.exports = { ensureAptPackage };
