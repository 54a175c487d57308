#!/usr/bin/env node
// Makes sure LibreOffice Calc is there: the fidelity tests open what the CLI writes in it and re-save
// proposals with it (npm run test:unit runs this before jest).
"use strict";
const { ensureAptPackage } = require("./apt-package.js");

ensureAptPackage({ target: "/usr/bin/soffice", packages: "libreoffice-calc", what: "the LibreOffice fidelity tests" });
