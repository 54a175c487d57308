#!/usr/bin/env node
// npm run docs: regenerates docs/settings.md from the settings registry.
const fs = require("node:fs");
const path = require("node:path");
const { REGISTRY } = require("../build/engine/settings/index.js");
const { settingsMarkdown } = require("../build/engine/report/settingsSheet.js");
const out = path.join(__dirname, "..", "docs", "settings.md");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, settingsMarkdown(REGISTRY) + "\n");
console.log(`wrote ${path.relative(process.cwd(), out)}`);
