"use strict";
/**
 * Builds the add-in into dist/: one page (taskpane.html) that is both the task pane and the shared
 * runtime of the custom functions, so it loads office.js, then functions.js, then taskpane.js.
 *
 *   npx webpack --mode production      build dist/
 *   npx webpack serve --mode development   https://localhost:3000 (certificates: see certificateSource below)
 *
 * FAIRSHARE_ORIGIN=https://fairshare.example.com rewrites https://localhost:3000 in the copied manifest.
 * office.js: a production build loads Microsoft's CDN copy (OFFICE_JS_CDN; AppSource requires it, and the
 * @microsoft/office-js package is no longer supported for production). A development build (dev server,
 * watch) serves the copy from @microsoft/office-js from the add-in's own origin, with the files it loads
 * at run time, so debugging needs no CDN. test/bundle.test.ts checks both.
 */
const { dependencyRule, resolve, typescriptRule } = require("./webpack.common");
const fs = require("node:fs");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, WebpackError, sources } = require("webpack");
const { localizeFunctionsMetadata, withRuntimeOptions } = require("./scripts/localize-functions");

/** The dev server's port: package.json's config.dev_server_port (the yo office convention office-addin-debugging reads). */
const DEV_PORT = Number(require("./package.json").config.dev_server_port);
const DEV_ORIGIN = `https://localhost:${DEV_PORT}`;
const FUNCTIONS_SOURCE = path.resolve(__dirname, "src/functions/functions.ts");
const OFFICE_JS_DIR = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
/** Microsoft's hosted office.js (Office Add-ins must load it from here to be listed in AppSource). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Locales with their own custom-functions metadata: locale → translation table. */
const FUNCTION_LOCALES = { "zh-CN": path.resolve(__dirname, "src/functions/i18n.zh-CN.json") };

/**
 * Emits functions.<locale>.json from the functions.json that CustomFunctionsMetadataPlugin generated
 * and the locale's translation table, so a localized file always has every function. Missing or stale
 * translations are build errors in production and warnings in development.
 */
class LocalizedFunctionsMetadataPlugin {
  constructor({ source, locales, strict }) {
    this.source = source;
    this.locales = locales;
    this.strict = strict;
  }

  apply(compiler) {
    const name = "LocalizedFunctionsMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const generated = compilation.getAsset(this.source);
        if (!generated) return; // metadata generation failed; CustomFunctionsMetadataPlugin reported why
        const metadata = withRuntimeOptions(JSON.parse(generated.source.source().toString()));
        compilation.updateAsset(this.source, new sources.RawSource(JSON.stringify(metadata, null, 4)));
        for (const [locale, tablePath] of Object.entries(this.locales)) {
          compilation.fileDependencies.add(tablePath);
          const report = (message) => {
            const error = new WebpackError(`${path.relative(__dirname, tablePath)}: ${message}`);
            (this.strict ? compilation.errors : compilation.warnings).push(error);
          };
          let table;
          try {
            table = JSON.parse(fs.readFileSync(tablePath, "utf8"));
          } catch (err) {
            report(`cannot read the translation table (${err instanceof Error ? err.message : String(err)})`);
            table = {};
          }
          const localized = localizeFunctionsMetadata(metadata, table);
          localized.problems.forEach(report);
          const output = this.source.replace(/\.json$/, `.${locale}.json`);
          compilation.emitAsset(output, new sources.RawSource(JSON.stringify(localized.metadata, null, 4)));
        }
      });
    });
  }
}

/** The origin the manifest's URLs should point at: FAIRSHARE_ORIGIN, or the dev server's. */
function manifestOrigin() {
  const origin = process.env.FAIRSHARE_ORIGIN;
  if (!origin) return DEV_ORIGIN;
  const url = new URL(origin);
  if (url.protocol !== "https:" || url.origin !== origin.replace(/\/$/, "")) {
    throw new Error(`FAIRSHARE_ORIGIN must be an https origin without a path, got ${origin}`);
  }
  return url.origin;
}

/**
 * The office.js files the page needs: office.js and what it loads beside itself at run time (the Excel
 * host script for the platform, Office's UI strings for the display language, telemetry, web auth).
 * Paths stay as in the package, since office.js asks for them relative to its own URL. No debug builds.
 */
