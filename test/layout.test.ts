/** What the product ships lives in src/: nothing under src/ imports from test/. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const SRC = path.join(__dirname, "..", "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

test("no module under src/ imports from test/", () => {
  const offenders = files(SRC).filter((f) => /from\s+["'][^"']*\/test\//.test(readFileSync(f, "utf8")));
  expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
});
