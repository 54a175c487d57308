import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { MESSAGE_CATALOGUES, WORD_CATALOGUES } from "../../src/engine/messages";
import { LABELS } from "../../src/engine/report/labels";
import { REGISTRY } from "../../src/engine/settings";

const ENGINE = path.join(__dirname, "..", "..", "src", "engine");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

test("src/engine imports nothing but itself: no Office, React, DOM or Node", () => {
  const offenders: string[] = [];
  for (const file of files(ENGINE)) {
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g)) {
      if (!m[1].startsWith(".")) offenders.push(`${path.relative(ENGINE, file)} imports ${m[1]}`);
    }
    // Comments and string literals are text for people ("…in the window."), not code.
    const code = src.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "").replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
    if (/\b(Excel|Office|document|window|process)\.\w/.test(code)) offenders.push(`${path.relative(ENGINE, file)} uses a host global`);
  }
  expect(offenders).toEqual([]);
});

test("every catalogue has the same keys in en-US and zh-CN, none empty", () => {
  for (const cat of [MESSAGE_CATALOGUES, WORD_CATALOGUES, LABELS] as Record<string, Record<string, string>>[]) {
    expect(Object.keys(cat["zh-CN"]).sort()).toEqual(Object.keys(cat["en-US"]).sort());
    for (const loc of ["en-US", "zh-CN"]) for (const v of Object.values(cat[loc])) expect(v.trim()).not.toBe("");
  }
});

test("every setting is described in both languages", () => {
  for (const d of REGISTRY.defs) {
    expect(d.description["en-US"]).toBeTruthy();
    expect(d.description["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
  }
});