function officeJsPatterns() {
  const pattern = (from) => ({
    from,
    context: OFFICE_JS_DIR,
    // A plain file path would be flattened to its base name; keep the package's folders.
    to: /[*?]/.test(from) ? undefined : from,
    globOptions: { ignore: ["**/*.debug.js"] },
    info: { minimized: true }, // already minified: keep the minimizer off these megabytes
  });
  return [
    "office.js",
    "o15apptofilemappingtable.js", // host-to-file table for Office 2013-era hosts
    "excel-*16.*.js", // Excel host scripts by platform: win32, mac, web, ios, android, winrt (+ "core" variants)
    "*/office_strings.js", // one folder per display language; en-us is office.js's fallback
    "telemetry/oteljs_agave.js",
    "ariatelemetry/aria-web-telemetry.js",
    "webauth/*.js",
  ].map(pattern);
}

/**
 * Where the dev server's certificate comes from. On Windows and macOS, the Office template's way:
 * office-addin-dev-certs' getHttpsServerOptions() keeps a CA and a localhost certificate in
 * ~/.office-addin-dev-certs, installs the CA among the user's trusted roots (the OS asks once) and renews and
 * reinstalls both when they expire (every 30 days), so `npm start` sideloads into Excel with one command.
 * Elsewhere (Linux, where only Excel on the web runs, and CI), or with FAIRSHARE_PROJECT_CERTS=1:
 * scripts/certs.js makes project-local certificates in certs/ and installs nothing.
 * @returns {"office-addin-dev-certs" | "project"}
 */
function certificateSource(platform = process.platform, env = process.env) {
  if (env.FAIRSHARE_PROJECT_CERTS === "1") return "project";
  return platform === "win32" || platform === "darwin" ? "office-addin-dev-certs" : "project";
}

/** https options for the dev server (see certificateSource). */
async function devServerHttps() {
  if (certificateSource() === "office-addin-dev-certs") {
    const { ca, cert, key } = await require("office-addin-dev-certs").getHttpsServerOptions();
    return { ca, cert, key };
  }
  const certs = require("./scripts/certs");
  try {
    const { generated } = await certs.ensureCertificates();
    if (generated) console.log(`Generated development certificates in certs/.\n${certs.trustInstructions()}`);
  } catch (err) {
    throw new Error(
      `Could not create development certificates (${err instanceof Error ? err.message : String(err)}). Run: node scripts/certs.js`
    );
  }
  return certs.readHttpsOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const origin = manifestOrigin();
  return {
    mode: production ? "production" : "development",
    // webpack's own runtime code for the engines package.json's browserslist names (see webpack.common.js).
    target: "browserslist",
    devtool: production ? false : "eval-cheap-module-source-map",
    entry: {
      functions: FUNCTIONS_SOURCE,
      taskpane: path.resolve(__dirname, "src/taskpane/index.tsx"),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // The pane's bundle is content-hashed, so a new release is never served from a stale cache
      // (taskpane.html names it); functions.js keeps its name because the manifest points at it.
      filename: (pathData) => (pathData.chunk?.name === "functions" ? "functions.js" : "[name].[contenthash:8].js"),
      // The engine's Web Worker (src/taskpane/worker/spawnEngineWorker.ts) is a chunk of its own, content-hashed too.
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve,
    module: { rules: [typescriptRule, dependencyRule] },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new LocalizedFunctionsMetadataPlugin({ source: "functions.json", locales: FUNCTION_LOCALES, strict: production }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: path.resolve(__dirname, "src/taskpane/taskpane.html"),
        // Read by the template: where office.js comes from.
        officeJs: production ? OFFICE_JS_CDN : "office.js",
        // Shared runtime: the functions register on the same page as the pane, before it renders.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", context: __dirname },
          {
            from: "manifest.xml",
            context: __dirname,
            transform: (content) => content.toString().split(DEV_ORIGIN).join(origin),
          },
          ...(production ? [] : officeJsPatterns()),
        ],
      }),
    ],
    performance: {
      hints: production ? "warning" : false,
      assetFilter: (name) => /^(taskpane\.[0-9a-f]{8}|functions)\.js$/.test(name),
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
    },
    devServer: env.WEBPACK_SERVE
      ? {
          port: DEV_PORT,
          server: { type: "https", options: await devServerHttps() },
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false, // everything, office.js included, comes from the compilation
        }
      : undefined,
  };
};

module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.DEV_ORIGIN = DEV_ORIGIN;
module.exports.certificateSource = certificateSource;
