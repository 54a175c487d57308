#!/usr/bin/env node
/**
 * The playground: builds src/playground/ with webpack.playground.js into dist-playground/ and serves it
 * over plain http on 127.0.0.1 (npm run playground). The task pane runs as in Excel, over the fake Excel
 * host, beside a grid of the sample workbook. Try http://localhost:3000/?lang=zh-CN&width=320.
 *
 *   node scripts/playground.js            production build, then serve on PORT (default 3000)
 *   node scripts/playground.js --watch    development build, rebuilt on every change (reload the page)
 *   node scripts/playground.js --no-build serve what dist-playground/ holds
 *
 * Also a module: test/browser and scripts/bench-render.js build and serve it on a free port themselves.
 */
"use strict";
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_DIR = path.join(ROOT, "dist-playground");
const HOST = "127.0.0.1";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

/** webpack's configuration for the playground, for a mode and an output folder. */
function playgroundConfig({ mode, outputPath }) {
  return require(path.join(ROOT, "webpack.playground.js"))({ outputPath }, { mode });
}

/** Reports a finished compilation; rejects on errors (webpack's own text, not a stack). */
function compilationResult(err, stats) {
  if (err) return err;
  if (stats.hasErrors()) return new Error(stats.toString({ all: false, errors: true, colors: false }));
  return null;
}

/**
 * Builds the playground once.
 * @param {{mode?: "production"|"development", outputPath?: string}} [options]
 * @returns {Promise<{outputPath: string, ms: number}>}
 */
function buildPlayground({ mode = "production", outputPath = DEFAULT_DIR } = {}) {
  const webpack = require("webpack");
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const compiler = webpack(playgroundConfig({ mode, outputPath }));
    compiler.run((err, stats) => {
      compiler.close(() => {
        const failure = compilationResult(err, stats);
        if (failure) reject(failure);
        else resolve({ outputPath, ms: Date.now() - started });
      });
    });
  });
}

/**
 * Rebuilds on every change until the process ends (development mode).
 * @param {{outputPath?: string, onBuild?: (error: Error|null) => void}} [options]
 */
function watchPlayground({ outputPath = DEFAULT_DIR, onBuild = () => {} } = {}) {
  const webpack = require("webpack");
  return webpack(playgroundConfig({ mode: "development", outputPath })).watch({}, (err, stats) => onBuild(compilationResult(err, stats)));
}

/**
 * Serves a built playground folder over http on 127.0.0.1. Port 0 picks a free port.
 * @param {{dir?: string, port?: number}} [options]
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
function servePlayground({ dir = DEFAULT_DIR, port = 3000 } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${pathname}\n`);
        return;
      }
      res.writeHead(200, {
        "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
        "Content-Length": body.length,
        // Always the latest build: a stale cached bundle is the worst surprise in a playground.
        "Cache-Control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    });
  });
  const sockets = new Set();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => {
      server.off("error", reject);
      const actual = server.address().port;
      resolve({
        url: `http://${HOST}:${actual}/`,
        port: actual,
        close: () =>
          new Promise((done) => {
            // Browsers keep connections alive: end them, or close() waits for their timeout.
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

async function main(argv) {
  const port = process.env.PORT === undefined ? 3000 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  if (argv.includes("--watch")) {
    let first = true;
    watchPlayground({
      onBuild: (error) => {
        if (error) console.error(error.message);
        else console.error(first ? "Built the playground (development); watching for changes." : "Rebuilt: reload the page.");
        first = false;
      },
    });
  } else if (!argv.includes("--no-build")) {
    console.error("Building the playground (production)…");
    const { ms } = await buildPlayground();
    console.error(`Built dist-playground/ in ${(ms / 1000).toFixed(1)} s.`);
  }
  const server = await servePlayground({ port });
  const url = `http://localhost:${server.port}/`;
  console.log(`Fairshare playground: ${url}  (bound to ${HOST}; try ${url}?lang=zh-CN&width=320; Ctrl+C to stop)`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}

module.exports = { buildPlayground, watchPlayground, servePlayground };
