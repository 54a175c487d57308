/**
 * The developer setup follows the Office add-in template (yo office), so `npm start` sideloads the add-in
 * on a developer's Windows or Mac with one command. Offline checks only: nothing here starts a server,
 * creates certificates or reaches the network.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { config: Record<string, unknown>; scripts: Record<string, string> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig: { DEV_ORIGIN: string; certificateSource: (platform: string, env: Record<string, string | undefined>) => string } = require("../webpack.config.js");

test("package.json has the template's config block, which office-addin-debugging reads", () => {
  expect(pkg.config).toMatchObject({ app_to_debug: "excel", app_type_to_debug: "desktop", dev_server_port: 3000 });
});

test("package.json has the template's scripts", () => {
  expect(pkg.scripts).toMatchObject({
    start: "office-addin-debugging start manifest.xml",
    "start:desktop": "office-addin-debugging start manifest.xml desktop",
    "start:web": "office-addin-debugging start manifest.xml web",
    stop: "office-addin-debugging stop manifest.xml",
    "dev-server": "webpack serve --mode development",
    watch: "webpack --mode development --watch",
    validate: "office-addin-manifest validate manifest.xml",
  });
});

test("the dev server's port, the manifest's URLs and the webpack origin agree", () => {
  expect(webpackConfig.DEV_ORIGIN).toBe(`https://localhost:${pkg.config.dev_server_port}`);
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  // URLs in attributes and AppDomain (comments may cite documentation).
  const origins = new Set([...manifest.matchAll(/(?:="|<AppDomain>)(https:\/\/[^/"<\s]+)/g)].map((m) => m[1]));
  expect([...origins]).toEqual([webpackConfig.DEV_ORIGIN]);
});

test("certificates: office-addin-dev-certs (installed and renewed for the user) on Windows and macOS, project-local elsewhere", () => {
  expect(webpackConfig.certificateSource("win32", {})).toBe("office-addin-dev-certs");
  expect(webpackConfig.certificateSource("darwin", {})).toBe("office-addin-dev-certs");
  expect(webpackConfig.certificateSource("linux", {})).toBe("project");
  expect(webpackConfig.certificateSource("darwin", { FAIRSHARE_PROJECT_CERTS: "1" })).toBe("project");
});
