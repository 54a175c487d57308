/**
 * office.js comes from Microsoft's CDN in the production page and from the local package in a development build.
 * The task pane's bundle stays small enough to open quickly in Excel on the web: dist/taskpane.js at
 * most 300 KB gzipped. Both bundles parse as ES2021, the newest syntax Safari 14 (package.json's
 * browserslist: the WKWebView of the oldest Mac Office supports) understands: a class field or a
 * `static {}` block (ES2022, Safari 14.1 / 16.4) would leave a blank pane there. The production build is made here when dist/ is missing or older than its
 * sources, so the check never silently tests a stale bundle or skips.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "acorn";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig: ((env: object, argv: { mode: string }) => Promise<unknown>) & { OFFICE_JS_CDN: string } = require("../webpack.config.js");
const { OFFICE_JS_CDN } = webpackConfig;

const ROOT = path.resolve(__dirname, "..");
/** Written on every build; it names the pane's content-hashed bundle. */
const PAGE = path.join(ROOT, "dist", "taskpane.html");
const LIMIT_BYTES = 300 * 1024;
/** What the production build reads besides src/. */
const BUILD_INPUTS = ["webpack.config.js", "package.json", "package-lock.json", "tsconfig.json"];

/** The newest modification time among the build's inputs, in ms. */
function newestInput(): { file: string; mtimeMs: number } {
  let newest = { file: "", mtimeMs: 0 };
  const visit = (file: string) => {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    } else if (stat.mtimeMs > newest.mtimeMs) {
      newest = { file, mtimeMs: stat.mtimeMs };
    }
  };
  visit(path.join(ROOT, "src"));
  for (const f of BUILD_INPUTS) if (fs.existsSync(path.join(ROOT, f))) visit(path.join(ROOT, f));
  return newest;
}

/** Builds dist/ with `npx webpack --mode production` unless dist/taskpane.html is newer than every input. */
function ensureFreshBundle(): void {
  const newest = newestInput();
  const built = fs.existsSync(PAGE) ? fs.statSync(PAGE).mtimeMs : -1;
  if (built >= newest.mtimeMs) return;
  try {
    execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "pipe", timeout: 10 * 60_000, env: { ...process.env, NODE_ENV: "production" } });
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`npx webpack --mode production failed (${e.message}):\n${e.stdout?.toString() ?? ""}\n${e.stderr?.toString() ?? ""}`);
  }
  if (!fs.existsSync(PAGE)) throw new Error(`npx webpack --mode production succeeded but wrote no ${path.relative(ROOT, PAGE)}`);
  // webpack leaves an unchanged file as it was: mark the build as made now, so the next check does not rebuild.
  const now = new Date();
  fs.utimesSync(PAGE, now, now);
}

/** The pane's bundle, as taskpane.html names it. */
function paneBundle(): string {
  const names = pageScripts();
  const pane = names.find((n) => /^taskpane\.[0-9a-f]{8}\.js$/.test(n));
  if (!pane) throw new Error(`taskpane.html loads no content-hashed taskpane bundle: ${names.join(", ")}`);
  return path.join(ROOT, "dist", pane);
}

test("the pane's bundle is at most 300 KB gzipped, under a content-hashed name", () => {
  ensureFreshBundle();
  const gzipped = gzipSync(fs.readFileSync(paneBundle())).length;
  expect(gzipped).toBeLessThanOrEqual(LIMIT_BYTES);
}, 10 * 60_000);

test.each(["taskpane", "functions"])("the %s bundle uses no syntax above ES2021 (Safari 14)", (name) => {
  ensureFreshBundle();
  const source = fs.readFileSync(name === "taskpane" ? paneBundle() : path.join(ROOT, "dist", "functions.js"), "utf8");
  expect(() => parse(source, { ecmaVersion: 2021 })).not.toThrow();
}, 10 * 60_000);

/** The script URLs taskpane.html loads, in order. */
function pageScripts(): string[] {
  return [...fs.readFileSync(PAGE, "utf8").matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
}

test("the production page loads office.js from Microsoft's CDN, first, and dist/ carries no copy of it", () => {
  ensureFreshBundle();
  const scripts = pageScripts();
  expect(scripts[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  expect(scripts[0]).toBe(OFFICE_JS_CDN);
  // Then the functions (they register before the pane renders), then the pane: both from the add-in's origin.
  expect(scripts.slice(1)).toEqual(["functions.js", expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/)]);
  const dist = fs.readdirSync(path.join(ROOT, "dist"));
  expect(dist.filter((f) => /^(office|o15apptofilemappingtable|excel-.*)\.js$/.test(f))).toEqual([]);
}, 10 * 60_000);

test("a development build serves the copy from @microsoft/office-js instead (no CDN while debugging)", async () => {
  type Plugin = { constructor: { name: string }; userOptions?: { officeJs?: string }; patterns?: Array<{ from: string }> };
  const configFor = async (mode: string) => (await webpackConfig({}, { mode })) as { plugins: Plugin[] };
  const pageOf = (config: { plugins: Plugin[] }) => config.plugins.find((p) => p.constructor.name === "HtmlWebpackPlugin")!.userOptions!.officeJs;
  const copiesOf = (config: { plugins: Plugin[] }) => config.plugins.find((p) => p.constructor.name === "CopyPlugin")!.patterns!.map((p) => p.from);
  const development = await configFor("development");
  expect(pageOf(development)).toBe("office.js");
  expect(copiesOf(development)).toEqual(expect.arrayContaining(["office.js", "excel-*16.*.js"]));
  const production = await configFor("production");
  expect(pageOf(production)).toBe(OFFICE_JS_CDN);
  expect(copiesOf(production)).not.toContain("office.js");
});

test("the engine's Web Worker is a content-hashed chunk of its own that parses as ES2021 (Safari 14)", () => {
  ensureFreshBundle();
  const worker = fs.readdirSync(path.join(ROOT, "dist")).filter((n) => /^engine-worker\.[0-9a-f]{8}\.js$/.test(n));
  expect(worker.length).toBe(1);
  expect(() => parse(fs.readFileSync(path.join(ROOT, "dist", worker[0]), "utf8"), { ecmaVersion: 2021 })).not.toThrow();
}, 10 * 60_000);

test("the ES2021 check catches what Safari 14 cannot parse", () => {
  expect(() => parse("class A { static { A.x = 1; } }", { ecmaVersion: 2021 })).toThrow();
  expect(() => parse("class A { x = 1 }", { ecmaVersion: 2021 })).toThrow();
  expect(() => parse("let a; a ||= 1;", { ecmaVersion: 2021 })).not.toThrow();
});
