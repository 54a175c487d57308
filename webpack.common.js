/**
 * What the add-in build (webpack.config.js) and the playground build (webpack.playground.js) share.
 */
"use strict";

/** TypeScript through ts-loader: type checking is `npm run typecheck`; here only transpile, as ES modules so webpack can tree-shake Fluent. */
const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false },
    },
  },
};

const resolve = { extensions: [".ts", ".tsx", ".js"] };

module.exports = { typescriptRule, resolve };
