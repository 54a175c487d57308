"use strict";
/**
 * Builds the playground (src/playground/) into dist-playground/: the task pane over the fake Excel host,
 * with a grid of the workbook beside it, as a static page. No office.js, no custom functions, no manifest.
 *
 *   node scripts/playground.js            build, then serve on http://localhost:3000 (npm run playground)
 *   npx webpack -c webpack.playground.js --mode production      build only
 *
 * `--env outputPath=<dir>` builds elsewhere (the browser tests build into a temporary folder).
 */
const { resolve, typescriptRule } = require("./webpack.common");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "eval-cheap-module-source-map",
    entry: { playground: path.resolve(__dirname, "src/playground/index.tsx") },
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist-playground"),
      filename: "[name].js",
      // The engine's Web Worker (src/taskpane/worker/spawnEngineWorker.ts): engine-worker.js.
      chunkFilename: "[name].js",
      clean: true,
    },
    resolve,
    module: { rules: [typescriptRule] },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: path.resolve(__dirname, "src/playground/playground.html"),
        favicon: path.resolve(__dirname, "assets/icon-32.png"),
      }),
    ],
    // The playground carries the engine, the fake host and the sample generator: not the add-in's budget
    // (test/bundle.test.ts guards the add-in's pane bundle).
    performance: { hints: false },
  };
};
