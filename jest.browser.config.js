/**
 * The browser tests (npm run test:browser): the playground in headless Chromium through playwright-core.
 * Apart from `npm test` because they need a Chromium (/usr/bin/chromium, or CHROMIUM_PATH) and take
 * longer; their files are named *.browser.ts so the main jest config never picks them up.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/browser"],
  testMatch: ["**/*.browser.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  // One Chromium at a time on a 2-core machine; the suite shares one build and one server.
  maxWorkers: 1,
  testTimeout: 120000,
};
