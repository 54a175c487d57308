#!/usr/bin/env node
"use strict";
/**
 * Creates the development HTTPS certificates in the project folder certs/ (git-ignored):
 * a CA (certs/ca.crt) and a localhost certificate signed by it (certs/localhost.crt, certs/localhost.key).
 * Uses office-addin-dev-certs' generateCertificates; installs nothing into the system store and needs no sudo.
 * The dev server uses these on Linux and CI (or with FAIRSHARE_PROJECT_CERTS=1); on Windows and macOS it
 * follows the Office template instead (office-addin-dev-certs installs and renews its own CA: see
 * certificateSource in webpack.config.js).
 *
 * Usage: node scripts/certs.js [--force] [--days N]
 *   Reuses valid certificates unless --force is given; otherwise generates new ones valid for N days (default 30).
 *
 * For Office to load https://localhost:3000 the CA must be trusted once by you (see trustInstructions()).
 * webpack.config.js calls ensureCertificates() when the dev server starts.
 */
const fs = require("node:fs");
const path = require("node:path");
const { X509Certificate } = require("node:crypto");

const CERT_DIR = path.resolve(__dirname, "..", "certs");
const PATHS = {
  ca: path.join(CERT_DIR, "ca.crt"),
  cert: path.join(CERT_DIR, "localhost.crt"),
  key: path.join(CERT_DIR, "localhost.key"),
};
const DEFAULT_DAYS = 30;
// Regenerate a little before expiry so a dev session does not die half-way.
const RENEW_MARGIN_MS = 24 * 60 * 60 * 1000;

/** Why the certificates in certs/ cannot be used as they are, or null when they can. */
function certificateProblem(now = Date.now()) {
  const missing = Object.values(PATHS).filter((p) => !fs.existsSync(p));
  if (missing.length > 0) return `missing ${missing.map((p) => path.relative(process.cwd(), p)).join(", ")}`;
  try {
    const cert = new X509Certificate(fs.readFileSync(PATHS.cert));
    const ca = new X509Certificate(fs.readFileSync(PATHS.ca));
    if (Date.parse(cert.validTo) - RENEW_MARGIN_MS < now) return `localhost certificate expires ${cert.validTo}`;
    if (!cert.checkIssued(ca)) return "localhost certificate was not issued by certs/ca.crt";
  } catch (err) {
    return `unreadable certificate: ${err instanceof Error ? err.message : String(err)}`;
  }
  return null;
}

function trustInstructions() {
  const ca = path.relative(process.cwd(), PATHS.ca) || PATHS.ca;
  return [
    `Trust the development CA once so Office accepts https://localhost:3000:`,
    `  Windows: certutil -user -addstore Root ${ca}`,
    `  macOS:   security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db ${ca}`,
    `  Linux (browser only): import ${ca} as an authority in the browser's certificate settings.`,
    `A regenerated CA has to be trusted again.`,
  ].join("\n");
}

/**
 * Makes sure certs/ holds usable certificates, generating them when needed.
 * @returns {Promise<{ paths: typeof PATHS, generated: boolean, reason?: string }>}
 */
async function ensureCertificates({ force = false, days = DEFAULT_DAYS } = {}) {
  const problem = force ? "regeneration requested" : certificateProblem();
  if (problem === null) return { paths: PATHS, generated: false };
  // generateCertificates only writes when the CA file is absent, so clear out the old set first.
  for (const p of Object.values(PATHS)) fs.rmSync(p, { force: true });
  // The lib module, not the package root: the root also loads the install/verify commands.
  const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
  await generateCertificates(PATHS.ca, PATHS.cert, PATHS.key, days);
  fs.chmodSync(PATHS.key, 0o600); // a private key, even a development one, is for the owner only
  const after = certificateProblem();
  if (after !== null) throw new Error(`Generated certificates are not usable: ${after}`);
  return { paths: PATHS, generated: true, reason: problem };
}

/** The https options for webpack-dev-server, or an Error telling what to run. */
function readHttpsOptions() {
  const problem = certificateProblem();
  if (problem !== null) {
    throw new Error(`No usable development certificates in certs/ (${problem}). Run: node scripts/certs.js`);
  }
  return { ca: fs.readFileSync(PATHS.ca), cert: fs.readFileSync(PATHS.cert), key: fs.readFileSync(PATHS.key) };
}

async function main(argv) {
  const force = argv.includes("--force");
  const daysIndex = argv.indexOf("--days");
  const days = daysIndex >= 0 ? Number(argv[daysIndex + 1]) : DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1) {
    console.error("--days needs a whole number of days (1 or more)");
    return 2;
  }
  const result = await ensureCertificates({ force, days });
  if (result.generated) {
    console.log(`Generated development certificates in ${path.relative(process.cwd(), CERT_DIR)}/ (${result.reason}).`);
    console.log(trustInstructions());
  } else {
    console.log(`Certificates in ${path.relative(process.cwd(), CERT_DIR)}/ are valid; nothing to do (use --force to regenerate).`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err) => { console.error(err instanceof Error ? err.message : String(err)); process.exitCode = 1; }
  );
}

module.exports = { CERT_DIR, PATHS, certificateProblem, ensureCertificates, readHttpsOptions, trustInstructions };
