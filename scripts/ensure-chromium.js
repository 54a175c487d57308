#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the browser tests (npm run test:browser runs this first).
"use strict";
const { ensureAptPackage } = require("./apt-package.js");

ensureAptPackage({ target: process.env.CHROMIUM_PATH || "/usr/bin/chromium", packages: "chromium fonts-wqy-microhei", what: "the browser tests", override: "CHROMIUM_PATH" });
