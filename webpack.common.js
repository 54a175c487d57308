/**
 * What the add-in build (webpack.config.js) and the playground build (webpack.playground.js) share.
 */
"use strict";

/**
 * The syntax level of the bundles. package.json's browserslist names the oldest engines the pane must run
 * in: Safari 14 (the WKWebView of Office on the oldest macOS Office for Mac supports) and Chromium-based
 * Edge (WebView2) on Windows. Safari 14 parses ES2020 but not class static blocks (Safari 16.4) nor, before
 * 14.1, class fields; a `static {}` block in any bundled module leaves a blank pane. So everything bundled,
 * our code and node_modules alike, is lowered to ES2020; test/bundle.test.ts parses the output at that level.
 */
const BUNDLE_TARGET = "ES2020";

/** TypeScript through ts-loader: type checking is `npm run typecheck`; here only transpile, as ES modules so webpack can tree-shake Fluent. */
const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false, target: BUNDLE_TARGET },
    },
  },
};

/**
 * Dependencies' JavaScript lowered to BUNDLE_TARGET by the same TypeScript transpiler (no second toolchain):
 * some Fluent UI modules ship ES2022 class static blocks.
 */
const dependencyRule = {
  test: /\.m?js$/,
  include: /node_modules/,
  use: {
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      compilerOptions: { allowJs: true, module: "esnext", moduleResolution: "bundler", noEmit: false, target: BUNDLE_TARGET },
    },
  },
};

const resolve = { extensions: [".ts", ".tsx", ".js"] };

module.exports = { typescriptRule, dependencyRule, resolve, BUNDLE_TARGET };
